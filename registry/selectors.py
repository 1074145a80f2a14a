"""Reads from the diarium. Confidential rows come only through `entry_get_for_user`."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.formats import number_format

from .models import (
    BulkReleaseAssessment,
    DisposalDecision,
    DocumentRequest,
    Entry,
    FeeSchedule,
    InformationDisclosure,
    RequestItem,
    RetentionPlanRow,
)


def entry_get_for_user(*, user, pk) -> Entry:
    """The one gatekeeper for a full entry (document text, sender): 404 for missing and
    forbidden alike, so a forbidden entry's existence is not revealed by the status code."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    entry = (
        Entry.objects.select_related("case", "secrecy_provision", "officer").filter(pk=pk).first()
    )
    if entry is None or not user.has_perm("registry.view_entry_document", entry):
        raise Http404
    return entry


def entry_get_public(*, pk) -> Entry:
    """The public view of one entry (register fields only; 404 if not in the web diary)."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        raise Http404 from None
    entry = Entry.objects.public().select_related("case", "secrecy_provision").filter(pk=pk).first()
    if entry is None:
        raise Http404
    return entry


def _local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def entries_public(
    *,
    q: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    channel: str = "",
    case: str = "",
) -> QuerySet[Entry]:
    """The web diary's search (GDPR-2: words match the subject only, never the text, and no
    filter by sensitive category exists)."""
    qs = Entry.objects.public().select_related("case", "secrecy_provision")
    if q:
        if connection.vendor == "postgresql":
            query = SearchQuery(q, config="swedish", search_type="websearch")
            qs = qs.filter(search_vector=query)
        else:
            for word in q.split():
                qs = qs.filter(subject__icontains=word)
    # Local calendar days as a half-open range on the column itself, so the date index serves
    # it (`received_at__date` would wrap the column in a time zone conversion).
    if date_from:
        qs = qs.filter(received_at__gte=_local_midnight(date_from))
    if date_to:
        qs = qs.filter(received_at__lt=_local_midnight(date_to + timedelta(days=1)))
    if channel:
        qs = qs.filter(channel=channel)
    if case:
        qs = qs.filter(case__diary_number__iexact=case.strip())
    return qs.order_by("-received_at", "-pk")


COUNT_CAP = 1000


class DiaryPage:
    """One page of the web diary without an exact total (the paginator's `COUNT(*)` over every
    match was the cost of a search on a large diarium).

    Reads `per_page + 1` rows at the page's offset: the extra row tells whether a next page
    exists, so "Nästa"/"Föregående" links work at any depth. The total is counted only up to
    `cap` (`SELECT count(*) FROM (SELECT id ... LIMIT cap + 1)`): `total` is the exact number
    when it is at most `cap`, else None ("över 1 000").

    `word_search`: on PostgreSQL the count, and the page when the matches are few (at most
    `cap`), are read through the GIN index only (bitmap scans; index and sequential scans off
    for that one statement). The planner cannot know how rare a word is and may otherwise walk
    the date index newest-first, filtering a million rows to find 26 rare matches; with many
    matches that walk is the fast way and stops after one page.
    """

    def __init__(self, queryset, *, number, per_page: int, cap: int = COUNT_CAP, word_search=False):
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1
        self.number = max(1, number)
        self.per_page = per_page
        self.cap = cap
        self.cap_display = number_format(cap, force_grouping=True)
        bitmap = word_search and connection.vendor == "postgresql"
        offset = (self.number - 1) * per_page
        counted = None
        if bitmap or self.number > 1:
            with _gin_only(bitmap):
                counted = queryset.order_by().values("pk")[: cap + 1].count()
        with _gin_only(bitmap and counted is not None and counted <= cap):
            rows = list(queryset[offset : offset + per_page + 1])
        self.has_next = len(rows) > per_page
        self.object_list = rows[:per_page]
        self.has_previous = self.number > 1
        if counted is None:
            if self.has_next:
                counted = queryset.order_by().values("pk")[: cap + 1].count()
            else:
                counted = offset + len(self.object_list)  # first page holds every match
        self.total = counted if counted <= cap else None
        self.num_pages = -(-self.total // per_page) if self.total else None

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


@contextmanager
def _gin_only(active: bool):
    """PostgreSQL: plan the statements inside with bitmap scans only (the GIN index)."""
    if not active:
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_indexscan = off")
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield  # an error rolls the block back, and the SET LOCAL with it
        cursor.execute("RESET enable_indexscan")
        cursor.execute("RESET enable_seqscan")


def entries_pending() -> QuerySet[Entry]:
    return Entry.objects.filter(state=Entry.State.PENDING).select_related("case").order_by("pk")


def entries_recent(*, limit: int = 50) -> QuerySet[Entry]:
    return Entry.objects.select_related("case", "secrecy_provision").order_by("-pk")[:limit]


def disposals_due(*, decision: DisposalDecision | None = None, today: date | None = None):
    """Entries whose documents are due for gallring under a decision (ARK-2).

    Due = the document type's plan row says "dispose", a decision covers the row, and the
    retention period counted from the arrival date has passed. Secret-marked entries are due
    like any other; only documents still held count.
    """
    today = today or timezone.localdate()
    decisions = (
        [decision] if decision else list(DisposalDecision.objects.prefetch_related("plan_rows"))
    )
    due: list[Entry] = []
    seen: set[int] = set()
    for dec in decisions:
        types = [
            row.document_type
            for row in dec.plan_rows.all()
            if row.disposition == RetentionPlanRow.Disposition.DISPOSE
        ]
        cutoff = (
            today.replace(year=today.year - dec.retention_years) if dec.retention_years else today
        )
        qs = Entry.objects.filter(
            document_type__in=types,
            disposed_at__isnull=True,
            received_at__date__lte=cutoff,
            received_at__date__gte=date(1900, 1, 1),
        ).select_related("case")
        for entry in qs:
            if entry.pk not in seen:
                seen.add(entry.pk)
                entry.due_under = dec
                due.append(entry)
    return due


def disposals_overview(*, today: date | None = None) -> list[dict]:
    """Per decision: how many are due, and how many overdue (due more than 30 days ago)."""
    today = today or timezone.localdate()
    rows = []
    for dec in DisposalDecision.objects.prefetch_related("plan_rows"):
        due = disposals_due(decision=dec, today=today)
        overdue = disposals_due(decision=dec, today=today - timedelta(days=30))
        rows.append({"decision": dec, "due": due, "overdue": overdue})
    return rows


def requests_queue() -> QuerySet[DocumentRequest]:
    return DocumentRequest.objects.exclude(state=DocumentRequest.State.DELIVERED).prefetch_related(
        "items__entry"
    )


# --- bulk release of personal data (OSL-13) ------------------------------------------------
def request_personal_data_count(*, request: DocumentRequest) -> int:
    """How many documents the delivery would release that hold personal data: released in
    full, with redactions or with a förbehåll (not refused), and either from a private person
    (a sender name that is not an organisation's) or with personal data found by screening.
    Redacted documents count: masking is decided per span and rarely removes everything."""
    count = 0
    items = request.items.exclude(outcome__in=["", RequestItem.Outcome.REFUSE]).select_related(
        "entry", "entry__document"
    )
    for item in items:
        entry = item.entry
        document = getattr(entry, "document", None)
        private_sender = bool(entry.sender_name.strip()) and not entry.sender_is_organisation
        if private_sender or (document is not None and document.pii_spans):
            count += 1
    return count


@dataclass(frozen=True)
class BulkReleaseStatus:
    documents: int
    threshold: int
    assessment: BulkReleaseAssessment | None

    @property
    def is_bulk(self) -> bool:
        return self.documents > self.threshold

    @property
    def needs_assessment(self) -> bool:
        """A bulk release needs an assessment covering at least as many documents."""
        return self.is_bulk and (
            self.assessment is None or self.assessment.documents < self.documents
        )


def request_bulk_release_status(*, request: DocumentRequest) -> BulkReleaseStatus:
    return BulkReleaseStatus(
        documents=request_personal_data_count(request=request),
        # a delivery releasing more documents with personal data is a bulk release (OSL-13)
        threshold=settings.REGISTRY_BULK_RELEASE_THRESHOLD,
        assessment=request.bulk_assessments.select_related("assessed_by").order_by("-pk").first(),
    )


def request_history(*, request: DocumentRequest) -> QuerySet:
    """The request's audit events, oldest first, for its page (who, what, when, why)."""
    return request.events.select_related("actor", "entry").order_by("at", "pk")


def information_disclosures(*, entry: Entry | None = None) -> QuerySet:
    """The log of uppgifter given or refused from documents (OSL-11), newest first."""
    qs = InformationDisclosure.objects.select_related("entry", "provision", "given_by")
    return qs.filter(entry=entry) if entry is not None else qs


# --- copy fees (TF-10) ----------------------------------------------------------------------
def fee_schedule_in_force(*, on: date | None = None) -> FeeSchedule | None:
    """The taxa adopted by kommunfullmäktige in force on a day (today by default), or None."""
    on = on or timezone.localdate()
    return FeeSchedule.objects.filter(valid_from__lte=on).order_by("-valid_from", "-pk").first()


def copy_fee(*, pages: int, schedule: FeeSchedule | None) -> Decimal:
    """The fee for `pages` paper pages under a taxa (TF-10). Only paper pages count: the
    function takes nothing else, so reading on site, search time and the sekretessprövning can
    never be charged. Without a taxa adopting the state scale copies are free; with it, pages
    up to `free_pages` (9) are free, the next page costs `first_fee` (50 kr) and each further
    page `page_fee` (2 kr)."""
    if pages < 0:
        raise ValueError("pages must not be negative")
    if schedule is None or not schedule.charges_copies or pages <= schedule.free_pages:
        return Decimal("0.00")
    extra = pages - schedule.free_pages - 1
    first, per_page = Decimal(str(schedule.first_fee)), Decimal(str(schedule.page_fee))
    return (first + extra * per_page).quantize(Decimal("0.01"))
