"""Diary numbers: `KS 2026/0042` per ärende, `-N` per document; no gap, no duplicate."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import timezone

from registry.models import Case, Document, Entry, RegistryEvent

YEAR = timezone.localdate().year


def test_each_contribution_starts_its_own_case(incoming):
    """OSL-5, OSL-7: each incoming contribution opens an ärende and is its document 1;
    numbers follow each other without a gap, zero-padded to four digits."""
    first = incoming()
    second = incoming()
    assert first == f"KS {YEAR}/0001-1"
    assert second == f"KS {YEAR}/0002-1"
    entry = Entry.objects.get(diary_number=first)
    assert entry.case.diary_number == f"KS {YEAR}/0001"
    assert entry.received_at == datetime(2026, 3, 2, 10, 0, tzinfo=ZoneInfo("Europe/Stockholm"))
    assert entry.document.text.startswith("Hej! Mitt personnummer")
    assert entry.document.pii_spans[0]["kind"] == "personnummer"


def test_case_ref_adds_a_document_to_an_existing_case(incoming):
    """OSL-7: a follow-up names the ärende and gets the next löpnummer within it."""
    first = incoming()
    case_ref = first.rsplit("-", 1)[0]
    follow_up = incoming(case_ref=case_ref)
    assert follow_up == f"{case_ref}-2"
    assert Case.objects.count() == 1


def test_register_incoming_is_idempotent_on_source_ref(incoming):
    """Contract: calling twice with one source_ref returns the same number, registers nothing."""
    first = incoming(source_ref="moderation:contribution:77")
    again = incoming(source_ref="moderation:contribution:77", text="other text")
    assert again == first
    assert Entry.objects.count() == 1
    assert Document.objects.get().text.startswith("Hej!")
    assert RegistryEvent.objects.filter(action="entry_registered").count() == 1


def test_attachments_are_frozen_in_registry_tables(incoming):
    """TF-1: attachments are stored with the document in the registry's own table, with checksum."""
    number = incoming(attachments=[("foto.jpg", b"\xff\xd8jpegdata", "image/jpeg")])
    attachment = Entry.objects.get(diary_number=number).attachments.get()
    assert bytes(attachment.content) == b"\xff\xd8jpegdata"
    assert attachment.size == 10 and len(attachment.sha256) == 64


def test_confirmation_policy_reserves_the_number_but_hides_the_entry(
    incoming, settings, registrar, client
):
    """OSL-1 with REGISTRY_CONFIRM_AUTOMATIC: the number is reserved at once (no gap) and the
    entry waits for a registrar before the web diary shows it."""
    from registry.services import entry_confirm

    settings.REGISTRY_CONFIRM_AUTOMATIC = True
    number = incoming()
    entry = Entry.objects.get(diary_number=number)
    assert entry.state == Entry.State.PENDING
    assert client.get(entry.get_absolute_url()).status_code == 404
    entry_confirm(entry=entry, actor=registrar)
    assert client.get(entry.get_absolute_url()).status_code == 200
    assert RegistryEvent.objects.filter(action="entry_confirmed", actor=registrar).exists()


CHILD = r"""
import os, sys
from datetime import datetime, timezone as tz
import django
django.setup()
from registry.services import document_register_incoming
proc, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    document_register_incoming(
        source_ref=f"child:{proc}:{i}", received_at=datetime.now(tz.utc), channel="portal",
        sender_name="", sender_is_organisation=False, subject="Synpunkt", text="x")
"""


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_registrations_from_processes_leave_no_gap():
    """OSL-5: four processes register at once; case numbers are exactly 1..N, no gap, no
    duplicate (counter row locked with select_for_update inside the transaction)."""
    db = settings.DATABASES["default"]
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    if db.get("PASSWORD"):
        url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "dialog_portal.settings"}
    root = Path(settings.BASE_DIR)
    processes, per_process = 4, 8
    children = [
        subprocess.Popen([sys.executable, "-c", CHILD, str(p), str(per_process)], env=env, cwd=root)
        for p in range(processes)
    ]
    assert all(child.wait(timeout=120) == 0 for child in children)
    total = processes * per_process
    numbers = sorted(Case.objects.values_list("number", flat=True))
    assert numbers == list(range(1, total + 1))
    diary = list(Entry.objects.values_list("diary_number", flat=True))
    assert len(diary) == len(set(diary)) == total
    assert all(d.endswith("-1") for d in diary)
