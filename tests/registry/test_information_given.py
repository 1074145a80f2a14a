"""Uppgifter given from a document without releasing it, and refusals, are logged (OSL-11)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from dialog_portal.models import ImmutableRecordError
from registry.models import Entry, InformationDisclosure, RegistryEvent
from registry.services import information_disclosure_record

pytestmark = pytest.mark.django_db
LOG = "/personal/diarium/uppgifter/"


def _post(client, entry, **fields):
    data = {
        "action": "inform",
        "info-channel": "telephone",
        "info-question": "Vilken väg gäller frågan?",
        "info-outcome": "answered",
        "info-answer": "Vägen mellan Äppelbo och Järna.",
        "info-provision": "",
    }
    data.update({f"info-{k}": v for k, v in fields.items()})
    return client.post(f"/personal/diarium/handling/{entry.pk}/", data)


def test_registrar_logs_an_answer_given_by_phone(incoming, registrar, client):
    """OSL-11: on the document's page a registrar logs that they answered a question over the
    phone from the document without releasing it: which entry, what was asked, what was
    answered, who and when; it appears in the log registrars read and in the audit log."""
    entry = Entry.objects.get(diary_number=incoming())
    client.force_login(registrar)
    page = client.get(f"/personal/diarium/handling/{entry.pk}/").content.decode()
    assert "Uppgifter ur handlingen (utan att lämna ut den)" in page
    response = _post(client, entry)
    assert response.status_code == 302
    logged = InformationDisclosure.objects.get()
    assert logged.entry == entry and logged.outcome == "answered"
    assert logged.question == "Vilken väg gäller frågan?"
    assert logged.answer == "Vägen mellan Äppelbo och Järna."
    assert logged.given_by == registrar and logged.given_at is not None
    assert logged.channel == "telephone"
    assert RegistryEvent.objects.filter(action="information_given", entry=entry).exists()
    log = client.get(LOG).content.decode()
    assert entry.diary_number in log and "Vilken väg gäller frågan?" in log
    assert "Vägen mellan Äppelbo och Järna." in log and "Besvarad" in log


def test_secret_entry_answer_needs_the_provision_considered(incoming, registrar, client):
    """OSL-11, OSL-8: an answer from a secrecy-marked entry is refused, with a Swedish message
    and nothing logged, unless the registrar states the OSL provision considered."""
    entry = Entry.objects.get(diary_number=incoming(secrecy_provision="26:1"))
    client.force_login(registrar)
    response = _post(client, entry)
    assert response.status_code == 200
    body = response.content.decode()
    assert "sekretessmarkerad enligt OSL 26:1" in body and "Ange vilken bestämmelse" in body
    assert not InformationDisclosure.objects.exists()
    response = _post(client, entry, provision="26:1", answer="Att ärendet gäller en väg.")
    assert response.status_code == 302
    assert InformationDisclosure.objects.get().provision.code == "26:1"


def test_refusals_for_secrecy_and_for_the_work_are_logged(incoming, registrar, client):
    """OSL-11: a refusal because of secrecy names the provision (else a Swedish error); a
    refusal because of arbetets behöriga gång is logged without one; both show in the log."""
    entry = Entry.objects.get(diary_number=incoming(secrecy_provision="26:1"))
    client.force_login(registrar)
    response = _post(client, entry, outcome="refused_secrecy", answer="")
    assert response.status_code == 200
    assert "Ange den bestämmelse i OSL som hindrar" in response.content.decode()
    _post(client, entry, outcome="refused_secrecy", answer="Sekretess.", provision="26:1")
    _post(client, entry, outcome="refused_work", answer="Hundra frågor på en gång.")
    outcomes = sorted(InformationDisclosure.objects.values_list("outcome", flat=True))
    assert outcomes == ["refused_secrecy", "refused_work"]
    assert RegistryEvent.objects.filter(action="information_refused").count() == 2
    log = client.get(LOG).content.decode()
    assert "Nekad: sekretess" in log and "arbetets behöriga gång" in log


def test_bad_input_is_a_swedish_error_not_a_500(incoming, registrar, client):
    """OSL-11: an empty question, an answer without text or an unknown outcome gives a Swedish
    message on the page and logs nothing."""
    entry = Entry.objects.get(diary_number=incoming())
    client.force_login(registrar)
    for fields in ({"question": ""}, {"answer": " "}, {"outcome": "maybe"}):
        response = _post(client, entry, **fields)
        assert response.status_code == 200
    assert not InformationDisclosure.objects.exists()
    with pytest.raises(ValidationError) as exc:
        information_disclosure_record(
            entry=entry, question="Fråga", outcome="answered", answer="", actor=registrar
        )
    assert "Skriv vad som svarades." in exc.value.messages


def test_log_is_for_registrars_only_and_kept(incoming, registrar, moderator, resident, client):
    """OSL-11: only registrars read the log; a logged answer cannot be changed or deleted."""
    entry = Entry.objects.get(diary_number=incoming())
    logged = information_disclosure_record(
        entry=entry, question="Fråga", outcome="answered", answer="Svar", actor=registrar
    )
    for user in (moderator, resident):
        client.force_login(user)
        assert client.get(LOG).status_code == 403
    client.logout()
    assert client.get(LOG).status_code == 302
    logged.answer = "Annat svar"
    with pytest.raises(ImmutableRecordError):
        logged.save()
    with pytest.raises(ImmutableRecordError):
        logged.delete()
