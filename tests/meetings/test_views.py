"""Public pages of the village meetings, through the HTTP client."""

import re

import pytest
from django.core import mail
from django.utils import timezone

from meetings.models import Answer, FollowUpAction, MeetingNotes, Registration, VillageSubscription
from tests.meetings.conftest import local

pytestmark = pytest.mark.django_db

EMPTY = "Just nu har vi inga kommundelsträffar inplanerade"


def _contributions(meeting):
    from django.contrib.contenttypes.models import ContentType

    from moderation.models import Contribution

    return Contribution.objects.filter(
        content_type=ContentType.objects.get_for_model(meeting), object_id=str(meeting.pk)
    )


def test_empty_state_offers_subscription(client, village):
    """With nothing planned the list says so plainly and offers the village subscription."""
    response = client.get("/kommundelstraffar/")
    text = response.content.decode()
    assert EMPTY in text
    assert 'action="/kommundelstraffar/bevaka/"' in text


def test_list_filters_by_village(client, meeting, other_village, make_meeting):
    """The list shows coming published meetings; filtering by a village without any shows
    the empty state; unpublished meetings never show."""
    make_meeting(
        days=11,
        published=False,
        title="Hemligt utkast",
        starts_at=local(11, 9),
        ends_at=local(11, 10),
    )
    text = client.get("/kommundelstraffar/").content.decode()
    assert "Kommundelsträff i Äppelbo" in text
    assert "Hemligt utkast" not in text
    assert EMPTY not in text
    text = client.get("/kommundelstraffar/?by=saltvik").content.decode()
    assert "Kommundelsträff i Äppelbo" not in text
    assert EMPTY in text


def test_detail_shows_agenda_venue_attendees_map_and_ics(client, meeting):
    """A meeting's page shows agenda, venue with accessibility, attendees, an OpenStreetMap
    link (no embedded map) and the .ics link."""
    text = client.get(meeting.get_absolute_url()).content.decode()
    for expected in (
        "Fiber och vägar",
        "Äppelbovägen 12",
        "Hörslinga: ja",
        "Steglös entré: ja",
        "Anna Berglund",
        "https://www.openstreetmap.org/?mlat=60.49700&amp;mlon=14.00110",
        f"/kommundelstraffar/{meeting.pk}/kalender.ics",
    ):
        assert expected in text, expected
    assert "<iframe" not in text


def test_unpublished_meeting_is_404(client, make_meeting):
    """An unpublished (draft) meeting is not public: 404. (Issue feature, no domain ID.)"""
    m = make_meeting(days=5, published=False)
    assert client.get(m.get_absolute_url()).status_code == 404


def test_question_goes_to_moderation_and_waits(client, meeting):
    """TF-2, RULE-8: an anonymous question is stored by moderation as pending (an inkommen
    handling) and is not shown before a moderator decides; the form shows the notices."""
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert "allmän handling" in page
    response = client.post(
        f"/kommundelstraffar/{meeting.pk}/skicka/",
        {"kind": "question", "text": "När kommer bussen tillbaka?", "step": "check"},
        follow=True,
    )
    assert response.status_code == 200
    contribution = _contributions(meeting).get()
    assert contribution.kind == "question"
    assert contribution.state == "pending"
    assert "När kommer bussen tillbaka?" not in response.content.decode()


def test_logged_in_need_is_linked_to_author(client, meeting, resident):
    """TF-2: a logged-in resident's need is stored by moderation with its author."""
    client.force_login(resident)
    client.post(
        f"/kommundelstraffar/{meeting.pk}/skicka/",
        {"kind": "need", "text": "Vi behöver en lekplats.", "display_name": "Eva", "step": "check"},
    )
    contribution = _contributions(meeting).get()
    assert contribution.kind == "need" and contribution.author == resident


def test_pii_warns_before_sending(client, meeting):
    """RULE-1: a text with a phone number gets the warning and nothing is stored until the
    resident chooses "Skicka ändå"."""
    data = {"kind": "question", "text": "Ring mig på 070-123 45 67 om vägen.", "step": "check"}
    response = client.post(f"/kommundelstraffar/{meeting.pk}/skicka/", data)
    assert response.status_code == 200
    assert "<mark" in response.content.decode()
    assert not _contributions(meeting).exists()
    client.post(f"/kommundelstraffar/{meeting.pk}/skicka/", {**data, "step": "post"})
    assert _contributions(meeting).get().state == "pending"


