"""The contribution list items built in Python give the markup the template filters give."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.html import linebreaks

from moderation.items import _paragraphs, contribution_items_html


def _item(received, text="Fråga om snöröjningen"):
    return SimpleNamespace(
        pk=7,
        parent_id=None,
        state="published",
        display_name="Anna",
        public_text=text,
        received_at=received,
        photo=None,
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_dates_read_as_the_date_filter_in_every_month(language):
    """Every item's date reads as the `date` filter's "j F Y H:i" in the page's language, and
    its datetime attribute as "c". No domain.md requirement: a speed change that must not
    change the markup."""
    with translation.override(language):
        for month in range(1, 13):
            received = datetime.datetime(2026, month, 3 + month, 7, 5, 9, tzinfo=datetime.UTC)
            html = contribution_items_html([_item(received)])
            local = timezone.localtime(received)
            assert f'<time datetime="{date_format(local, "c")}">' in html
            assert f">{date_format(local, 'j F Y H:i')}</time>" in html


@pytest.mark.parametrize(
    "text",
    [
        "En rad <b>med</b> & tecken",
        "Två\nrader",
        "Stycke ett\n\nStycke två",
        "Windows\r\nrader\r\n\r\nslut",
        "",
        "  mellanslag  ",
    ],
)
def test_paragraphs_equal_linebreaks(text):
    """The fast path for one-paragraph text gives exactly `linebreaks` with escaping, so
    nothing a resident wrote is output unescaped. No domain.md requirement (markup and
    safety, not law)."""
    assert _paragraphs(text) == linebreaks(text, True)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_names_are_escaped_and_an_empty_name_reads_as_anonymous(language):
    """BBS-2, DOS-1: the author's name is shown escaped, and a contribution without a name
    shows the same word as Contribution.public_name ("Anonym"), in the page's language."""
    from moderation.models import Contribution

    named = _item(timezone.now())
    named.display_name = 'Per "<b>" & Co'
    nameless = _item(timezone.now())
    nameless.pk, nameless.display_name = 8, ""
    with translation.override(language):
        html = contribution_items_html([named, nameless])
        anonymous = Contribution(display_name="").public_name
    assert "Per &quot;&lt;b&gt;&quot; &amp; Co</span>" in html
    assert f'<span class="contribution-author">{anonymous}</span>' in html
