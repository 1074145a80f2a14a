"""Services and tasks: notices are idempotent, moves and answers reach subscribers."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from meetings import services
from meetings.models import Answer, Notification
from meetings.tasks import notify_subscribers_task
from tests.meetings.conftest import local

pytestmark = pytest.mark.django_db


def test_notify_task_is_idempotent(meeting, subscriber):
    """(Issue: idempotent tasks.) Running the notice task twice for the same event sends one mail per subscriber."""
    assert notify_subscribers_task(meeting.pk, "published", meeting.sequence) == 1
    assert notify_subscribers_task(meeting.pk, "published", meeting.sequence) == 0
    assert len(mail.outbox) == 1
    assert Notification.objects.count() == 1


def test_unconfirmed_and_unsubscribed_get_nothing(meeting, village):
    """Double opt-in: unconfirmed and unsubscribed addresses receive no notices."""
    from django.utils import timezone

    from meetings.models import VillageSubscription

    VillageSubscription.objects.create(village=village, email="a@example.se")
    VillageSubscription.objects.create(
        village=village,
        email="b@example.se",
        confirmed_at=timezone.now(),
        unsubscribed_at=timezone.now(),
    )
    assert notify_subscribers_task(meeting.pk, "published", 0) == 0


def test_moving_a_published_meeting_tells_subscribers(
    meeting, subscriber, django_capture_on_commit_callbacks
):
    """Moving a published meeting raises SEQUENCE and tells the subscribers it moved."""
    with django_capture_on_commit_callbacks(execute=True):
        meeting.starts_at, meeting.ends_at = local(11, 18), local(11, 20)
        services.meeting_save(meeting=meeting)
    assert mail.outbox[-1].subject == "Kommundelsträffen i Äppelbo har flyttats"
    assert meeting.sequence == 1


def test_answer_only_to_published_question_and_subscribers_told(
    meeting, subscriber, moderator, django_capture_on_commit_callbacks
):
    """TF-3: an answer is upprättad (published_at) when saved; only published questions of
    the same meeting can be answered; the subscribers are told once."""
    from moderation.services import contribution_approve, contribution_submit

    pending = contribution_submit(target=meeting, kind="question", text="Väntar?")
    with pytest.raises(ValidationError):
        services.answer_save(
            answer=Answer(meeting=meeting, contribution_id=pending.pk, text="x", answered_by="y")
        )
    contribution_approve(contribution=pending, actor=moderator)
    with django_capture_on_commit_callbacks(execute=True):
        answer = services.answer_save(
            answer=Answer(
                meeting=meeting, contribution_id=pending.pk, text="Ja.", answered_by="Karin"
            )
        )
    assert answer.published_at is not None
    assert "Nytt svar" in mail.outbox[-1].subject and "Ja." in mail.outbox[-1].body


def test_demo_load_is_idempotent(db):
    """The demo data loads twice without duplicates; Saltvik has nothing planned, Äppelbo
    has a coming meeting."""
    import io

    from meetings import demo
    from meetings.models import Meeting
    from meetings.selectors import meeting_next

    demo.load(stdout=io.StringIO())
    count = Meeting.objects.count()
    demo.load(stdout=io.StringIO())
    assert Meeting.objects.count() == count >= 5
    from meetings.models import Village

    assert meeting_next(village=Village.objects.get(slug="appelbo")) is not None
    assert meeting_next(village=Village.objects.get(slug="saltvik")) is None
