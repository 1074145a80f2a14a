"""What the diarium does to stay fast on a large register: pages without an exact total, the
number taken last (a failure still leaves no gap), the document type named by the caller."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from registry import views
from registry.models import Case, Document, Entry, RegistryEvent
from registry.services import entry_register

YEAR = timezone.localdate().year


def _letters(count: int, word: str = "snöröjning") -> list[Entry]:
    start = timezone.now() - timedelta(days=count)
    return [
        entry_register(
            received_at=start + timedelta(days=i),
            channel="letter",
            document_type="letter",
            subject=f"Skrivelse {i} om {word}",
            text="Brevtext",
        )
        for i in range(count)
    ]


def _numbers(html: str) -> list[str]:
    return re.findall(r">(KS \d{4}/\d{4}-\d+)</a>", html)


def test_pages_link_on_without_an_exact_total_beyond_the_cap(db, client, settings, monkeypatch):
    """OSL-5, GDPR-2: beyond the count cap the web diary says "Över N handlingar" instead of
    counting every match, and still pages on with "Nästa sida"/"Föregående sida" links to the
    very last page; every entry shows exactly once, newest first. Under the cap the exact
    total and the number of pages are shown."""
    settings.REGISTRY_DIARY_COUNT_CAP = 3
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    entries = _letters(7)
    newest_first = [e.diary_number for e in reversed(entries)]
    seen, number = [], 1
    while True:
        html = client.get("/diarium/", {"sida": number}).content.decode()
        assert "Över 3 handlingar" in html
        assert f"Sida {number}<" in html and " av " not in html.split("Sida", 1)[1][:20]
        seen += _numbers(html)
        assert ("Föregående sida" in html) == (number > 1)
        if "Nästa sida" not in html:
            break
        assert f"sida={number + 1}" in html
        number += 1
    assert number == 4
    assert seen == newest_first
    html = client.get("/diarium/", {"sida": 9}).content.decode()
    assert "Det finns inga handlingar på den här sidan" in html
    settings.REGISTRY_DIARY_COUNT_CAP = 10
    html = client.get("/diarium/", {"sida": 2}).content.decode()
    assert "7 handlingar" in html and "Sida 2 av 4" in html


def test_word_search_pages_count_only_the_matches(db, client, settings, monkeypatch):
    """GDPR-2: a word search pages over the matches only; a few matches get their exact total."""
    settings.REGISTRY_DIARY_COUNT_CAP = 3
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    _letters(4)
    hits = _letters(3, word="tjäderspel")
    html = client.get("/diarium/", {"q": "tjäderspel"}).content.decode()
    assert "3 handlingar" in html and "Sida 1 av 2" in html
    page2 = client.get("/diarium/", {"q": "tjäderspel", "sida": 2}).content.decode()
    assert _numbers(html) + _numbers(page2) == [e.diary_number for e in reversed(hits)]


def test_failed_registration_consumes_no_number_and_leaves_nothing(incoming):
    """OSL-5, OSL-7: the number is taken last; a registration that fails after the document
    and the audit event were written (here: an unknown case_ref) rolls all of it back, and the
    next registration gets the next number, without a gap."""
    first = incoming()
    with pytest.raises(ValidationError):
        incoming(case_ref=f"KS {YEAR}/9999")
    assert Entry.objects.count() == Document.objects.count() == 1
    assert RegistryEvent.objects.filter(action="entry_registered").count() == 1
    second = incoming()
    assert (first, second) == (f"KS {YEAR}/0001-1", f"KS {YEAR}/0002-1")
    assert list(Case.objects.order_by("number").values_list("number", flat=True)) == [1, 2]
    event = RegistryEvent.objects.get(entry__diary_number=second)
    assert event.action == "entry_registered" and event.actor_label == "moderation"


def test_registration_search_vector_is_written_with_the_entry(incoming, client):
    """GDPR-2: the entry is searchable at once (the subject is indexed in the same INSERT on
    PostgreSQL), and its document and attachments belong to it."""
    number = incoming(subject="Fråga om tjäderspel", attachments=[("a.txt", b"abc", "text/plain")])
    entry = Entry.objects.get(diary_number=number)
    assert entry.document.text.startswith("Hej!") and entry.attachments.get().size == 3
    html = client.get("/diarium/", {"q": "tjäderspel"}).content.decode()
    assert number in html and "1 handling" in html


def test_document_type_given_by_the_caller_wins_over_the_guess(incoming):
    """ARK-3: `document_type` names the dokumenthanteringsplan's type and wins over the guess
    from the subject; left out, the first word still decides; an unknown type is refused."""
    guessed = incoming(subject="Fråga: Snöröjning")
    named = incoming(subject="Fråga: Snöröjning", document_type="report")
    assert Entry.objects.get(diary_number=guessed).document_type == "question"
    assert Entry.objects.get(diary_number=named).document_type == "report"
    with pytest.raises(ValidationError):
        incoming(document_type="no_such_type")
    assert Entry.objects.count() == 2


def test_report_and_takedown_types_have_plan_rows(db):
    """ARK-3: reports and photo takedown requests have dokumenthanteringsplan rows, kept with
    moderation's records and disposed of after two years like them."""
    from registry.models import RetentionPlanRow

    for document_type in ("report", "takedown_request"):
        row = RetentionPlanRow.objects.get(document_type=document_type)
        assert (row.disposition, row.retention_years) == ("dispose", 2)
