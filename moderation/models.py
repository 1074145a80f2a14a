"""Moderation records: contributions from every app, reports, evidence and the audit log.

A contribution points at the thing it is about through a *generic relation*
(`content_type` + `object_id` → `target`). That is deliberate: a meeting, a feedback topic
or a democracy-day workshop owns no foreign key to moderation and never imports it to store
anything; it hands its object to `moderation.services.contribution_submit(target=...)` and
reads back what the public may see through `moderation.selectors.contributions_for(target=...)`.
Moderation's states, screening, redactions and registration stay internal to this app, and
data flows one way (apps → moderation → registry).
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dialog_portal.models import InsertOnlyModel, TimeStampedModel

MASK = "[borttaget]"


def mask_text(text: str, spans: list[dict]) -> str:
    """Replace every span (start/end, overlapping allowed) with one MASK marker."""
    ranges = sorted(
        (max(0, int(s["start"])), min(len(text), int(s["end"])))
        for s in spans
        if int(s["end"]) > int(s["start"])
    )
    merged: list[list[int]] = []
    for start, end in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, pos = [], 0
    for start, end in merged:
        out.append(text[pos:start])
        out.append(MASK)
        pos = end
    out.append(text[pos:])
    return "".join(out)


class FeedbackTopic(TimeStampedModel):
    """A subject residents give synpunkter on at /synpunkter/<slug>/ (e.g. snow clearing)."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("address"), unique=True)
    description = models.TextField(_("description"), blank=True)
    is_open = models.BooleanField(_("open for feedback"), default=True)

    class Meta:
        verbose_name = _("feedback topic")
        verbose_name_plural = _("feedback topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("feedback-topic", kwargs={"slug": self.slug})


class Contribution(TimeStampedModel):
    """Anything a resident hands in: an inkommen handling from the moment it is received."""

    class Kind(models.TextChoices):
        COMMENT = "comment", _("comment")
        QUESTION = "question", _("question")
        NEED = "need", _("village need")
        FEEDBACK = "feedback", _("feedback (synpunkt)")
        PROPOSAL = "proposal", _("proposal")
        PHOTO = "photo", _("photo")

    class State(models.TextChoices):
        PENDING = "pending", _("waiting for review")
        PUBLISHED = "published", _("published")
        HIDDEN = "hidden", _("hidden")
        REMOVED = "removed", _("removed")

    class HiddenCause(models.TextChoices):
        NONE = "", _("not hidden")
        MODERATOR = "moderator", _("hidden by a moderator")
        REPORTS = "reports", _("hidden after reports, awaiting review")
        BLOCK = "block", _("author blocked")
        TAKEDOWN = "takedown", _("photo takedown requested")
        CRIMINAL = "criminal", _("removed as criminal material")

    class Registration(models.TextChoices):
        NOT_NEEDED = "not_needed", _("not registered (minor importance)")
        UNDECIDED = "undecided", _("not yet decided")
        TO_REGISTER = "to_register", _("to be registered")
        REGISTERED = "registered", _("registered")

    class DecisionRule(models.TextChoices):
        NONE = "", _("no decision yet")
        MODERATOR = "moderator", _("moderator")
        AUTO = "auto", _("automatic (clean, MODERATION_AUTO_PUBLISH_CLEAN)")

    class Channel(models.TextChoices):
        """Where it came in. Imported social-media comments are never published here."""

        PORTAL = "portal", _("portal")
        SOCIAL_MEDIA = "social_media", _("social media (imported)")

    # What it is about: a generic relation, so the owning app never sees moderation internals.
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.CharField(max_length=64)
    target = GenericForeignKey("content_type", "object_id")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    text = models.TextField(_("text"), blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.PENDING, db_index=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributions",
        verbose_name=_("author"),
    )
    display_name = models.CharField(_("name shown"), max_length=80, blank=True)
    email = models.EmailField(_("e-mail (never published)"), blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    received_at = models.DateTimeField(_("received"), db_index=True)
    channel = models.CharField(_("channel"), max_length=32, default="portal")
    # The comment's identity where it was published (e.g. "social:facebook:<id>"): unique
    # when set, so importing the same file again finds the contribution instead of adding one.
    external_ref = models.CharField(_("external reference"), max_length=200, blank=True)
    client_ip = models.GenericIPAddressField(_("client address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)

    # Screening (TF-1: the result is part of the handling)
    screening = models.JSONField(_("screening findings"), default=dict, blank=True)
    screening_action = models.CharField(_("screening decision"), max_length=16, blank=True)
    rules_version = models.CharField(_("rules version"), max_length=40, blank=True)
    severity = models.PositiveSmallIntegerField(_("severity"), default=0, db_index=True)
    posted_anyway = models.BooleanField(_("posted despite the warning"), default=False)
    needs_review = models.BooleanField(_("needs review"), default=True, db_index=True)

    masked_spans = models.JSONField(_("masked spans"), default=list, blank=True)

    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_rule = models.CharField(
        _("decided by rule"), max_length=16, choices=DecisionRule.choices, blank=True
    )
    hidden_cause = models.CharField(
        _("why hidden"), max_length=16, choices=HiddenCause.choices, blank=True
    )
    hidden_reason = models.TextField(_("reason shown to the author"), blank=True)
    quarantined = models.BooleanField(
        _("quarantined (never shown again, BBS-7)"), default=False, db_index=True
    )

    # Photos (RULE-4): re-encoded, EXIF stripped, served only while published.
    photo = models.FileField(_("photo"), upload_to="moderation/photos/", blank=True)
    photo_consent = models.BooleanField(_("everyone pictured agrees"), default=False)
    child_pictured = models.BooleanField(_("a child under 15 is pictured"), default=False)
    guardian_consent = models.BooleanField(_("guardian agrees"), default=False)

    # Minor importance and registration (OSL-2)
    minor_importance = models.BooleanField(_("of minor importance"), null=True, blank=True)
    minor_importance_reason = models.CharField(
        _("minor importance: why"), max_length=300, blank=True
    )
    minor_importance_overridden = models.BooleanField(_("set by a moderator"), default=False)
    registration_state = models.CharField(
        _("registration"),
        max_length=16,
        choices=Registration.choices,
        default=Registration.UNDECIDED,
        db_index=True,
    )
    registry_reference = models.CharField(_("diary number"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["received_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "state"])]
        constraints = [
            models.UniqueConstraint(
                fields=["external_ref"],
                condition=~models.Q(external_ref=""),
                name="moderation_contribution_external_ref_unique",
            )
        ]
        permissions = [("view_original", "Can see original (unmasked) contribution text")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk}"

    @property
    def public_text(self) -> str:
        """What the public sees: the text with every masked span replaced by MASK."""
        return mask_text(self.text, self.masked_spans or [])

    @property
    def public_name(self) -> str:
        return self.display_name or str(_("Anonymous"))

    @property
    def is_published(self) -> bool:
        return self.state == self.State.PUBLISHED

    @property
    def is_imported(self) -> bool:
        """Imported from a social-media channel: published there, never on the portal."""
        return self.channel == self.Channel.SOCIAL_MEDIA

    def get_photo_url(self) -> str:
        return reverse("moderation-photo", kwargs={"pk": self.pk}) if self.photo else ""


class IncomingRegistration(models.Model):
    """Reports and takedown requests are inkommen handlingar of their own (RULE-5, RULE-7,
    TF-1): each is handed to the diarium on commit and keeps the diary number it got."""

    class Registration(models.TextChoices):
        TO_REGISTER = "to_register", _("to be registered")
        REGISTERED = "registered", _("registered")

    registration_state = models.CharField(
        _("registration"),
        max_length=16,
        choices=Registration.choices,
        default=Registration.TO_REGISTER,
        db_index=True,
    )
    registry_reference = models.CharField(_("diary number"), max_length=60, blank=True)

    class Meta:
        abstract = True


class Report(IncomingRegistration):
    """A resident's report ("Anmäl") of a published contribution (RULE-7): an inkommen handling."""

    class Reason(models.TextChoices):
        OFFENSIVE = "krankande", _("offensive")
        CRIMINAL = "brottsligt", _("criminal")
        PERSONAL_DATA = "personuppgifter", _("personal data")
        ADVERTISING = "reklam", _("advertising")
        OTHER = "annat", _("other")

    contribution = models.ForeignKey(Contribution, on_delete=models.PROTECT, related_name="reports")
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    message = models.TextField(_("message"), blank=True)
    email = models.EmailField(_("e-mail for the outcome"), blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    reporter_key = models.CharField(max_length=80)  # user id or a hash of the address
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["received_at"]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} – #{self.contribution_id}"


class PhotoTakedownRequest(IncomingRegistration):
    """ "Det här är jag – ta bort bilden" (RULE-5, GDPR-7): the photo goes off display at once."""

    class Outcome(models.TextChoices):
        OPEN = "", _("open")
        REMOVED = "removed", _("photo removed")
        RESTORED = "restored", _("photo shown again")

    contribution = models.ForeignKey(
        Contribution, on_delete=models.PROTECT, related_name="takedown_requests"
    )
    name = models.CharField(_("your name"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail for the confirmation"), blank=True)
    message = models.TextField(_("message"), blank=True)
    received_at = models.DateTimeField(_("received"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    outcome = models.CharField(_("outcome"), max_length=16, choices=Outcome.choices, blank=True)

    class Meta:
        verbose_name = _("photo takedown request")
        verbose_name_plural = _("photo takedown requests")
        ordering = ["received_at"]

    def __str__(self) -> str:
        return f"#{self.pk} – #{self.contribution_id}"


class AuthorBlock(models.Model):
    """An author blocked by a moderator; lifting it restores what the block hid."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="moderation_blocks",
    )
    reason = models.TextField(_("reason"))
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    blocked_at = models.DateTimeField(_("blocked"), auto_now_add=True)
    lifted_at = models.DateTimeField(_("lifted"), null=True, blank=True)
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("blocked author")
        verbose_name_plural = _("blocked authors")
        ordering = ["-blocked_at"]

    def __str__(self) -> str:
        return f"{self.user} ({self.blocked_at:%Y-%m-%d})"


class AuditLogEntry(InsertOnlyModel):
    """Who did what, when and why: every moderation action (BBS-4)."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,  # the log outlives accounts; actor_label keeps the name
        db_constraint=False,
        related_name="+",
        verbose_name=_("who"),
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=200, blank=True)
    action = models.CharField(_("what"), max_length=40, db_index=True)
    contribution = models.ForeignKey(
        Contribution,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audit_entries",
        verbose_name=_("contribution"),
    )
    reason = models.TextField(_("why"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"


class EvidenceRecord(InsertOnlyModel):
    """Criminal material preserved unchanged (BBS-5): content, time, account and technical
    data as held, with a SHA-256 over the canonical JSON of `content`."""

    class Category(models.TextChoices):
        THREAT = "olaga_hot", _("unlawful threat (olaga hot)")
        INTEGRITY = "olaga_integritetsintrang", _("unlawful invasion of privacy")
        HATE = "hets_mot_folkgrupp", _("agitation against a population group")
        CHILD_ABUSE = "barnpornografi", _("child sexual abuse material")
        INCITEMENT = "uppvigling", _("incitement (uppvigling)")
        VIOLENCE = "olaga_valdsskildring", _("unlawful depiction of violence")
        TERROR = "terrorbrott", _("incitement to terrorist offences")
        COPYRIGHT = "upphovsrattsintrang", _("copyright infringement")
        OTHER = "annat", _("other crime")

    contribution = models.ForeignKey(
        Contribution, on_delete=models.PROTECT, related_name="evidence"
    )
    category = models.CharField(_("category of crime"), max_length=32, choices=Category.choices)
    created_at = models.DateTimeField(_("preserved"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    content = models.JSONField(_("preserved record"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("evidence record")
        verbose_name_plural = _("evidence records")
        ordering = ["-created_at"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.get_category_display()} – #{self.contribution_id}"

    @staticmethod
    def canonical(content: dict) -> bytes:
        return json.dumps(
            content, sort_keys=True, ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")

    @classmethod
    def digest(cls, content: dict) -> str:
        return hashlib.sha256(cls.canonical(content)).hexdigest()

    @property
    def is_intact(self) -> bool:
        return self.digest(self.content) == self.sha256

    @property
    def is_quarantined(self) -> bool:
        return self.category == self.Category.CHILD_ABUSE


class PoliceReportDecision(InsertOnlyModel):
    """The decision to report, or not, apart from the removal (BBS-6)."""

    evidence = models.ForeignKey(
        EvidenceRecord, on_delete=models.PROTECT, related_name="police_decisions"
    )
    reported = models.BooleanField(_("reported to the police"))
    police_reference = models.CharField(_("police reference"), max_length=80, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    decided_at = models.DateTimeField(_("decided"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )

    class Meta:
        verbose_name = _("police report decision")
        verbose_name_plural = _("police report decisions")
        ordering = ["-decided_at"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"#{self.evidence_id} {'reported' if self.reported else 'not reported'}"
