"""Reads of the meetings app. Each selector owns its joins, so pages run a bounded number
of queries however many meetings there are."""

from __future__ import annotations

import datetime

from django.core.paginator import Page, Paginator
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from dialog_portal.prepared import Prepared

from .models import (
    AgendaItem,
    Answer,
    Attendee,
    DealtWith,
    FollowUpAction,
    Meeting,
    Registration,
    Village,
    VillageItem,
)


def published_meetings() -> QuerySet[Meeting]:
    return Meeting.objects.filter(published_at__isnull=False).select_related("village", "venue")


def meetings_upcoming(*, village: Village | None = None) -> QuerySet[Meeting]:
    """Published meetings that have not ended, cancelled ones included (marked so)."""
    return _upcoming(now=timezone.now(), village_id=village.pk if village is not None else None)


def _upcoming(*, now, village_id: int | None) -> QuerySet[Meeting]:
    qs = published_meetings().filter(ends_at__gte=now).exclude(state=Meeting.State.HELD)
    if village_id is not None:
        qs = qs.filter(village_id=village_id)
    return qs.order_by("starts_at")


UPCOMING_PAGE_SIZE = 20
_NO_TIME = datetime.datetime(1901, 2, 3, 4, 5, 6, tzinfo=datetime.UTC)  # a sentinel


# The columns a meeting card shows (fragments.meeting_cards_html) and the coming list reads;
# the rest of the three wide rows stays in the database (a test counts the list's queries,
# so a card that needs another column shows up as an extra query).
MEETING_CARD_FIELDS = (
    "id",
    "title",
    "state",
    "starts_at",
    "ends_at",
    "village__name",
    "village__slug",
    "venue__name",
    "venue__street_address",
)


def _upcoming_first_page(now, village_id=None):
    """The first page of the coming list, each meeting with its count of published questions
    and needs (a subquery per listed row)."""
    from moderation.selectors import published_count_of

    return (
        _upcoming(now=now, village_id=village_id)
        .only(*MEETING_CARD_FIELDS)
        .annotate(contribution_count=published_count_of(Meeting))[:UPCOMING_PAGE_SIZE]
    )


def _upcoming_total(now, village_id=None):
    """The length of the whole coming list: `SELECT COUNT(id) … WHERE …` as a queryset of one
    value (grouped by a constant, which Django leaves out of GROUP BY), so it can be prepared.
    PostgreSQL counts it from the index `meeting_coming_end`."""
    from django.db.models import Count, IntegerField, Value

    return (
        _upcoming(now=now, village_id=village_id)
        .order_by()
        .values(one=Value(1, output_field=IntegerField()))
        .annotate(listed_total=Count("pk"))
        .values_list("listed_total", flat=True)
    )


# (page, length) of the coming list's first page: of all villages, and of one village
_FIRST_PAGE = {
    False: (
        Prepared(_upcoming_first_page, now=_NO_TIME),
        Prepared(_upcoming_total, now=_NO_TIME),
    ),
    True: (
        Prepared(_upcoming_first_page, now=_NO_TIME, village_id=-7_000_008),
        Prepared(_upcoming_total, now=_NO_TIME, village_id=-7_000_009),
    ),
}


class _Counted:
    """What a Paginator needs of a list it does not hold: its length."""

    def __init__(self, total: int):
        self.total = total

    def count(self) -> int:
        return self.total


def meetings_upcoming_page(*, village: Village | None, number) -> Page:
    """A page of the coming list (`UPCOMING_PAGE_SIZE` meetings), each with
    `contribution_count`. The first page, which nearly every visitor sees, runs prepared
    queries: the page, and the list's length only when the page is full; later pages page
    through `meetings_upcoming` with the same count annotation."""
    try:
        first = number in (None, "") or int(number) <= 1
    except (TypeError, ValueError):
        first = True  # Paginator.get_page's rule: an invalid number gives the first page
    if not first:
        from moderation.selectors import published_count_of

        meetings = meetings_upcoming(village=village).annotate(
            contribution_count=published_count_of(Meeting)
        )
        return Paginator(meetings, UPCOMING_PAGE_SIZE).get_page(number)
    page_query, total_query = _FIRST_PAGE[village is not None]
    values = {"now": timezone.now()}
    if village is not None:
        values["village_id"] = village.pk
    meetings = page_query.all(**values)
    total = len(meetings)
    if total == UPCOMING_PAGE_SIZE:  # there may be more
        total = total_query.first(**values) or total
    return Page(meetings, 1, Paginator(_Counted(total), UPCOMING_PAGE_SIZE))


FEED_HISTORY_DAYS = 365


