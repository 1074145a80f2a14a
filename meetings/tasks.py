"""Mail of the meetings app. Every task is idempotent: running it twice sends nothing new.

Enqueue only through the services (`transaction.on_commit`).
"""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

EVENTS = ("published", "moved", "cancelled", "answer", "notes")


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _event_key(event: str, meeting_id: int, sequence: int, object_id: int | None) -> str:
    if event == "answer":
        return f"answer:{object_id}"
    if event == "notes":
        return f"notes:{meeting_id}"
    return f"{event}:{meeting_id}:{sequence}"


@shared_task(acks_late=True)
def notify_subscribers_task(
    meeting_id: int, event: str, sequence: int = 0, object_id: int | None = None
) -> int:
    """Tell each active subscriber of the meeting's village about `event`, once each.
    Returns the number of mails sent by this run."""
    from .models import Answer, Meeting, Notification
    from .services import UNSUBSCRIBE_SALT, subscription_token

    if event not in EVENTS:
        return 0
    meeting = Meeting.objects.select_related("village", "venue").filter(pk=meeting_id).first()
    if meeting is None or not meeting.is_published:
        return 0
    answer = None
    if event == "answer":
        answer = Answer.objects.filter(pk=object_id).first()
        if answer is None:
            return 0
    key = _event_key(event, meeting_id, sequence, object_id)
    sent = 0
    subscriptions = meeting.village.subscriptions.filter(
        confirmed_at__isnull=False, unsubscribed_at__isnull=True
    ).exclude(notifications__event_key=key)
    with translation.override("sv"):
        for subscription in subscriptions:
            unsubscribe = _absolute(
                reverse(
                    "meetings-unsubscribe",
                    kwargs={
                        "token": subscription_token(
                            subscription=subscription, salt=UNSUBSCRIBE_SALT
                        )
                    },
                )
            )
            context = {
                "event": event,
                "meeting": meeting,
                "answer": answer,
                "meeting_url": _absolute(meeting.get_absolute_url()),
                "unsubscribe_url": unsubscribe,
            }
            subject = render_to_string("meetings/email/notice_subject.txt", context).strip()
            body = render_to_string("meetings/email/notice.txt", context)
            try:
                Notification.objects.create(subscription=subscription, event_key=key)
            except IntegrityError:  # another worker got there first
                continue
            EmailMessage(
                subject=subject,
                body=body,
                to=[subscription.email],
                headers={
                    "List-Unsubscribe": f"<{unsubscribe}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            ).send()
            sent += 1
    return sent


@shared_task(acks_late=True)
def registration_mail_task(registration_id: int, kind: str) -> bool:
    """Mail a registrant (confirmed / waiting / promoted / meeting_cancelled) once per kind."""
    from .models import Registration
    from .services import registration_token

    registration = (
        Registration.objects.select_related("meeting__village", "meeting__venue")
        .filter(pk=registration_id)
        .first()
    )
    if registration is None or registration.mailed_state == kind:
        return False
    cancel_url = _absolute(
        reverse(
            "meetings-registration-cancel",
            kwargs={"token": registration_token(registration=registration)},
        )
    )
    context = {
        "kind": kind,
        "registration": registration,
        "meeting": registration.meeting,
        "meeting_url": _absolute(registration.meeting.get_absolute_url()),
        "cancel_url": cancel_url,
    }
    with translation.override("sv"):
        subject = render_to_string("meetings/email/registration_subject.txt", context).strip()
        body = render_to_string("meetings/email/registration.txt", context)
    updated = Registration.objects.filter(pk=registration_id).exclude(mailed_state=kind)
    if not updated.update(mailed_state=kind):
        return False
    EmailMessage(subject=subject, body=body, to=[registration.email]).send()
    return True


@shared_task(acks_late=True)
def subscription_confirm_mail_task(subscription_id: int) -> bool:
    """Send the double opt-in link once per request."""
    from django.utils import timezone

    from .models import VillageSubscription
    from .services import SUBSCRIBE_SALT, subscription_token

    subscription = (
        VillageSubscription.objects.select_related("village").filter(pk=subscription_id).first()
    )
    if subscription is None or subscription.is_active or subscription.confirmation_sent_at:
        return False
    url = _absolute(
        reverse(
            "meetings-subscription-confirm",
            kwargs={"token": subscription_token(subscription=subscription, salt=SUBSCRIBE_SALT)},
        )
    )
    with translation.override("sv"):
        subject = render_to_string(
            "meetings/email/subscribe_subject.txt", {"village": subscription.village}
        ).strip()
        body = render_to_string(
            "meetings/email/subscribe.txt", {"village": subscription.village, "confirm_url": url}
        )
    claimed = VillageSubscription.objects.filter(
        pk=subscription_id, confirmation_sent_at__isnull=True
    ).update(confirmation_sent_at=timezone.now())
    if not claimed:
        return False
    EmailMessage(subject=subject, body=body, to=[subscription.email]).send()
    return True