def test_questions_close_after_closing_date(client, make_meeting):
    """After questions_close_at the form is gone and a POST is refused in Swedish."""
    m = make_meeting(days=-3, questions_close_at=local(-2, 12))
    assert 'name="text"' not in client.get(m.get_absolute_url()).content.decode()
    response = client.post(
        f"/kommundelstraffar/{m.pk}/skicka/", {"kind": "question", "text": "Sent?", "step": "check"}
    )
    assert "Tiden för frågor och behov till den här träffen är slut." in response.content.decode()
    assert not _contributions(m).exists()


def test_published_question_with_answer_and_notes_after_meeting(client, make_meeting, moderator):
    """TF-3: after the meeting its page shows the published questions with their answers,
    the notes with the date they were finished, and the follow-up actions with status."""
    from moderation.services import contribution_approve, contribution_submit

    m = make_meeting(days=-2)
    c = contribution_submit(target=m, kind="question", text="Hur blir det med fibern?")
    contribution_approve(contribution=c, actor=moderator)
    Answer.objects.create(
        meeting=m,
        contribution_id=c.pk,
        text="Klart i höst.",
        answered_by="Karin Ek",
        published_at=timezone.now(),
    )
    MeetingNotes.objects.create(meeting=m, text="Trettio deltog.", finished_on=local(-1).date())
    FollowUpAction.objects.create(
        meeting=m, title="Utreda hållplats", owner="Trafik", status="in_progress"
    )
    text = client.get(m.get_absolute_url()).content.decode()
    for expected in (
        "Hur blir det med fibern?",
        "Klart i höst.",
        "Trettio deltog.",
        "Utreda hållplats",
        "pågår",
    ):
        assert expected in text, expected


def test_past_meetings_search_finds_notes(client, make_meeting):
    """TF-3: past meetings are searchable in their notes."""
    m = make_meeting(days=-5, title="Höstträffen")
    MeetingNotes.objects.create(meeting=m, text="Samtal om bredband.", finished_on=local(-4).date())
    make_meeting(days=-8, title="Vårträffen", starts_at=local(-8, 10), ends_at=local(-8, 11))
    text = client.get("/kommundelstraffar/tidigare/?q=bredband").content.decode()
    assert "Höstträffen" in text and "Vårträffen" not in text


def test_village_page(client, meeting, village):
    """The village page shows på gång i byn, coming meetings and open follow-up actions."""
    from meetings.models import VillageItem

    VillageItem.objects.create(
        village=village,
        title="Fiber till byn",
        category="broadband",
        state="ongoing",
        contact_department="Bredbandsenheten",
    )
    FollowUpAction.objects.create(meeting=meeting, title="Laga vägen", owner="Gatuenheten")
    FollowUpAction.objects.create(meeting=meeting, title="Redan klart", owner="X", status="done")
    text = client.get("/kommundelstraffar/byar/appelbo/").content.decode()
    assert "Fiber till byn" in text and "Bredbandsenheten" in text
    assert "Kommundelsträff i Äppelbo" in text
    assert "Laga vägen" in text and "Redan klart" not in text


def test_registration_waiting_list_moves_up_on_cancel(
    client, make_meeting, django_capture_on_commit_callbacks
):
    """With one place, the second registrant waits; when the first cancels by the signed
    link from the mail, the second gets the place and is told by mail."""
    m = make_meeting(days=7, capacity=1)
    url = f"/kommundelstraffar/{m.pk}/anmalan/"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"name": "Första", "email": "forsta@example.se"})
        client.post(url, {"name": "Andra", "email": "andra@example.se"})
    first = Registration.objects.get(email="forsta@example.se")
    second = Registration.objects.get(email="andra@example.se")
    assert (first.state, second.state) == ("confirmed", "waiting")
    cancel_link = re.search(r"http\S+/anmalan/avboka/\S+/", mail.outbox[0].body).group(0)
    path = cancel_link.split("://", 1)[1].split("/", 1)[1]
    assert client.get("/" + path).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/" + path)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.state, second.state) == ("cancelled", "confirmed")
    assert mail.outbox[-1].to == ["andra@example.se"]
    assert "plats" in mail.outbox[-1].subject
    assert client.get("/kommundelstraffar/anmalan/avboka/fel-token/").status_code == 400


