"""Checks shared by the PDF tests (DOS-1, DOS-5): what makes a generated PDF a tagged,
accessible document, read back with pypdf."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject


def structure_tags(root) -> list[str]:
    """The structure types (/S) of the structure tree, in document order."""
    found: list[str] = []

    def walk(node) -> None:
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, ArrayObject):
            for child in node:
                walk(child)
        elif isinstance(node, DictionaryObject):
            if "/S" in node:
                found.append(str(node["/S"]))
            if "/K" in node:
                walk(node["/K"])

    walk(root["/StructTreeRoot"])
    return found


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def assert_tagged_pdf(data: bytes, *, title: str, lang: str = "sv") -> str:
    """Assert the PDF is tagged (PDF/UA-1: /MarkInfo /Marked true, /StructTreeRoot with
    headings and paragraphs), has its language and title, asks viewers to show the title,
    and has extractable text; return that text."""
    reader = PdfReader(io.BytesIO(data))
    root = reader.trailer["/Root"]
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    tags = structure_tags(root)
    assert "/H1" in tags and "/P" in tags, tags
    assert str(root["/Lang"]) == lang
    assert reader.metadata.title == title
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"]) is True
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "pdfuaid:part" in xmp and title in xmp
    assert not any(page.images for page in reader.pages)  # no images of text
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text.strip()
    return text
