"""Periodic registry tasks. They report; they never destroy (ARK-1, ARK-2)."""

from __future__ import annotations

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def disposals_check() -> dict:
    """List what is due and overdue for gallring; a registrar carries it out. Idempotent."""
    from registry.selectors import disposals_overview

    summary = {}
    for row in disposals_overview():
        summary[row["decision"].reference] = {
            "due": len(row["due"]),
            "overdue": len(row["overdue"]),
        }
        if row["due"]:
            logger.warning(
                "Gallring due under %s: %d documents (%d overdue)",
                row["decision"].reference,
                len(row["due"]),
                len(row["overdue"]),
            )
    return summary
