"""Social-media import parsing (TF-12) and the idempotent demo loader."""

from __future__ import annotations

import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from registry.importers import parse_social_file, registry_kwargs
from registry.models import DocumentRequest, Entry
from registry.services import document_register_incoming

CSV = """platform,id,published_at,author,text,url
Facebook,10001,2026-02-14T18:30:00+01:00,Anna A,Bra initiativ med träffen!,https://fb.example/1
facebook,10002,2026-02-15 09:05,Vansbro IF,Vi kommer gärna.,
"""


def test_csv_and_json_parse_to_plain_dicts(tmp_path):
    """TF-12: the arrival date is when the comment was published on the platform."""
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    rows = list(parse_social_file(path))
    assert [r["source_ref"] for r in rows] == ["social:facebook:10001", "social:facebook:10002"]
    assert rows[0]["published_at"] == datetime(
        2026, 2, 14, 18, 30, tzinfo=ZoneInfo("Europe/Stockholm")
    )
    assert rows[1]["published_at"].tzinfo is not None
    jpath = tmp_path / "export.json"
    jpath.write_text(
        json.dumps(
            {
                "data": [
                    {
                        "source": "instagram",
                        "comment_id": "9",
                        "created_time": "2026-02-01T10:00:00Z",
                        "from": {"name": "B"},
                        "message": "Hej",
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    (row,) = list(parse_social_file(jpath))
    assert row["author_name"] == "B" and row["platform"] == "instagram"


def test_bad_rows_raise_swedish_validation_error(tmp_path):
    """Errors to users are clear Swedish messages, not crashes."""
    path = tmp_path / "bad.csv"
    path.write_text("platform,id,text\nfacebook,,hej\n", encoding="utf-8")
    with pytest.raises(ValidationError) as exc:
        list(parse_social_file(path))
    assert "saknar" in exc.value.messages[0]


def test_reimport_registers_nothing_twice(tmp_path, db):
    """TF-12: registering the same file twice is idempotent on platform + external id, and the
    arrival date is the publication time, not the import time."""
    path = tmp_path / "export.csv"
    path.write_text(CSV, encoding="utf-8")
    for _ in range(2):
        for row in parse_social_file(path):
            document_register_incoming(**registry_kwargs(row, subject="Kommentar på Facebook"))
    assert Entry.objects.count() == 2
    first = Entry.objects.get(source_ref="social:facebook:10001")
    assert first.received_at == datetime(2026, 2, 14, 18, 30, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert first.channel == "social_media"


def test_demo_loader_is_idempotent(db):
    """The demo loads letters, a telephone note, a secret entry and one waiting request, once."""
    from registry import demo

    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    assert Entry.objects.filter(source_ref__startswith="demo:").count() == 3
    assert Entry.objects.filter(secrecy_provision__code="26:1").count() == 1
    assert DocumentRequest.objects.filter(state="open").count() == 1
