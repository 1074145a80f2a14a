"""Writes of the meetings app. Every change goes through here (admin and views too).

Side effects (mail to subscribers and registrants) run as Celery tasks enqueued with
`transaction.on_commit`, so a rolled-back change sends nothing.
"""

from __future__ import annotations

import datetime

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Answer,
    DealtWith,
    Meeting,
    MeetingNotes,
    Registration,
    Village,
    VillageSubscription,
)

# Fields whose change must reach calendars (SEQUENCE) and subscribers ("moved").
CALENDAR_FIELDS = ("starts_at", "ends_at", "venue_id", "state")
MOVE_FIELDS = ("starts_at", "ends_at", "venue_id")

REGISTRATION_SALT = "meetings.registration.cancel"
SUBSCRIBE_SALT = "meetings.subscription.confirm"
UNSUBSCRIBE_SALT = "meetings.subscription.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600  # a confirmation link works for a week


# --- meetings ------------------------------------------------------------------------------
def meeting_validate(*, meeting: Meeting) -> None:
    """Raise ValidationError (Swedish, per field) for an impossible meeting."""
    errors: dict[str, list[str]] = {}
    if meeting.starts_at and meeting.ends_at and meeting.ends_at <= meeting.starts_at:
        errors.setdefault("ends_at", []).append(_("The meeting must end after it starts."))
    if (
        meeting.questions_close_at
        and meeting.starts_at
        and meeting.questions_close_at < meeting.starts_at
    ):
        errors.setdefault("questions_close_at", []).append(
            _("Questions cannot close before the meeting starts.")
        )
    if meeting.venue_id and meeting.village_id and meeting.venue.village_id != meeting.village_id:
        errors.setdefault("venue", []).append(_("The venue is in another village."))
    if (
        meeting.venue_id
        and meeting.starts_at
        and meeting.ends_at
        and meeting.state != Meeting.State.CANCELLED
    ):
        clash = (
            Meeting.objects.filter(
                venue_id=meeting.venue_id,
                starts_at__lt=meeting.ends_at,
                ends_at__gt=meeting.starts_at,
            )
            .exclude(state=Meeting.State.CANCELLED)
            .exclude(pk=meeting.pk)
            .first()
        )
        if clash is not None:
            errors.setdefault("venue", []).append(
                _(
                    "Another meeting is already booked at this venue at the same time: %(other)s, %(when)s."
                )
                % {
                    "other": clash.display_title,
                    "when": timezone.localtime(clash.starts_at).strftime("%Y-%m-%d %H:%M"),
                }
            )
    if meeting.is_published and not meeting.venue_id:
        errors.setdefault("venue", []).append(_("A published meeting needs a venue."))
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def meeting_save(*, meeting: Meeting) -> Meeting:
    """Create or change a meeting. Raises SEQUENCE when the time, venue or state of a saved
    meeting changes, and tells the village's subscribers when a published one is moved."""
    meeting_validate(meeting=meeting)
    moved = False
    if meeting.pk:
        before = Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
        if before is not None:
            if any(getattr(before, f) != getattr(meeting, f) for f in CALENDAR_FIELDS):
                meeting.sequence = before.sequence + 1
            moved = before.is_published and any(
                getattr(before, f) != getattr(meeting, f) for f in MOVE_FIELDS
            )
    meeting.full_clean(exclude=["uid"])
    meeting.save()
    if moved:
        _notify(meeting=meeting, event="moved")
    return meeting


@transaction.atomic
def meeting_publish(*, meeting: Meeting) -> Meeting:
    """Show a meeting on the portal and in the feeds; tell the village's subscribers."""
    if meeting.is_published:
        return meeting
    if meeting.state == Meeting.State.CANCELLED:
        raise ValidationError(_("A cancelled meeting cannot be published."))
    if not meeting.venue_id:
        raise ValidationError(_("Choose a venue before you publish the meeting."))
    meeting.published_at = timezone.now()
    meeting_validate(meeting=meeting)
    meeting.save(update_fields=["published_at", "updated_at"])
    _notify(meeting=meeting, event="published")
    return meeting


