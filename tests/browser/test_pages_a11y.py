"""Core pages in a real Chromium: no axe violations in Swedish, and no horizontal scrolling
at 320 px (WCAG 1.4.10 Reflow)."""

from __future__ import annotations

import pytest

from tests.conftest import format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_PAGES = ["/regler/", "/tillganglighet/", "/konto/login/", "/konto/signup/"]
REFLOW_PAGES = ["/", "/regler/", "/tillganglighet/", "/konto/login/"]


@pytest.mark.parametrize("url", AXE_PAGES)
def test_page_has_no_axe_violations_in_swedish(page, axe, url):
    """DOS-1, DOS-2, DOS-3: the rules, the accessibility statement, login and sign-up pages
    pass axe-core's WCAG 2.0/2.1 A and AA rules, in Swedish. The deadlines have passed
    (DOS-2), so this holds from the first release: under CI=true a missing Chromium fails
    the run instead of skipping this test."""
    page.goto(url)
    assert page.locator("html").get_attribute("lang") == "sv"
    violations = axe(page)
    assert violations == [], format_violations(violations)


@pytest.mark.parametrize("url", REFLOW_PAGES)
def test_no_horizontal_scrolling_at_320_px(page, url):
    """DOS-1 (WCAG 1.4.10 Reflow): at 320 CSS pixels wide nothing scrolls sideways."""
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(url)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{url} is {width}px wide at a 320px viewport"


def test_login_errors_are_announced(page, axe):
    """DOS-1 (WCAG 3.3.1): a failed login shows its Swedish error in an alert, still without
    axe violations."""
    page.goto("/konto/login/")
    page.get_by_label("E-post").fill("ingen@example.se")
    page.get_by_label("Lösenord", exact=False).first.fill("fel-lösenord-igen")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_load_state()
    assert "felaktig" in page.get_by_role("alert").inner_text()
    violations = axe(page)
    assert violations == [], format_violations(violations)
