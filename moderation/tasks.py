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
def contributions_register_pending_task() -> int:
    """Retry every contribution still waiting for registration (e.g. registry came later)."""
    from moderation.models import Contribution

    ids = list(
        Contribution.objects.filter(registration_state="to_register").values_list("pk", flat=True)
    )
    done = 0
    for pk in ids:
        if contribution_register_task(pk):
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
