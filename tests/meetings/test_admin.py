"""Officials in the Django admin: schedule with agenda and attendees inline, publish,
cancel with a reason the subscribers receive, close a held meeting."""

import pytest
from django.core import mail

from meetings.models import DealtWith, Meeting
from tests.meetings.conftest import local

pytestmark = pytest.mark.django_db

ADD = "/admin/meetings/meeting/add/"
CHANGELIST = "/admin/meetings/meeting/"


def _form(village, venue, **over):
    start, end = over.pop("start", local(14, 18)), over.pop("end", local(14, 20))
    data = {
        "village": village.pk,
        "title": "Kommundelsträff om skolan",
        "description": "",
        "starts_at_0": start.strftime("%Y-%m-%d"),
        "starts_at_1": start.strftime("%H:%M"),
        "ends_at_0": end.strftime("%Y-%m-%d"),
        "ends_at_1": end.strftime("%H:%M"),
        "venue": venue.pk if venue else "",
        "questions_close_at_0": "",
        "questions_close_at_1": "",
        "capacity": "",
        "agenda_items-TOTAL_FORMS": "2",
        "agenda_items-INITIAL_FORMS": "0",
        "agenda_items-0-position": "0",
        "agenda_items-0-title": "Välkommen",
        "agenda_items-1-position": "1",
        "agenda_items-1-title": "Skolans framtid",
        "attendees-TOTAL_FORMS": "1",
        "attendees-INITIAL_FORMS": "0",
        "attendees-0-name": "Karin Ek",
        "attendees-0-kind": "official",
        "attendees-0-role": "Kommundirektör",
        "attendees-0-position": "0",
        "answers-TOTAL_FORMS": "0",
        "answers-INITIAL_FORMS": "0",
        "notes-TOTAL_FORMS": "0",
        "notes-INITIAL_FORMS": "0",
        "follow_ups-TOTAL_FORMS": "0",
        "follow_ups-INITIAL_FORMS": "0",
    }
    data.update(over)
    return data


def test_official_schedules_publishes_and_cancels_and_subscriber_is_told(
    client, official, village, venue, subscriber, django_capture_on_commit_callbacks
):
    """An official schedules a meeting with agenda and attendees in admin, publishes it
    (the subscriber is told), then cancels it with a reason through the intermediate page:
    the subscriber's mail says it is cancelled and why."""
    client.force_login(official)
    response = client.post(ADD, _form(village, venue))
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting = Meeting.objects.get()
    assert [a.title for a in meeting.agenda_items.all()] == ["Välkommen", "Skolans framtid"]
    assert meeting.attendees.get().role == "Kommundirektör"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(CHANGELIST, {"action": "publish", "_selected_action": [meeting.pk]})
    meeting.refresh_from_db()
    assert meeting.is_published
    assert mail.outbox[-1].subject == "Ny kommundelsträff i Äppelbo"
    page = client.post(CHANGELIST, {"action": "cancel", "_selected_action": [meeting.pk]})
    assert "Skäl till att träffen ställs in" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            CHANGELIST,
            {
                "action": "cancel",
                "_selected_action": [meeting.pk],
                "confirm": "1",
                "reason": "Lokalen har vattenskada.",
            },
        )
    meeting.refresh_from_db()
    assert meeting.state == "cancelled" and meeting.sequence == 1
    notice = mail.outbox[-1]
    assert notice.to == [subscriber.email]
    assert notice.subject == "Kommundelsträffen i Äppelbo är inställd"
    assert "Lokalen har vattenskada." in notice.body
    assert "List-Unsubscribe" in notice.extra_headers


def test_cancel_without_reason_is_refused(client, official, meeting):
    """Cancelling needs a reason (the subscribers receive it); without one nothing changes."""
    client.force_login(official)
    client.post(
        CHANGELIST,
        {"action": "cancel", "_selected_action": [meeting.pk], "confirm": "1", "reason": ""},
    )
    meeting.refresh_from_db()
    assert meeting.state == "planned"


def test_validation_messages_in_swedish(client, official, village, venue, meeting):
    """The end must be after the start; no two meetings at the same venue at the same time."""
    client.force_login(official)
    response = client.post(ADD, _form(village, venue, start=local(20, 18), end=local(20, 17)))
    assert "Träffen måste sluta efter att den börjar." in response.content.decode()
    response = client.post(ADD, _form(village, venue, start=local(10, 19), end=local(10, 21)))
    assert "En annan träff är redan bokad i den här lokalen samtidigt" in response.content.decode()
    assert Meeting.objects.count() == 1


