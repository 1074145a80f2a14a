from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

STOCKHOLM = ZoneInfo("Europe/Stockholm")


@pytest.fixture
def incoming(db):
    """Register a resident's contribution the way moderation does (the contract call)."""
    from registry.services import document_register_incoming

    counter = {"n": 0}

    def register(**overrides) -> str:
        counter["n"] += 1
        kwargs = {
            "source_ref": f"moderation:contribution:{counter['n']}",
            "received_at": datetime(2026, 3, 2, 10, 0, tzinfo=STOCKHOLM),
            "channel": "portal",
            "sender_name": "Anna Andersson",
            "sender_is_organisation": False,
            "subject": "Fråga till kommundelsträff i Äppelbo 2026-12-03",
            "text": "Hej! Mitt personnummer är 19850101-1234 och jag undrar om vägen.",
            "pii_spans": [{"start": 26, "end": 39, "kind": "personnummer"}],
        }
        kwargs.update(overrides)
        return document_register_incoming(**kwargs)

    return register


@pytest.fixture(autouse=True)
def _registry_reference_data(request):
    """Re-seed the OSL reason codes and the dokumenthanteringsplan (idempotent): tests with
    transaction=True flush the tables the data migration filled."""
    if "db" not in request.fixturenames and not request.node.get_closest_marker("django_db"):
        return
    from importlib import import_module

    from django.apps import apps

    request.getfixturevalue("db") if "transactional_db" not in request.fixturenames else None
    import_module("registry.migrations.0002_seed_provisions_and_plan").seed(apps, None)
    import_module("registry.migrations.0005_report_and_takedown_types").seed(apps, None)
