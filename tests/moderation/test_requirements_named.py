"""The portal as a message board under uppsikt, e-mail outside it (BBS-1); everything not of
minor importance is registered, never merely kept in order (OSL-3)."""

from __future__ import annotations

import pytest
from django.utils import translation

from moderation.forms import ImportanceForm
from moderation.models import Contribution
from moderation.services import contribution_approve, contribution_hide, contribution_remove
from registry.models import Entry, RetentionPlanRow

pytestmark = pytest.mark.django_db

QUEUE = "/personal/moderering/"


def test_board_messages_are_under_uppsikt_while_email_stays_outside(
    client, topic, moderator, registrar
):
    """BBS-1: what a resident posts on the portal is a message on an elektronisk anslagstavla:
    it waits in the moderators' queue and is not shown until a moderator has decided. An
    e-mail to the kommun is outside the board: the registrar registers it in the diarium, and
    it never becomes a board message, in the queue or on the public page."""
    board_text = "Badplatsens brygga i Äppelbo behöver lagas före sommaren."
    response = client.post(
        f"/synpunkter/{topic.slug}/",
        {"text": board_text, "display_name": "Anna", "email": "", "step": "check"},
    )
    assert response.status_code == 302
    message = Contribution.objects.get()
    assert message.state == Contribution.State.PENDING and message.channel == "portal"
    assert board_text not in client.get(f"/synpunkter/{topic.slug}/").content.decode()
    client.force_login(moderator)
    assert board_text in client.get(QUEUE).content.decode()

    email_text = "Hej kommunen, gatlyktan vid skolan i Nås är trasig sedan en vecka."
    client.force_login(registrar)
    response = client.post(
        "/personal/diarium/registrera/",
        {
            "received_at": "2026-03-04T09:30",
            "channel": "email",
            "document_type": "letter",
            "sender_name": "Bertil Berg",
            "subject": "E-post om gatubelysning i Nås",
            "text": email_text,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Entry.objects.get(subject="E-post om gatubelysning i Nås").channel == "email"
    assert Contribution.objects.count() == 1
    client.force_login(moderator)
    assert email_text not in client.get(QUEUE).content.decode()
    contribution_approve(contribution=message, actor=moderator)
    public = client.get(f"/synpunkter/{topic.slug}/").content.decode()
    assert board_text in public and email_text not in public


def test_everything_not_of_minor_importance_is_registered_whatever_the_decision(
    submit, moderator, django_capture_on_commit_callbacks
):
    """OSL-3 (policy): the kommun does not use the law's "hållas ordnad" alternative for
    contributions. Whatever the moderator decides (publish, hide, remove), a contribution
    not of minor importance gets a diary number; the only unregistered outcome is minor
    importance, and neither the moderator's importance choice nor the dokumenthanteringsplan
    for contributions offers "kept in order"."""
    published = submit("Snöröjningen i Nås fungerar dåligt och borde prioriteras.")
    hidden = submit("Varför plogas inte gång- och cykelvägen vid skolan?", kind="question")
    removed = submit("Kommunen borde bygga en ny lekplats i Järna, den gamla är farlig.")
    thanks = submit("Tack så mycket!")
    with django_capture_on_commit_callbacks(execute=True):
        contribution_approve(contribution=published, actor=moderator)
        contribution_hide(contribution=hidden, actor=moderator, reason="Dubblett")
        contribution_remove(contribution=removed, actor=moderator, reason="Fel forum")
        contribution_approve(contribution=thanks, actor=moderator)

    for contribution in (published, hidden, removed):
        contribution.refresh_from_db()
        assert contribution.minor_importance is False
        assert contribution.registration_state == Contribution.Registration.REGISTERED
        entry = Entry.objects.get(source_ref=f"moderation.contribution:{contribution.pk}")
        assert entry.diary_number == contribution.registry_reference
    thanks.refresh_from_db()
    assert thanks.minor_importance is True
    assert thanks.registration_state == Contribution.Registration.NOT_NEEDED
    assert not Entry.objects.filter(source_ref=f"moderation.contribution:{thanks.pk}").exists()

    unregistered = [
        value
        for value, _label in Contribution.Registration.choices
        if value not in {"registered", "to_register"}
    ]
    assert all("order" not in value for value in unregistered), unregistered
    choices = ImportanceForm().fields["minor"].choices
    assert len(choices) == 2
    with translation.override("en"):
        labels = [str(label).lower() for _value, label in choices]
    assert not any("order" in label for label in labels), labels
    for document_type in ("comment", "question", "need", "youth_proposal"):
        row = RetentionPlanRow.objects.get(document_type=document_type)
        assert row.handling == RetentionPlanRow.Handling.REGISTERED, document_type
