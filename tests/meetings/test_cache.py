"""The shared page cache: anonymous pages come from the cache in a constant (zero) number of
queries, and every change through the services or moderation shows on the next request."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from meetings import services
from meetings.models import AgendaItem, Answer

pytestmark = pytest.mark.django_db


def _get(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(ctx.captured_queries)


def test_second_anonymous_request_is_a_hit_with_no_queries(client, make_meeting, venue):
    """A cached hit costs the same (no) queries for 3 and 30 meetings; the first request
    renders and stores the page."""
    from meetings.models import Venue

    for i in range(3):
        where = Venue.objects.create(village=venue.village, name=f"L{i}", street_address="V 1")
        make_meeting(days=2 + i, where=where)
    first, _ = _get(client, "/kommundelstraffar/")
    hit, queries = _get(client, "/kommundelstraffar/")
    assert first["X-Meetings-Cache"] == "miss" and hit["X-Meetings-Cache"] == "hit"
    assert queries == 0
    for i in range(27):
        where = Venue.objects.create(village=venue.village, name=f"M{i}", street_address="V 1")
        make_meeting(days=10 + i, where=where)
    _get(client, "/kommundelstraffar/")  # the new meetings made a new version: a miss
    hit, queries = _get(client, "/kommundelstraffar/")
    assert hit["X-Meetings-Cache"] == "hit" and queries == 0


def test_changes_through_services_show_on_the_next_request(client, meeting, moderator):
    """TF-2, TF-3: a moderator's decision, an answer, an agenda change and a cancellation are
    visible at once on the cached meeting page, the list and the feed (the content version
    moves with every save)."""
    from moderation.services import contribution_approve, contribution_submit

    url = meeting.get_absolute_url()
    feed = "/kommundelstraffar/kalender.ics"
    for page in (url, "/kommundelstraffar/", feed):
        client.get(page)
        assert client.get(page)["X-Meetings-Cache"] == "hit"

    c = contribution_submit(target=meeting, kind="question", text="Blir det ny busslinje?")
    assert "Blir det ny busslinje?" not in client.get(url).content.decode()
    contribution_approve(contribution=c, actor=moderator)
    assert "Blir det ny busslinje?" in client.get(url).content.decode()
    assert "1 fråga eller behov" in client.get("/kommundelstraffar/").content.decode()

    services.answer_save(
        answer=Answer(meeting=meeting, contribution_id=c.pk, text="Ja, i augusti.", answered_by="K")
    )
    assert "Ja, i augusti." in client.get(url).content.decode()

    AgendaItem.objects.create(meeting=meeting, position=5, title="Snöröjningen")
    assert "Snöröjningen" in client.get(url).content.decode()

    services.meeting_cancel(meeting=meeting, reason="Sjukdom")
    assert "Sjukdom" in client.get(url).content.decode()
    assert "STATUS:CANCELLED" in client.get(feed).content.decode()


def test_logged_in_visitors_never_get_a_cached_page(client, meeting, resident):
    """A logged-in resident gets a fresh page with their own account menu, never the page
    cached for anonymous visitors, and nothing is stored for them."""
    url = meeting.get_absolute_url()
    client.get(url)
    client.force_login(resident)
    response = client.get(url)
    assert not response.has_header("X-Meetings-Cache")
    assert "Logga ut" in response.content.decode()
    anonymous = Client()
    assert "Logga ut" not in anonymous.get(url).content.decode()


def test_cached_page_carries_the_visitors_own_working_csrf_token(meeting):
    """A page served from the cache has the visitor's own CSRF token (never a placeholder or
    another visitor's token), the question form works with it, and the thank-you message
    after sending is shown (a pending message bypasses the cache)."""
    url = meeting.get_absolute_url()
    Client().get(url)  # someone else fills the cache
    client = Client(enforce_csrf_checks=True)
    response = client.get(url)
    assert response["X-Meetings-Cache"] == "hit"
    body = response.content.decode()
    assert "placeholder" not in body
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', body))
    assert len(tokens) == 1
    answer = client.post(
        f"/kommundelstraffar/{meeting.pk}/skicka/",
        {
            "kind": "question",
            "text": "Kan vi få en papperskorg vid busshållplatsen?",
            "step": "check",
            "csrfmiddlewaretoken": tokens.pop(),
        },
        follow=True,
    )
    assert answer.status_code == 200
    assert "visas här när en moderator har granskat den" in answer.content.decode()


def test_a_change_to_one_meeting_leaves_other_meeting_pages_cached(client, make_meeting, moderator):
    """TF-2, TF-3: a question published on one meeting, and a new attendee, show at once on
    that meeting's page and in the list, while another meeting's page stays cached; a
    village or venue change, which every meeting page shows, reaches both."""
    from meetings.models import Attendee
    from moderation.services import contribution_approve, contribution_submit

    first, second = make_meeting(days=5), make_meeting(days=9)
    pages = [first.get_absolute_url(), second.get_absolute_url(), "/kommundelstraffar/"]
    for page in pages:
        client.get(page)
        assert client.get(page)["X-Meetings-Cache"] == "hit"

    c = contribution_submit(target=first, kind="question", text="Kommer fibern till Nås?")
    contribution_approve(contribution=c, actor=moderator)
    assert "Kommer fibern till Nås?" in client.get(pages[0]).content.decode()
    assert client.get(pages[1])["X-Meetings-Cache"] == "hit"
    assert "1 fråga eller behov" in client.get(pages[2]).content.decode()

    Attendee.objects.create(meeting=first, name="Per Persson", kind="official", role="VA-chef")
    assert "Per Persson" in client.get(pages[0]).content.decode()
    assert client.get(pages[1])["X-Meetings-Cache"] == "hit"

    second.venue.hearing_loop = not second.venue.hearing_loop
    second.venue.save()
    expected = "Hörslinga: ja" if second.venue.hearing_loop else "Hörslinga: nej"
    for page in pages[:2]:
        response = client.get(page)
        assert response["X-Meetings-Cache"] == "miss"
        assert expected in response.content.decode()

    village = second.village
    village.name = "Nya Äppelbo"
    village.save()
    assert "Nya Äppelbo" in client.get(pages[1]).content.decode()


def test_meeting_calendar_file_follows_its_meeting(client, make_meeting):
    """A meeting's .ics is cached per meeting too: moving that meeting shows at once (with a
    raised SEQUENCE), another meeting's file stays cached."""
    first, second = make_meeting(days=5), make_meeting(days=9)
    ics = [f"/kommundelstraffar/{m.pk}/kalender.ics" for m in (first, second)]
    for url in ics:
        client.get(url)
        assert client.get(url)["X-Meetings-Cache"] == "hit"
    assert "SEQUENCE:0" in client.get(ics[0]).content.decode()
    first.starts_at += datetime.timedelta(hours=1)
    first.ends_at += datetime.timedelta(hours=1)
    services.meeting_save(meeting=first)
    after = client.get(ics[0])
    assert after["X-Meetings-Cache"] == "miss"
    assert "SEQUENCE:1" in after.content.decode()
    assert client.get(ics[1])["X-Meetings-Cache"] == "hit"


