"""A photo is kept through the warning step (RULE-1, RULE-4): the resident who chooses
"Skicka ändå" does not have to choose the file again; kept files expire after an hour."""

from __future__ import annotations

import io
import os
import re
import time

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from moderation.models import Contribution

from .conftest import PNR, image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _check(client, topic, **extra):
    """The first "Skicka" with a caption that triggers the warning."""
    data = {
        "text": f"Här är jag, mitt personnummer är {PNR}",
        "display_name": "Anna",
        "step": "check",
        "photo": SimpleUploadedFile("bild.jpg", image_bytes(exif_gps=True), "image/jpeg"),
        "photo_consent": "on",
        **extra,
    }
    return client.post(f"/synpunkter/{topic.slug}/bild/", data)


def _token(html: str) -> str:
    match = re.search(r'name="pending_photo" value="([^"]+)"', html)
    assert match, "the kept photo's token is in a hidden field"
    return match.group(1)


def _pending_files(tmp_path) -> list[str]:
    folder = tmp_path / "pending"
    return sorted(os.listdir(folder)) if folder.exists() else []


def test_post_anyway_keeps_the_photo_without_choosing_it_again(client, topic, tmp_path):
    """RULE-1, RULE-4: when the caption triggers the warning, the photo already chosen is
    kept (cleaned: no EXIF/GPS) and "Skicka ändå" stores it without a new file; the kept
    copy is then deleted."""
    r = _check(client, topic)
    html = r.content.decode()
    assert r.status_code == 200 and "screening-warning" in html
    assert "Bilden du valde finns kvar" in html
    assert not Contribution.objects.exists()
    kept = _pending_files(tmp_path)
    assert len(kept) == 1
    kept_image = Image.open(tmp_path / "pending" / kept[0])
    assert not kept_image.getexif()  # stored already re-encoded, without GPS
    r = client.post(
        f"/synpunkter/{topic.slug}/bild/",
        {
            "text": f"Här är jag, mitt personnummer är {PNR}",
            "display_name": "Anna",
            "photo_consent": "on",
            "pending_photo": _token(html),
            "step": "post",
        },
    )
    assert r.status_code == 302
    c = Contribution.objects.get()
    assert c.kind == "photo" and c.photo and c.posted_anyway
    with c.photo.open("rb") as fh:
        assert not Image.open(io.BytesIO(fh.read())).getexif()
    assert _pending_files(tmp_path) == []


def test_edit_step_keeps_the_photo_too(client, topic, tmp_path):
    """RULE-1: "Ändra" returns the form for editing with the photo still kept; sending the
    edited, clean caption stores the photo."""
    html = _check(client, topic).content.decode()
    r = client.post(
        f"/synpunkter/{topic.slug}/bild/",
        {"text": "x", "photo_consent": "on", "pending_photo": _token(html), "step": "edit"},
    )
    token = _token(r.content.decode())
    r = client.post(
        f"/synpunkter/{topic.slug}/bild/",
        {"text": "Snövallen vid skolan", "photo_consent": "on", "pending_photo": token},
    )
    assert r.status_code == 302 and Contribution.objects.get().photo


def test_withdraw_deletes_the_kept_photo(client, topic, tmp_path):
    """RULE-1: "Dra tillbaka" stores nothing, and the kept photo is deleted at once."""
    html = _check(client, topic).content.decode()
    r = client.post(
        f"/synpunkter/{topic.slug}/bild/", {"pending_photo": _token(html), "step": "withdraw"}
    )
    assert r.status_code == 302
    assert not Contribution.objects.exists() and _pending_files(tmp_path) == []


def test_kept_photo_expires_and_is_purged(client, topic, tmp_path, settings):
    """RULE-4: a kept photo lives an hour: the periodic task (scheduled from the app) deletes
    older ones, and a late "Skicka ändå" then asks in Swedish for the photo again and stores
    nothing. A forged token is refused the same way."""
    from moderation.tasks import pending_photos_purge_task

    html = _check(client, topic).content.decode()
    _check(client, topic)  # a second, fresh one that must survive
    old, fresh = (tmp_path / "pending" / name for name in _pending_files(tmp_path))
    token = _token(html)
    kept_name = signing.loads(token, salt="moderation.pending-photo").rsplit("/", 1)[-1]
    old, fresh = (old, fresh) if old.name == kept_name else (fresh, old)
    two_hours_ago = time.time() - 7200
    os.utime(old, (two_hours_ago, two_hours_ago))
    assert pending_photos_purge_task() == 1
    assert _pending_files(tmp_path) == [fresh.name]
    post = {"text": "Snövallen", "photo_consent": "on", "step": "post"}
    r = client.post(f"/synpunkter/{topic.slug}/bild/", {**post, "pending_photo": token})
    assert r.status_code == 200
    assert "har gått ut" in r.content.decode()
    r = client.post(f"/synpunkter/{topic.slug}/bild/", {**post, "pending_photo": "forged:token"})
    assert r.status_code == 200 and "Välj en bild" in r.content.decode()
    assert not Contribution.objects.exists()
    schedule = settings.CELERY_BEAT_SCHEDULE["moderation-purge-pending-photos"]
    assert schedule["task"] == "moderation.tasks.pending_photos_purge_task"
