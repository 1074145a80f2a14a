"""The moderators' queue: paging, linkable filters, the open-reports page, a bounded number
of queries, and undoing an unfounded photo takedown."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from moderation.models import AuditLogEntry, Contribution, PhotoTakedownRequest, Report

pytestmark = pytest.mark.django_db
Q = "/personal/moderering/"


def _many(topic, n: int, **fields) -> list[Contribution]:
    """n pending contributions awaiting review (test data, stored directly for speed)."""
    ctype = ContentType.objects.get_for_model(topic)
    now = timezone.now()
    defaults = {"kind": "feedback", "screening_action": "review", "severity": 1}
    defaults.update(fields)
    return Contribution.objects.bulk_create(
        Contribution(
            content_type=ctype,
            object_id=str(topic.pk),
            text=f"Synpunkt nummer {i}",
            **{"received_at": now - timedelta(minutes=i), **defaults},
        )
        for i in range(n)
    )


def test_queue_pages_with_linkable_filters(moderator_client, topic):
    """BBS-3, BBS-4: the queue no longer stops at 200: it is paged (50 a page) and the page
    links keep the filters, so a filtered page can be linked."""
    _many(topic, 120)
    first = moderator_client.get(Q).content.decode()
    assert "120 bidrag väntar" in first or "120" in first
    assert "Sida 1 av 3" in first
    assert 'href="?page=2"' in first
    third = moderator_client.get(Q, {"page": 3}).content.decode()
    assert third.count('class="queue-text"') == 20
    filtered = moderator_client.get(Q, {"kind": "feedback", "page": 2}).content.decode()
    assert "?kind=feedback&amp;page=3" in filtered and "?kind=feedback&amp;page=1" in filtered


def test_queue_filters_by_state_kind_age_and_reports(moderator_client, topic, published):
    """BBS-4: filters by state, kind, screening verdict, waited over 24 hours and open
    reports each narrow the queue to what matches."""
    question = _many(topic, 1, kind="question")[0]
    old = _many(topic, 1, received_at=timezone.now() - timedelta(hours=30))
    old = old[0]
    blocked = _many(topic, 1, screening_action="block", severity=2)[0]
    reported = published("Ett publicerat inlägg.")
    Report.objects.create(contribution=reported, reason="reklam", reporter_key="ip:x")
    Contribution.objects.filter(pk=reported.pk).update(needs_review=True)

    def ids(**params) -> set[int]:
        html = moderator_client.get(Q, params).content.decode()
        all_ids = {question.pk, old.pk, blocked.pk, reported.pk}
        return {pk for pk in all_ids if f'href="{Q}{pk}/"' in html}

    assert ids() == {question.pk, old.pk, blocked.pk, reported.pk}
    assert ids(kind="question") == {question.pk}
    assert ids(overdue="on") == {old.pk}
    assert ids(reported="on") == {reported.pk}
    assert ids(state="published") == {reported.pk}
    assert ids(verdict="block") == {blocked.pk}
    html = moderator_client.get(Q, {"kind": "need"}).content.decode()
    assert "Inget i kön matchar filtren." in html


def test_queue_offers_no_filter_by_sensitive_category(moderator_client, topic):
    """GDPR-2: the queue offers no filter or facet by sensitive category (health,
    religion…), nor by screening's "sensitive personal data" finding; such a parameter is
    ignored."""
    _many(topic, 3)
    html = moderator_client.get(Q).content.decode()
    form = html[
        html.index('class="form queue-filters"') : html.index(
            "</form>", html.index("queue-filters")
        )
    ]
    for word in ("sensitive", "känslig", "hälsa", "religion", "health", "etnisk", "politisk"):
        assert word not in form.lower()
    from moderation.forms import QueueFilterForm

    assert set(QueueFilterForm.base_fields) == {"state", "kind", "verdict", "overdue", "reported"}
    flagged = moderator_client.get(Q, {"flag": "sensitive_personal"}).content.decode()
    assert flagged.count('class="queue-text"') == 3


def test_queue_query_count_does_not_grow_with_items(
    moderator_client, topic, django_assert_max_num_queries
):
    """BBS-3 (a usable queue): the number of queries is the same for 5 and for 40 items."""
    _many(topic, 5)
    moderator_client.get(Q)  # warm session and content-type caches
    with CaptureQueriesContext(connection) as few:
        assert moderator_client.get(Q).status_code == 200
    _many(topic, 35, kind="question")
    with CaptureQueriesContext(connection) as many:
        html = moderator_client.get(Q).content.decode()
    assert html.count('class="queue-text"') == 40
    assert len(few.captured_queries) == len(many.captured_queries)
    with django_assert_max_num_queries(len(few.captured_queries)):
        moderator_client.get(Q, {"reported": "on", "overdue": "on"})


def test_open_reports_page_lists_reasons(client, moderator_client, published, registrar):
    """RULE-7: moderators see every open report with its reason and message on a page of
    its own; resolved reports leave it; other staff may not see it."""
    c = published("Köp billiga klockor här!")
    other = published("En annan synpunkt.")
    client.post(f"/bidrag/{c.pk}/anmal/", {"reason": "reklam", "message": "Spam"})
    client.post(f"/bidrag/{other.pk}/anmal/", {"reason": "personuppgifter"})
    html = moderator_client.get(f"{Q}anmalningar/").content.decode()
    assert "2 anmälningar väntar" in html
    assert "Reklam" in html and "Spam" in html and "Personuppgifter" in html
    assert f'href="{Q}{c.pk}/"' in html and f'href="{Q}{other.pk}/"' in html
    moderator_client.post(f"{Q}{c.pk}/godkann/")
    html = moderator_client.get(f"{Q}anmalningar/").content.decode()
    assert "Spam" not in html and "1 anmälan väntar" in html
    client.force_login(registrar)
    assert client.get(f"{Q}anmalningar/").status_code == 403


def test_unfounded_takedown_is_undone_from_the_queue(
    client, published_photo, moderator, django_capture_on_commit_callbacks
):
    """RULE-5, GDPR-7, BBS-4: the takedown queue offers "show the photo again" when the
    request is unfounded: it needs a reason, is audit-logged, publishes the photo again and
    tells the requester by e-mail when they left an address."""
    c = published_photo
    client.post(f"/bidrag/{c.pk}/ta-bort-bild/", {"email": "jag@example.se"})
    request = PhotoTakedownRequest.objects.get()
    client.force_login(moderator)
    queue = client.get(Q).content.decode()
    assert "Begäran ogrundad: visa bilden igen" in queue
    url = f"{Q}bildborttagning/{request.pk}/"
    client.post(url, {"decision": "restore", "restore-reason": ""})
    request.refresh_from_db()
    assert request.resolved_at is None  # no reason, no restore
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(url, {"decision": "restore", "restore-reason": "Bilden visar en snögubbe."})
    assert r.status_code == 302
    request.refresh_from_db()
    c.refresh_from_db()
    assert request.outcome == "restored" and request.resolved_by == moderator
    assert c.state == "published" and not c.needs_review
    assert client.get(f"/bidrag/{c.pk}/bild/").status_code == 200
    entry = AuditLogEntry.objects.get(action="takedown_restore")
    assert entry.actor == moderator and entry.reason == "Bilden visar en snögubbe."
    assert [m.to for m in mail.outbox] == [["jag@example.se"]]
    assert "snögubbe" in mail.outbox[0].body
