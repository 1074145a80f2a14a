"""The list and meeting pages run a bounded number of queries: 3 or 30 meetings cost the
same."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


def _count(client, url):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _make(make_meeting, venue, n, offset):
    from meetings.models import Venue

    for i in range(n):
        where = Venue.objects.create(
            village=venue.village, name=f"Lokal {offset + i}", street_address="Väg 1"
        )
        make_meeting(days=2 + offset + i, where=where, title=f"Träff {offset + i}")


def test_list_query_count_does_not_grow(client, make_meeting, venue, moderator):
    """The coming list costs the same number of queries for 3 and 30 meetings. (The first
    render after a change also reads the village directory once: warmed before counting.)"""
    _make(make_meeting, venue, 3, 0)
    client.get("/kommundelstraffar/")  # warm the content-type cache and village directory
    small = _count(client, "/kommundelstraffar/")
    _make(make_meeting, venue, 27, 3)
    client.get("/kommundelstraffar/")
    assert _count(client, "/kommundelstraffar/") == small
    assert _count(client, "/kommundelstraffar/tidigare/") <= small + 2


def test_meeting_page_query_count_does_not_grow_with_questions(client, meeting, moderator):
    """GDPR-4: the meeting page shows published questions with answers in the same number
    of queries for 3 and 30 of them."""
    from meetings.models import Answer
    from moderation.services import contribution_approve, contribution_submit

    def add(n):
        for i in range(n):
            c = contribution_submit(target=meeting, kind="question", text=f"Fråga nummer {i}?")
            contribution_approve(contribution=c, actor=moderator)
            Answer.objects.create(
                meeting=meeting, contribution_id=c.pk, text="Svar", answered_by="K"
            )

    add(3)
    client.get(meeting.get_absolute_url())
    small = _count(client, meeting.get_absolute_url())
    add(27)
    assert _count(client, meeting.get_absolute_url()) == small


def test_village_page_query_count_bounded(client, make_meeting, venue):
    """The village page costs the same number of queries for 3 and 30 meetings."""
    _make(make_meeting, venue, 3, 0)
    client.get("/kommundelstraffar/byar/appelbo/")
    small = _count(client, "/kommundelstraffar/byar/appelbo/")
    _make(make_meeting, venue, 27, 3)
    assert _count(client, "/kommundelstraffar/byar/appelbo/") == small
