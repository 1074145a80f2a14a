"""Public pages of the core: the accessibility statement (DOS-3), rules (RULE-1), social
media (RULE-9), the footer on every page, and Swedish error pages."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from dialog_portal.models import Page, SocialChannel

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/regler/",
    "/sociala-medier/",
    "/tillganglighet/",
    "/integritet/",
    "/synpunkter/",
    "/konto/login/",
    "/konto/signup/",
    "/konto/password/reset/",
    "/kommundelstraffar/",
    "/demokratidag/",
    "/foretagsbesok/",
    "/diarium/",
    "/begar-handling/",
]


def _text(response) -> str:
    """The visible text of the main content, whitespace collapsed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main))


def test_accessibility_statement_states_what_dos3_requires(client):
    """DOS-3, DOS-6: the statement names the kommun and the service, says "delvis förenlig",
    lists the inaccessible content with reasons, gives the assessment date and one update date
    (the page's own, so it cannot disagree with an edit), the method,
    a feedback contact, the DIGG link, and covers 12 § and 9 §."""
    response = client.get("/tillganglighet/")
    assert response.status_code == 200
    html = response.content.decode()
    text = _text(response)
    assert "Vansbro kommun" in text and "Medborgardialog" in text
    assert "delvis förenlig" in text
    assert "Innehåll som inte är tillgängligt" in text
    assert "Bilder som invånare laddar upp kan sakna en beskrivande text" in text
    assert "Django admin" in text
    assert "Bedömningen gjordes den 25 november 2026" in text
    # one last-update date, the page's own, which moves with every edit (DOS-6)
    assert "uppdaterades senast" not in text
    assert "Senast uppdaterad" in text
    assert "självskattning" in text and "axe-core" in text and "tangentbord" in text
    assert "kommun@vansbro.se" in text and "0281-750 00" in text
    assert 'href="https://www.digg.se/tdosanmalan"' in html
    assert "12 §" in text and "oskäligt betungande" in text.lower()
    assert "9 §" in text
    assert "2018:1937" in text


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_footer_links_statement_and_rules_from_every_page(client, url):
    """DOS-3, RULE-1: every public page links to the accessibility statement and the rules in
    its footer, next to the municipality's phone number and postal address."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="/tillganglighet/"' in footer
    assert 'href="/regler/"' in footer
    assert 'href="/integritet/"' in footer
    assert "0281-750 00" in footer and "Box 800, 780 50 Vansbro" in footer
    assert '<html lang="sv">' in html
    assert 'class="skip-link" href="#main"' in html


def test_rules_page_warns_about_sensitive_information(client):
    """RULE-1, RULE-3, RULE-6, RULE-8: the rules warn against sensitive information with the
    phone number and address, list what is removed and reported, and explain registration."""
    text = _text(client.get("/regler/"))
    assert "Lägg inte ut känslig information" in text
    assert "0281-750 00" in text and "Box 800, 780 50 Vansbro" in text
    assert "polisanmäler" in text and "upphovsrätt" in text
    assert "allmän handling" in text and "ringa betydelse" in text


def test_social_media_page_lists_channels_with_last_updated(client):
    """RULE-9: /sociala-medier/ lists the official channels, the portal among them, with the
    date the list was last updated (the newest change of the text or a channel)."""
    SocialChannel.objects.create(
        name="Vansbro kommun", platform="Facebook", url="https://www.facebook.com/vansbrokommun"
    )
    SocialChannel.objects.create(
        name="Gammal kanal", platform="X", url="https://x.example/gammal", is_active=False
    )
    page = Page.objects.get(slug="sociala-medier")
    Page.objects.filter(pk=page.pk).update(
        updated_at=timezone.make_aware(datetime.datetime(2022, 7, 19, 12))
    )
    response = client.get("/sociala-medier/")
    text = _text(response)
    assert "Våra officiella kanaler i sociala medier" in text
    assert "Medborgardialog (den här webbplatsen)" in text
    assert "Vansbro kommun (Facebook)" in text
    assert "Gammal kanal" not in text
    today = timezone.localdate()
    months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti"]
    months += ["september", "oktober", "november", "december"]
    assert f"Senast uppdaterad: {today.day} {months[today.month - 1]} {today.year}" in text


def test_social_media_page_date_follows_the_text(client):
    """RULE-9: with no channel changes the date is that of the page text, written in Swedish."""
    page = Page.objects.get(slug="sociala-medier")
    Page.objects.filter(pk=page.pk).update(
        updated_at=timezone.make_aware(datetime.datetime(2022, 7, 19, 12))
    )
    response = client.get("/sociala-medier/")
    assert "Senast uppdaterad: 19 juli 2022" in _text(response)
    assert '<time datetime="2022-07-19">' in response.content.decode()


def test_not_found_page_is_swedish(client):
    """DOS-1: a missing page answers 404 with a Swedish page in the layout."""
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_staff_edits_of_pages_are_cleaned(client):
    """Staff-edited page bodies are cleaned: no script survives into the page (CSP as well)."""
    page = Page.objects.get(slug="regler")
    page.body_sv = '<p>Hej</p><script>alert(1)</script><a href="javascript:alert(1)">x</a>'
    page.save()
    html = client.get("/regler/").content.decode()
    assert "<script>alert" not in html and "javascript:" not in html
    assert "<p>Hej</p>" in html
