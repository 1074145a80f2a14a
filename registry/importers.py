"""Parse comments exported from the municipality's social-media channels (CSV or JSON).

Registry never imports moderation, so this module only *parses*: it yields plain dicts. The
management command `import_social` belongs to moderation, which screens each comment and then
calls `registry.services.document_register_incoming(**registry_kwargs(row), ...)`.

Column mapping (CSV header or JSON object keys; the first name found wins):

| field          | accepted names                                  | notes                                   |
|----------------|--------------------------------------------------|-----------------------------------------|
| platform       | platform, source                                 | e.g. "facebook"; lower-cased            |
| external_id    | id, external_id, comment_id                      | the platform's id of the comment        |
| published_at   | published_at, created_time, timestamp, date      | ISO 8601; naive = Europe/Stockholm      |
| author_name    | author, author_name, from, name                  | may be empty                            |
| author_is_organisation | author_is_organisation, is_organisation  | "1/true/yes/ja" = organisation          |
| text           | text, message, body, comment                     | required                                |
| url            | url, permalink                                   | optional                                |
| in_reply_to    | in_reply_to, parent_id                           | optional                                |

TF-12: the arrival date is `published_at`, the moment the comment was published on the
platform, never the import date. `source_ref` = "social:<platform>:<external_id>", so a
re-import of the same file registers nothing twice (document_register_incoming is idempotent
on source_ref).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

COLUMNS: dict[str, tuple[str, ...]] = {
    "platform": ("platform", "source"),
    "external_id": ("id", "external_id", "comment_id"),
    "published_at": ("published_at", "created_time", "timestamp", "date"),
    "author_name": ("author", "author_name", "from", "name"),
    "author_is_organisation": ("author_is_organisation", "is_organisation"),
    "text": ("text", "message", "body", "comment"),
    "url": ("url", "permalink"),
    "in_reply_to": ("in_reply_to", "parent_id"),
}
TRUE = {"1", "true", "yes", "ja", "y"}


def _pick(raw: dict, field: str):
    for name in COLUMNS[field]:
        if name in raw and raw[name] not in (None, ""):
            return raw[name]
    return ""


def _when(value) -> datetime:
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, tz=timezone.get_default_timezone())
        parsed = parse_datetime(str(value).strip().replace("Z", "+00:00")) if value else None
    except (OverflowError, OSError, ValueError):  # e.g. 2026-02-30 or an absurd timestamp
        parsed = None
    if parsed is None:
        raise ValidationError(_("Unreadable publication time: %(v)s") % {"v": value})
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, timezone.get_default_timezone())
    return parsed


def _normalise(raw: dict, line: int) -> dict:
    platform = str(_pick(raw, "platform")).strip().lower()
    external_id = str(_pick(raw, "external_id")).strip()
    text = str(_pick(raw, "text"))
    if not platform or not external_id or not text.strip():
        raise ValidationError(
            _("Row %(line)d lacks platform, id or text.") % {"line": line}, code="row"
        )
    author = _pick(raw, "author_name")
    if isinstance(author, dict):  # Facebook's {"from": {"name": ...}}
        author = author.get("name", "")
    return {
        "platform": platform,
        "external_id": external_id,
        "source_ref": f"social:{platform}:{external_id}",
        "published_at": _when(_pick(raw, "published_at")),
        "author_name": str(author).strip(),
        "author_is_organisation": str(_pick(raw, "author_is_organisation")).strip().lower() in TRUE,
        "text": text,
        "url": str(_pick(raw, "url")).strip(),
        "in_reply_to": str(_pick(raw, "in_reply_to")).strip(),
        "channel": "social_media",
        "line": line,  # CSV: the line the row starts on; JSON: the comment's position
    }


def parse_social_file(path, *, fmt: str = "", errors: str = "raise") -> Iterator[dict]:
    """Yield one plain dict per comment in a CSV or JSON export (see the module docstring).

    JSON: a list of objects, or an object with the list under "comments" or "data".
    `fmt` ("csv" or "json") overrides the file name's suffix. Raises ValidationError
    (Swedish) on an unreadable file. A bad row raises too, unless `errors="collect"`: then it
    yields `{"error": ValidationError, "line": n}` for that row and goes on with the next
    (n: the CSV line the row starts on, header = line 1; in JSON the comment's position).
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt == "json":
        try:
            data = json.loads(path.read_text(encoding="utf-8-sig"))
        except (OSError, ValueError) as exc:
            raise ValidationError(_("The file is not valid JSON.")) from exc
        if isinstance(data, dict):
            data = data.get("comments") or data.get("data") or []
        if not isinstance(data, list):
            raise ValidationError(_("The JSON file holds no list of comments."))
        for number, raw in enumerate(data, start=1):
            yield _row_or_error(_normalise_object, raw, number, errors)
    elif fmt == "csv":
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            start = 2  # a quoted field may span lines: report the line the row starts on
            for raw in reader:
                number, start = start, reader.line_num + 1
                cells = {k.strip().lower(): v for k, v in raw.items() if k}
                yield _row_or_error(_normalise, cells, number, errors)
    else:
        raise ValidationError(_("Only .csv and .json files can be imported."))


def _normalise_object(raw, number: int) -> dict:
    if not isinstance(raw, dict):
        raise ValidationError(_("Row %(line)d is not an object.") % {"line": number}, code="row")
    return _normalise(raw, number)


def _row_or_error(normalise, raw, number: int, errors: str) -> dict:
    """One normalised row; with errors="collect" a bad row becomes an error item instead."""
    try:
        return normalise(raw, number)
    except ValidationError as exc:
        if errors != "collect":
            raise
        return {"error": exc, "line": number}


def registry_kwargs(row: dict, *, subject: str) -> dict:
    """The keyword arguments for document_register_incoming for one parsed row."""
    return {
        "source_ref": row["source_ref"],
        "received_at": row["published_at"],  # TF-12
        "channel": "social_media",
        "sender_name": row["author_name"],
        "sender_is_organisation": row["author_is_organisation"],
        "subject": subject,
        "text": row["text"],
    }
