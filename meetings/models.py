"""Models of the village meetings (kommundelsträffar).

A meeting is held in a village at a venue; it has an agenda, attendees (politicians and
officials), residents' questions and needs (stored by `moderation`, which knows nothing of
meetings: we point at a contribution by its id), answers from officials, notes from the
meeting (upprättade when finished, TF-3) and follow-up actions. Villages carry "på gång i
byn" items. Residents may register for a meeting and subscribe to a village by e-mail.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dialog_portal.models import TimeStampedModel


def _new_uid() -> str:
    return f"{uuid.uuid4()}@kommundelstraffar.vansbro.se"


class Village(TimeStampedModel):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    description = models.TextField(_("short description"), blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )

    class Meta:
        verbose_name = _("village")
        verbose_name_plural = _("villages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("meetings-village", kwargs={"slug": self.slug})


class Venue(TimeStampedModel):
    """Where meetings are held, with what a visitor needs to know to get in."""

    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="venues", verbose_name=_("village")
    )
    name = models.CharField(_("name"), max_length=150)
    street_address = models.CharField(_("street address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=8, decimal_places=5, null=True, blank=True
    )
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessibility_notes = models.TextField(
        _("accessibility information"),
        blank=True,
        help_text=_("E.g. parking, accessible toilet, entrance."),
    )

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["village__name", "name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.street_address}"

    @property
    def full_address(self) -> str:
        place = " ".join(p for p in (self.postal_code, self.town) if p)
        return ", ".join(p for p in (self.street_address, place) if p)


class Meeting(TimeStampedModel):
    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        CANCELLED = "cancelled", _("cancelled")
        HELD = "held", _("held")

    village = models.ForeignKey(
        Village, on_delete=models.PROTECT, related_name="meetings", verbose_name=_("village")
    )
    title = models.CharField(_("title"), max_length=200, blank=True)
    description = models.TextField(_("introduction"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("venue"),
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PLANNED
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    questions_close_at = models.DateTimeField(
        _("questions close"),
        null=True,
        blank=True,
        help_text=_(
            "Residents can send questions and needs until this time. Empty: until the meeting ends."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("number of places"),
        null=True,
        blank=True,
        help_text=_("Empty: no registration needed."),
    )
    participant_count = models.PositiveIntegerField(
        _("number of participants"), null=True, blank=True
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    uid = models.CharField(
        _("calendar id"), max_length=120, unique=True, default=_new_uid, editable=False
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["published_at", "starts_at"], name="meeting_pub_start"),
            models.Index(fields=["village", "starts_at"], name="meeting_village_start"),
            models.Index(fields=["state", "starts_at"], name="meeting_state_start"),
            # The coming list: published, not held, in order of start (LIMIT 20 from an index
            # scan instead of sorting every future meeting).
            models.Index(
                fields=["starts_at"],
                condition=Q(published_at__isnull=False) & ~Q(state="held"),
                name="meeting_coming_start",
            ),
            # The coming list's length ("page 1 of N"): an index-only count of the meetings
            # that have not ended, instead of reading every row of the table.
            models.Index(
                fields=["ends_at"],
                condition=Q(published_at__isnull=False) & ~Q(state="held"),
                name="meeting_coming_end",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            ),
        ]
        permissions = [
            ("publish_meeting", _("Can publish meetings")),
            ("cancel_meeting", _("Can cancel meetings")),
            ("close_meeting", _("Can close held meetings")),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        return self.title or str(_("Village meeting in %(village)s") % {"village": self.village})

    def get_absolute_url(self) -> str:
        return reverse("meetings-detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def is_cancelled(self) -> bool:
        return self.state == self.State.CANCELLED

    @property
    def contributions_close_at(self):
        return self.questions_close_at or self.ends_at

    @property
    def map_url(self) -> str:
        """An OpenStreetMap link (no embedded map): coordinates first, else the address."""
        from urllib.parse import urlencode

        venue = self.venue
        if venue and venue.latitude is not None and venue.longitude is not None:
            lat, lon = venue.latitude, venue.longitude
        elif venue:
            return "https://www.openstreetmap.org/search?" + urlencode(
                {"query": venue.full_address or venue.name}
            )
        else:
            lat, lon = self.village.latitude, self.village.longitude
        if lat is None or lon is None:
            return ""
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("item"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.title


class Attendee(models.Model):
    class Kind(models.TextChoices):
        POLITICIAN = "politician", _("politician")
        OFFICIAL = "official", _("official")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="attendees", verbose_name=_("meeting")
    )
    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    role = models.CharField(
        _("role"), max_length=200, help_text=_("E.g. chair of the municipal executive board.")
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.role})"


class Answer(TimeStampedModel):
    """An official's answer to a resident's question or need.

    `contribution_id` points at a `moderation.Contribution` whose target is `meeting`;
    moderation stays ignorant of meetings. `published_at` is the date the answer became
    upprättad (TF-3).
    """

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="answers", verbose_name=_("meeting")
    )
    contribution_id = models.PositiveBigIntegerField(_("question or need"), unique=True)
    text = models.TextField(_("answer"))
    answered_by = models.CharField(
        _("answered by"), max_length=200, help_text=_("Name and role, shown to the public.")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.text[:40]}"


class DealtWith(models.Model):
    """A question or need that a held meeting dealt with (linked when it is closed)."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="dealt_with", verbose_name=_("meeting")
    )
    contribution_id = models.PositiveBigIntegerField(_("question or need"))

    class Meta:
        verbose_name = _("question dealt with")
        verbose_name_plural = _("questions dealt with")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "contribution_id"], name="dealt_with_once_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: #{self.contribution_id}"


