from django import template

from moderation.items import contribution_items_html
from moderation.presentation import findings_of, segments, unique_labels

register = template.Library()


@register.simple_tag
def screening_view(text: str, screening) -> dict:
    """{"segments", "labels", "found"} for a text and a screening result (object or dict)."""
    data = screening.to_dict() if hasattr(screening, "to_dict") else (screening or {})
    found = findings_of(data)
    return {"segments": segments(text or "", found), "labels": unique_labels(found), "found": found}


@register.simple_tag
def masked_view(contribution) -> dict:
    """Original text with masked spans highlighted (moderators and registrars only)."""
    spans = [
        {**s, "label": s.get("type", ""), "kind": "masked"} for s in contribution.masked_spans or []
    ]
    return {"segments": segments(contribution.text, spans)}


@register.simple_tag
def contribution_items(contributions):
    """The `<li>` items of a contribution list (moderation/items.py)."""
    return contribution_items_html(contributions)
