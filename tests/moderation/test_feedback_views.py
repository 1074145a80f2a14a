"""The resident's side through HTTP: the warning step, edit, withdraw, post anyway, reports."""

from __future__ import annotations

import pytest
from django.core import mail

from moderation.models import Contribution, Report

from .conftest import PNR

pytestmark = pytest.mark.django_db


def _post(client, topic, step, text, **extra):
    data = {"text": text, "display_name": "Anna", "email": "", "step": step, **extra}
    return client.post(f"/synpunkter/{topic.slug}/", data)


def test_index_and_topic_pages(client, topic):
    """The Synpunkter list and topic page render with the RULE-1/BBS-2/RULE-8 notices."""
    response = client.get("/synpunkter/")
    assert response.status_code == 200
    assert "Snöröjning" in response.content.decode()
    page = client.get(f"/synpunkter/{topic.slug}/").content.decode()
    assert "0281-750 00" in page and "Box 800, 780 50 Vansbro" in page  # RULE-1
    assert "allmän handling" in page  # RULE-8, BBS-2
    assert "granskar" in page  # BBS-2: reviewed before publication


def test_warning_highlights_personnummer_and_stores_nothing(client, topic):
    """RULE-1: a text with a personnummer is not stored on "Send"; the form shows the warning
    with the span in <mark>, the phone number and postal address, and the three choices."""
    response = _post(client, topic, "check", f"Mitt personnummer är {PNR} och plogen kom inte.")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark title=" in html and f">{PNR}<span" in html
    assert "0281-750 00" in html
    for button in ("Ändra", "Dra tillbaka", "Skicka ändå"):
        assert button in html
    assert not Contribution.objects.exists()


def test_withdraw_stores_nothing(client, topic):
    """RULE-1: withdrawing after the warning stores nothing."""
    response = _post(client, topic, "withdraw", f"Nummer {PNR}")
    assert response.status_code == 302
    assert not Contribution.objects.exists()


def test_edit_then_clean_text_is_stored_pending(client, topic):
    """RULE-1, BBS-3: after editing the personal data away the text is stored and waits."""
    response = _post(client, topic, "edit", f"Nummer {PNR}")
    assert response.status_code == 200 and "Skicka ändå" not in response.content.decode()
    response = _post(client, topic, "check", "Plogen kom inte i morse.")
    assert response.status_code == 302
    c = Contribution.objects.get()
    assert c.state == "pending" and not c.posted_anyway


def test_post_anyway_masks_and_waits(client, topic, moderator):
    """RULE-1, GDPR-4, BBS-3: posting anyway stores it pending; once approved the public page
    shows it with the personnummer masked."""
    response = _post(client, topic, "post", f"Mitt personnummer är {PNR}.")
    assert response.status_code == 302
    c = Contribution.objects.get()
    assert c.state == "pending" and c.posted_anyway
    page = client.get(f"/synpunkter/{topic.slug}/").content.decode()
    assert "Mitt personnummer" not in page  # pending is not shown
    from moderation.services import contribution_approve

    contribution_approve(contribution=c, actor=moderator)
    page = client.get(f"/synpunkter/{topic.slug}/").content.decode()
    assert "Mitt personnummer är [borttaget]." in page
    assert PNR not in page


def test_closed_topic_refuses(client, topic):
    """A closed topic takes no new feedback."""
    topic.is_open = False
    topic.save()
    _post(client, topic, "check", "Hej")
    assert not Contribution.objects.exists()


def test_anonymous_form_is_rate_limited(client, topic, settings):
    """Anonymous POST forms are rate-limited per address (RATELIMIT_FORM_RATE, default
    10/m); past the limit the answer is 429 with a Swedish message."""
    limit = int(settings.RATELIMIT_FORM_RATE.split("/")[0])
    codes = [
        client.post(f"/synpunkter/{topic.slug}/", {"text": "Hej", "step": "withdraw"}).status_code
        for _ in range(limit + 1)
    ]
    assert codes[:limit] == [302] * limit
    assert codes[-1] == 429


def test_report_threshold_hides_until_reviewed(
    client, published, moderator, settings, django_capture_on_commit_callbacks
):
    """RULE-7: every published contribution has "Anmäl"; MODERATION_REPORT_THRESHOLD distinct
    reporters hide it until a moderator decides; reporters with e-mail hear the outcome."""
    settings.MODERATION_REPORT_THRESHOLD = 3
    c = published("Ett publicerat inlägg om snön.")
    page = client.get(c.target.get_absolute_url()).content.decode()
    assert f"/bidrag/{c.pk}/anmal/" in page and "Anmäl" in page
    for i in range(2):
        r = client.post(
            f"/bidrag/{c.pk}/anmal/",
            {"reason": "krankande", "email": f"r{i}@example.se"},
            REMOTE_ADDR=f"10.0.0.{i}",
        )
        assert r.status_code == 302
    # the same reporter twice does not count twice
    client.post(f"/bidrag/{c.pk}/anmal/", {"reason": "annat"}, REMOTE_ADDR="10.0.0.1")
    c.refresh_from_db()
    assert c.state == "published"
    client.post(f"/bidrag/{c.pk}/anmal/", {"reason": "reklam"}, REMOTE_ADDR="10.0.0.9")
    c.refresh_from_db()
    assert c.state == "hidden" and c.hidden_cause == "reports"
    assert Report.objects.filter(contribution=c).count() == 4
    assert client.get(f"/bidrag/{c.pk}/anmal/").status_code == 404  # no longer public
    mail.outbox.clear()
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/personal/moderering/{c.pk}/godkann/")
    assert response.status_code == 302
    c.refresh_from_db()
    assert c.state == "published"
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == ["r0@example.se", "r1@example.se"]


def test_report_form_refuses_unknown_reason(client, published):
    """A report needs one of the listed reasons; an unknown one is refused with a message."""
    c = published("Inlägg")
    response = client.post(f"/bidrag/{c.pk}/anmal/", {"reason": "hemligt"})
    assert response.status_code == 200
    assert not Report.objects.exists()


def test_author_sees_hide_reason(client, resident, topic, moderator):
    """The author sees why their contribution was hidden, on "My contributions"."""
    from moderation.services import contribution_hide, contribution_submit

    c = contribution_submit(target=topic, kind="feedback", text="Reklam här", author=resident)
    contribution_hide(contribution=c, actor=moderator, reason="Reklam är inte tillåten")
    client.force_login(resident)
    page = client.get("/bidrag/mina/").content.decode()
    assert "Reklam är inte tillåten" in page
