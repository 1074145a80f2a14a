"""The moderators' queue and every action through HTTP, with the audit log and evidence."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from moderation.models import AuditLogEntry, Contribution, EvidenceRecord, PoliceReportDecision

from .conftest import PNR

pytestmark = pytest.mark.django_db
Q = "/personal/moderering/"


def test_queue_requires_moderator(client, resident, registrar, official, moderator, submit):
    """Only moderators use the queue and act; others get 403 (or the login page)."""
    c = submit("Text")
    assert client.get(Q).status_code == 302  # login
    for user in (resident, registrar, official):
        client.force_login(user)
        assert client.get(Q).status_code == 403
        assert client.post(f"{Q}{c.pk}/godkann/").status_code == 403
    client.force_login(moderator)
    assert client.get(Q).status_code == 200


def test_queue_orders_by_severity_then_age_and_flags_overdue(moderator_client, submit):
    """The queue puts blocked before review before clean, oldest first within each, shows
    each item's age, and what has waited over 24 hours stands out."""
    clean_old = submit("Bra plogat.")
    review = submit(f"Ring {PNR}")
    block = submit("Jag ska döda dig.")
    Contribution.objects.filter(pk=clean_old.pk).update(
        received_at=timezone.now() - timedelta(hours=30)
    )
    html = moderator_client.get(Q).content.decode()
    positions = [html.index(f"{Q}{c.pk}/") for c in (block, review, clean_old)]
    assert positions == sorted(positions)
    assert "över 24 timmar" in html or "över 24 h" in html
    assert "30 timmar" in html
    assert f"<mark>{PNR}" in html  # findings highlighted


def test_approve_and_bulk_approve_clean(moderator_client, submit):
    """BBS-3: one-click approve, and bulk approval of what screening found clean only."""
    a = submit("Bra plogat.")
    b = submit("Tack för skolskjutsen.")
    flagged = submit(f"Ring {PNR}")
    r = moderator_client.post(f"{Q}{a.pk}/godkann/")
    assert r.status_code == 302
    a.refresh_from_db()
    assert a.state == "published" and a.decided_by is not None
    moderator_client.post(f"{Q}godkann-rena/")
    b.refresh_from_db()
    flagged.refresh_from_db()
    assert b.state == "published" and flagged.state == "pending"
    assert AuditLogEntry.objects.filter(action="approve").count() == 2


def test_hide_with_reason_shows_marker_in_thread(client, moderator_client, published):
    """BBS-4, BBS-5: hiding needs a reason the author sees; the hidden post stays stored and
    a thread shows "Dold av moderator" in its place."""
    parent = published("Ursprungligt inlägg.")
    published("Ett svar på inlägget.", parent=parent)
    r = moderator_client.post(f"{Q}{parent.pk}/dolj/", {"hide-reason": ""})
    parent.refresh_from_db()
    assert parent.state == "published"  # no reason, no hiding
    moderator_client.post(f"{Q}{parent.pk}/dolj/", {"hide-reason": "Kränkande"})
    parent.refresh_from_db()
    assert parent.state == "hidden" and parent.hidden_reason == "Kränkande"
    page = client.get(parent.target.get_absolute_url()).content.decode()
    assert "Dold av moderator" in page and "Ursprungligt inlägg" not in page
    assert "Ett svar på inlägget." in page
    entry = AuditLogEntry.objects.get(action="hide")
    assert entry.reason == "Kränkande" and entry.actor_label == "moderator@vansbro.example"
    del r


def test_redact_then_approve_masks_in_public_view(client, moderator_client, submit):
    """Redaction masks the span in public view; the original is kept for the registrar."""
    c = submit("Grannen Sven Svensson plogar aldrig sin infart.")
    moderator_client.post(f"{Q}{c.pk}/maska/", {"redact-phrase": "Sven Svensson"})
    moderator_client.post(f"{Q}{c.pk}/godkann/")
    c.refresh_from_db()
    assert "Sven Svensson" in c.text
    page = client.get(c.target.get_absolute_url()).content.decode()
    assert "Grannen [borttaget] plogar aldrig" in page and "Svensson" not in page
    assert AuditLogEntry.objects.filter(action="redact", contribution=c).exists()


