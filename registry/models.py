"""The diarium: register entries, their frozen documents, cases, secrecy, requests, gallring.

Nothing here imports another portal app: registry receives plain values and keeps its own
frozen copy (the data flows one way, README "Layout").

Immutability (ARK-1, TF-1): a registered entry's register fields, its document snapshot and its
attachments cannot be changed or deleted through the ORM (`save()`/`delete()` raise
`ImmutableRecordError`), nor on PostgreSQL through SQL (triggers in migration 0003). Corrections
are `Annotation` rows that keep the original. The only deletion is a gallring run that names its
gallringsbeslut (`registry.services.disposal_carry_out`).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dialog_portal.models import (  # noqa: F401  (ImmutableRecordError re-exported)
    ImmutableRecordError,
    InsertOnlyModel,
    TimeStampedModel,
)


class Channel(models.TextChoices):
    PORTAL = "portal", _("Portal")
    SOCIAL_MEDIA = "social_media", _("Social media")
    EMAIL = "email", _("E-mail")
    LETTER = "letter", _("Letter")
    TELEPHONE = "telephone", _("Telephone")
    VISIT = "visit", _("Visit")


class DocumentType(models.TextChoices):
    """Every document type the portal stores (ARK-3); each maps to a RetentionPlanRow."""

    COMMENT = "comment", _("Comment")
    QUESTION = "question", _("Question")
    NEED = "need", _("Need")
    YOUTH_PROPOSAL = "youth_proposal", _("Youth proposal")
    VISIT_NOTE = "visit_note", _("Visit note")
    REQUEST = "request", _("Request for public documents")
    DECISION = "decision", _("Decision")
    APPEAL = "appeal", _("Appeal")
    MODERATION_RECORD = "moderation_record", _("Moderation record")
    POLICE_REPORT_RECORD = "police_report_record", _("Police-report record")
    ACCESSIBILITY_FEEDBACK = "accessibility_feedback", _("Accessibility feedback")
    LETTER = "letter", _("Letter or other incoming document")
    TELEPHONE_NOTE = "telephone_note", _("Telephone note")
    REPORT = "report", _("Report of a contribution (anmälan)")
    TAKEDOWN_REQUEST = "takedown_request", _("Request to remove a photo")


class Direction(models.TextChoices):
    INCOMING = "incoming", _("Received (inkommen)")
    OUTGOING = "outgoing", _("Sent (upprättad, expedierad)")
    INTERNAL = "internal", _("Drawn up (upprättad)")


class SecrecyProvision(models.Model):
    """An OSL provision usable as a reason code (OSL-12); registrars may add more."""

    code = models.CharField(_("provision"), max_length=30, unique=True)
    label = models.CharField(_("description"), max_length=200)
    is_active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("secrecy provision")
        verbose_name_plural = _("secrecy provisions")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return f"OSL {self.code} – {self.label}"


class NumberCounter(models.Model):
    """The last running number used in one (series, year). Locked while registering."""

    series = models.CharField(_("series"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("number counter")
        verbose_name_plural = _("number counters")
        constraints = [
            models.UniqueConstraint(fields=["series", "year"], name="registry_counter_unique")
        ]

    def __str__(self) -> str:
        return f"{self.series} {self.year}: {self.last_number}"


class Case(TimeStampedModel):
    """An ärende with its diary number `KS 2026/0042` (OSL-7)."""

    series = models.CharField(_("series"), max_length=10)
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("running number"))
    diary_number = models.CharField(_("diary number"), max_length=30, unique=True)
    subject = models.CharField(_("subject (ärendemening)"), max_length=255)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registry_cases",
    )
    opened_on = models.DateField(_("opened"))
    closed_on = models.DateField(_("closed"), null=True, blank=True)
    last_document_number = models.PositiveIntegerField(_("last document number"), default=0)

    class Meta:
        verbose_name = _("case (ärende)")
        verbose_name_plural = _("cases (ärenden)")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "number"], name="registry_case_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.diary_number} {self.subject}"


class EntryQuerySet(models.QuerySet):
    def public(self):
        """What the public web diary may list: confirmed entries (pending ones wait)."""
        return self.filter(state=Entry.State.REGISTERED)


class Entry(TimeStampedModel):
    """One registered document, `KS 2026/0042-3` (OSL-5: date, number, sender, subject)."""

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting the registrar's confirmation")
        REGISTERED = "registered", _("Registered")

    # Fields that never change once the row exists (guarded in save() and by a trigger).
    FROZEN_FIELDS = (
        "case_id",
        "sequence",
        "diary_number",
        "direction",
        "document_type",
        "received_at",
        "channel",
        "sender_name",
        "sender_is_organisation",
        "subject",
        "source_ref",
    )

    case = models.ForeignKey(
        Case, verbose_name=_("case"), on_delete=models.PROTECT, related_name="entries"
    )
    sequence = models.PositiveIntegerField(_("document number (löpnummer)"))
    diary_number = models.CharField(_("diary number"), max_length=36, unique=True)
    direction = models.CharField(
        _("direction"), max_length=10, choices=Direction.choices, default=Direction.INCOMING
    )
    document_type = models.CharField(
        _("document type"), max_length=30, choices=DocumentType.choices
    )
    received_at = models.DateTimeField(_("received or drawn up"))
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    sender_name = models.CharField(_("sender or recipient"), max_length=200, blank=True)
    sender_is_organisation = models.BooleanField(_("sender is an organisation"), default=False)
    subject = models.CharField(_("subject"), max_length=255)
    source_ref = models.CharField(_("source reference"), max_length=120, blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.REGISTERED
    )
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registry_entries",
    )
    # OSL-8 secrecy marking: provision, date, by whom. Advisory: each request is tried anew.
    secrecy_provision = models.ForeignKey(
        SecrecyProvision,
        verbose_name=_("secrecy provision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    secrecy_marked_at = models.DateTimeField(_("secrecy marked"), null=True, blank=True)
    secrecy_marked_by = models.CharField(_("secrecy marked by"), max_length=200, blank=True)
    disposed_at = models.DateTimeField(_("disposed of"), null=True, blank=True)
    disposal = models.ForeignKey(
        "Disposal", null=True, blank=True, on_delete=models.PROTECT, related_name="entries"
    )
    search_vector = SearchVectorField(null=True, editable=False)

    objects = EntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("register entry")
        verbose_name_plural = _("register entries")
        ordering = ["-received_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["case", "sequence"], name="registry_entry_seq_unique"),
            models.UniqueConstraint(
                fields=["source_ref"],
                condition=~Q(source_ref=""),
                name="registry_entry_source_ref_unique",
            ),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="registry_entry_search_gin"),
            # The web diary's order (newest first): LIMIT stops after one page.
            models.Index(fields=["-received_at", "-id"], name="registry_entry_date_desc_idx"),
        ]

    def __str__(self) -> str:
        return self.diary_number

    def get_absolute_url(self) -> str:
        return reverse("registry-entry", kwargs={"pk": self.pk})

    @property
    def is_secret(self) -> bool:
        return self.secrecy_provision_id is not None

    @property
    def current_subject(self) -> str:
        """The subject after corrections (annotations); the original stays stored.

        Uses prefetched annotations when the caller prefetched them (the web diary does), so a
        page of entries costs no query per row."""
        cached = getattr(self, "_prefetched_objects_cache", {}).get("annotations")
        if cached is not None:
            notes = [n for n in cached if n.field == Annotation.Field.SUBJECT]
            if not notes:
                return self.subject
            return max(notes, key=lambda n: (n.created_at, n.pk)).new_value
        note = (
            self.annotations.filter(field=Annotation.Field.SUBJECT).order_by("-created_at").first()
        )
        return note.new_value if note else self.subject

    @property
    def public_sender(self) -> str:
        """GDPR-4: a private person's name is never shown on the web."""
        return self.sender_name if self.sender_is_organisation else ""

    def save(self, *args, **kwargs):
        if not self._state.adding:
            stored = Entry.objects.filter(pk=self.pk).values(*self.FROZEN_FIELDS).first()
            if stored is not None:
                changed = [f for f in self.FROZEN_FIELDS if stored[f] != getattr(self, f)]
                if changed:
                    raise ImmutableRecordError(
                        f"Registered entry {self.diary_number}: {', '.join(changed)} cannot change"
                    )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("A register entry is never deleted (ARK-1).")