def test_village_pages_follow_their_own_village(
    client, make_meeting, village, other_village, moderator
):
    """TF-2, TF-3: a question on a meeting in one village, and a meeting moved to another
    village, show at once on the pages of the villages concerned (the filtered list, the
    village page, its feed); a village that nothing happened to keeps its cached pages."""
    from meetings.models import Venue
    from moderation.services import contribution_approve, contribution_submit

    here = make_meeting(days=5, title="Träff här")
    there_venue = Venue.objects.create(
        village=other_village, name="Skolan", street_address="Skolvägen 2"
    )
    there = make_meeting(days=6, v=other_village, where=there_venue, title="Träff där")
    own = [f"/kommundelstraffar/?by={village.slug}", f"/kommundelstraffar/byar/{village.slug}/"]
    other = [
        f"/kommundelstraffar/?by={other_village.slug}",
        f"/kommundelstraffar/byar/{other_village.slug}/",
        f"/kommundelstraffar/byar/{other_village.slug}/kalender.ics",
    ]
    for page in own + other:
        client.get(page)
        assert client.get(page)["X-Meetings-Cache"] == "hit"

    c = contribution_submit(target=here, kind="question", text="Var ska bussen stanna?")
    contribution_approve(contribution=c, actor=moderator)
    assert "1 fråga eller behov" in client.get(own[0]).content.decode()
    for page in other:
        assert client.get(page)["X-Meetings-Cache"] == "hit"

    there.village, there.venue = village, Venue.objects.filter(village=village).first()
    services.meeting_save(meeting=there)
    assert "Träff där" in client.get(own[1]).content.decode()
    assert "Träff där" not in client.get(other[1]).content.decode()
    assert "Träff där" not in client.get(other[2]).content.decode()


def test_past_list_and_feed_ignore_questions_but_follow_meetings(client, meeting, moderator):
    """The past list and the feed of all meetings show no questions or needs, so a published
    question leaves them cached; a change to a meeting (a cancellation) shows at once
    (TF-2)."""
    from moderation.services import contribution_approve, contribution_submit

    pages = ["/kommundelstraffar/tidigare/", "/kommundelstraffar/kalender.ics"]
    for page in pages:
        client.get(page)
        assert client.get(page)["X-Meetings-Cache"] == "hit"
    c = contribution_submit(target=meeting, kind="need", text="Byn behöver en busskur.")
    contribution_approve(contribution=c, actor=moderator)
    for page in pages:
        assert client.get(page)["X-Meetings-Cache"] == "hit"
    services.meeting_cancel(meeting=meeting, reason="Lokalen är stängd.")
    feed = client.get(pages[1])
    assert feed["X-Meetings-Cache"] == "miss"
    assert "STATUS:CANCELLED" in feed.content.decode()
