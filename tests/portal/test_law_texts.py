"""Requirements about what the portal never says, never asks, and never loses."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

ROOT = Path(__file__).resolve().parents[2]
APPS = ("dialog_portal", "meetings", "moderation", "registry", "youth_democracy", "business_visits")


def _user_facing_texts() -> list[tuple[Path, str]]:
    files = list((ROOT / "templates").rglob("*.html"))
    for app in APPS:
        files += list((ROOT / app).rglob("*.html"))
        files += list((ROOT / app).rglob("locale/*/LC_MESSAGES/django.po"))
    files += list((ROOT / "locale").rglob("django.po"))
    return [(path, path.read_text(encoding="utf-8")) for path in files]


def test_no_text_claims_the_dsa_or_the_terrorist_content_regulation():
    """BBS-8: no template or translation tells users that the portal is bound by the EU
    Digital Services Act or Regulation (EU) 2021/784."""
    forbidden = re.compile(
        r"Digital Services Act|rättsakten om digitala tjänster|\bDSA\b|2021/784|"
        r"terroristiskt innehåll online",
        re.IGNORECASE,
    )
    texts = _user_facing_texts()
    assert len(texts) > 20  # the scan really reads the templates and catalogues
    hits = [str(path.relative_to(ROOT)) for path, text in texts if forbidden.search(text)]
    assert hits == []


def _contribution_and_request_forms():
    from meetings.forms import RegistrationForm, SubscriptionForm, meeting_contribution_form_class
    from moderation.forms import (
        ContributionForm,
        PhotoContributionForm,
        ReportForm,
        TakedownForm,
    )
    from registry.forms import RequestForm

    return [
        ContributionForm,
        PhotoContributionForm,
        ReportForm,
        TakedownForm,
        RequestForm,
        RegistrationForm,
        SubscriptionForm,
        meeting_contribution_form_class(),
    ]


@pytest.mark.django_db
def test_no_public_form_asks_for_a_personnummer():
    """GDPR-9: no contribution, report, takedown, registration, subscription or request form
    has a field for a personnummer or samordningsnummer, by name or by label."""
    pattern = re.compile(r"personnummer|samordningsnummer|personal identity|pnr", re.IGNORECASE)
    for form_class in _contribution_and_request_forms():
        form = form_class()
        for name, field in form.fields.items():
            label = str(field.label or "")
            help_text = str(field.help_text or "")
            assert not pattern.search(name), (form_class.__name__, name)
            assert not pattern.search(label), (form_class.__name__, name, label)
            assert not pattern.search(help_text), (form_class.__name__, name, help_text)


@pytest.mark.django_db
def test_deleting_an_account_keeps_its_contributions(client, resident):
    """GDPR-5, TF-1: deleting one's account does not delete what one contributed: the
    contribution stays stored as an allmän handling, no longer linked to an account."""
    from dialog_portal.models import Page
    from moderation.models import Contribution
    from moderation.services import contribution_submit
    from tests.conftest import PASSWORD

    target = Page.objects.get(slug="regler")
    contribution = contribution_submit(
        target=target, kind="comment", text="Bra att reglerna finns.", author=resident
    )
    client.force_login(resident)
    client.post("/konto/radera/", {"password": PASSWORD, "confirm": "on"})

    assert not get_user_model().objects.filter(pk=resident.pk).exists()
    kept = Contribution.objects.get(pk=contribution.pk)
    assert kept.text == "Bra att reglerna finns."
    assert kept.author_id is None
