"""Celery tasks of the moderation app. Each loads by id, stops when done, and calls a service.

Neither task ever publishes anything: registration only hands on what a moderator decided,
and re-screening only marks contributions for review.
"""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def contribution_register_task(contribution_id: int) -> str:
    """Register one contribution in the diarium; safe to run again (idempotent on source_ref)."""
    from moderation.models import Contribution
    from moderation.services import contribution_register

    contribution = Contribution.objects.filter(pk=contribution_id).first()
    if contribution is None or contribution.registration_state != "to_register":
        return contribution.registry_reference if contribution else ""
    return contribution_register(contribution=contribution)


@shared_task(acks_late=True)
def incoming_register_task(kind: str, pk: int) -> str:
    """Register one report ("report") or photo takedown request ("takedown") in the diarium
    as an inkommen handling (RULE-5, RULE-7); idempotent on its source_ref."""
    from moderation.models import PhotoTakedownRequest, Report
    from moderation.services import incoming_register

    model = {"report": Report, "takedown": PhotoTakedownRequest}[kind]
    record = model.objects.select_related("contribution").filter(pk=pk).first()
    if record is None:
        return ""
    return incoming_register(record=record)


@shared_task(acks_late=True)
def contributions_register_pending_task() -> int:
    """Retry everything still waiting for registration (e.g. the registry failed or came
    later): contributions, reports and photo takedown requests."""
    from moderation.models import Contribution, PhotoTakedownRequest, Report

    done = 0
    for pk in Contribution.objects.filter(registration_state="to_register").values_list(
        "pk", flat=True
    ):
        if contribution_register_task(pk):
            done += 1
    for kind, model in (("report", Report), ("takedown", PhotoTakedownRequest)):
        for pk in model.objects.filter(registration_state="to_register").values_list(
            "pk", flat=True
        ):
            if incoming_register_task(kind, pk):
                done += 1
    return done


@shared_task(acks_late=True)
def contributions_rescreen_task() -> int:
    """Re-screen every stored contribution screened under an older RULES_VERSION.

    Never publishes: a contribution whose verdict got stricter is only marked for review.
    """
    from moderation.models import Contribution
    from moderation.screening import RULES_VERSION
    from moderation.services import contribution_rescreen

    ids = list(
        Contribution.objects.exclude(rules_version=RULES_VERSION)
        .filter(quarantined=False)
        .values_list("pk", flat=True)
    )
    changed = 0
    for pk in ids:
        if contribution_rescreen(contribution=Contribution(pk=pk)):
            changed += 1
    return changed


@shared_task(acks_late=True)
def pending_photos_purge_task() -> int:
    """Delete photos kept across the warning step for more than an hour (never sent)."""
    from moderation.photos import pending_photos_purge

    return pending_photos_purge()