def meetings_for_feed(*, village: Village | None = None) -> QuerySet[Meeting]:
    """Published meetings for the iCalendar feeds: everything coming, and the past year
    (older events add nothing to a calendar and would make the feed grow forever)."""
    since = timezone.now() - datetime.timedelta(days=FEED_HISTORY_DAYS)
    qs = published_meetings().filter(ends_at__gte=since)
    if village is not None:
        qs = qs.filter(village=village)
    return qs.order_by("starts_at")


def meeting_next(*, village: Village | None = None) -> Meeting | None:
    return meetings_upcoming(village=village).filter(state=Meeting.State.PLANNED).first()


def meetings_past(*, village: Village | None = None, query: str = "") -> QuerySet[Meeting]:
    """Published meetings that have ended or been held, newest first, searchable in the
    title, the village, the agenda and the notes."""
    qs = (
        published_meetings()
        .filter(Q(ends_at__lt=timezone.now()) | Q(state=Meeting.State.HELD))
        .select_related("notes")
    )
    if village is not None:
        qs = qs.filter(village=village)
    query = (query or "").strip()
    if query:
        qs = qs.filter(
            Q(title__icontains=query)
            | Q(village__name__icontains=query)
            | Q(notes__text__icontains=query)
            | Q(agenda_items__title__icontains=query)
        ).distinct()
    return qs.order_by("-starts_at")


# The meeting page runs the same queries on every request with only the meeting changing:
# their SQL is compiled once per process (dialog_portal.prepared). Sentinels: ids no row has.
_MEETING = Prepared(
    lambda pk: published_meetings().select_related("notes").filter(pk=pk).order_by("pk")[:1],
    pk=-7_000_001,
)
_AGENDA = Prepared(
    lambda meeting_id: AgendaItem.objects.filter(meeting_id=meeting_id), meeting_id=-7_000_002
)
_ATTENDEES = Prepared(
    lambda meeting_id: Attendee.objects.filter(meeting_id=meeting_id), meeting_id=-7_000_003
)
_FOLLOW_UPS = Prepared(
    lambda meeting_id: FollowUpAction.objects.filter(meeting_id=meeting_id).order_by(
        "due_on", "id"
    ),
    meeting_id=-7_000_004,
)


def meeting_get_public(*, pk: int) -> Meeting:
    """One published meeting with its village, venue and notes (one query), or 404. The
    meeting page adds the rest with `meeting_page_related`."""
    meeting = _MEETING.first(pk=pk)
    if meeting is None:
        raise Http404
    return meeting


def _set_prefetched(instance, name: str, objects: list) -> None:
    """Put `objects` where `prefetch_related(name)` would, so `instance.<name>.all` reads
    them without a query; each object's foreign key to `instance` is filled in too."""
    manager = getattr(instance, name)
    queryset = manager.get_queryset()
    for obj in objects:
        manager.field.set_cached_value(obj, instance)
    queryset._result_cache = objects
    queryset._prefetch_done = True
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[manager.field.remote_field.cache_name] = queryset


def meeting_page_related(*, meeting: Meeting, with_follow_ups: bool) -> Meeting:
    """Fill the meeting page's agenda, attendees and (after the meeting) follow-up actions
    into the prefetch cache, so `meeting.agenda_items.all` etc. run no further query."""
    _set_prefetched(meeting, "agenda_items", _AGENDA.all(meeting_id=meeting.pk))
    _set_prefetched(meeting, "attendees", _ATTENDEES.all(meeting_id=meeting.pk))
    if with_follow_ups:
        _set_prefetched(meeting, "follow_ups", _FOLLOW_UPS.all(meeting_id=meeting.pk))
    return meeting


# The columns the meeting page shows of a question or need (public_text needs text and
# masked_spans); everything else of moderation's wide row stays in the database.
CONTRIBUTION_PAGE_FIELDS = (
    "id",
    "parent_id",
    "state",
    "kind",
    "display_name",
    "text",
    "masked_spans",
    "received_at",
    "photo",
)


ANSWER_FIELDS = ("id", "text", "answered_by", "published_at")


def _contributions_query(meeting_id: str, meeting_pk: int):
    """The published questions and needs of a meeting with, on each row, its answer's fields
    (an answer belongs to one question of its meeting: services.answer_save) and whether the
    meeting dealt with it: one query."""
    from django.db.models import Exists, OuterRef, Subquery

    from moderation.selectors import contributions_for

    answer = Answer.objects.filter(contribution_id=OuterRef("pk"))
    return (
        contributions_for(target=Meeting(pk=meeting_id), kinds=["question", "need"])
        .only(*CONTRIBUTION_PAGE_FIELDS)
        .annotate(
            **{f"answer_{f}": Subquery(answer.values(f)[:1]) for f in ANSWER_FIELDS},
            meeting_dealt_with=Exists(
                DealtWith.objects.filter(meeting_id=meeting_pk, contribution_id=OuterRef("pk"))
            ),
        )
    )


