"""Writes to the diarium. Every change of state leaves a RegistryEvent (who, what, when, why).

Numbering (OSL-5, never a gap, never a duplicate): a case number is taken from a
`NumberCounter` row per (series, year) with one `UPDATE ... SET last_number = last_number + 1
RETURNING last_number`, which locks the row until the transaction ends; a document number
within an existing ärende the same way from the case row. The number is taken LAST: the
document, attachments and audit events are inserted first, so other writers wait only for the
insert of the numbered rows and the commit. A transaction that fails rolls its counter
increment back with it, so no number is ever skipped; UniqueConstraints on the numbers are the
second line of defence.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.conf import settings
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import TextField, Value
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import (
    Annotation,
    Appeal,
    Attachment,
    BulkReleaseAssessment,
    Case,
    Channel,
    Direction,
    Disposal,
    DisposalDecision,
    Document,
    DocumentRequest,
    DocumentType,
    Entry,
    InformationDisclosure,
    NumberCounter,
    RegistryEvent,
    RequestItem,
    SecrecyProvision,
)
from .selectors import copy_fee, fee_schedule_in_force, request_bulk_release_status

REQUEST_SERIES = "BEG"


def _series() -> str:
    return getattr(settings, "REGISTRY_SERIES", "KS")


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


def event_record(
    *,
    action: str,
    actor=None,
    actor_label: str = "",
    entry: Entry | None = None,
    request: DocumentRequest | None = None,
    reason: str = "",
    data: dict | None = None,
) -> RegistryEvent:
    """Append one row to the audit log."""
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None
    return RegistryEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=actor_label or ("" if actor else "system"),
        entry=entry,
        request=request,
        reason=reason,
        data=data or {},
    )


def _take_number(*, series: str, year: int) -> int:
    """Take the next number of (series, year): one `UPDATE ... RETURNING` on the counter row.

    The UPDATE locks the row until the transaction ends, so callers take the number as the
    LAST step before commit (everything else is already inserted) and other writers wait only
    for that short tail. A rollback undoes the increment: no gap, no duplicate.
    """
    sql = (
        f"UPDATE {NumberCounter._meta.db_table} SET last_number = last_number + 1 "  # noqa: S608
        "WHERE series = %s AND year = %s RETURNING last_number"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [series, year])
        row = cursor.fetchone()
        if row is None:  # first number of the year: create the row, then take it
            NumberCounter.objects.bulk_create(
                [NumberCounter(series=series, year=year, last_number=0)], ignore_conflicts=True
            )
            cursor.execute(sql, [series, year])
            row = cursor.fetchone()
    return row[0]


def _next_number(*, series: str, year: int) -> int:
    """Kept for callers outside the registering path (requests). Call inside atomic()."""
    return _take_number(series=series, year=year)


def _case_number(series: str, year: int, number: int) -> str:
    return f"{series} {year}/{number:04d}"


def case_open(*, subject: str, officer=None, opened_on=None, actor=None) -> Case:
    """Open a new ärende with the next case number of this year (OSL-7)."""
    opened_on = opened_on or timezone.localdate()
    series = _series()
    case = Case(series=series, year=opened_on.year, number=1, subject=subject, officer=officer)
    case.opened_on = opened_on
    case.diary_number = _case_number(series, opened_on.year, 1)
    case.full_clean(exclude=["officer"], validate_unique=False, validate_constraints=False)
    with transaction.atomic():
        case.number = _take_number(series=series, year=opened_on.year)
        case.diary_number = _case_number(series, opened_on.year, case.number)
        case.save(force_insert=True)
        event_record(action="case_opened", actor=actor, data={"case": case.diary_number})
        return case


def _update_search_vector(entry: Entry) -> None:
    """Index only the subject (GDPR-2: never the document text)."""
    if is_postgres():
        Entry.objects.filter(pk=entry.pk).update(
            search_vector=SearchVector(
                Value(entry.current_subject, output_field=TextField()), config="swedish"
            )
        )


def _guess_type(subject: str) -> str:
    """Moderation names the kind in the subject's first word (contract: kind + target)."""
    first = subject.strip().split(" ", 1)[0].lower().rstrip(":") if subject.strip() else ""
    return {
        "fråga": DocumentType.QUESTION,
        "behov": DocumentType.NEED,
        "förslag": DocumentType.YOUTH_PROPOSAL,
        "tillgänglighet": DocumentType.ACCESSIBILITY_FEEDBACK,
        "synpunkt": DocumentType.COMMENT,
        "kommentar": DocumentType.COMMENT,
    }.get(first, DocumentType.COMMENT)