@transaction.atomic
def meeting_cancel(*, meeting: Meeting, reason: str) -> Meeting:
    """Cancel a planned meeting; it stays in the feeds as STATUS:CANCELLED and subscribers
    are told the reason."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give a reason: the subscribers receive it.")})
    if meeting.state != Meeting.State.PLANNED:
        raise ValidationError(_("Only a planned meeting can be cancelled."))
    meeting.state = Meeting.State.CANCELLED
    meeting.cancel_reason = reason
    meeting.sequence += 1
    meeting.save(update_fields=["state", "cancel_reason", "sequence", "updated_at"])
    if meeting.is_published:
        _notify(meeting=meeting, event="cancelled")
    for registration in meeting.registrations.exclude(state=Registration.State.CANCELLED):
        _mail_registration(registration=registration, kind="meeting_cancelled")
    return meeting


@transaction.atomic
def meeting_close(
    *,
    meeting: Meeting,
    notes: str,
    finished_on: datetime.date,
    participant_count: int | None,
    dealt_with_ids: list[int] = (),
) -> Meeting:
    """Close a held meeting: its notes (finished_on = the day they became upprättade, TF-3),
    the number of participants and the questions and needs it dealt with."""
    errors: dict[str, str] = {}
    if meeting.state == Meeting.State.CANCELLED:
        raise ValidationError(_("A cancelled meeting cannot be closed."))
    if meeting.starts_at > timezone.now():
        raise ValidationError(_("A meeting can only be closed after it has started."))
    if not (notes or "").strip():
        errors["notes"] = _("Write the notes from the meeting before closing it.")
    if participant_count is None:
        errors["participant_count"] = _("Give the number of participants.")
    if not finished_on:
        errors["finished_on"] = _("Give the date the notes were finished.")
    if errors:
        raise ValidationError(errors)
    meeting_notes_save(meeting=meeting, text=notes, finished_on=finished_on)
    for contribution_id in dealt_with_ids:
        DealtWith.objects.get_or_create(meeting=meeting, contribution_id=int(contribution_id))
    if meeting.state != Meeting.State.HELD:
        meeting.sequence += 1
    meeting.state = Meeting.State.HELD
    meeting.participant_count = participant_count
    meeting.closed_at = timezone.now()
    meeting.save(
        update_fields=["state", "participant_count", "closed_at", "sequence", "updated_at"]
    )
    return meeting


@transaction.atomic
def meeting_notes_save(*, meeting: Meeting, text: str, finished_on: datetime.date) -> MeetingNotes:
    """Write or correct the notes; subscribers hear of them once, when they first appear."""
    if not (text or "").strip():
        raise ValidationError({"text": _("The notes cannot be empty.")})
    notes, created = MeetingNotes.objects.update_or_create(
        meeting=meeting, defaults={"text": text, "finished_on": finished_on}
    )
    if created and meeting.is_published:
        _notify(meeting=meeting, event="notes")
    return notes


def meeting_contribution_submit(
    *,
    meeting: Meeting,
    kind: str,
    text: str,
    author=None,
    display_name: str = "",
    email: str = "",
    post_anyway: bool = False,
    client_ip: str | None = None,
    user_agent: str = "",
):
    """Hand a resident's question or need to moderation (the only way in), if the meeting
    still takes them: published, not cancelled, and before `questions_close_at`."""
    from moderation.services import contribution_submit

    if kind not in ("question", "need"):
        raise ValidationError(_("Choose whether it is a question or a need."))
    if not meeting.is_published or meeting.is_cancelled:
        raise ValidationError(_("This meeting does not take questions."))
    if timezone.now() > meeting.contributions_close_at:
        raise ValidationError(_("The time for questions and needs to this meeting has ended."))
    return contribution_submit(
        target=meeting,
        kind=kind,
        text=text,
        author=author if author is not None and author.is_authenticated else None,
        display_name=display_name,
        email=email,
        post_anyway=post_anyway,
        client_ip=client_ip,
        user_agent=user_agent,
    )


@transaction.atomic
def answer_save(*, answer: Answer, author=None) -> Answer:
    """Save an official's answer to a published question or need of the same meeting; the
    first save publishes it (upprättad, TF-3) and tells the subscribers."""
    from moderation.selectors import contributions_for

    ids = set(
        contributions_for(target=answer.meeting, kinds=["question", "need"]).values_list(
            "pk", flat=True
        )
    )
    if answer.contribution_id not in ids:
        raise ValidationError(
            {
                "contribution_id": _(
                    "Only a published question or need sent to this meeting can be answered."
                )
            }
        )
    first = answer.pk is None
    if author is not None and answer.author_id is None:
        answer.author = author
    if answer.published_at is None:
        answer.published_at = timezone.now()
    answer.full_clean()
    answer.save()
    if first and answer.meeting.is_published:
        _notify(meeting=answer.meeting, event="answer", object_id=answer.pk)
    return answer


# --- registration --------------------------------------------------------------------------
@transaction.atomic
def registration_create(*, meeting: Meeting, name: str, email: str) -> Registration:
    """Register for a meeting with a capacity: a place if one is free, else the waiting list.
    A confirmation mail carries a signed link to cancel."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.capacity is None:
        raise ValidationError(_("This meeting needs no registration: just come!"))
    if (
        not meeting.is_published
        or meeting.state != Meeting.State.PLANNED
        or meeting.starts_at <= timezone.now()
    ):
        raise ValidationError(_("Registration for this meeting is closed."))
    email = email.strip().lower()
    if meeting.registrations.filter(email=email).exclude(state="cancelled").exists():
        raise ValidationError({"email": _("This e-mail address is already registered.")})
    taken = meeting.registrations.filter(state=Registration.State.CONFIRMED).count()
    state = Registration.State.CONFIRMED if taken < meeting.capacity else Registration.State.WAITING
    registration = Registration(meeting=meeting, name=name.strip(), email=email, state=state)
    registration.full_clean()
    registration.save()
    _mail_registration(registration=registration, kind=state)
    return registration


