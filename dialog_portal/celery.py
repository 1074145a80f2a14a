"""The Celery app. Tasks are discovered per app (`<app>/tasks.py`).

Without REDIS_URL, settings make every task run eagerly in process, so the demo needs no
broker. Tasks acknowledge late and are retried with backoff (see `PortalTask`); enqueue them
with `transaction.on_commit` so a rolled-back request leaves no orphan task.
"""

import os

from celery import Celery, Task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialog_portal.settings")


class PortalTask(Task):
    """Default task class: acks late, retries transient errors with exponential backoff."""

    acks_late = True
    autoretry_for = (ConnectionError, TimeoutError, OSError)
    retry_backoff = True
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 5


app = Celery("dialog_portal", task_cls=PortalTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
