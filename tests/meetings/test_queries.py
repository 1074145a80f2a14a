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
    """The coming list's first page is one query (meetings, villages, venues and question
    counts) while it is not full, and two when it is (the list's length for "page 1 of 2"),
    for 30 meetings as for 3000. (The first render after a change also reads the village
    directory once: warmed before counting.)"""
    _make(make_meeting, venue, 3, 0)
    client.get("/kommundelstraffar/")  # warm the content-type cache and village directory
    assert _count(client, "/kommundelstraffar/") == 1
    _make(make_meeting, venue, 27, 3)
    client.get("/kommundelstraffar/")
    assert _count(client, "/kommundelstraffar/") == 2
    by_village = f"/kommundelstraffar/?by={venue.village.slug}"
    client.get(by_village)
    assert _count(client, by_village) == 2
    assert _count(client, "/kommundelstraffar/tidigare/") <= 4


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


def test_coming_list_pages_and_question_counts(client, make_meeting, venue, moderator):
    """GDPR-4, BBS-3: the coming list pages by 20 ("Sida 1 av 2"); every card, on the first
    page (prepared query) and on later ones, counts only its meeting's published questions and
    needs; a bad page number gives the first page and one past the end the last."""
    from moderation.services import contribution_approve, contribution_submit

    _make(make_meeting, venue, 25, 0)
    from meetings.models import Meeting

    ordered = list(Meeting.objects.order_by("starts_at"))
    first, last = ordered[0], ordered[-1]
    for target, published in ((first, 2), (last, 3)):
        for i in range(published):
            c = contribution_submit(target=target, kind="question", text=f"Fråga {i} om vägen?")
            contribution_approve(contribution=c, actor=moderator)
    contribution_submit(target=first, kind="need", text="Ett behov som väntar på granskning.")

    page1 = client.get("/kommundelstraffar/").content.decode()
    assert page1.count('class="meeting-card') == 20
    assert "Sida 1 av 2" in page1 and "sida=2" in page1
    assert "<p>2 frågor och behov</p>" in page1
    assert "3 frågor och behov" not in page1

    page2 = client.get("/kommundelstraffar/?sida=2").content.decode()
    assert page2.count('class="meeting-card') == 5
    assert "Sida 2 av 2" in page2
    assert "<p>3 frågor och behov</p>" in page2 and "2 frågor och behov" not in page2

    assert "Sida 1 av 2" in client.get("/kommundelstraffar/?sida=x").content.decode()
    assert "Sida 2 av 2" in client.get("/kommundelstraffar/?sida=99").content.decode()

    by_village = client.get(f"/kommundelstraffar/?by={venue.village.slug}").content.decode()
    assert by_village.count('class="meeting-card') == 20 and "Sida 1 av 2" in by_village
