"""The shared PDF service (dialog_portal/pdf.py): every PDF the portal generates is a tagged
PDF/UA-1 document with language, title and real text (DOS-1, DOS-5), rendered without any
network access."""

from __future__ import annotations

import io

import pytest
from django.conf import settings
from pypdf import PdfReader

from dialog_portal.pdf import LocalFileFetcher, render_html, render_pdf, static_root
from tests.portal.pdf_checks import assert_tagged_pdf, structure_tags

SAMPLE = """{% extends pdf_base_template %}{% load i18n %}
{% block content %}
<h1>{{ pdf_title }}</h1>
<p>Räksmörgås på Åsen, {{ who }}.</p>
<h2>Tabell</h2>
<table>
<thead><tr><th scope="col">Namn</th><th scope="col">Värde</th></tr></thead>
<tbody><tr><th scope="row">Öppet</th><td>ja</td></tr></tbody>
</table>
{% if extra %}{{ extra|safe }}{% endif %}
{% endblock %}
"""


@pytest.fixture
def sample_template(tmp_path, settings):
    """A PDF template in a temporary template directory."""
    (tmp_path / "pdf_sample.html").write_text(SAMPLE, encoding="utf-8")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    return "pdf_sample.html"


def test_render_pdf_makes_a_tagged_pdf_ua_document(sample_template):
    """DOS-1, DOS-5: /MarkInfo /Marked true, a structure tree with heading, paragraph and
    table tags (header cells as TH), /Lang sv, the title in the info dictionary and the XMP
    metadata (PDF/UA-1 identified), shown by viewers (DisplayDocTitle), the author, and the
    text with Swedish letters extractable in reading order."""
    data = render_pdf(
        template=sample_template, context={"who": "Kalle"}, title="Provdokument på svenska"
    )
    text = assert_tagged_pdf(data, title="Provdokument på svenska")
    assert text.index("Provdokument på svenska") < text.index("Räksmörgås på Åsen, Kalle.")
    assert text.index("Räksmörgås") < text.index("Tabell") < text.index("Öppet")
    reader = PdfReader(io.BytesIO(data))
    tags = structure_tags(reader.trailer["/Root"])
    assert {"/H1", "/H2", "/P", "/Table", "/TR", "/TH", "/TD"} <= set(tags)
    assert reader.metadata.author == settings.MUNICIPALITY["name"]
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfuaid:part="1"' in xmp


def test_fonts_are_dejavu_embedded_from_the_system(sample_template):
    """DOS-1: the text is set in DejaVu Sans from the system (nothing downloaded), embedded
    with a Unicode mapping so it can be read aloud and copied."""
    data = render_pdf(template=sample_template, context={"who": "x"}, title="Typsnitt")
    reader = PdfReader(io.BytesIO(data))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts and all("DejaVu" in name for name in fonts)
    assert all("/ToUnicode" in font for font in fonts.values())


def test_language_follows_lang_argument(sample_template):
    """DOS-1: the document language (/Lang, <html lang>) follows the `lang` argument."""
    html = render_html(template=sample_template, context={"who": "x"}, title="T", lang="en")
    assert '<html lang="en">' in html and "<title>T</title>" in html
    data = render_pdf(template=sample_template, context={"who": "x"}, title="T", lang="en")
    assert str(PdfReader(io.BytesIO(data)).trailer["/Root"]["/Lang"]) == "en"


def test_rendering_fetches_nothing_outside_static(sample_template):
    """DOS-1 (security of the generated documents): markup that points at the network or at
    files outside static/ renders without fetching them — the PDF holds no image — and the
    fetcher itself refuses such URLs while it reads the project's stylesheet."""
    extra = (
        '<img src="http://127.0.0.1:9/x.png" alt="x">'
        '<img src="file:///etc/hostname" alt="y">'
        '<link rel="stylesheet" href="https://example.org/evil.css">'
    )
    data = render_pdf(template=sample_template, context={"who": "x", "extra": extra}, title="Nät")
    assert not any(page.images for page in PdfReader(io.BytesIO(data)).pages)
    fetcher = LocalFileFetcher([static_root()])
    for url in (
        "http://127.0.0.1:9/x.png",
        "https://example.org/a.css",
        "file:///etc/passwd",
        "data:text/css,body{}",
        (static_root() / "../README.md").as_uri(),
    ):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    response = fetcher.fetch((static_root() / "css" / "pdf.css").as_uri())
    assert b"DejaVu Sans" in response.read()
    response.close()
