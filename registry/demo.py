"""Demo data for the diarium (idempotent: entries are keyed by source_ref)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from .models import DocumentRequest, Entry
from .services import entry_register, request_submit


def load(*, stdout) -> None:
    now = timezone.now()
    samples = [
        dict(
            source_ref="demo:letter:1",
            received_at=now - timedelta(days=6),
            channel="letter",
            document_type="letter",
            sender_name="Äppelbo Byalag",
            sender_is_organisation=True,
            subject="Skrivelse om belysning vid badplatsen i Äppelbo",
            text="Byalaget önskar bättre belysning vid badplatsen.",
        ),
        dict(
            source_ref="demo:phone:1",
            received_at=now - timedelta(days=3),
            channel="telephone",
            document_type="telephone_note",
            sender_name="Privatperson",
            subject="Telefonsamtal om snöröjning i Järna",
            text="Den som ringde undrade när snöröjningen kommer till Järna.",
        ),
        dict(
            source_ref="demo:letter:2",
            received_at=now - timedelta(days=2),
            channel="letter",
            document_type="letter",
            sender_name="Privatperson",
            subject="Brev om stöd i hemmet",
            text="Brev med uppgifter om enskilds hälsa.",
            secrecy_provision="26:1",
        ),
    ]
    created = 0
    for sample in samples:
        if not Entry.objects.filter(source_ref=sample["source_ref"]).exists():
            entry_register(**sample)
            created += 1
    if not DocumentRequest.objects.filter(description__startswith="[demo]").exists():
        entry = Entry.objects.get(source_ref="demo:letter:1")
        request_submit(description="[demo] Skrivelsen om belysning vid badplatsen", entry=entry)
        created += 1
    stdout.write(f"registry: {created} demo items created\n")
