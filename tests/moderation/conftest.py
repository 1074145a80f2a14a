"""Fixtures for the moderation tests: a feedback topic, contributions and test images."""

from __future__ import annotations

import io

import pytest
from PIL import Image

PNR = "19121212-1212"  # Skatteverket's published test personnummer (valid Luhn)


@pytest.fixture(autouse=True)
def _eager_tasks():
    """Run the moderation tasks in process even when REDIS_URL points at a broker: the tests
    check what the tasks do (registration, mail), not the broker."""
    from dialog_portal.celery import app

    before = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = before


@pytest.fixture
def topic(db):
    from moderation.models import FeedbackTopic

    return FeedbackTopic.objects.create(name="Snöröjning", slug="snorojning")


@pytest.fixture
def submit(topic):
    """Hand a contribution to moderation through the one entry point."""
    from moderation.services import contribution_submit

    def make(text: str = "Plogbilen kommer för sent i Äppelbo.", **extra):
        extra.setdefault("target", topic)
        extra.setdefault("kind", "feedback")
        return contribution_submit(text=text, **extra)

    return make


@pytest.fixture
def published(submit, moderator):
    from moderation.services import contribution_approve

    def make(text: str = "Plogbilen kommer för sent i Äppelbo.", **extra):
        contribution = submit(text, **extra)
        return contribution_approve(contribution=contribution, actor=moderator)

    return make


@pytest.fixture
def published_photo(topic, moderator, settings, tmp_path):
    """A published photo contribution (stored through the one entry point), media in tmp."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from moderation.services import contribution_approve, contribution_submit

    settings.MEDIA_ROOT = tmp_path
    c = contribution_submit(
        target=topic,
        kind="photo",
        text="Snövallen",
        photo=SimpleUploadedFile("b.jpg", image_bytes()),
        photo_consent=True,
    )
    return contribution_approve(contribution=c, actor=moderator)


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def image_bytes(fmt: str = "JPEG", size=(64, 48), exif_gps: bool = False) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    kwargs = {}
    if exif_gps:
        exif = Image.Exif()
        exif[0x010F] = "TestCamera"  # Make
        exif[0x8825] = {1: "N", 2: (60.0, 30.0, 0.0), 3: "E", 4: (14.0, 13.0, 0.0)}  # GPS IFD
        kwargs["exif"] = exif
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()