def _preallocate_entry_id() -> int:
    """PostgreSQL: reserve the entry's id from its sequence, so the rows that point at the entry
    (document, attachments, audit events) can be inserted before it. Their foreign keys are
    DEFERRABLE INITIALLY DEFERRED (Django's default), checked at commit."""
    table = Entry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))")  # noqa: S608
        return cursor.fetchone()[0]


def _lock_case_for_document(case_ref: str) -> tuple[int, str, int, int | None]:
    """Take the next document number of an existing ärende (one UPDATE ... RETURNING, which
    locks the case row until commit): (case id, case diary number, löpnummer, officer id)."""
    sql = (
        f"UPDATE {Case._meta.db_table} SET last_document_number = last_document_number + 1, "  # noqa: S608
        "updated_at = %s WHERE diary_number = %s "
        "RETURNING id, diary_number, last_document_number, officer_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [timezone.now(), case_ref])
        row = cursor.fetchone()
    if row is None:
        raise ValidationError(_("No case with the diary number %(ref)s.") % {"ref": case_ref})
    return row


def entry_register(
    *,
    received_at: datetime,
    channel: str,
    subject: str,
    text: str,
    document_type: str,
    sender_name: str = "",
    sender_is_organisation: bool = False,
    direction: str = Direction.INCOMING,
    attachments: Iterable[tuple[str, bytes, str]] = (),
    secrecy_provision: str = "",
    pii_spans: Iterable[dict] = (),
    case_ref: str = "",
    source_ref: str = "",
    officer=None,
    actor=None,
    actor_label: str = "",
    pending: bool = False,
) -> Entry:
    """Register one document with its frozen snapshot; a new ärende unless `case_ref` names one.

    `secrecy_provision` is an OSL code ("21:1") on the SecrecyProvision list; an unknown code
    is a ValidationError. Returns the entry; raises IntegrityError if `source_ref` is taken.

    Order (the number is taken last, OSL-5): everything is validated in Python first; on
    PostgreSQL the entry's id is reserved from its sequence and the document, attachments and
    audit events are inserted; only then the case number is taken from the counter row
    (`UPDATE ... RETURNING`, which locks it) and the case and entry rows that carry the
    number are inserted, the search vector computed in the same INSERT. The lock is thus held
    for two or three short statements and the commit. A failure anywhere rolls everything
    back, the counter increment included: no gap, no duplicate.
    """
    if channel not in Channel.values:
        raise ValidationError(_("Unknown channel."))
    if document_type not in DocumentType.values:
        raise ValidationError(_("Unknown document type."))
    if not subject.strip():
        raise ValidationError(_("A subject is required."))
    if timezone.is_naive(received_at):
        received_at = timezone.make_aware(received_at)
    provision = None
    if secrecy_provision:
        provision = SecrecyProvision.objects.filter(code=secrecy_provision).first()
        if provision is None:
            raise ValidationError(
                _("Unknown secrecy provision: %(code)s") % {"code": secrecy_provision}
            )
    user = actor if getattr(actor, "is_authenticated", False) else None
    now = timezone.now()
    series, year = _series(), timezone.localdate().year
    subject = subject[:255]
    case = None
    if not case_ref:
        case = Case(
            series=series,
            year=year,
            number=1,
            diary_number=_case_number(series, year, 1),
            subject=subject,
            officer=officer,
            opened_on=timezone.localdate(),
            last_document_number=1,
        )
        case.full_clean(exclude=["officer"], validate_unique=False, validate_constraints=False)
    entry = Entry(
        sequence=1,
        diary_number="-",
        direction=direction,
        document_type=document_type,
        received_at=received_at,
        channel=channel,
        sender_name=sender_name[:200],
        sender_is_organisation=sender_is_organisation,
        subject=subject,
        source_ref=source_ref,
        state=Entry.State.PENDING if pending else Entry.State.REGISTERED,
        registered_at=now,
        registered_by=user,
        officer=officer,
        secrecy_provision=provision,
        secrecy_marked_at=now if provision else None,
        secrecy_marked_by=((actor.get_username() if user else actor_label) if provision else ""),
    )
    # No queries: the foreign keys are known to exist, uniqueness is the database's job.
    entry.full_clean(
        exclude=[
            "case",
            "disposal",
            "search_vector",
            "registered_by",
            "officer",
            "secrecy_provision",
        ],
        validate_unique=False,
        validate_constraints=False,
    )
    files = [
        (filename[:255], bytes(content), content_type[:120] or "application/octet-stream")
        for filename, content, content_type in attachments
    ]
    events = [
        RegistryEvent(
            action="entry_pending" if pending else "entry_registered",
            actor=user,
            actor_label=actor_label or ("" if user else "system"),
            data={"source_ref": source_ref, "new_case": not case_ref},
        )
    ]
    if provision:
        events.append(
            RegistryEvent(
                action="secrecy_marked",
                actor=user,
                actor_label=actor_label or ("" if user else "system"),
                data={"provision": provision.code},
            )
        )
    postgres = is_postgres()

    def insert_dependents() -> None:
        Document.objects.create(entry_id=entry.pk, text=text, pii_spans=list(pii_spans))
        for filename, content, content_type in files:
            Attachment.objects.create(
                entry_id=entry.pk, filename=filename, content=content, content_type=content_type
            )
        for event in events:
            event.entry_id = entry.pk
        RegistryEvent.objects.bulk_create(events)

    with transaction.atomic():
        if postgres:
            entry.pk = _preallocate_entry_id()
            insert_dependents()
        # --- from here the number is taken: the counter (or case) row stays locked ----------
        if case is not None:
            case.number = _take_number(series=series, year=year)
            case.diary_number = _case_number(series, year, case.number)
            case.save(force_insert=True)
            entry.case = case
            entry.sequence = 1
            entry.diary_number = f"{case.diary_number}-1"
        else:
            case_id, case_number, sequence, officer_id = _lock_case_for_document(case_ref)
            entry.case_id = case_id
            entry.sequence = sequence
            entry.diary_number = f"{case_number}-{sequence}"
            if officer is None and officer_id is not None:
                entry.officer_id = officer_id
        if postgres:
            entry.search_vector = SearchVector(
                Value(subject, output_field=TextField()), config="swedish"
            )
        entry.save(force_insert=True)
        if postgres:
            del entry.search_vector  # deferred: an expression must not be saved again
        else:
            insert_dependents()
    return entry


def document_register_incoming(
    *,
    source_ref: str,
    received_at: datetime,
    channel: str,
    sender_name: str,
    sender_is_organisation: bool,
    subject: str,
    text: str,
    attachments: list[tuple[str, bytes, str]] = (),  # type: ignore[assignment]
    secrecy_provision: str = "",
    pii_spans: list[dict] = (),  # type: ignore[assignment]
    case_ref: str = "",
    document_type: str = "",
) -> str:
    """Register a contribution handed on by moderation; returns its diary number.

    `document_type` names the dokumenthanteringsplan's type ("comment", "question", "need",
    "youth_proposal", "report", "takedown_request"…, the values of `DocumentType`, each with
    its plan row); an unknown one is a ValidationError. When given it wins; when left out the
    type is guessed from the subject's first word (the original contract).

    Idempotent on `source_ref`: a second call returns the same number and registers nothing.
    Each contribution starts its own ärende unless `case_ref` names one (OSL-7), so a new one
    returns "KS YYYY/NNNN-1". With REGISTRY_CONFIRM_AUTOMATIC the number is reserved at once
    (no gap) and the entry waits, hidden from the web diary, for a registrar's confirmation.
    """
    if not source_ref:
        raise ValidationError(_("A source reference is required."))
    if document_type and document_type not in DocumentType.values:
        raise ValidationError(_("Unknown document type: %(type)s") % {"type": document_type})
    existing = Entry.objects.filter(source_ref=source_ref).values_list("diary_number", flat=True)
    if existing:
        return existing[0]
    try:
        entry = entry_register(  # its own atomic block: an IntegrityError rolls it all back
            received_at=received_at,
            channel=channel,
            subject=subject,
            text=text,
            document_type=document_type or _guess_type(subject),
            sender_name=sender_name,
            sender_is_organisation=sender_is_organisation,
            attachments=attachments,
            secrecy_provision=secrecy_provision,
            pii_spans=pii_spans,
            case_ref=case_ref,
            source_ref=source_ref,
            actor_label="moderation",
            pending=getattr(settings, "REGISTRY_CONFIRM_AUTOMATIC", False),
        )
    except IntegrityError:
        # A concurrent call registered the same source first; ours rolled back (no gap).
        found = Entry.objects.filter(source_ref=source_ref).values_list("diary_number", flat=True)
        if found:
            return found[0]
        raise
    return entry.diary_number


def entry_confirm(*, entry: Entry, actor) -> Entry:
    """A registrar confirms an automatic registration; it then shows in the web diary."""
    with transaction.atomic():
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        if entry.state == Entry.State.REGISTERED:
            return entry
        entry.state = Entry.State.REGISTERED
        entry.registered_by = actor
        entry.save(update_fields=["state", "registered_by", "updated_at"])
        event_record(action="entry_confirmed", actor=actor, entry=entry)
    return entry


def entry_mark_secret(*, entry: Entry, provision_code: str, actor, reason: str = "") -> Entry:
    """Set (or clear, with an empty code) the sekretessmarkering (OSL-8)."""
    provision = None
    if provision_code:
        provision = SecrecyProvision.objects.filter(code=provision_code).first()
        if provision is None:
            raise ValidationError(
                _("Unknown secrecy provision: %(code)s") % {"code": provision_code}
            )
    with transaction.atomic():
        entry = Entry.objects.select_for_update().get(pk=entry.pk)
        entry.secrecy_provision = provision
        entry.secrecy_marked_at = timezone.now() if provision else None
        entry.secrecy_marked_by = actor.get_username() if provision else ""
        entry.save(
            update_fields=[
                "secrecy_provision",
                "secrecy_marked_at",
                "secrecy_marked_by",
                "updated_at",
            ]
        )
        event_record(
            action="secrecy_marked" if provision else "secrecy_cleared",
            actor=actor,
            entry=entry,
            reason=reason,
            data={"provision": provision_code},
        )
    return entry


def entry_annotate(
    *, entry: Entry, actor, reason: str, field: str = "note", new_value: str = ""
) -> Annotation:
    """A correction that keeps the original: the annotation records the new value and why."""
    if not reason.strip():
        raise ValidationError(_("Give a reason for the correction."))
    if field == Annotation.Field.SUBJECT and not new_value.strip():
        raise ValidationError(_("Give the corrected subject."))
    with transaction.atomic():
        note = Annotation(
            entry=entry, field=field, new_value=new_value, reason=reason, author=actor
        )
        note.full_clean()
        note.save()
        _update_search_vector(entry)
        event_record(
            action="entry_annotated",
            actor=actor,
            entry=entry,
            reason=reason,
            data={"field": field, "new_value": new_value},
        )
    return note


# --- gallring (ARK-1, ARK-2) ---------------------------------------------------------------
def disposal_carry_out(*, decision: DisposalDecision, actor, today=None) -> Disposal:
    """Carry out a due gallring under `decision`: destroy the due documents, keep the log.

    The register entries stay (the diarium is kept); their document text and attachments are
    destroyed. Only entries due under this decision are touched.
    """
    from .selectors import disposals_due

    with transaction.atomic():
        due = list(disposals_due(decision=decision, today=today))
        disposal = Disposal.objects.create(decision=decision, carried_out_by=actor)
        destroyed = []
        if is_postgres():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL registry.allow_disposal = 'on'")
        for entry in due:
            for obj in [
                *Attachment.objects.filter(entry=entry),
                *Document.objects.filter(entry=entry),
            ]:
                obj._disposal_allowed = True
                obj.delete()
            Entry.objects.filter(pk=entry.pk).update(disposed_at=timezone.now(), disposal=disposal)
            destroyed.append(entry.diary_number)
            event_record(
                action="document_disposed",
                actor=actor,
                entry=entry,
                reason=str(decision),
                data={"decision_id": decision.pk, "reference": decision.reference},
            )
        Disposal.objects.filter(pk=disposal.pk).update(destroyed=destroyed)
        disposal.destroyed = destroyed
        event_record(
            action="disposal_run",
            actor=actor,
            reason=str(decision),
            data={"decision_id": decision.pk, "count": len(destroyed)},
        )
    return disposal


# --- requests (TF-5 to TF-9) -----------------------------------------------------------------
def request_submit(
    *,
    description: str,
    name: str = "",
    contact: str = "",
    delivery: str = DocumentRequest.Delivery.PDF,
    entry: Entry | None = None,
    channel: str = Channel.PORTAL,
    received_at=None,
    actor=None,
) -> DocumentRequest:
    """Take a request; only the description is required (TF-5), no purpose asked (TF-6)."""
    if not description.strip():
        raise ValidationError(_("Describe which documents you want."))
    if delivery == DocumentRequest.Delivery.EMAIL and not contact.strip():
        raise ValidationError(_("Give an e-mail address if you want the documents by e-mail."))
    with transaction.atomic():
        now = received_at or timezone.now()
        number = _next_number(series=REQUEST_SERIES, year=timezone.localdate(now).year)
        request = DocumentRequest(
            reference=f"{REQUEST_SERIES} {timezone.localdate(now).year}/{number:04d}",
            received_at=now,
            description=description,
            name=name,
            contact=contact,
            delivery=delivery,
            channel=channel,
            access_key=secrets.token_urlsafe(24),
        )
        request.full_clean()
        request.save()
        if entry is not None:
            RequestItem.objects.create(request=request, entry=entry)
        event_record(action="request_received", actor=actor, request=request)
    return request


def request_add_entry(*, request: DocumentRequest, entry: Entry, actor) -> RequestItem:
    item, created = RequestItem.objects.get_or_create(request=request, entry=entry)
    if created:
        event_record(
            action="request_item_added",
            actor=actor,
            request=request,
            entry=entry,
        )
    return item


def _clean_spans(spans: Iterable[dict], length: int) -> list[dict]:
    cleaned = []
    for span in spans:
        try:
            start, end = int(span["start"]), int(span["end"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValidationError(_("A redaction is not valid.")) from exc
        if not 0 <= start < end <= length:
            raise ValidationError(_("A redaction lies outside the text."))
        cleaned.append({"start": start, "end": end})
    return sorted(cleaned, key=lambda s: s["start"])


def request_item_decide(
    *,
    item: RequestItem,
    outcome: str,
    actor,
    provision_code: str = "",
    reasons: str = "",
    redactions: Iterable[dict] = (),
    condition: str = "",
) -> RequestItem:
    """Record the sekretessprövning of one document (OSL-9, FL-2).

    A release with a förbehåll (TF-11) is decided like a refusal: it needs the OSL provision
    relied on, the reasons and the condition itself, and is appealable.
    """
    if outcome not in {
        RequestItem.Outcome.RELEASE,
        RequestItem.Outcome.REDACT,
        RequestItem.Outcome.REFUSE,
        RequestItem.Outcome.CONDITION,
    }:
        raise ValidationError(_("Choose a decision."))
    provision = None
    condition = condition.strip() if outcome == RequestItem.Outcome.CONDITION else ""
    if outcome in RequestItem.ADVERSE:
        provision = SecrecyProvision.objects.filter(code=provision_code).first()
        if provision is None:
            raise ValidationError(_("Name the OSL provision the decision rests on."))
        if not reasons.strip():
            raise ValidationError(_("Give the reasons why the provision applies."))
    if outcome == RequestItem.Outcome.CONDITION and not condition:
        raise ValidationError(
            _("State the condition (förbehåll) that restricts the requester's use.")
        )
    spans: list[dict] = []
    if outcome == RequestItem.Outcome.REDACT:
        document = getattr(item.entry, "document", None)
        if document is None:
            raise ValidationError(_("The document has been disposed of."))
        spans = _clean_spans(redactions, len(document.text))
        if not spans:
            raise ValidationError(_("Mark at least one part to redact."))
    with transaction.atomic():
        item.outcome = outcome
        item.provision = provision
        item.reasons = reasons
        item.condition = condition
        item.redactions = spans
        item.decided_by = actor
        item.decided_at = timezone.now()
        item.save()
        request = item.request
        if not request.items.filter(outcome="").exists():
            request.state = DocumentRequest.State.DECIDED
            request.decided_at = item.decided_at
            request.handled_by = actor
            request.save(update_fields=["state", "decided_at", "handled_by", "updated_at"])
        event_record(
            action="request_item_decided",
            actor=actor,
            request=request,
            entry=item.entry,
            reason=reasons,
            data={
                "outcome": outcome,
                "provision": provision_code,
                "redactions": spans,
                "condition": condition,
            },
        )
    return item


def request_deliver(*, request: DocumentRequest, actor, method: str = "") -> DocumentRequest:
    """Deliver the released documents as a PDF with the redactions burned in (TF-8, TF-9).

    Stores the PDF as delivered and the time from request to delivery. With method "email"
    the PDF is sent to the contact address; "pdf" makes it downloadable by a signed link.
    """
    from django.core.mail import EmailMessage

    from .pdf import decision_pdf, release_pdf

    _require_reviewed(request, _("Review every document before delivering."))
    method = method or request.delivery
    if method == DocumentRequest.Delivery.EMAIL and not request.contact:
        raise ValidationError(_("The requester gave no address to send to."))
    if request.fee_in_advance and request.fee_amount and request.fee_paid_at is None:
        raise ValidationError(
            _("The copy fee is to be paid in advance. Record the payment before delivering.")
        )
    if request_bulk_release_status(request=request).needs_assessment:
        raise ValidationError(
            _(
                "This delivery releases personal data in bulk. Record an assessment under "
                "OSL 21:7 of what the recipient will do with the data before delivering."
            )
        )
    pdf = release_pdf(request=request)
    with transaction.atomic():
        Delivery = request.deliveries.model
        Delivery.objects.create(request=request, method=method, pdf=pdf, created_by=actor)
        now = timezone.now()
        request.state = DocumentRequest.State.DELIVERED
        request.delivered_at = now
        request.lead_time = now - request.received_at
        request.save(update_fields=["state", "delivered_at", "lead_time", "updated_at"])
        event_record(
            action="request_delivered", actor=actor, request=request, data={"method": method}
        )
        if method == DocumentRequest.Delivery.EMAIL:
            message = EmailMessage(
                subject=_("Your request %(ref)s") % {"ref": request.reference},
                body=_("The documents you asked for are attached."),
                to=[request.contact],
            )
            message.attach(
                f"{request.reference.replace(' ', '_').replace('/', '-')}.pdf",
                pdf,
                "application/pdf",
            )
            if request.items.filter(outcome__in=RequestItem.ADVERSE).exists():
                # The written decision (refusal, redaction or förbehåll) goes with the documents.
                message.attach(
                    f"{request.reference.replace(' ', '_').replace('/', '-')}_beslut.pdf",
                    decision_pdf(request=request),
                    "application/pdf",
                )
            transaction.on_commit(message.send)
    return request


def _require_reviewed(request: DocumentRequest, message: str) -> None:
    """Delivery and its fee rest on a decision for every document of the request."""
    if request.items.filter(outcome="").exists() or not request.items.exists():
        raise ValidationError(message)


def request_bulk_assessment_record(
    *, request: DocumentRequest, text: str, actor
) -> BulkReleaseAssessment:
    """Record the assessment under OSL 21:7 that a bulk release of personal data needs
    (OSL-13): what the recipient will do with the data. It covers the documents with personal
    data the delivery holds now; if more are added later, a new assessment is needed."""
    if not text.strip():
        raise ValidationError(
            _("Describe what the recipient will do with the personal data and your assessment.")
        )
    status = request_bulk_release_status(request=request)
    if not status.is_bulk:
        raise ValidationError(_("This request is not a bulk release of personal data."))
    with transaction.atomic():
        assessment = BulkReleaseAssessment(
            request=request, text=text.strip(), documents=status.documents, assessed_by=actor
        )
        assessment.full_clean()
        assessment.save()
        event_record(
            action="bulk_release_assessed",
            actor=actor,
            request=request,
            reason=assessment.text,
            data={"documents": status.documents, "threshold": status.threshold},
        )
    return assessment


def request_pdf_pages(*, request: DocumentRequest) -> int:
    """How many pages the delivery is: the released documents' PDF as it would be delivered."""
    import io

    from pypdf import PdfReader

    from .pdf import release_pdf

    return len(PdfReader(io.BytesIO(release_pdf(request=request))).pages)


def request_fee_set(
    *, request: DocumentRequest, actor, pages: int | None = None, in_advance: bool = False
) -> DocumentRequest:
    """Set the fee for paper copies of the delivery under the taxa in force (TF-10).

    `pages` is the number of paper pages copied; None counts the pages of the delivery's PDF,
    0 means no paper copies (reading on site, electronic delivery): no fee. The registrar may
    require payment in advance in the individual case (`in_advance`).
    """
    _require_reviewed(request, _("Review every document before setting the copy fee."))
    if request.state == DocumentRequest.State.DELIVERED:
        raise ValidationError(_("The documents are already delivered."))
    if pages is None:
        pages = request_pdf_pages(request=request)
    if pages < 0:
        raise ValidationError(_("The number of pages cannot be negative."))
    schedule = fee_schedule_in_force()
    amount = copy_fee(pages=pages, schedule=schedule)
    with transaction.atomic():
        request.fee_pages = pages
        request.fee_amount = amount
        request.fee_schedule = schedule
        request.fee_in_advance = bool(in_advance and amount > 0)
        request.fee_paid_at = None
        request.save(
            update_fields=[
                "fee_pages",
                "fee_amount",
                "fee_schedule",
                "fee_in_advance",
                "fee_paid_at",
                "updated_at",
            ]
        )
        event_record(
            action="request_fee_set",
            actor=actor,
            request=request,
            data={
                "pages": pages,
                "amount": str(amount),
                "taxa": schedule.reference if schedule else None,
                "in_advance": request.fee_in_advance,
            },
        )
    return request


def request_fee_mark_paid(*, request: DocumentRequest, actor) -> DocumentRequest:
    """Record that the copy fee was paid (TF-10)."""
    if not request.fee_amount:
        raise ValidationError(_("There is no fee to pay."))
    if request.fee_paid_at is None:
        request.fee_paid_at = timezone.now()
        request.save(update_fields=["fee_paid_at", "updated_at"])
        event_record(
            action="request_fee_paid",
            actor=actor,
            request=request,
            data={"amount": str(request.fee_amount)},
        )
    return request


def request_mark_notified(*, request: DocumentRequest, actor) -> None:
    """Record the date the requester was notified of the decision (FL-3)."""
    now = timezone.now()
    request.items.filter(notified_at__isnull=True).exclude(outcome="").update(notified_at=now)
    event_record(action="request_notified", actor=actor, request=request)


# --- uppgifter given without releasing the document (OSL-11) --------------------------------
def information_disclosure_record(
    *,
    entry: Entry,
    question: str,
    outcome: str,
    actor,
    answer: str = "",
    provision_code: str = "",
    channel: str = Channel.TELEPHONE,
) -> InformationDisclosure:
    """Log that a registrar gave, or refused, uppgifter from a document on request (OSL 6:4).

    An answer needs the question and what was said. From a secrecy-marked entry an answer is
    allowed only with the OSL provision that was considered (the marking is advice, the
    prövning is made each time: OSL-8). A refusal because of secrecy names the provision; a
    refusal because of arbetets behöriga gång needs none.
    """
    Outcome = InformationDisclosure.Outcome
    if outcome not in Outcome.values:
        raise ValidationError(_("Choose whether the information was given or refused."))
    if not question.strip():
        raise ValidationError(_("Write what was asked."))
    if outcome == Outcome.ANSWERED and not answer.strip():
        raise ValidationError(_("Write what was answered."))
    if channel not in Channel.values:
        raise ValidationError(_("Choose how the question came in."))
    provision = None
    if provision_code:
        provision = SecrecyProvision.objects.filter(code=provision_code).first()
        if provision is None:
            raise ValidationError(_("Unknown OSL provision."))
    if outcome == Outcome.REFUSED_SECRECY and provision is None:
        raise ValidationError(_("Name the OSL provision that prevents giving the information."))
    if outcome == Outcome.ANSWERED and entry.secrecy_provision_id and provision is None:
        raise ValidationError(
            _(
                "The document is secrecy-marked under OSL %(code)s. State the provision you "
                "considered before answering."
            )
            % {"code": entry.secrecy_provision.code}
        )
    with transaction.atomic():
        disclosure = InformationDisclosure(
            entry=entry,
            channel=channel,
            question=question.strip(),
            outcome=outcome,
            answer=answer.strip(),
            provision=provision,
            given_by=actor,
        )
        disclosure.full_clean()
        disclosure.save()
        event_record(
            action="information_given" if outcome == Outcome.ANSWERED else "information_refused",
            actor=actor,
            entry=entry,
            reason=disclosure.question,
            data={"outcome": outcome, "provision": provision_code, "disclosure": disclosure.pk},
        )
    return disclosure


# --- appeals (FL-3, FL-4) --------------------------------------------------------------------
APPEAL_PERIOD = timedelta(weeks=3)


def _easter(year: int) -> date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month = (h + l_ - 7 * m + 90) // 25
    return date(year, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


def swedish_days_off(year: int) -> set[date]:
    """Allmänna helgdagar plus midsommarafton, julafton and nyårsafton: the days that move a
    deadline to the next weekday (lagen (1930:173) om beräkning av lagstadgad tid)."""
    easter = _easter(year)
    midsummer_eve = next(date(year, 6, d) for d in range(19, 26) if date(year, 6, d).weekday() == 4)
    all_saints = next(
        date(year, m, d)
        for m, d in [(10, 31), *((11, n) for n in range(1, 7))]
        if date(year, m, d).weekday() == 5
    )
    return {
        date(year, 1, 1),
        date(year, 1, 6),
        easter - timedelta(days=2),
        easter,
        easter + timedelta(days=1),
        date(year, 5, 1),
        easter + timedelta(days=39),
        easter + timedelta(days=49),
        date(year, 6, 6),
        midsummer_eve,
        midsummer_eve + timedelta(days=1),
        all_saints,
        date(year, 12, 24),
        date(year, 12, 25),
        date(year, 12, 26),
        date(year, 12, 31),
    }


def appeal_last_day(notified_on: date) -> date:
    """Three weeks from the day the requester got the decision (FL-3); a last day on a Saturday,
    Sunday or a day off moves to the next weekday."""
    last = notified_on + APPEAL_PERIOD
    while last.weekday() >= 5 or last in swedish_days_off(last.year):
        last += timedelta(days=1)
    return last


def appeal_register(
    *,
    request: DocumentRequest,
    received_at: datetime,
    text: str,
    channel: str = Channel.LETTER,
    appellant: str = "",
    actor=None,
) -> Appeal:
    """Register an incoming appeal on arrival and try it for timeliness (FL-4).

    The appeal is a register entry of type "appeal" in a new ärende. It is measured against the
    date the requester was notified of the adverse decision (the earliest notification among
    the refused or redacted documents). Without a recorded notification the timeliness is left
    open (None), and the page says so; the appeal is registered all the same.
    """
    adverse = request.items.filter(outcome__in=RequestItem.ADVERSE)
    if not adverse.exists():
        raise ValidationError(_("The request has no refusal that can be appealed."))
    if not text.strip():
        raise ValidationError(_("Give the content of the appeal."))
    if timezone.is_naive(received_at):
        received_at = timezone.make_aware(received_at)
    if received_at > timezone.now() + timedelta(minutes=5):
        raise ValidationError(_("The arrival time cannot be in the future."))
    notified = adverse.filter(notified_at__isnull=False).order_by("notified_at").first()
    notified_on = timezone.localdate(notified.notified_at) if notified else None
    last_day = appeal_last_day(notified_on) if notified_on else None
    timely = None if last_day is None else timezone.localdate(received_at) <= last_day
    with transaction.atomic():
        entry = entry_register(
            received_at=received_at,
            channel=channel,
            document_type=DocumentType.APPEAL,
            subject=_("Appeal against the decision on request %(ref)s")
            % {"ref": request.reference},
            text=text,
            sender_name=appellant,
            officer=actor if getattr(actor, "is_authenticated", False) else None,
            actor=actor,
        )
        appeal = Appeal.objects.create(
            request=request,
            entry=entry,
            received_at=received_at,
            notified_on=notified_on,
            last_day=last_day,
            timely=timely,
            registered_by=actor if getattr(actor, "is_authenticated", False) else None,
        )
        event_record(
            action="appeal_registered",
            actor=actor,
            request=request,
            entry=entry,
            data={
                "notified_on": notified_on.isoformat() if notified_on else None,
                "last_day": last_day.isoformat() if last_day else None,
                "timely": timely,
            },
        )
    return appeal


def appeal_mark_forwarded(*, appeal: Appeal, actor) -> Appeal:
    """Record that the appeal went on to kammarrätten with the file (FL-4, same clock as TF-7)."""
    with transaction.atomic():
        appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
        if appeal.forwarded_at is None:
            appeal.forwarded_at = timezone.now()
            appeal.save(update_fields=["forwarded_at", "updated_at"])
            event_record(
                action="appeal_forwarded", actor=actor, request=appeal.request, entry=appeal.entry
            )
    return appeal
