"""The one entry point: storing, screening, states, the public selector and the tasks."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings

from moderation.models import AuditLogEntry, Contribution
from moderation.selectors import contribution_counts_for, contributions_for
from moderation.services import contribution_approve, contribution_hide, contribution_submit

from .conftest import PNR

pytestmark = pytest.mark.django_db


def test_submit_stores_screens_and_waits(submit):
    """TF-1, TF-2, BBS-3: a contribution is stored at once with its findings, decision and
    rules version, and waits for a moderator: it is not published by screening."""
    c = submit(f"Mitt personnummer är {PNR}, plogen kom aldrig.")
    c.refresh_from_db()
    assert c.state == Contribution.State.PENDING
    assert c.screening_action == "review"
    assert c.rules_version
    assert c.screening["pii"][0]["type"] == "personnummer"
    assert c.received_at is not None
    assert PNR not in c.public_text and "[borttaget]" in c.public_text
    assert PNR in c.text  # the original is kept for the registrar
    assert AuditLogEntry.objects.filter(contribution=c, action="submit").exists()


def test_clean_text_also_waits_by_default(submit):
    """BBS-3: even a clean text is not published without a recorded moderator decision."""
    c = submit("Tack för bra snöröjning!")
    assert c.screening_action == "publish"
    assert c.state == Contribution.State.PENDING
    assert c.decided_at is None


@override_settings(MODERATION_AUTO_PUBLISH_CLEAN=True)
def test_auto_publish_clean_is_recorded_as_rule_auto(submit):
    """BBS-3: with MODERATION_AUTO_PUBLISH_CLEAN a clean text is published at once, recorded as
    decided by the rule "auto"; a text with findings still waits."""
    clean = submit("Bra jobbat med plogningen.")
    held = submit(f"Ring {PNR}")
    assert clean.state == "published" and clean.decision_rule == "auto"
    assert held.state == "pending"
    assert AuditLogEntry.objects.filter(contribution=clean, action="approve", actor_label="auto")


def test_blocked_text_is_never_published(submit, moderator):
    """BBS-4, TF-2: a blocked text is kept as an inkommen handling but cannot be approved
    until the blocking passage is masked."""
    c = submit("Jag ska döda dig om plogen inte kommer.")
    assert c.screening_action == "block"
    with pytest.raises(ValidationError):
        contribution_approve(contribution=c, actor=moderator)
    c.refresh_from_db()
    assert c.state == "pending"
    assert Contribution.objects.filter(pk=c.pk).exists()


def test_bad_input_raises_swedish_validation_error(topic):
    """An empty text is refused with a Swedish message, not stored."""
    from django.utils import translation

    with translation.override("sv"), pytest.raises(ValidationError) as exc:
        contribution_submit(target=topic, kind="feedback", text="   ")
    assert "Skriv" in exc.value.messages[0]
    assert not Contribution.objects.exists()


def test_contributions_for_shows_published_and_hidden_marker(submit, published, moderator, topic):
    """BBS-4: the public sees published contributions; a hidden one with a published reply
    stays as a marker; a hidden one without replies disappears."""
    parent = published("Första inlägget om plogning.")
    reply = published("Svar: håller inte med alls, det var dåligt.", parent=parent)
    lone = published("Ett inlägg som sedan döljs.")
    pending = submit("Väntar på granskning.")
    contribution_hide(contribution=parent, actor=moderator, reason="Olämpligt")
    contribution_hide(contribution=lone, actor=moderator, reason="Olämpligt")
    seen = list(contributions_for(target=topic))
    assert [c.pk for c in seen] == [parent.pk, reply.pk]
    assert seen[0].state == "hidden"
    assert pending not in seen
    assert contribution_counts_for(targets=[topic]) == {topic: 1}


def test_audit_log_is_append_only(submit):
    """BBS-4: audit entries cannot be changed or deleted through the application."""
    c = submit("Text")
    entry = AuditLogEntry.objects.get(contribution=c)
    entry.reason = "ändrat"
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    with pytest.raises(PermissionDenied):
        AuditLogEntry.objects.all().delete()
    with pytest.raises(PermissionDenied):
        AuditLogEntry.objects.update(reason="x")


@pytest.mark.postgres
def test_audit_log_trigger_refuses_raw_sql(submit):
    """BBS-4: on PostgreSQL a trigger refuses UPDATE and DELETE even from raw SQL."""
    from django.db import DatabaseError, connection, transaction

    submit("Text")
    for sql in (
        "UPDATE moderation_auditlogentry SET reason = 'x'",
        "DELETE FROM moderation_auditlogentry",
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cur:
            cur.execute(sql)
    assert AuditLogEntry.objects.count() == 1


def test_rescreen_task_never_publishes(submit):
    """Re-screening after a rules change updates findings and version but never publishes;
    a changed verdict only marks the contribution for review."""
    from moderation.tasks import contributions_rescreen_task

    c = submit(f"Mitt nummer är {PNR}.")
    Contribution.objects.filter(pk=c.pk).update(
        rules_version="0-old",
        screening_action="publish",
        screening={},
        masked_spans=[],
        needs_review=False,
    )
    assert contributions_rescreen_task() == 1
    c.refresh_from_db()
    assert c.state == "pending"
    assert c.screening_action == "review" and c.needs_review
    assert c.rules_version != "0-old"
    assert "[borttaget]" in c.public_text
    assert contributions_rescreen_task() == 0  # idempotent


def test_minor_importance_and_registration(submit, moderator, django_capture_on_commit_callbacks):
    """OSL-2: after the decision a thank-you is of minor importance and not registered; an
    opinion is handed to the diarium and gets a diary number (or stays to_register)."""
    thanks = submit("Tack så mycket!")
    opinion = submit("Snöröjningen i Nås fungerar dåligt och borde prioriteras.")
    with django_capture_on_commit_callbacks(execute=True):
        contribution_approve(contribution=thanks, actor=moderator)
        contribution_approve(contribution=opinion, actor=moderator)
    thanks.refresh_from_db()
    opinion.refresh_from_db()
    assert thanks.minor_importance is True and thanks.registration_state == "not_needed"
    assert opinion.minor_importance is False
    assert opinion.registration_state in ("registered", "to_register")
    if opinion.registration_state == "registered":
        number = opinion.registry_reference
        assert number
        from moderation.tasks import contribution_register_task

        assert contribution_register_task(opinion.pk) == number  # idempotent