def registration_token(*, registration: Registration) -> str:
    return signing.dumps(registration.pk, salt=REGISTRATION_SALT)


def registration_from_token(*, token: str) -> Registration:
    try:
        pk = signing.loads(token, salt=REGISTRATION_SALT)
    except signing.BadSignature as exc:
        raise ValidationError(_("The link is not valid.")) from exc
    registration = Registration.objects.select_related("meeting__village").filter(pk=pk).first()
    if registration is None:
        raise ValidationError(_("The link is not valid."))
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration | None:
    """Cancel a registration; a freed place goes to the first on the waiting list, who is
    told by mail. Returns the promoted registration, if any."""
    meeting = Meeting.objects.select_for_update().get(pk=registration.meeting_id)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.state == Registration.State.CANCELLED:
        return None
    freed = registration.state == Registration.State.CONFIRMED
    registration.state = Registration.State.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.save(update_fields=["state", "cancelled_at", "updated_at"])
    if not freed or meeting.capacity is None:
        return None
    taken = meeting.registrations.filter(state=Registration.State.CONFIRMED).count()
    if taken >= meeting.capacity:
        return None
    promoted = meeting.registrations.filter(state=Registration.State.WAITING).first()
    if promoted is not None:
        promoted.state = Registration.State.CONFIRMED
        promoted.save(update_fields=["state", "updated_at"])
        _mail_registration(registration=promoted, kind="promoted")
    return promoted


def _mail_registration(*, registration: Registration, kind: str) -> None:
    from .tasks import registration_mail_task

    pk = registration.pk
    transaction.on_commit(lambda: registration_mail_task.delay(pk, kind))


# --- village subscriptions -----------------------------------------------------------------
@transaction.atomic
def subscription_request(*, village: Village, email: str) -> VillageSubscription:
    """Start a subscription (double opt-in): a mail with a signed confirmation link.

    Asking again re-sends the link; an address that unsubscribed must confirm again."""
    email = (email or "").strip().lower()
    subscription, _created = VillageSubscription.objects.get_or_create(village=village, email=email)
    if subscription.is_active:
        return subscription
    if subscription.unsubscribed_at is not None:
        subscription.unsubscribed_at = None
        subscription.confirmed_at = None
    subscription.confirmation_sent_at = None
    subscription.save()
    from .tasks import subscription_confirm_mail_task

    pk = subscription.pk
    transaction.on_commit(lambda: subscription_confirm_mail_task.delay(pk))
    return subscription


def subscription_token(*, subscription: VillageSubscription, salt: str) -> str:
    return signing.dumps(subscription.pk, salt=salt)


def _subscription_from(token: str, *, salt: str, max_age: int | None) -> VillageSubscription:
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise ValidationError(_("The link has expired. Ask for a new one.")) from exc
    except signing.BadSignature as exc:
        raise ValidationError(_("The link is not valid.")) from exc
    subscription = VillageSubscription.objects.select_related("village").filter(pk=pk).first()
    if subscription is None:
        raise ValidationError(_("The link is not valid."))
    return subscription


def subscription_confirm(*, token: str) -> VillageSubscription:
    subscription = _subscription_from(token, salt=SUBSCRIBE_SALT, max_age=CONFIRM_MAX_AGE)
    if subscription.confirmed_at is None or subscription.unsubscribed_at is not None:
        subscription.confirmed_at = timezone.now()
        subscription.unsubscribed_at = None
        subscription.save(update_fields=["confirmed_at", "unsubscribed_at", "updated_at"])
    return subscription


def subscription_unsubscribe(*, token: str) -> VillageSubscription:
    """One click, no login: the signed link is the proof (also List-Unsubscribe)."""
    subscription = _subscription_from(token, salt=UNSUBSCRIBE_SALT, max_age=None)
    if subscription.unsubscribed_at is None:
        subscription.unsubscribed_at = timezone.now()
        subscription.save(update_fields=["unsubscribed_at", "updated_at"])
    return subscription


def _notify(*, meeting: Meeting, event: str, object_id: int | None = None) -> None:
    from .tasks import notify_subscribers_task

    pk, sequence = meeting.pk, meeting.sequence
    transaction.on_commit(lambda: notify_subscribers_task.delay(pk, event, sequence, object_id))