_CONTRIBUTIONS = Prepared(_contributions_query, meeting_id="-7000005", meeting_pk=-7_000_006)


def meeting_contributions(*, meeting: Meeting) -> list:
    """The published questions and needs of a meeting, each with `.answer` (an `Answer`, or
    None) and `.dealt_with` set: one query whatever their number."""
    contributions = _CONTRIBUTIONS.all(meeting_id=str(meeting.pk), meeting_pk=meeting.pk)
    for c in contributions:
        c.answer = None
        if c.answer_id is not None:
            c.answer = Answer(
                id=c.answer_id,
                meeting=meeting,
                contribution_id=c.pk,
                text=c.answer_text,
                answered_by=c.answer_answered_by,
                published_at=c.answer_published_at,
            )
        c.dealt_with = c.meeting_dealt_with
    return contributions


def village_get(*, slug: str) -> Village:
    village = Village.objects.filter(slug=slug).first()
    if village is None:
        raise Http404
    return village


def _option_html(slug: str, name: str, selected: bool = False) -> str:
    from django.utils.html import escape

    return (
        f'<option value="{escape(slug)}"{" selected" if selected else ""}>{escape(name)}</option>'
    )


class _Directory:
    """Every village's (slug, name) by name, and the links list built from it, read once per
    process for each meetings content version (`meetings.cache`: every village save bumps
    it). The coming list and its filter showed 200 villages through a query and a template
    loop on every render. A new version is built whole and swapped in with one assignment,
    so a thread of a threaded worker never sees half of an old one and half of a new one."""

    __slots__ = ("version", "rows", "links_html", "options", "position", "pks")

    def __init__(self, version, rows: tuple[tuple[str, str, int], ...]):
        from django.utils.html import escape

        from dialog_portal.urlparts import url_parts

        prefix, suffix = url_parts("meetings-village", "slug")
        self.version = version
        self.pks = {slug: pk for slug, _name, pk in rows}
        self.rows = rows = tuple((slug, name) for slug, name, _pk in rows)
        self.position = {slug: i for i, (slug, _name) in enumerate(rows)}
        self.links_html = "".join(
            f'<li><a href="{escape(prefix + slug + suffix)}">{escape(name)}</a></li>'
            for slug, name in rows
        )
        self.options = tuple(_option_html(slug, name) for slug, name in rows)


_current_directory: _Directory | None = None


def _directory() -> _Directory:
    global _current_directory
    from .cache import content_version

    version = content_version()
    directory = _current_directory
    if directory is None or directory.version != version:
        rows = tuple(Village.objects.order_by("name").values_list("slug", "name", "pk"))
        directory = _current_directory = _Directory(version, rows)
    return directory


def village_from_directory(slug: str) -> Village | None:
    """The village with this slug as the directory knows it (id, name and slug; any other
    field is read from the database when first used), or None; no query."""
    directory = _directory()
    i = directory.position.get(slug)
    if i is None:
        return None
    name = directory.rows[i][1]
    return Village.from_db(None, ["id", "name", "slug"], [directory.pks[slug], name, slug])


def village_directory() -> tuple[tuple[str, str], ...]:
    """(slug, name) of every village, ordered by name."""
    return _directory().rows


def village_options_html(selected: str = "") -> str:
    """The `<option>` of every village, ordered by name, the one with slug `selected` marked
    selected (escaped HTML)."""
    directory = _directory()
    i = directory.position.get(selected)
    if i is None:
        return "".join(directory.options)
    options = list(directory.options)
    options[i] = _option_html(*directory.rows[i], selected=True)
    return "".join(options)


def village_links_html() -> str:
    """The `<li>` links to every village's page, ordered by name (escaped HTML)."""
    return _directory().links_html


def village_items(*, village: Village) -> QuerySet[VillageItem]:
    return village.items.order_by("state", "title")


def village_open_follow_ups(*, village: Village) -> QuerySet[FollowUpAction]:
    return (
        FollowUpAction.objects.filter(
            meeting__village=village,
            meeting__published_at__isnull=False,
            status__in=FollowUpAction.OPEN_STATUSES,
        )
        .select_related("meeting")
        .order_by("due_on", "id")
    )


def registration_counts(*, meeting: Meeting) -> dict[str, int]:
    counts = {"confirmed": 0, "waiting": 0}
    for row in (
        meeting.registrations.exclude(state=Registration.State.CANCELLED)
        .values_list("state", flat=True)
        .order_by()
    ):
        counts[row] = counts.get(row, 0) + 1
    return counts
