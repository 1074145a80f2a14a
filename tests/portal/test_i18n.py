"""Swedish first (issue item 3): complete translations, the language switch, Swedish dates
and numbers."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.template import engines
from django.utils import translation

from .conftest import ROOT

SKIP_DIRS = {".venv", "var", "node_modules", ".git"}


def _sv_po_files() -> list[Path]:
    return sorted(
        p
        for p in ROOT.glob("**/locale/sv/LC_MESSAGES/django.po")
        if not SKIP_DIRS & set(p.relative_to(ROOT).parts)
    )


def _entries(path: Path) -> list[dict]:
    """A small .po reader: each entry's flags, msgid and msgstr(s), strings joined."""
    entries, current, field = [], None, None

    def unquote(line: str) -> str:
        return line[line.index('"') + 1 : line.rindex('"')]

    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if current is not None:
                entries.append(current)
            current, field = None, None
            continue
        if current is None:
            current = {"flags": set(), "msgid": "", "msgstr": {}, "obsolete": False}
        if line.startswith("#~"):
            current["obsolete"] = True
        elif line.startswith("#,"):
            current["flags"] |= {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith("msgid_plural"):
            field = ("plural", None)
        elif line.startswith("msgid"):
            field = ("msgid", None)
            current["msgid"] = unquote(line)
        elif line.startswith("msgstr"):
            index = re.match(r"msgstr(?:\[(\d+)\])?", line).group(1) or "0"
            field = ("msgstr", index)
            current["msgstr"][index] = unquote(line)
        elif line.startswith('"') and field is not None:
            if field[0] == "msgid":
                current["msgid"] += unquote(line)
            elif field[0] == "msgstr":
                current["msgstr"][field[1]] += unquote(line)
    return entries


def test_there_is_a_project_translation():
    """The project's own catalogue is among those checked."""
    assert ROOT / "locale/sv/LC_MESSAGES/django.po" in _sv_po_files()


@pytest.mark.parametrize("path", _sv_po_files(), ids=lambda p: str(p.relative_to(ROOT).parts[0]))
def test_every_swedish_entry_is_translated(path):
    """DOS-1: Swedish is the primary language: every message in every Swedish catalogue of
    the project and its apps has a translation, and none is marked fuzzy."""
    problems = []
    for entry in _entries(path):
        if entry["obsolete"]:
            continue
        if "fuzzy" in entry["flags"]:
            problems.append(f"fuzzy: {entry['msgid'][:70]!r}")
        if entry["msgid"] and not all(entry["msgstr"].values()):
            problems.append(f"untranslated: {entry['msgid'][:70]!r}")
    assert problems == [], f"{path.relative_to(ROOT)}:\n" + "\n".join(problems)


@pytest.mark.django_db
def test_home_is_swedish_by_default_and_english_on_request(client):
    """DOS-1: a first visit gets the Swedish home page (whatever the browser asks for);
    choosing English with the language form switches the same address to English."""
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert "<h1>Medborgardialoger</h1>" in html
    assert "Vi vill utveckla dialogen med er invånare." in html
    assert "Hoppa till huvudinnehållet" in html
    assert ">Logga in<" in html and ">Skapa konto<" in html
    for word in ("Kommundelsträffar", "Demokratidag", "Företagsbesök", "Synpunkter", "Diarium"):
        assert f">{word}<" in html, word

    switched = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert switched.status_code == 302 and switched["Location"] == "/"
    english = client.get("/").content.decode()
    assert '<html lang="en">' in english
    assert "<h1>Citizen dialogues</h1>" in english
    assert "Skip to main content" in english

    client.post("/i18n/setlang/", {"language": "sv", "next": "/"})
    assert "<h1>Medborgardialoger</h1>" in client.get("/").content.decode()


def test_home_text_is_the_briefs_own_swedish():
    """DOS-1: the home page uses the municipality's own words (typos of the brief corrected)."""
    with translation.override("sv"):
        lead = translation.gettext(
            "We want to develop the dialogue with you who live here. That is why we regularly "
            "want to hear your experiences, attitudes and thoughts on different subjects."
        )
    assert lead == (
        "Vi vill utveckla dialogen med er invånare. Därför vill vi regelbundet höra era "
        "erfarenheter, attityder och tankar kring olika ämnen."
    )


RENDER = engines["django"].from_string(
    '{% load humanize %}{{ day|date }}|{{ day|date:"l j F Y" }}|{{ amount|floatformat:"1g" }}'
    "|{{ amount }}|{{ count|intcomma }}"
)


def test_dates_and_numbers_render_the_swedish_way():
    """DOS-1: dates read "25 november 2026", decimals use a comma and thousands a
    (non-breaking) space: "1 234,5". Django's own Swedish formats do this; thousands are
    grouped where a template asks (floatformat "g", intcomma), so years and ids stay whole."""
    context = {"day": datetime.date(2026, 11, 25), "amount": 1234.5, "count": 1234567}
    with translation.override("sv"):
        rendered = RENDER.render(context).replace("\xa0", " ")
    assert rendered == "25 november 2026|onsdag 25 november 2026|1 234,5|1234,5|1 234 567"
    with translation.override("en"):
        assert RENDER.render(context).startswith("Nov. 25, 2026|")


@pytest.mark.django_db
def test_page_dates_render_swedish(client):
    """DOS-3: the last-updated date of a page is written the Swedish way."""
    from django.utils import timezone

    from dialog_portal.models import Page

    Page.objects.filter(slug="tillganglighet").update(
        updated_at=timezone.make_aware(datetime.datetime(2026, 11, 25, 10))
    )
    html = client.get("/tillganglighet/").content.decode()
    assert "25 november 2026</time>" in html