def test_subscription_double_opt_in_and_one_click_unsubscribe(
    client, village, make_meeting, django_capture_on_commit_callbacks
):
    """Subscribing sends a signed confirmation link; nothing is sent before confirming;
    after confirming a published meeting is announced with a List-Unsubscribe header whose
    one-click POST ends the subscription."""
    from meetings import services

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/kommundelstraffar/bevaka/", {"village": "appelbo", "email": "ny@example.se"})
    sub = VillageSubscription.objects.get(email="ny@example.se")
    assert sub.confirmed_at is None and len(mail.outbox) == 1
    link = re.search(r"http\S+/bevaka/bekrafta/\S+/", mail.outbox[0].body).group(0)
    path = "/" + link.split("://", 1)[1].split("/", 1)[1]
    client.get(path)
    sub.refresh_from_db()
    assert sub.confirmed_at is None  # a GET (mail scanner) does not confirm
    client.post(path)
    sub.refresh_from_db()
    assert sub.is_active
    m = make_meeting(days=9, published=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_publish(meeting=m)
    notice = mail.outbox[-1]
    assert notice.to == ["ny@example.se"] and "Äppelbo" in notice.subject
    header = notice.extra_headers["List-Unsubscribe"].strip("<>")
    assert notice.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    client.post("/" + header.split("://", 1)[1].split("/", 1)[1])
    sub.refresh_from_db()
    assert not sub.is_active


def test_home_page_says_what_is_open(client, village):
    """The home page says no meeting is planned, then names the next one once published."""
    from meetings.apps import MeetingsConfig  # noqa: F401

    assert "Vi har inga kommundelsträffar inplanerade just nu." in client.get("/").content.decode()


def test_home_page_names_next_meeting(client, meeting):
    """The home page names the next planned meeting and its village. (Issue feature.)"""
    assert "Nästa träff: Äppelbo" in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("skicka/", {"kind": "question", "text": "", "step": "check"}),
        ("anmalan/", {"name": "", "email": ""}),
        ("/kommundelstraffar/bevaka/", {"village": "", "email": ""}),
    ],
    ids=["question-or-need", "registration", "subscription"],
)
def test_anonymous_post_forms_are_rate_limited_in_swedish(client, meeting, path, data):
    """All three anonymous POST forms (question/need, registration, subscription) answer 429
    with the Swedish message once RATELIMIT_FORM_RATE (10/m) is exceeded; the first POSTs
    are answered normally (here with the form errors)."""
    url = path if path.startswith("/") else f"/kommundelstraffar/{meeting.pk}/{path}"
    responses = [client.post(url, data) for _ in range(12)]
    assert responses[0].status_code == 200
    assert responses[-1].status_code == 429
    assert "Du har skickat för många" in responses[-1].content.decode()


def test_dealt_with_question_is_marked_even_without_an_answer(client, make_meeting, moderator):
    """TF-3: after closing, a question the meeting dealt with is marked "Behandlad på
    träffen" on the meeting page although no answer was written; others are not marked."""
    from meetings import services
    from moderation.services import contribution_approve, contribution_submit

    m = make_meeting(days=-1)
    dealt = contribution_submit(target=m, kind="question", text="Kan skolskjutsen gå tidigare?")
    other = contribution_submit(target=m, kind="need", text="Belysning på gångvägen.")
    for c in (dealt, other):
        contribution_approve(contribution=c, actor=moderator)
    services.meeting_close(
        meeting=m,
        notes="Vi pratade om skolskjutsen.",
        finished_on=local(0).date(),
        participant_count=12,
        dealt_with_ids=[dealt.pk],
    )
    text = client.get(m.get_absolute_url()).content.decode()
    items = dict(
        re.findall(r'<li class="contribution[^"]*" id="bidrag-(\d+)">(.*?)</li>', text, re.S)
    )
    assert "Behandlades på träffen" in items[str(dealt.pk)]
    assert "Kan skolskjutsen gå tidigare?" in items[str(dealt.pk)]
    assert "Behandlades på träffen" not in items[str(other.pk)]
    assert not Answer.objects.filter(contribution_id=dealt.pk).exists()
