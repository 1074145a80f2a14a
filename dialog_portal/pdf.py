"""Accessible PDFs (DOS-1, DOS-5): every PDF the portal generates is an HTML template rendered
by WeasyPrint as a tagged PDF/UA-1 document.

The template carries the accessibility: `<html lang>` becomes the document's /Lang, `<title>`
its title (shown by viewers, DisplayDocTitle), headings, paragraphs, lists and tables with
`<th scope>` become the structure tree (/StructTreeRoot, /MarkInfo /Marked true), and the text
is real text in DejaVu Sans (from the system; nothing is downloaded). Templates extend
`dialog_portal/pdf/base.html`, which links `static/css/pdf.css` through the base URL.

Rendering never touches the network: the URL fetcher refuses every URL that is not a file
under the project's static directory, so neither a template nor text in it can make the
server fetch anything else.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

# WeasyPrint logs every rendering step at INFO; only its warnings and errors matter here.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import HTML, URLFetcher  # noqa: E402

PDF_VARIANT = "pdf/ua-1"
BASE_TEMPLATE = "dialog_portal/pdf/base.html"


def static_root() -> Path:
    """The directory PDF templates may load files from (stylesheets): static/ of the project."""
    return (Path(settings.BASE_DIR) / "static").resolve()


class LocalFileFetcher(URLFetcher):
    """Fetch `file:` URLs below the allowed directories; refuse everything else.

    A refused URL raises ValueError, which WeasyPrint reports as a warning and skips.
    """

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols={"file"}, allow_redirects=False)
        self.roots = [Path(r).resolve() for r in roots]

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in {"", "localhost"}:
            raise ValueError(f"PDF rendering fetches local files only, not {url!r}")
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots):
            raise ValueError(f"PDF rendering may not read {path}")
        return super().fetch(url, headers)


def render_html(*, template: str, context: dict, title: str, lang: str = "sv") -> str:
    """The HTML a PDF is made from (useful to check the markup; `render_pdf` uses it)."""
    with translation.override(lang):
        return render_to_string(
            template,
            {
                **context,
                "pdf_title": title,
                "pdf_lang": lang,
                "pdf_author": settings.MUNICIPALITY["name"],
                "pdf_base_template": BASE_TEMPLATE,
            },
        )


def render_pdf(*, template: str, context: dict, title: str, lang: str = "sv") -> bytes:
    """Render `template` with `context` to a tagged PDF/UA-1 document (DOS-1, DOS-5).

    `title` becomes the `<title>` (document title, shown in the viewer's title bar) and `lang`
    the `<html lang>` (the PDF's /Lang); the template is rendered in that language.
    """
    html = render_html(template=template, context=context, title=title, lang=lang)
    root = static_root()
    document = HTML(
        string=html,
        base_url=root.as_uri() + "/",
        url_fetcher=LocalFileFetcher([root]),
        media_type="print",
    )
    return document.write_pdf(pdf_variant=PDF_VARIANT, presentational_hints=False)
