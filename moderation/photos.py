"""Photo uploads: only real images within size and pixel limits, re-encoded without EXIF/GPS."""

from __future__ import annotations

import io
import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
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
