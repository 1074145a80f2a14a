"""Batch contract of ``screen_text``: the pure function and the management command."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from moderation.screening.batch import run, screen_lines

GOOD = {"id": "k-1", "text": "Ring mig på 070-123 45 67, du är en idiot"}


def test_contract_for_a_good_line():
    """GDPR-4, RULE-3: one output per input with exactly id, pii (type/start/end/value),
    flags and action; value equals text[start:end]."""
    [out] = list(screen_lines([json.dumps(GOOD)]))
    assert list(out) == ["id", "pii", "flags", "action"]
    assert out["id"] == "k-1"
    assert out["pii"] == [{"type": "phone", "start": 12, "end": 25, "value": "070-123 45 67"}]
    assert GOOD["text"][12:25] == "070-123 45 67"
    assert out["flags"] == ["insult"]
    assert out["action"] == "block"


def test_malformed_lines_give_errors_and_processing_goes_on():
    """TF-2: every input line is accounted for; malformed lines get a Swedish error with the
    id (when readable) and line number, and later lines are still screened."""
    lines = [
        "{not json",
        json.dumps({"id": 7}),
        json.dumps({"id": 8, "text": 12}),
        json.dumps(["a list"]),
        json.dumps({"id": {"nested": 1}, "text": "x"}),
        "   ",
        json.dumps({"id": 9, "text": "Tack för mötet!"}),
    ]
    out = list(screen_lines(lines))
    assert [o.get("line") for o in out] == [1, 2, 3, 4, 5, None]
    assert out[0] == {"id": None, "line": 1, "error": out[0]["error"]}
    assert out[0]["error"].startswith("Ogiltig JSON")
    assert out[1] == {"id": 7, "line": 2, "error": 'Fältet "text" saknas.'}
    assert out[2] == {"id": 8, "line": 3, "error": 'Fältet "text" måste vara en sträng.'}
    assert out[3]["id"] is None and "JSON-objekt" in out[3]["error"]
    assert out[4]["id"] is None and "id" in out[4]["error"]
    assert out[5] == {"id": 9, "pii": [], "flags": [], "action": "publish"}


def test_bytes_and_bad_utf8():
    """TF-2: byte lines are decoded as UTF-8; undecodable lines are reported, not fatal."""
    out = list(screen_lines([json.dumps(GOOD).encode(), b"\xff\xfe{", b'{"id":1,"text":"ok"}']))
    assert out[0]["id"] == "k-1"
    assert out[1] == {"id": None, "line": 2, "error": "Raden är inte giltig UTF-8."}
    assert out[2]["action"] == "publish"


def test_streams_without_holding_input():
    """Batch: 100,000 lines are processed from a generator, one at a time, in order."""
    produced = 0

    def gen():
        nonlocal produced
        for k in range(100_000):
            produced += 1
            yield f'{{"id": {k}, "text": "Hej {k}"}}'

    it = screen_lines(gen())
    first = next(it)
    assert first["id"] == 0 and produced == 1  # lazily consumed
    ids = [first["id"]] + [o["id"] for o in it]
    assert ids == list(range(100_000))


def test_run_writes_json_lines_even_with_lone_surrogates():
    """Batch: output is valid JSON per line; a lone surrogate in input cannot break output."""
    src = io.StringIO('{"id": 1, "text": "a\\ud800b 070-123 45 67"}\n{"id": 2, "text": "x"}\n')
    dst = io.StringIO()
    written, errors = run(src, dst)
    lines = dst.getvalue().splitlines()
    assert (written, errors, len(lines)) == (2, 0, 2)
    first = json.loads(lines[0])
    assert first["pii"][0]["value"] == "070-123 45 67"


@pytest.mark.django_db(databases=[])
def test_management_command_reads_file_and_stdin(tmp_path):
    """TF-2, GDPR-4: `manage.py screen_text FILE` and stdin both write one contract line per
    input line, in order, errors included."""
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(GOOD) + "\nbroken\n", encoding="utf-8")
    out = io.StringIO()
    err = io.StringIO()
    call_command("screen_text", str(path), stdout=out, stderr=err)
    lines = [json.loads(x) for x in out.getvalue().splitlines()]
    assert lines[0]["pii"][0]["value"] == "070-123 45 67"
    assert lines[1]["line"] == 2 and "error" in lines[1]
    assert "1 felaktiga" in err.getvalue()

    out = io.StringIO()
    call_command("screen_text", stdin=io.StringIO(json.dumps(GOOD) + "\n"), stdout=out)
    assert json.loads(out.getvalue())["flags"] == ["insult"]
