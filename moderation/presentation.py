"""Turning screening results into what a person reads: highlighted spans and plain Swedish."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

LABELS = {
    "personnummer": _("an identity number (personnummer)"),
    "phone": _("a phone number"),
    "email": _("an e-mail address"),
    "address": _("a street address"),
    "bank_account": _("a bank or account number"),
    "sensitive_personal": _("sensitive personal information (e.g. health)"),
    "confidential_matter": _("a matter that may be confidential"),
    "insult": _("words that may offend"),
    "threat": _("something that may read as a threat"),
    "hate_speech": _("words that may be hate speech"),
    "child_abuse": _("possible abuse material"),
    "incitement": _("possible incitement to crime"),
    "violent_depiction": _("a violent depiction"),
    "copyright": _("possible copyright infringement"),
    "advertising": _("advertising"),
    "redaction": _("masked by a moderator"),
    "statistical": _("any flag raised only by the statistical assessment"),
}


def findings_of(screening: dict | None) -> list[dict]:
    """PII and flag findings as one list: start, end, label, kind ("pii"/"flag")."""
    screening = screening or {}
    items = [
        {
            "start": p["start"],
            "end": p["end"],
            "name": p["type"],
            "label": LABELS.get(p["type"], p["type"]),
            "kind": "pii",
        }
        for p in screening.get("pii", [])
    ]
    items += [
        {
            "start": f["start"],
            "end": f["end"],
            "name": f["flag"],
            "label": LABELS.get(f["flag"], f["flag"]),
            "kind": "flag",
        }
        for f in screening.get("flags", [])
    ]
    return sorted(items, key=lambda i: (i["start"], i["end"]))


def segments(text: str, spans: list[dict]) -> list[dict]:
    """Split text into [{"text", "mark": finding|None}] for <mark> highlighting."""
    out, pos = [], 0
    for span in sorted(spans, key=lambda s: (s["start"], s["end"])):
        start, end = max(span["start"], pos), span["end"]
        if end <= start:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "mark": None})
        out.append({"text": text[start:end], "mark": span})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "mark": None})
    return out


def unique_labels(findings: list[dict]) -> list:
    seen, labels = set(), []
    for item in findings:
        if item["name"] not in seen:
            seen.add(item["name"])
            labels.append(item["label"])
    return labels
