"""Querysets compiled once per process (dialog_portal.prepared) give what the queryset gives."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialog_portal.prepared import Prepared, PreparedError
from meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db


def test_model_rows_with_select_related_equal_the_queryset(make_meeting, other_village):
    """The meeting page's kind of query: rows, their select_related objects and order are the
    queryset's, for every parameter value, from SQL compiled once. No domain.md requirement
    (speed of the public pages, issue 7 point 7)."""
    first, second = make_meeting(), make_meeting(days=20)

    def build(pk):
        return Meeting.objects.select_related("village", "venue").filter(pk=pk)

    prepared = Prepared(build, pk=-1)
    for meeting in (first, second):
        expected = list(build(meeting.pk))
        got = prepared.all(pk=meeting.pk)
        assert got == expected
        assert [(m.title, m.starts_at, m.venue_id) for m in got] == [
            (m.title, m.starts_at, m.venue_id) for m in expected
        ]
        with CaptureQueriesContext(connection) as queries:
            assert got[0].village.name == expected[0].village.name
            assert got[0].venue.street_address == expected[0].venue.street_address
        assert len(queries) == 0  # select_related objects came with the row
    assert prepared.first(pk=10**9) is None


def test_values_list_and_ordering(make_meeting):
    """values_list(flat=True) gives plain values; the model ordering is kept."""
    meeting = make_meeting()  # with "Välkommen" at 0 and "Fiber och vägar" at 1
    for position, title in [(3, "Vägen"), (2, "Skolan"), (4, "Fibern")]:
        AgendaItem.objects.create(meeting=meeting, position=position, title=title)
    titles = Prepared(
        lambda mid: AgendaItem.objects.filter(meeting_id=mid).values_list("title", flat=True),
        mid=-5,
    )
    assert titles.all(mid=meeting.pk) == [
        "Välkommen",
        "Fiber och vägar",
        "Skolan",
        "Vägen",
        "Fibern",
    ]
    with CaptureQueriesContext(connection) as queries:
        titles.all(mid=meeting.pk)
    assert len(queries) == 1


def test_a_sentinel_must_be_a_single_parameter(meeting):
    """A sentinel that is not exactly one parameter (missing, or repeated) is refused when
    the SQL is compiled, and a call must pass exactly the declared values."""
    missing = Prepared(lambda pk: Meeting.objects.filter(pk=3), pk=-1)
    with pytest.raises(PreparedError, match="appears 0 times"):
        missing.all(pk=meeting.pk)
    twice = Prepared(lambda pk: Meeting.objects.filter(pk=pk, village_id=pk), pk=-1)
    with pytest.raises(PreparedError, match="appears 2 times"):
        twice.all(pk=meeting.pk)
    ok = Prepared(lambda pk: Meeting.objects.filter(pk=pk), pk=-1)
    with pytest.raises(PreparedError):
        ok.all(id=meeting.pk)
    with pytest.raises(PreparedError, match="prefetch_related"):
        Prepared(lambda pk: Meeting.objects.prefetch_related("agenda_items"), pk=-1).all(pk=1)


def test_datetime_parameters_are_passed_as_the_database_takes_them(make_meeting):
    """A time parameter (here "not ended by then") is substituted in the database's own form
    (SQLite: text, PostgreSQL: a timestamp), so every time gives what the queryset gives, and
    annotations come along. No domain.md requirement (speed of the public pages, issue 7)."""
    import datetime

    from django.db.models import Count, Window

    from meetings.selectors import published_meetings

    meetings = [make_meeting(days=d) for d in (5, 10, 20)]

    def build(now):
        return (
            published_meetings()
            .filter(ends_at__gte=now)
            .annotate(total=Window(Count("pk")))
            .order_by("starts_at")
        )

    prepared = Prepared(build, now=datetime.datetime(1901, 1, 1, tzinfo=datetime.UTC))
    for meeting in [None, *meetings]:
        when = meeting.ends_at if meeting else meetings[0].starts_at - datetime.timedelta(days=1)
        expected = list(build(when))
        got = prepared.all(now=when)
        assert got == expected
        assert (
            [m.total for m in got] == [m.total for m in expected] == [len(expected)] * len(expected)
        )
