"""Factories for the meetings tests: villages, venues and meetings in Swedish local time."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

TZ = ZoneInfo("Europe/Stockholm")


def local(days: int, hour: int = 18, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


@pytest.fixture
def village(db):
    from meetings.models import Village

    return Village.objects.create(
        name="Äppelbo",
        slug="appelbo",
        description="By i norra delen.",
        latitude="60.49770",
        longitude="14.00020",
    )


@pytest.fixture
def other_village(db):
    from meetings.models import Village

    return Village.objects.create(name="Saltvik", slug="saltvik")


@pytest.fixture
def venue(village):
    from meetings.models import Venue

    return Venue.objects.create(
        village=village,
        name="Äppelbo gästgivargård",
        street_address="Äppelbovägen 12",
        postal_code="780 54",
        town="Äppelbo",
        latitude="60.49700",
        longitude="14.00110",
        step_free_access=True,
        hearing_loop=True,
    )


@pytest.fixture
def make_meeting(village, venue):
    from meetings.models import AgendaItem, Attendee, Meeting

    def make(*, days: int = 10, published: bool = True, v=None, where=None, **extra):
        meeting = Meeting.objects.create(
            village=v or village,
            venue=where if where is not None else venue,
            starts_at=extra.pop("starts_at", local(days, 18)),
            ends_at=extra.pop("ends_at", local(days, 20)),
            published_at=timezone.now() if published else None,
            title=extra.pop("title", f"Kommundelsträff {days}"),
            **extra,
        )
        AgendaItem.objects.create(meeting=meeting, position=0, title="Välkommen")
        AgendaItem.objects.create(meeting=meeting, position=1, title="Fiber och vägar")
        Attendee.objects.create(
            meeting=meeting, name="Anna Berglund", kind="politician", role="KS ordförande"
        )
        return meeting

    return make


@pytest.fixture
def meeting(make_meeting):
    return make_meeting(days=10, title="Kommundelsträff i Äppelbo")


@pytest.fixture
def subscriber(village):
    from meetings.models import VillageSubscription

    return VillageSubscription.objects.create(
        village=village, email="granne@example.se", confirmed_at=timezone.now()
    )


@pytest.fixture(autouse=True)
def _eager_tasks():
    """Run the meetings tasks in process even when REDIS_URL points at a broker: the tests
    check what the tasks do (mail), not the broker."""
    from dialog_portal.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    """Each test starts with an empty page cache, so no page cached by an earlier test (with
    other rows under the same ids) can answer."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def no_page_cache(settings):
    """Render every page afresh: for tests that count the queries of a full render."""
    settings.MEETINGS_PAGE_CACHE_SECONDS = 0