def test_publishing_without_venue_is_refused(client, official, make_meeting):
    """No publishing without a venue: the official gets the Swedish message."""
    client.force_login(official)
    draft = make_meeting(days=30, published=False)
    Meeting.objects.filter(pk=draft.pk).update(venue=None)
    response = client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [draft.pk]}, follow=True
    )
    assert "Välj en lokal innan du publicerar träffen." in response.content.decode()
    draft.refresh_from_db()
    assert not draft.is_published


def test_close_requires_notes_and_participants_and_links_questions(
    client, official, moderator, make_meeting
):
    """TF-3: closing a held meeting needs its notes (with the date they were finished) and
    the number of participants, and links the questions it dealt with."""
    from moderation.services import contribution_approve, contribution_submit

    m = make_meeting(days=-1)
    c = contribution_submit(target=m, kind="question", text="Vad händer med skolan?")
    contribution_approve(contribution=c, actor=moderator)
    client.force_login(official)
    page = client.post(CHANGELIST, {"action": "close", "_selected_action": [m.pk]})
    assert "Vad händer med skolan?" in page.content.decode()
    client.post(
        CHANGELIST,
        {
            "action": "close",
            "_selected_action": [m.pk],
            "confirm": "1",
            "notes": "",
            "participant_count": "",
        },
    )
    m.refresh_from_db()
    assert m.state == "planned"
    client.post(
        CHANGELIST,
        {
            "action": "close",
            "_selected_action": [m.pk],
            "confirm": "1",
            "notes": "Tjugo deltog.",
            "finished_on": local(0).date().isoformat(),
            "participant_count": "20",
            "dealt_with": [c.pk],
        },
    )
    m.refresh_from_db()
    assert (m.state, m.participant_count, m.notes.text) == ("held", 20, "Tjugo deltog.")
    assert DealtWith.objects.filter(meeting=m, contribution_id=c.pk).exists()


def test_resident_cannot_use_admin(client, resident, meeting):
    """A resident cannot open the meetings admin or run its actions."""
    client.force_login(resident)
    assert client.get(CHANGELIST).status_code == 302
    assert (
        client.post(CHANGELIST, {"action": "publish", "_selected_action": [meeting.pk]}).status_code
        == 302
    )


def test_staff_home_links_officials_to_meetings_admin(client, official, moderator):
    """Officials get a link to the meetings admin on /personal/; moderators do not."""
    client.force_login(official)
    assert "/admin/meetings/meeting/" in client.get("/personal/").content.decode()
    client.force_login(moderator)
    assert "/admin/meetings/meeting/" not in client.get("/personal/").content.decode()


def test_official_answers_a_published_question_inline(
    client, official, moderator, meeting, subscriber, django_capture_on_commit_callbacks
):
    """TF-3: the official answers a published question in the meeting's change form; the
    answer gets its publication date and the subscriber is told."""
    from meetings.models import Answer
    from moderation.services import contribution_approve, contribution_submit

    c = contribution_submit(target=meeting, kind="question", text="Blir det ny väg?")
    contribution_approve(contribution=c, actor=moderator)
    client.force_login(official)
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    page = client.get(url).content.decode()
    assert "Blir det ny väg?" in page
    data = _form(meeting.village, meeting.venue, start=meeting.starts_at, end=meeting.ends_at)
    data.update(
        {
            "title": meeting.title,
            "agenda_items-TOTAL_FORMS": "0",
            "attendees-TOTAL_FORMS": "0",
            "answers-TOTAL_FORMS": "1",
            "answers-0-contribution_id": str(c.pk),
            "answers-0-text": "Ja, i sommar.",
            "answers-0-answered_by": "Per Nyström, samhällsbyggnadschef",
        }
    )
    from django.utils import timezone

    start = timezone.localtime(meeting.starts_at)
    end = timezone.localtime(meeting.ends_at)
    data.update(
        {
            "starts_at_0": start.strftime("%Y-%m-%d"),
            "starts_at_1": start.strftime("%H:%M"),
            "ends_at_0": end.strftime("%Y-%m-%d"),
            "ends_at_1": end.strftime("%H:%M"),
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    answer = Answer.objects.get()
    assert answer.contribution_id == c.pk and answer.published_at is not None
    assert "Ja, i sommar." in mail.outbox[-1].body