def test_blocked_text_can_be_published_only_after_masking(moderator_client, submit):
    """BBS-4: approving a blocked text is refused until its blocking passage is masked."""
    c = submit("Plogen är sen. Jag ska döda dig.")
    moderator_client.post(f"{Q}{c.pk}/godkann/")
    c.refresh_from_db()
    assert c.state == "pending"
    moderator_client.post(f"{Q}{c.pk}/maska/", {"redact-phrase": "Jag ska döda dig"})
    moderator_client.post(f"{Q}{c.pk}/godkann/")
    c.refresh_from_db()
    assert c.state == "published" and "döda" not in c.public_text


def test_remove_keeps_the_contribution(moderator_client, published):
    """RULE-3, BBS-5: "remove" takes it off public view; the stored handling stays."""
    c = published("Något olämpligt.")
    moderator_client.post(f"{Q}{c.pk}/ta-bort/", {"remove-reason": "Kränkande innehåll"})
    c.refresh_from_db()
    assert c.state == "removed" and c.text == "Något olämpligt."


def test_criminal_preserves_evidence_with_sha256_and_pdf(client, moderator_client, submit):
    """BBS-4..BBS-6, RULE-6: "criminal" removes at once and preserves an evidence record
    whose SHA-256 recomputes; the police-report PDF is separate from the police decision,
    and each decision is recorded."""
    c = submit("Jag ska döda dig, Kalle.", client_ip="192.0.2.7", user_agent="Testbrowser")
    r = moderator_client.post(
        f"{Q}{c.pk}/brottsligt/", {"criminal-category": "olaga_hot", "criminal-reason": "Hot"}
    )
    record = EvidenceRecord.objects.get()
    assert r.status_code == 302 and r["Location"] == f"{Q}bevis/{record.pk}/"
    c.refresh_from_db()
    assert c.state == "removed"
    assert client.get(c.target.get_absolute_url()).content.decode().count("döda") == 0
    canonical = json.dumps(
        record.content, sort_keys=True, ensure_ascii=False, separators=(",", ":")
    ).encode()
    assert hashlib.sha256(canonical).hexdigest() == record.sha256
    assert record.content["text"] == "Jag ska döda dig, Kalle."
    assert record.content["client_ip"] == "192.0.2.7"
    assert record.content["user_agent"] == "Testbrowser"
    assert not PoliceReportDecision.objects.exists()  # the report is a separate decision
    pdf = moderator_client.get(f"{Q}bevis/{record.pk}/polisanmalan.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    from pypdf import PdfReader

    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "olaga hot" in text.lower() and record.sha256[:16] in text.replace("\n", "")
    moderator_client.post(
        f"{Q}bevis/{record.pk}/polisbeslut/", {"reported": "1", "police_reference": "5000-K123-26"}
    )
    decision = PoliceReportDecision.objects.get()
    assert decision.reported and decision.police_reference == "5000-K123-26"
    actions = set(AuditLogEntry.objects.values_list("action", flat=True))
    assert {"criminal", "remove", "police_report", "police_package"} <= actions
    with pytest.raises(Exception):  # noqa: B017 - the record is immutable
        record.save()


def test_child_abuse_material_is_quarantined(moderator_client, registrar, client, published):
    """BBS-7: once flagged as child abuse material it is never shown again, to moderators
    either: not in the queue, the detail page, the evidence page or the PDF."""
    c = published("Misstänkt material XYZZY")
    moderator_client.post(
        f"{Q}{c.pk}/brottsligt/",
        {"criminal-category": "barnpornografi", "criminal-reason": "Misstanke"},
    )
    c.refresh_from_db()
    record = EvidenceRecord.objects.get()
    assert c.quarantined and record.is_quarantined
    for url in (f"{Q}{c.pk}/", f"{Q}bevis/{record.pk}/", Q):
        assert "XYZZY" not in moderator_client.get(url).content.decode()
    client.force_login(registrar)
    assert "XYZZY" not in client.get(f"{Q}bevis/{record.pk}/").content.decode()
    assert client.get(f"/admin/moderation/contribution/{c.pk}/change/").status_code == 200
    assert (
        "XYZZY" not in client.get(f"/admin/moderation/contribution/{c.pk}/change/").content.decode()
    )


def test_block_and_unblock_author(client, moderator_client, resident, topic, moderator):
    """Blocking an author hides all their published content in one step; unblocking restores
    what was not otherwise hidden."""
    from moderation.services import contribution_approve, contribution_hide, contribution_submit

    items = [
        contribution_submit(target=topic, kind="feedback", text=f"Inlägg {i}", author=resident)
        for i in range(3)
    ]
    for item in items:
        contribution_approve(contribution=item, actor=moderator)
    contribution_hide(contribution=items[2], actor=moderator, reason="Reklam")
    moderator_client.post(f"{Q}forfattare/{resident.pk}/blockera/", {"block-reason": "Spam"})
    states = [Contribution.objects.get(pk=i.pk).state for i in items]
    assert states == ["hidden", "hidden", "hidden"]
    assert "Inlägg 0" not in client.get(topic.get_absolute_url()).content.decode()
    moderator_client.post(f"{Q}forfattare/{resident.pk}/avblockera/")
    states = [Contribution.objects.get(pk=i.pk).state for i in items]
    assert states == ["published", "published", "hidden"]
    assert {"block_author", "unblock_author"} <= set(
        AuditLogEntry.objects.values_list("action", flat=True)
    )


def test_importance_override_is_recorded(moderator_client, submit):
    """OSL-2: a moderator can override the minor-importance rule with a recorded reason."""
    c = submit("Tack!")
    moderator_client.post(
        f"{Q}{c.pk}/ringa-betydelse/",
        {"importance-minor": "0", "importance-reason": "Ett klagomål"},
    )
    c.refresh_from_db()
    assert c.minor_importance is False and c.minor_importance_overridden
    assert AuditLogEntry.objects.get(action="importance").reason == "Ett klagomål"


def test_audit_log_page_and_admin_are_read_only(client, moderator, registrar, submit, admin_user):
    """BBS-4: staff see the audit log; the admin offers no add, change or delete."""
    c = submit("Text")
    client.force_login(registrar)
    assert "submit" in client.get(f"{Q}logg/").content.decode()
    entry = AuditLogEntry.objects.get(contribution=c)
    client.force_login(admin_user)
    assert client.get(f"/admin/moderation/auditlogentry/{entry.pk}/change/").status_code == 200
    r = client.post(f"/admin/moderation/auditlogentry/{entry.pk}/change/", {"reason": "x"})
    assert r.status_code == 403
    r = client.post(f"/admin/moderation/auditlogentry/{entry.pk}/delete/", {"post": "yes"})
    assert r.status_code == 403
    assert client.get("/admin/moderation/auditlogentry/add/").status_code == 403
    entry.refresh_from_db()
    assert entry.reason == ""


def test_statistics_page(moderator_client, submit, moderator):
    """Staff see per ISO week: received, published at once, held, hidden, removed, median."""
    from moderation.services import contribution_approve

    c = submit("Text")
    Contribution.objects.filter(pk=c.pk).update(received_at=timezone.now() - timedelta(hours=2))
    contribution_approve(contribution=c, actor=moderator)
    html = moderator_client.get(f"{Q}statistik/").content.decode()
    year, week, _ = timezone.localtime().isocalendar()
    assert f"{year}-W{week:02d}" in html
    assert "2.0" in html or "2,0" in html


def test_policy_page_shows_screening_policy_and_importance_rule(client, official, moderator):
    """Staff see the POLICY table and the minor-importance rule (OSL-2) read-only."""
    client.force_login(official)
    html = client.get(f"{Q}regler/").content.decode()
    assert "personnummer" in html and "GDPR-4" in html
    assert "ringa betydelse" in html.lower()


def test_staff_links(client, moderator):
    """The staff home offers the queue to moderators."""
    client.force_login(moderator)
    assert Q in client.get("/personal/").content.decode()
