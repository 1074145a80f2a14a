"""Reads of the moderation app: what the public sees, and the moderators' queue."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone

from .models import AuditLogEntry, Contribution, Report

STATE = Contribution.State
OVERDUE_AFTER = timedelta(hours=24)
# Pending text screening found clean: what "approve all clean" publishes (photos always need
# a human look, RULE-4).
# Text screening found clean, waiting for a moderator; imported social-media comments are never
# published on the portal, so they are not offered for bulk approval (nor counted for it).
CLEAN_PENDING_TEXT = Q(
    state=STATE.PENDING, screening_action="publish", quarantined=False, photo=""
) & ~Q(channel="social_media")


def contributions_for(*, target, kinds: Iterable[str] | None = None) -> QuerySet[Contribution]:
    """What the public sees for one target, oldest first.

    PUBLISHED contributions, plus HIDDEN/REMOVED ones that have published replies: those are
    rendered as a "Dold av moderator" marker so the thread still reads (never their text).
    """
    ctype = ContentType.objects.get_for_model(target)
    published_reply = Contribution.objects.filter(parent=OuterRef("pk"), state=STATE.PUBLISHED)
    qs = (
        Contribution.objects.filter(content_type=ctype, object_id=str(target.pk))
        .filter(
            Q(state=STATE.PUBLISHED)
            | Q(state__in=[STATE.HIDDEN, STATE.REMOVED], quarantined=False)
            & Q(Exists(published_reply))
        )
        .order_by("received_at", "pk")
    )
    if kinds is not None:
        qs = qs.filter(kind__in=list(kinds))
    return qs


def contribution_counts_for(*, targets) -> dict:
    """Published contributions per target, in one query: {target: count}."""
    targets = list(targets)
    if not targets:
        return {}
    ctype = ContentType.objects.get_for_model(targets[0])
    rows = (
        Contribution.objects.filter(
            content_type=ctype,
            object_id__in=[str(t.pk) for t in targets],
            state=STATE.PUBLISHED,
        )
        .values("object_id")
        .annotate(n=Count("pk"))
    )
    counts = {row["object_id"]: row["n"] for row in rows}
    return {t: counts.get(str(t.pk), 0) for t in targets}


def published_count_of(model) -> Coalesce:
    """An annotation for a queryset of `model`: the number of published contributions about
    each row, so a list of targets gets its counts in its own query
    (``Meeting.objects.annotate(n=published_count_of(Meeting))``)."""
    per_target = (
        Contribution.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id=Cast(OuterRef("pk"), CharField()),
            state=STATE.PUBLISHED,
        )
        .order_by()
        .values("object_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(per_target), 0)


def contribution_get_published(*, pk: int) -> Contribution | None:
    return Contribution.objects.filter(pk=pk, state=STATE.PUBLISHED).first()


def moderation_queue(
    *,
    state: str = "",
    kind: str = "",
    verdict: str = "",
    overdue: bool = False,
    reported: bool = False,
    now=None,
) -> QuerySet[Contribution]:
    """What waits for a moderator: most severe first, then oldest first.

    Filters: state, kind, screening verdict (publish/review/block), waited over 24 hours, has
    open reports. Deliberately no filter by finding or sensitive category (GDPR-2).
    """
    qs = (
        Contribution.objects.filter(needs_review=True)
        .exclude(state=STATE.REMOVED)
        .select_related("author", "content_type")
        .annotate(open_reports=Count("reports", filter=Q(reports__resolved_at=None)))
    )
    if state:
        qs = qs.filter(state=state)
    if kind:
        qs = qs.filter(kind=kind)
    if verdict:
        qs = qs.filter(screening_action=verdict)
    if overdue:
        qs = qs.filter(received_at__lt=(now or timezone.now()) - OVERDUE_AFTER)
    if reported:
        qs = qs.filter(open_reports__gt=0)
    return qs.order_by("-severity", "-open_reports", "received_at", "pk")


def queue_summary(*, now=None) -> dict:
    """Counts over the whole queue (not one page), in one query: waited over 24 hours, and
    pending texts screening found clean (what "approve all clean" would publish)."""
    now = now or timezone.now()
    return Contribution.objects.aggregate(
        overdue_count=Count(
            "pk",
            filter=Q(needs_review=True, received_at__lt=now - OVERDUE_AFTER)
            & ~Q(state=STATE.REMOVED),
        ),
        clean_count=Count("pk", filter=CLEAN_PENDING_TEXT),
    )


def open_reports() -> QuerySet[Report]:
    """Reports no moderator has resolved yet, oldest first, with their contribution."""
    return (
        Report.objects.filter(resolved_at=None)
        .select_related("contribution", "contribution__content_type")
        .order_by("received_at", "pk")
    )


def is_overdue(contribution: Contribution, *, now=None) -> bool:
    now = now or timezone.now()
    return now - contribution.received_at > OVERDUE_AFTER


def weekly_statistics(*, weeks: int = 12) -> list[dict]:
    """Per ISO week: in, published at once, held, hidden, removed, median hours to decision."""
    since = timezone.now() - timedelta(weeks=weeks)
    rows: dict[tuple[int, int], dict] = {}
    qs = Contribution.objects.filter(received_at__gte=since).values(
        "received_at", "decided_at", "decision_rule", "state"
    )
    for item in qs:
        local = timezone.localtime(item["received_at"])
        year, week, _ = local.isocalendar()
        row = rows.setdefault(
            (year, week),
            {
                "year": year,
                "week": week,
                "received": 0,
                "published_at_once": 0,
                "held": 0,
                "hidden": 0,
                "removed": 0,
                "durations": [],
            },
        )
        row["received"] += 1
        if item["decision_rule"] == Contribution.DecisionRule.AUTO:
            row["published_at_once"] += 1
        else:
            row["held"] += 1
        if item["state"] == STATE.HIDDEN:
            row["hidden"] += 1
        elif item["state"] == STATE.REMOVED:
            row["removed"] += 1
        if item["decided_at"] and item["decision_rule"] == Contribution.DecisionRule.MODERATOR:
            row["durations"].append(
                (item["decided_at"] - item["received_at"]).total_seconds() / 3600
            )
    result = []
    for key in sorted(rows, reverse=True):
        row = rows[key]
        durations = row.pop("durations")
        row["median_hours"] = round(statistics.median(durations), 1) if durations else None
        result.append(row)
    return result


def audit_log(*, limit: int = 200) -> QuerySet[AuditLogEntry]:
    return AuditLogEntry.objects.select_related("contribution")[:limit]
