"""HTML fragments of the meeting page built in Python, for speed.

A meeting page lists up to a few dozen questions and needs; through the template engine each
row cost a `{% url %}`, two `date` filters, `linebreaks` and a dozen variable lookups, which
made the list the largest part of a fresh render. Here each row is one string formatting with
URLs from one `reverse()` per kind and dates formatted once, giving the same markup as the
loop it replaces (see `meetings/includes/contributions.html`).

`contribution_form_html` keeps the rendered, unbound question form once per process and
language: it is the same on every meeting page but for the action and the CSRF token, which
are placeholders filled in per page (the page cache puts the visitor's token in anyway).
"""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

_PK = 987654321987654321  # a pk no row has: replaced in the reversed pattern


def _url_pattern(name: str) -> tuple[str, str]:
    """(prefix, suffix) of the URL of `name` around its `pk`."""
    prefix, _sep, suffix = reverse(name, kwargs={"pk": _PK}).partition(str(_PK))
    return prefix, suffix


def contribution_items_html(contributions) -> SafeString:
    """The `<li>` of every question or need, as the template loop rendered them."""
    report = _url_pattern("moderation-report")
    takedown = _url_pattern("moderation-takedown")
    photo_url = _url_pattern("moderation-photo")
    dealt_label = escape(capfirst(_("dealt with at the meeting")))
    report_label = escape(_("Report"))
    by_label = escape(_("contribution by"))
    reply_label = escape(_("reply"))
    answers_label = escape(_("Answers"))
    photo_alt = escape(_("Photo from a resident"))
    takedown_label = escape(_("This is me – remove the photo"))
    hidden_label = escape(_("Hidden by a moderator"))
    rows = []
    for c in contributions:
        pk = c.pk
        classes = "contribution"
        if c.parent_id:
            classes += " contribution-reply"
        if c.dealt_with:
            classes += " is-dealt-with"
        if c.state != "published":
            rows.append(
                f'<li class="{classes}" id="bidrag-{pk}">'
                f'<p class="contribution-hidden">{hidden_label}</p></li>'
            )
            continue
        name = escape(c.public_name)
        text = c.public_text
        received = timezone.localtime(c.received_at)
        meta = (
            f'<p class="contribution-meta" id="bidrag-{pk}-by"><span class="contribution-author">'
            f'{name}</span>, <time datetime="{date_format(received, "c")}">'
            f"{date_format(received, 'j F Y H:i')}</time>"
        )
        if c.parent_id:
            meta += f' · <a href="#bidrag-{c.parent_id}">{reply_label}</a>'
        parts = [meta + "</p>"]
        if c.photo:
            alt = escape(text) if text else photo_alt
            parts.append(
                f'<img class="contribution-photo" src="{photo_url[0]}{pk}{photo_url[1]}"'
                f' alt="{alt}">'
            )
        if text:
            parts.append(f'<div class="contribution-text">{linebreaks(text, True)}</div>')
        if c.dealt_with:
            dealt = (
                f'<p class="dealt-with"><span class="badge badge-dealt-with">{dealt_label}</span>'
            )
            if c.answer:
                dealt += f' · <a href="#svar-{c.answer.pk}">{answers_label}</a>'
            parts.append(dealt + "</p>")
        actions = (
            f'<p class="contribution-actions"><a href="{report[0]}{pk}{report[1]}">{report_label}'
            f'<span class="visually-hidden"> – {by_label} {name}</span></a>'
        )
        if c.photo:
            actions += f' · <a href="{takedown[0]}{pk}{takedown[1]}">{takedown_label}</a>'
        parts.append(actions + "</p>")
        rows.append(
            f'<li class="{classes}" id="bidrag-{pk}"><article aria-labelledby="bidrag-{pk}-by">'
            + "".join(parts)
            + "</article></li>"
        )
    return mark_safe("".join(rows))  # noqa: S308 - every value above is escaped


_ACTION = "__meetings_form_action__"
_form_cache: dict[tuple, str] = {}


def contribution_form_html(request, *, form, form_action: str, csrf_token: str) -> SafeString:
    """moderation's question form include for `form` (unbound), rendered once per process
    and language with placeholders, then given this page's action and CSRF token."""
    key = (get_language(), repr(getattr(settings, "MUNICIPALITY", None)), type(form).__name__)
    html = _form_cache.get(key)
    if html is None:
        html = render_to_string(
            "moderation/includes/contribution_form.html",
            {
                "form": form,
                "form_action": _ACTION,
                "form_heading": _("Send a question or a need"),
                "show_warning": False,
                "csrf_token": _ACTION + "csrf",
            },
            request=request,
        )
        _form_cache[key] = html
    return mark_safe(  # noqa: S308 - rendered by the template engine; both values are ours
        html.replace(_ACTION + "csrf", str(csrf_token)).replace(_ACTION, escape(form_action))
    )
