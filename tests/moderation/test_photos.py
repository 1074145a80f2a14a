"""Photo uploads (RULE-4) and takedown requests (RULE-5, GDPR-7) through HTTP."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from moderation.models import Contribution, PhotoTakedownRequest

from .conftest import image_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _upload(client, topic, content: bytes, name="bild.jpg", **extra):
    data = {
        "text": "Snövallen vid skolan",
        "display_name": "Anna",
        "step": "check",
        "photo": SimpleUploadedFile(name, content, content_type="image/jpeg"),
        "photo_consent": "on",
        **extra,
    }
    return client.post(f"/synpunkter/{topic.slug}/bild/", data)


def test_photo_upload_strips_exif_and_gps(client, topic):
    """RULE-4: a photo is stored only re-encoded, with no EXIF or GPS data."""
    original = image_bytes(exif_gps=True)
    assert Image.open(io.BytesIO(original)).getexif().get(0x8825) is not None
    response = _upload(client, topic, original)
    assert response.status_code == 302
    c = Contribution.objects.get()
    assert c.kind == "photo" and c.state == "pending"
    with c.photo.open("rb") as fh:
        stored = Image.open(io.BytesIO(fh.read()))
    assert not stored.getexif()
    assert "exif" not in stored.info


def test_photo_needs_consent(client, topic):
    """RULE-4: without the consent statement nothing is stored."""
    response = _upload(client, topic, image_bytes(), photo_consent="")
    assert response.status_code == 200
    assert not Contribution.objects.exists()


def test_child_needs_guardian_consent(client, topic):
    """RULE-4: a child under 15 pictured needs the separate guardian-consent statement."""
    _upload(client, topic, image_bytes(), child_pictured="on")
    assert not Contribution.objects.exists()
    _upload(client, topic, image_bytes(), child_pictured="on", guardian_consent="on")
    assert Contribution.objects.get().guardian_consent


def test_non_image_is_refused(client, topic):
    """A file that is not an image is refused with a clear Swedish message."""
    response = _upload(client, topic, b"%PDF-1.4 not an image", name="bild.jpg")
    assert "inte en bild" in response.content.decode()
    assert not Contribution.objects.exists()


def test_oversized_file_is_refused(client, topic, settings):
    """An upload over MODERATION_PHOTO_MAX_BYTES is refused."""
    settings.MODERATION_PHOTO_MAX_BYTES = 1000
    response = _upload(client, topic, image_bytes(size=(400, 400)) + b"\0" * 2000)
    assert "för stor" in response.content.decode()
    assert not Contribution.objects.exists()


def test_decompression_bomb_is_refused(client, topic, settings):
    """A decompression bomb (more pixels than allowed) is refused with a Swedish message."""
    settings.MODERATION_PHOTO_MAX_PIXELS = 10_000
    bomb = image_bytes(fmt="PNG", size=(2000, 2000))  # small file, 4 megapixels
    response = _upload(client, topic, bomb, name="bomb.png")
    assert "för många bildpunkter" in response.content.decode()
    assert not Contribution.objects.exists()


def test_real_decompression_bomb_error_is_caught(topic, settings):
    """Pillow's DecompressionBombError itself is turned into a ValidationError."""
    from django.core.exceptions import ValidationError

    from moderation.photos import photo_clean

    settings.MODERATION_PHOTO_MAX_PIXELS = 100
    upload = SimpleUploadedFile("b.png", image_bytes(fmt="PNG", size=(300, 300)))
    with pytest.raises(ValidationError):
        photo_clean(upload)


def test_takedown_hides_at_once_and_confirms(
    client, topic, moderator, django_capture_on_commit_callbacks
):
    """RULE-5, GDPR-7: "Det här är jag" takes the photo off public view at once, queues the
    request, confirms by e-mail, and the photo address answers 404 afterwards."""
    from moderation.services import contribution_approve

    _upload(client, topic, image_bytes())
    c = Contribution.objects.get()
    contribution_approve(contribution=c, actor=moderator)
    page = client.get(topic.get_absolute_url()).content.decode()
    assert f"/bidrag/{c.pk}/bild/" in page and f"/bidrag/{c.pk}/ta-bort-bild/" in page
    assert client.get(f"/bidrag/{c.pk}/bild/").status_code == 200
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/bidrag/{c.pk}/ta-bort-bild/", {"email": "jag@example.se"})
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.state == "hidden" and c.hidden_cause == "takedown"
    assert client.get(f"/bidrag/{c.pk}/bild/").status_code == 404
    assert [m.to for m in mail.outbox] == [["jag@example.se"]]
    request = PhotoTakedownRequest.objects.get()
    client.force_login(moderator)
    assert (
        f"/personal/moderering/bildborttagning/{request.pk}/"
        in client.get("/personal/moderering/").content.decode()
    )
    client.post(f"/personal/moderering/bildborttagning/{request.pk}/", {"decision": "remove"})
    c.refresh_from_db()
    request.refresh_from_db()
    assert c.state == "removed" and request.outcome == "removed"
