"""Batch screening of JSON lines: the logic behind ``manage.py screen_text``, without Django.

Input: one JSON object per line, ``{"id": ..., "text": ...}``. Output, one dict per input
line and in the same order: the contract ``{"id", "pii", "flags", "action"}``, or for a
malformed line ``{"id": <id or None>, "line": n, "error": "<Swedish message>"}``. Lines
holding only whitespace are skipped. Works as a stream: nothing is held beyond one line.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import IO

from .results import ScreeningResult

_JSON_SCALARS = (str, int, float, bool, type(None))


def _error(id_: object, line: int, message: str) -> dict:
    return {"id": id_, "line": line, "error": message}


def screen_lines(
    lines: Iterable[str | bytes],
    screen: Callable[[str], ScreeningResult] | None = None,
) -> Iterator[dict]:
    """Yield one contract dict (or error dict) per non-blank input line, in order."""
    if screen is None:
        from . import screen as _default_screen

        screen = _default_screen
    for lineno, raw in enumerate(lines, 1):
        if isinstance(raw, bytes):
            try:
                raw = raw.decode("utf-8")
            except UnicodeDecodeError:
                yield _error(None, lineno, "Raden är inte giltig UTF-8.")
                continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield _error(None, lineno, f"Ogiltig JSON (fel vid tecken {exc.pos + 1}).")
            continue
        except RecursionError:
            yield _error(None, lineno, "Ogiltig JSON (för djupt nästlad).")
            continue
        if not isinstance(obj, dict):
            yield _error(None, lineno, 'Raden måste vara ett JSON-objekt med "id" och "text".')
            continue
        id_ = obj.get("id")
        if not isinstance(id_, _JSON_SCALARS):
            yield _error(None, lineno, 'Fältet "id" måste vara en sträng, ett tal eller null.')
            continue
        if "text" not in obj:
            yield _error(id_, lineno, 'Fältet "text" saknas.')
            continue
        text = obj["text"]
        if not isinstance(text, str):
            yield _error(id_, lineno, 'Fältet "text" måste vara en sträng.')
            continue
        yield screen(text).to_contract(id_)


def dump_line(record: dict) -> str:
    """One output line (no newline). Falls back to ASCII escapes for lone surrogates."""
    try:
        out = json.dumps(record, ensure_ascii=False)
        out.encode("utf-8")
        return out
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True)


def run(infile: IO[str], outfile: IO[str], flush_every: int = 1000) -> tuple[int, int]:
    """Stream ``infile`` to ``outfile``; returns ``(records written, errors)``."""
    written = errors = 0
    for record in screen_lines(infile):
        outfile.write(dump_line(record))
        outfile.write("\n")
        written += 1
        if "error" in record:
            errors += 1
        if written % flush_every == 0:
            outfile.flush()
    outfile.flush()
    return written, errors
