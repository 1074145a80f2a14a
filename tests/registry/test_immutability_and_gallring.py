"""Nothing is lost: frozen entries, corrections as annotations, audit log, gallring (ARK-1..4)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import DatabaseError, connection, transaction

from registry.models import (
    Disposal,
    DisposalDecision,
    Document,
    DocumentType,
    Entry,
    ImmutableRecordError,
    RegistryEvent,
    RetentionPlanRow,
)
from registry.services import disposal_carry_out, entry_annotate
from registry.tasks import disposals_check


def test_entry_register_fields_cannot_change_or_be_deleted(incoming):
    """ARK-1, TF-1: save() refuses a changed register field; delete() always refuses."""
    entry = Entry.objects.get(diary_number=incoming())
    entry.subject = "Något annat"
    with pytest.raises(ImmutableRecordError):
        entry.save()
    with pytest.raises(ImmutableRecordError):
        Entry.objects.get(pk=entry.pk).delete()
    document = entry.document
    document.text = "ändrad"
    with pytest.raises(ImmutableRecordError):
        document.save()
    with pytest.raises(ImmutableRecordError):
        document.delete()


@pytest.mark.postgres
def test_database_trigger_blocks_sql_updates_and_deletes(incoming):
    """ARK-1: on PostgreSQL even SQL past the ORM's guards (bulk UPDATE, raw DELETE) is
    refused by the triggers."""
    entry = Entry.objects.get(diary_number=incoming())
    with pytest.raises(DatabaseError), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).update(subject="x")
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM registry_document WHERE entry_id = %s", [entry.pk])
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE registry_registryevent SET reason = %s", ["x"])
    assert connection.vendor == "postgresql"
    assert Entry.objects.get(pk=entry.pk).subject.startswith("Fråga")


def test_correction_is_an_annotation_that_keeps_the_original(incoming, registrar, client):
    """ARK-1: a corrected subject shows on the web, the original stays stored and logged."""
    entry = Entry.objects.get(diary_number=incoming())
    entry_annotate(
        entry=entry,
        actor=registrar,
        field="subject",
        new_value="Fråga om vägunderhåll i Äppelbo",
        reason="Felskriven ärendemening",
    )
    entry.refresh_from_db()
    assert entry.subject == "Fråga till kommundelsträff i Äppelbo 2026-12-03"
    assert entry.current_subject == "Fråga om vägunderhåll i Äppelbo"
    assert "vägunderhåll" in client.get(entry.get_absolute_url()).content.decode()
    event = RegistryEvent.objects.get(action="entry_annotated")
    assert (event.actor, event.reason) == (registrar, "Felskriven ärendemening")


def test_admin_is_read_only_for_entries(incoming, admin_client):
    """ARK-1: the admin offers no change or delete of a registered entry."""
    entry = Entry.objects.get(diary_number=incoming())
    response = admin_client.post(f"/admin/registry/entry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 403
    assert Entry.objects.filter(pk=entry.pk).exists()


def test_every_document_type_maps_to_a_plan_row(db):
    """ARK-3: each document type the portal stores has a row in the dokumenthanteringsplan."""
    mapped = set(RetentionPlanRow.objects.values_list("document_type", flat=True))
    missing = set(DocumentType.values) - mapped
    assert not missing, f"document types without a plan row: {missing}"
    for required in [
        "comment",
        "question",
        "need",
        "youth_proposal",
        "visit_note",
        "request",
        "decision",
        "appeal",
        "moderation_record",
        "police_report_record",
        "accessibility_feedback",
    ]:
        assert required in DocumentType.values


@pytest.fixture
def decision(db):
    row = RetentionPlanRow.objects.get(document_type="telephone_note")
    dec = DisposalDecision.objects.create(
        body="Kommunstyrelsen",
        decided_on=date(2025, 1, 10),
        reference="KS 2025/0003",
        retention_years=2,
    )
    dec.plan_rows.add(row)
    return dec


def _telephone_note(received: datetime, ref: str) -> Entry:
    from registry.services import entry_register

    return entry_register(
        received_at=received,
        channel="telephone",
        document_type="telephone_note",
        subject="Telefonsamtal om snöröjning",
        text="Samtalsanteckning",
        source_ref=ref,
    )


def test_disposal_only_under_decision_and_logged(decision, registrar):
    """ARK-1, ARK-2, ARK-4: the periodic task lists what is due but deletes nothing; the
    registrar's run destroys only due documents, keeps the register entry and logs the
    decision it rests on."""
    old = _telephone_note(datetime(2020, 5, 4, 9, tzinfo=ZoneInfo("Europe/Stockholm")), "t1")
    new = _telephone_note(datetime(2026, 1, 4, 9, tzinfo=ZoneInfo("Europe/Stockholm")), "t2")
    summary = disposals_check()
    assert summary["KS 2025/0003"] == {"due": 1, "overdue": 1}
    assert Document.objects.filter(entry=old).exists()  # the task never deletes

    disposal = disposal_carry_out(decision=decision, actor=registrar)
    assert disposal.destroyed == [old.diary_number]
    assert not Document.objects.filter(entry=old).exists()
    assert Document.objects.filter(entry=new).exists()
    old.refresh_from_db()
    assert old.disposed_at is not None and old.disposal == disposal
    event = RegistryEvent.objects.get(action="document_disposed")
    assert event.entry == old and event.data["reference"] == "KS 2025/0003"
    with pytest.raises(ImmutableRecordError):
        Disposal.objects.get().delete()


def test_registrar_carries_out_disposal_from_staff_page(decision, registrar, client):
    """ARK-2: the staff page lists the due disposal and the registrar carries it out."""
    old = _telephone_note(datetime(2020, 5, 4, 9, tzinfo=ZoneInfo("Europe/Stockholm")), "t1")
    client.force_login(registrar)
    page = client.get("/personal/diarium/gallring/").content.decode()
    assert old.diary_number in page
    response = client.post(f"/personal/diarium/gallring/{decision.pk}/verkstall/")
    assert response.status_code == 302
    assert not Document.objects.filter(entry=old).exists()


def test_beat_schedule_has_the_disposal_check(settings):
    """ARK-2: the periodic listing is scheduled from the AppConfig."""
    assert settings.CELERY_BEAT_SCHEDULE["registry-disposals-due"]["task"] == (
        "registry.tasks.disposals_check"
    )


def test_secrecy_reason_codes_are_seeded_and_extendable(registrar):
    """OSL-12: the sekretessprövning offers 21:1, 21:3, 21:7, 26:1, 25 kap, 23 kap and 31:16
    as reason codes, and registrars may add more (the list is data, not code)."""
    from registry.models import SecrecyProvision

    codes = set(SecrecyProvision.objects.values_list("code", flat=True))
    assert {"21:1", "21:3", "21:7", "26:1", "25 kap", "23 kap", "31:16"} <= codes
    assert registrar.has_perm("registry.add_secrecyprovision")
    SecrecyProvision.objects.create(code="18:1", label="Förundersökning")
    assert SecrecyProvision.objects.filter(code="18:1").exists()
