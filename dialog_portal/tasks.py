"""Tasks of the portal core."""

from celery import shared_task


@shared_task(name="dialog_portal.ping")
def ping() -> str:
    """Answer "pong": shows that a worker takes tasks from the broker (monitoring, tests)."""
    return "pong"
