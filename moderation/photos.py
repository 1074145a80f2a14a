"""Photo uploads: only real images within size and pixel limits, re-encoded without EXIF/GPS."""

from __future__ import annotations

import io
import uuid
import warnings
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "png", "MPO": "jpg"}
MAX_EDGE = 2400  # pixels on the longest side after re-encoding


def max_bytes() -> int:
    return getattr(settings, "MODERATION_PHOTO_MAX_BYTES", 5 * 1024 * 1024)


def max_pixels() -> int:
    return getattr(settings, "MODERATION_PHOTO_MAX_PIXELS", 40_000_000)


def photo_clean(upload) -> ContentFile:
    """Validate and re-encode an uploaded photo; raise ValidationError in plain Swedish.

    Re-encoding copies pixels only, so EXIF (including GPS position) is gone. A decompression
    bomb (more pixels than MODERATION_PHOTO_MAX_PIXELS) is refused before it is decoded.
    """
    if upload.size > max_bytes():
        raise ValidationError(
            _("The photo is too large: at most %(mb)s MB.") % {"mb": max_bytes() // (1024 * 1024)},
            code="too_large",
        )
    bomb = _(
        "The image has too many pixels (at most %(mp)s megapixels) and cannot be accepted."
    ) % {"mp": max_pixels() // 1_000_000}
    Image.MAX_IMAGE_PIXELS = max_pixels()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            image = Image.open(upload)
            if image.format not in ALLOWED_FORMATS:
                raise ValidationError(_("Only JPEG, PNG, WebP or GIF images can be uploaded."))
            width, height = image.size
            if width * height > max_pixels():
                raise ValidationError(bomb, code="too_many_pixels")
            image.load()
            image = ImageOps.exif_transpose(image)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(bomb, code="too_many_pixels") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise ValidationError(
            _("The file is not an image we can read. Upload a JPEG, PNG, WebP or GIF photo."),
            code="not_image",
        ) from exc
    fmt = image.format or "JPEG"
    if image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    image.thumbnail((MAX_EDGE, MAX_EDGE))
    image.info = {}  # no EXIF, XMP, ICC text or comments are carried over
    out = io.BytesIO()
    if fmt in ("JPEG", "MPO") and image.mode in ("RGB", "L"):
        image.save(out, format="JPEG", quality=88, optimize=True)
        ext = "jpg"
    else:
        image.save(out, format="PNG", optimize=True)
        ext = "png"
    return ContentFile(out.getvalue(), name=f"{uuid.uuid4().hex}.{ext}")


# --- pending uploads: a photo kept across the warning step ------------------------------------
PENDING_DIR = "pending"
PENDING_SALT = "moderation.pending-photo"
PENDING_MAX_AGE = timedelta(hours=1)


def pending_photo_store(photo: ContentFile) -> str:
    """Keep an already cleaned photo (re-encoded, no EXIF) while the resident decides on the
    warning; return a signed token for a hidden field. Kept at most PENDING_MAX_AGE."""
    ext = photo.name.rsplit(".", 1)[-1] if "." in (photo.name or "") else "jpg"
    photo.seek(0)
    name = default_storage.save(f"{PENDING_DIR}/{uuid.uuid4().hex}.{ext}", photo)
    return signing.dumps(name, salt=PENDING_SALT)


def _pending_name(token: str) -> str:
    try:
        name = signing.loads(token, salt=PENDING_SALT, max_age=PENDING_MAX_AGE.total_seconds())
    except signing.SignatureExpired as exc:
        raise ValidationError(_EXPIRED, code="pending_expired") from exc
    except signing.BadSignature as exc:
        raise ValidationError(_("Choose a photo to upload."), code="pending_invalid") from exc
    if not isinstance(name, str) or not name.startswith(f"{PENDING_DIR}/") or ".." in name:
        raise ValidationError(_("Choose a photo to upload."), code="pending_invalid")
    return name


_EXPIRED = gettext_lazy(
    "The photo you chose is kept for one hour only and has expired. Choose it again."
)


def pending_photo_load(token: str) -> ContentFile:
    """The photo kept under `token`; ValidationError (Swedish) when expired or unknown."""
    name = _pending_name(token)
    if not default_storage.exists(name):
        raise ValidationError(_EXPIRED, code="pending_expired")
    with default_storage.open(name, "rb") as fh:
        return ContentFile(fh.read(), name=name.rsplit("/", 1)[-1])


def pending_photo_discard(token: str) -> None:
    """Delete a kept photo once it is stored with its contribution (or withdrawn)."""
    try:
        default_storage.delete(_pending_name(token))
    except ValidationError:
        pass


def pending_photos_purge(*, now=None) -> int:
    """Delete kept photos older than PENDING_MAX_AGE (run periodically); returns how many."""
    now = now or timezone.now()
    try:
        _dirs, files = default_storage.listdir(PENDING_DIR)
    except FileNotFoundError:
        return 0
    removed = 0
    for filename in files:
        name = f"{PENDING_DIR}/{filename}"
        if now - default_storage.get_modified_time(name) > PENDING_MAX_AGE:
            default_storage.delete(name)
            removed += 1
    return removed
