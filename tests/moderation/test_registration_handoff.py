"""Reports and photo takedown requests are inkommen handlingar: each is handed to the
diarium on commit (RULE-5, RULE-7, TF-1), idempotently, and retried when the registry fails."""

from __future__ import annotations

import pytest

from moderation.models import AuditLogEntry, Contribution, PhotoTakedownRequest, Report
from moderation.tasks import contributions_register_pending_task, incoming_register_task
from registry.models import Entry

pytestmark = pytest.mark.django_db


def test_report_is_registered_as_incoming_handling(
    client, resident, published, django_capture_on_commit_callbacks
):
    """RULE-7, TF-1: an "Anmäl" report is registered in the diarium once stored: a neutral
    subject, the reporter's account name never sent (and never as an organisation), the
    reason and message as the text, and the diary number kept on the report. Registering
    again (the task re-run) returns the same number and adds nothing."""
    c = published("Ett inlägg som någon anmäler.")
    resident.first_name, resident.last_name = "Rut", "Rapportör"
    resident.save()
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(
            f"/bidrag/{c.pk}/anmal/", {"reason": "krankande", "message": "Det är elakt."}
        )
    assert r.status_code == 302
    report = Report.objects.get()
    assert report.registration_state == "registered" and report.registry_reference
    entry = Entry.objects.get(source_ref=f"moderation.report:{report.pk}")
    assert entry.diary_number == report.registry_reference
    assert entry.subject == "Anmälan av inlägg på portalen"
    assert entry.sender_is_organisation is False
    assert "Rapportör" not in entry.sender_name and resident.email not in entry.sender_name
    assert entry.channel == "portal" and entry.received_at == report.received_at
    assert "kränkande" in entry.document.text and "Det är elakt." in entry.document.text
    assert f"bidrag nr {c.pk}" in entry.document.text
    assert incoming_register_task("report", report.pk) == report.registry_reference
    assert Entry.objects.filter(source_ref__startswith="moderation.report:").count() == 1
    assert AuditLogEntry.objects.filter(action="report_registered").count() == 1


def test_takedown_request_is_registered_with_requester_as_person(
    client, published_photo, django_capture_on_commit_callbacks
):
    """RULE-5, TF-1: "Det här är jag – ta bort bilden" is registered as an inkommen handling
    with a subject that discloses nothing personal; the requester's name is the sender, a
    private person, never an organisation; personal data in the message is pre-marked."""
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/bidrag/{published_photo.pk}/ta-bort-bild/",
            {"name": "Kalle Karlsson", "message": "Det är jag, ring 070-123 45 67."},
        )
    request = PhotoTakedownRequest.objects.get()
    assert request.registration_state == "registered"
    entry = Entry.objects.get(source_ref=f"moderation.takedown:{request.pk}")
    assert entry.diary_number == request.registry_reference
    assert entry.subject == "Begäran om borttagning av bild"
    assert "Kalle" not in entry.subject
    assert entry.sender_name == "Kalle Karlsson" and entry.sender_is_organisation is False
    marked = [entry.document.text[s["start"] : s["end"]] for s in entry.document.pii_spans]
    assert any("070-123 45 67" in m for m in marked)


def test_failed_registration_stays_to_register_and_is_retried(
    client, published, settings, django_capture_on_commit_callbacks
):
    """RULE-7, TF-1: when the registry fails (here: a diary-number series it refuses), the
    report is kept with state "to_register"; the periodic retry task registers it later, and
    the retry is scheduled from the app's configuration."""
    c = published("Ett inlägg.")
    settings.REGISTRY_SERIES = "X" * 20  # longer than the registry accepts: it raises
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/bidrag/{c.pk}/anmal/", {"reason": "reklam"})
    report = Report.objects.get()
    assert report.registration_state == "to_register" and report.registry_reference == ""
    assert not Entry.objects.filter(source_ref=f"moderation.report:{report.pk}").exists()
    assert Report.objects.get().contribution.state == Contribution.State.PUBLISHED
    settings.REGISTRY_SERIES = "KS"
    assert contributions_register_pending_task() >= 1
    report.refresh_from_db()
    assert report.registration_state == "registered"
    assert report.registry_reference.startswith("KS ")
    assert (
        settings.CELERY_BEAT_SCHEDULE["moderation-register-pending"]["task"]
        == "moderation.tasks.contributions_register_pending_task"
    )


@pytest.mark.parametrize(
    ("kind", "document_type"),
    [("question", "question"), ("feedback", "comment"), ("proposal", "youth_proposal")],
)
def test_contribution_is_registered_with_the_plan_type_of_its_kind(
    submit, moderator, kind, document_type
):
    """ARK-3, TF-1: moderation names the dokumenthanteringsplan's document type for the kind of
    contribution instead of leaving the registry to guess it from the subject."""
    from moderation.services import contribution_approve, contribution_register

    c = contribution_approve(
        contribution=submit("Plogbilen kommer för sent i Äppelbo.", kind=kind), actor=moderator
    )
    c.refresh_from_db()
    if c.registration_state == "to_register":
        contribution_register(contribution=c)
    c.refresh_from_db()
    entry = Entry.objects.get(source_ref=f"moderation.contribution:{c.pk}")
    assert entry.document_type == document_type
    assert entry.diary_number == c.registry_reference


def test_report_joins_the_registered_contributions_case_with_type_report(
    client, resident, submit, moderator, published_photo, django_capture_on_commit_callbacks
):
    """RULE-7, RULE-5, OSL-7, ARK-3: a report on a registered contribution is registered as type
    "report" in the contribution's own ärende (the next löpnummer); a photo takedown request
    is registered as type "takedown_request"."""
    from moderation.services import contribution_approve, contribution_register

    c = contribution_approve(contribution=submit("Ett inlägg."), actor=moderator)
    c.refresh_from_db()
    if c.registration_state == "to_register":
        contribution_register(contribution=c)
    c.refresh_from_db()
    case_ref = c.registry_reference.rsplit("-", 1)[0]
    client.force_login(resident)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/bidrag/{c.pk}/anmal/", {"reason": "reklam"})
    report = Report.objects.get()
    entry = Entry.objects.get(source_ref=f"moderation.report:{report.pk}")
    assert entry.document_type == "report"
    assert entry.case.diary_number == case_ref
    assert report.registry_reference == f"{case_ref}-2"
    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/bidrag/{published_photo.pk}/ta-bort-bild/",
            {"name": "Kalle Karlsson", "message": "Det är jag."},
        )
    takedown = PhotoTakedownRequest.objects.get()
    entry = Entry.objects.get(source_ref=f"moderation.takedown:{takedown.pk}")
    assert entry.document_type == "takedown_request"