class MeetingNotes(TimeStampedModel):
    """Minnesanteckningar. `finished_on` is the day they were finished (justerade): the
    date they became an upprättad allmän handling (TF-3)."""

    meeting = models.OneToOneField(
        Meeting, on_delete=models.CASCADE, related_name="notes", verbose_name=_("meeting")
    )
    text = models.TextField(_("notes"))
    finished_on = models.DateField(_("finished on"))

    class Meta:
        verbose_name = _("meeting notes")
        verbose_name_plural = _("meeting notes")

    def __str__(self) -> str:
        return str(_("Notes from %(meeting)s") % {"meeting": self.meeting})


class FollowUpAction(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("will not be done")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="follow_ups", verbose_name=_("meeting")
    )
    title = models.CharField(_("action"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    owner = models.CharField(
        _("owner"), max_length=200, help_text=_("Department or person responsible.")
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.OPEN
    )

    class Meta:
        verbose_name = _("follow-up action")
        verbose_name_plural = _("follow-up actions")
        ordering = ["due_on", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES


class VillageItem(TimeStampedModel):
    """ "På gång i byn": a project or matter in a village."""

    class Category(models.TextChoices):
        ROADS = "roads", _("roads and streets")
        SCHOOL = "school", _("school and preschool")
        BROADBAND = "broadband", _("broadband")
        CARE = "care", _("care")
        OTHER = "other", _("other")

    class State(models.TextChoices):
        PLANNED = "planned", _("planned")
        ONGOING = "ongoing", _("ongoing")
        PAUSED = "paused", _("paused")
        DONE = "done", _("done")

    village = models.ForeignKey(
        Village, on_delete=models.CASCADE, related_name="items", verbose_name=_("village")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=12, choices=Category.choices)
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    contact_department = models.CharField(_("contact department"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)

    class Meta:
        verbose_name = _("item on the go in the village")
        verbose_name_plural = _("on the go in the village")
        ordering = ["village__name", "state", "title"]

    def __str__(self) -> str:
        return self.title


class Registration(TimeStampedModel):
    """A place at a meeting with a capacity, or a place on its waiting list."""

    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("meeting")
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"))
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    mailed_state = models.CharField(max_length=12, blank=True, editable=False)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "email"],
                condition=~Q(state="cancelled"),
                name="registration_once_per_meeting",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} – {self.meeting}"


class VillageSubscription(TimeStampedModel):
    """An e-mail address that follows a village (double opt-in)."""

    village = models.ForeignKey(
        Village, on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("village")
    )
    email = models.EmailField(_("e-mail"))
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("village subscription")
        verbose_name_plural = _("village subscriptions")
        constraints = [
            models.UniqueConstraint(fields=["village", "email"], name="subscription_once")
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.village}"

    @property
    def is_active(self) -> bool:
        return self.confirmed_at is not None and self.unsubscribed_at is None


class Notification(models.Model):
    """One notice sent to one subscriber: makes the notify task idempotent."""

    subscription = models.ForeignKey(
        VillageSubscription, on_delete=models.CASCADE, related_name="notifications"
    )
    event_key = models.CharField(max_length=80)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["subscription", "event_key"], name="notify_once")
        ]

    def __str__(self) -> str:
        return self.event_key
