"""The home page in a real Chromium: Swedish first, English on request, no axe violations."""

import pytest

from tests.conftest import format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_swedish_has_no_axe_violations(page, axe):
    """DOS-1: the home page in Swedish passes the WCAG 2.0/2.1 A and AA rules of axe-core."""
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text() == "Medborgardialoger"
    violations = axe(page)
    assert violations == [], format_violations(violations)


def test_home_english_has_no_axe_violations(page, axe):
    """DOS-1: after choosing English with the switcher the page is English and passes axe."""
    page.goto("/")
    page.get_by_role("button", name="In English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Citizen dialogues"
    violations = axe(page)
    assert violations == [], format_violations(violations)
