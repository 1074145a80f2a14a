"""Celery (issue item 7): discovery, late acks with retries, eager without Redis, a real
worker with Redis, and nothing sent from a rolled-back transaction."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from django.db import transaction

from .conftest import ROOT, minimal_env


def test_tasks_are_discovered_per_app():
    """Each app's tasks.py is discovered: the core's ping task is registered by name."""
    from dialog_portal.celery import app

    app.loader.import_default_modules()
    assert "dialog_portal.ping" in app.tasks


def test_tasks_ack_late_and_retry_with_backoff():
    """Tasks acknowledge late (a crashed worker's task is redelivered) and retry transient
    errors with exponential backoff and jitter, a bounded number of times."""
    from dialog_portal.celery import PortalTask, app
    from dialog_portal.tasks import ping

    assert isinstance(ping, PortalTask)
    assert ping.acks_late is True
    assert ping.retry_backoff is True and ping.retry_jitter is True
    assert ping.max_retries == 5
    assert ConnectionError in ping.autoretry_for
    assert app.conf.task_acks_late is True
    assert app.conf.task_reject_on_worker_lost is True
    assert app.conf.worker_prefetch_multiplier == 1


def test_ping_runs_eagerly_without_redis(settings):
    """Without REDIS_URL (the demo) a task runs in process: delay() returns its result."""
    from dialog_portal.celery import app
    from dialog_portal.tasks import ping

    app.conf.task_always_eager = True
    try:
        assert ping.delay().get(timeout=5) == "pong"
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER


@pytest.mark.django_db
def test_task_enqueued_in_rolled_back_transaction_is_never_sent(
    django_capture_on_commit_callbacks,
):
    """A task is enqueued with transaction.on_commit: when the transaction rolls back, the
    callback never runs, so no task for vanished rows is sent."""
    from dialog_portal.tasks import ping

    sent: list[str] = []

    def enqueue():
        sent.append(ping.delay().id)

    class Rollback(Exception):
        pass

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(Rollback), transaction.atomic():
            transaction.on_commit(enqueue)
            raise Rollback
    assert callbacks == []
    assert sent == []

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        with transaction.atomic():
            transaction.on_commit(enqueue)
    assert len(callbacks) == 1  # committed: the task would be sent


@pytest.mark.redis
def test_ping_through_a_real_worker(settings, tmp_path):
    """With Redis a task travels through the broker to a separate worker process and its
    result comes back."""
    from celery import Celery

    env = minimal_env(tmp_path, DEBUG="1", REDIS_URL=settings.REDIS_URL)
    queue = f"test-{os.getpid()}-{time.monotonic_ns()}"  # our own queue: no other worker
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "dialog_portal",
            "worker",
            "--pool",
            "solo",
            "--concurrency",
            "1",
            "--queues",
            queue,
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--loglevel",
            "WARNING",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    client = Celery("client", broker=settings.REDIS_URL, backend=settings.REDIS_URL)
    try:
        result = client.send_task("dialog_portal.ping", queue=queue)
        assert result.get(timeout=60) == "pong"
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
        client.close()