class Document(InsertOnlyModel):
    """The frozen snapshot of what came in: the text exactly as received."""

    entry = models.OneToOneField(Entry, on_delete=models.PROTECT, related_name="document")
    text = models.TextField(_("text"))
    pii_spans = models.JSONField(_("personal data found (redaction suggestions)"), default=list)
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return f"{self.entry_id}"

    def save(self, *args, **kwargs):
        self.sha256 = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        super().save(*args, **kwargs)


class Attachment(InsertOnlyModel):
    """An attachment stored in the registry's own table (bytes kept as received)."""

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="attachments")
    filename = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=120)
    content = models.BinaryField(_("content"))
    size = models.PositiveIntegerField(_("size"), default=0)
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.filename

    def save(self, *args, **kwargs):
        data = bytes(self.content)
        self.size = len(data)
        self.sha256 = hashlib.sha256(data).hexdigest()
        super().save(*args, **kwargs)


class Annotation(InsertOnlyModel):
    """A correction or note on an entry; the original value stays (nothing is lost)."""

    class Field(models.TextChoices):
        NOTE = "note", _("Note only")
        SUBJECT = "subject", _("Subject")

    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="annotations")
    field = models.CharField(_("corrects"), max_length=20, choices=Field.choices)
    new_value = models.CharField(_("corrected value"), max_length=255, blank=True)
    reason = models.TextField(_("reason"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("annotation")
        verbose_name_plural = _("annotations")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.field}"


class RegistryEvent(InsertOnlyModel):
    """Append-only audit log: who, what, when, why (ARK-1, TF-1)."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    actor_label = models.CharField(_("who (system)"), max_length=100, blank=True)
    action = models.CharField(_("what"), max_length=60)
    entry = models.ForeignKey(
        Entry, null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    request = models.ForeignKey(
        "DocumentRequest", null=True, blank=True, on_delete=models.PROTECT, related_name="events"
    )
    reason = models.TextField(_("why"), blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("registry event")
        verbose_name_plural = _("registry events")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("The audit log is append-only.")


# --- Dokumenthanteringsplan and gallring (ARK-1 to ARK-4) ----------------------------------
class RetentionPlanRow(models.Model):
    """A row of the nämnd's dokumenthanteringsplan for one document type (ARK-3)."""

    class Handling(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        KEPT_IN_ORDER = "kept_in_order", _("Kept in order")

    class Disposition(models.TextChoices):
        KEEP = "keep", _("Kept (bevaras)")
        DISPOSE = "dispose", _("Disposed of (gallras)")

    document_type = models.CharField(
        _("document type"), max_length=30, choices=DocumentType.choices, unique=True
    )
    handling = models.CharField(_("handling"), max_length=20, choices=Handling.choices)
    storage = models.CharField(_("where stored"), max_length=200)
    disposition = models.CharField(
        _("kept or disposed"), max_length=10, choices=Disposition.choices
    )
    retention_years = models.PositiveSmallIntegerField(
        _("disposed of after (years)"), null=True, blank=True
    )
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("records management plan row")
        verbose_name_plural = _("records management plan")
        ordering = ["document_type"]

    def __str__(self) -> str:
        return self.get_document_type_display()


class DisposalDecision(models.Model):
    """A gallringsbeslut of the nämnd under the arkivreglemente (ARK-4)."""

    body = models.CharField(_("decided by (nämnd)"), max_length=200)
    decided_on = models.DateField(_("decision date"))
    reference = models.CharField(_("decision reference"), max_length=60)
    plan_rows = models.ManyToManyField(
        RetentionPlanRow, verbose_name=_("document types"), related_name="decisions"
    )
    retention_years = models.PositiveSmallIntegerField(_("retention period (years)"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("disposal decision (gallringsbeslut)")
        verbose_name_plural = _("disposal decisions (gallringsbeslut)")
        ordering = ["-decided_on"]

    def __str__(self) -> str:
        return f"{self.body} {self.decided_on} ({self.reference})"


class Disposal(models.Model):
    """A gallring run carried out by a registrar; its log is kept (ARK-1)."""

    decision = models.ForeignKey(DisposalDecision, on_delete=models.PROTECT)
    carried_out_at = models.DateTimeField(default=timezone.now)
    carried_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    destroyed = models.JSONField(_("destroyed"), default=list)

    class Meta:
        verbose_name = _("disposal run")
        verbose_name_plural = _("disposal runs")
        ordering = ["-carried_out_at"]

    def __str__(self) -> str:
        return f"{self.carried_out_at:%Y-%m-%d} {self.decision}"

    def delete(self, *args, **kwargs):
        raise ImmutableRecordError("A disposal log is kept.")


# --- Requests for public documents (TF-5 to TF-11, OSL-9, FL-2, FL-3) ----------------------
class FeeSchedule(models.Model):
    """The copy-fee taxa adopted by kommunfullmäktige (TF-10), edited by staff in the admin.

    The taxa in force is the one with the latest `valid_from` on or before the day. Without
    one, or when it does not adopt the state scale, copies are free. Only paper copies are
    charged: never reading on site, search time or the sekretessprövning.
    """

    adopted_by = models.CharField(
        _("adopted by"), max_length=200, default="Kommunfullmäktige i Vansbro kommun"
    )
    reference = models.CharField(_("decision reference"), max_length=60)
    valid_from = models.DateField(_("in force from"))
    charges_copies = models.BooleanField(
        _("adopts the state scale for copies"),
        default=False,
        help_text=_("Without this, copies are free."),
    )
    free_pages = models.PositiveSmallIntegerField(_("free pages"), default=9)
    first_fee = models.DecimalField(
        _("fee for the first charged page (kr)"), max_digits=8, decimal_places=2, default=50
    )
    page_fee = models.DecimalField(
        _("fee for each further page (kr)"), max_digits=8, decimal_places=2, default=2
    )

    class Meta:
        verbose_name = _("copy-fee taxa")
        verbose_name_plural = _("copy-fee taxa")
        ordering = ["-valid_from"]

    def __str__(self) -> str:
        return f"{self.adopted_by} {self.reference} ({self.valid_from})"


class DocumentRequest(TimeStampedModel):
    """A begäran om allmän handling. Identity and purpose are never required (TF-5)."""

    class State(models.TextChoices):
        OPEN = "open", _("Waiting for review")
        DECIDED = "decided", _("Decided")
        DELIVERED = "delivered", _("Delivered")

    class Delivery(models.TextChoices):
        PDF = "pdf", _("Download a PDF")
        EMAIL = "email", _("By e-mail")
        IN_PERSON = "in_person", _("Read or collect in person at the town hall")

    reference = models.CharField(_("reference"), max_length=30, unique=True)
    received_at = models.DateTimeField(_("received"), default=timezone.now)
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.PORTAL
    )
    description = models.TextField(_("documents wanted"))
    entries = models.ManyToManyField(Entry, through="RequestItem", related_name="requests")
    name = models.CharField(_("name (optional)"), max_length=200, blank=True)
    contact = models.CharField(_("e-mail or postal address (optional)"), max_length=300, blank=True)
    delivery = models.CharField(
        _("delivery"), max_length=12, choices=Delivery.choices, default=Delivery.PDF
    )
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    lead_time = models.DurationField(_("time from request to delivery"), null=True, blank=True)
    access_key = models.CharField(max_length=40, unique=True)
    # TF-10: the fee for paper copies under the taxa in force, set by a registrar.
    fee_pages = models.PositiveIntegerField(_("paper pages copied"), null=True, blank=True)
    fee_amount = models.DecimalField(
        _("copy fee (kr)"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    fee_schedule = models.ForeignKey(
        FeeSchedule, verbose_name=_("taxa"), null=True, blank=True, on_delete=models.PROTECT
    )
    fee_in_advance = models.BooleanField(_("payment required in advance"), default=False)
    fee_paid_at = models.DateTimeField(_("fee paid"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for public documents")
        verbose_name_plural = _("requests for public documents")
        ordering = ["received_at"]

    def __str__(self) -> str:
        return self.reference


class RequestItem(models.Model):
    """One document in a request and the registrar's sekretessprövning of it."""

    class Outcome(models.TextChoices):
        UNDECIDED = "", _("Not yet reviewed")
        RELEASE = "release", _("Release in full")
        REDACT = "redact", _("Release with redactions")
        REFUSE = "refuse", _("Refuse")
        CONDITION = "condition", _("Release with a condition (förbehåll)")

    # Decisions against the requester: written, with provision, reasons and how to appeal
    # (OSL-9, TF-11). A förbehåll restricts the requester's use, so it is one of them.
    ADVERSE = ("refuse", "redact", "condition")

    request = models.ForeignKey(DocumentRequest, on_delete=models.PROTECT, related_name="items")
    entry = models.ForeignKey(Entry, on_delete=models.PROTECT, related_name="request_items")
    outcome = models.CharField(
        _("decision"), max_length=10, choices=Outcome.choices, blank=True, default=""
    )
    provision = models.ForeignKey(
        SecrecyProvision,
        verbose_name=_("provision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    reasons = models.TextField(_("reasons"), blank=True)
    condition = models.TextField(_("condition (förbehåll)"), blank=True)
    redactions = models.JSONField(_("redacted spans"), default=list, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    notified_at = models.DateTimeField(_("requester notified"), null=True, blank=True)

    class Meta:
        verbose_name = _("requested document")
        verbose_name_plural = _("requested documents")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["request", "entry"], name="registry_item_unique")
        ]

    def __str__(self) -> str:
        return f"{self.request_id}/{self.entry_id}"


class Delivery(InsertOnlyModel):
    """What was delivered: the redacted PDF exactly as sent (TF-8, TF-9)."""

    request = models.ForeignKey(
        DocumentRequest, on_delete=models.PROTECT, related_name="deliveries"
    )
    method = models.CharField(max_length=12, choices=DocumentRequest.Delivery.choices)
    pdf = models.BinaryField()
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.method}"


class Appeal(TimeStampedModel):
    """An överklagande of a refusal, registered on arrival and tried for timeliness (FL-4).

    The appeal itself is a register entry (document type "appeal"); this row ties it to the
    request and keeps the notification date it was measured against, the last day to appeal
    (three weeks, FL-3, moved to the next weekday past a weekend or public holiday) and the
    result, so the check can be read later exactly as it was made.
    """

    request = models.ForeignKey(DocumentRequest, on_delete=models.PROTECT, related_name="appeals")
    entry = models.OneToOneField(Entry, on_delete=models.PROTECT, related_name="appeal")
    received_at = models.DateTimeField(_("received"))
    notified_on = models.DateField(_("decision notified"), null=True, blank=True)
    last_day = models.DateField(_("last day to appeal"), null=True, blank=True)
    timely = models.BooleanField(_("in time"), null=True, blank=True)
    forwarded_at = models.DateTimeField(_("forwarded to the court"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")
        ordering = ["received_at", "pk"]

    def __str__(self) -> str:
        return self.entry.diary_number


class BulkReleaseAssessment(InsertOnlyModel):
    """The registrar's assessment under OSL 21:7 before a bulk release of personal data (OSL-13):
    what the recipient will do with the data, and why releasing it does not break the
    dataskyddsförordningen. Kept with the request; a new one is written if the request grows.
    """

    request = models.ForeignKey(
        DocumentRequest, on_delete=models.PROTECT, related_name="bulk_assessments"
    )
    text = models.TextField(_("assessment under OSL 21:7"))
    documents = models.PositiveIntegerField(_("documents with personal data covered"))
    assessed_at = models.DateTimeField(_("assessed"), default=timezone.now)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("bulk release assessment (OSL 21:7)")
        verbose_name_plural = _("bulk release assessments (OSL 21:7)")
        ordering = ["assessed_at", "pk"]

    def __str__(self) -> str:
        return f"{self.request_id} {self.assessed_at:%Y-%m-%d}"


class InformationDisclosure(InsertOnlyModel):
    """Uppgifter given from a document on request without releasing it, e.g. over the phone,
    or refused because of secrecy or "arbetets behöriga gång" (OSL-11, OSL 6:4). Kept as
    written: the log registrars read."""

    class Outcome(models.TextChoices):
        ANSWERED = "answered", _("Answered")
        REFUSED_SECRECY = "refused_secrecy", _("Refused: secrecy")
        REFUSED_WORK = "refused_work", _("Refused: would hinder the work (arbetets behöriga gång)")

    entry = models.ForeignKey(
        Entry, verbose_name=_("document"), on_delete=models.PROTECT, related_name="disclosures"
    )
    channel = models.CharField(
        _("how it was asked"), max_length=20, choices=Channel.choices, default=Channel.TELEPHONE
    )
    question = models.TextField(_("what was asked"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    answer = models.TextField(_("what was answered or why it was refused"), blank=True)
    provision = models.ForeignKey(
        SecrecyProvision,
        verbose_name=_("OSL provision considered"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
    )
    given_at = models.DateTimeField(_("when"), default=timezone.now)
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("who"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("information given from a document")
        verbose_name_plural = _("information given from documents")
        ordering = ["-given_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.given_at:%Y-%m-%d %H:%M} {self.outcome}"
