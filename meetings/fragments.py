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
from django.utils.html import escape, linebreaks
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator, capfirst
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from dialog_portal.dates import ListDates
from dialog_portal.urlparts import url_parts
from moderation.items import contribution_items_html as moderation_items_html


def meeting_cards_html(meetings) -> SafeString:
    """The `<li class="meeting-card">` of each meeting of the coming list and the village
    page (they read `meeting.contribution_count` when it is set)."""
    prefix, suffix = url_parts("meetings-detail")
    cancelled_badge = f' <span class="badge badge-cancelled">{escape(_("Cancelled"))}</span>'
    dates = ListDates()
    cards = []
    for meeting in meetings:
        cancelled = meeting.is_cancelled
        starts, ends = dates.local(meeting.starts_at), dates.local(meeting.ends_at)
        where = escape(meeting.village.name)
        venue = meeting.venue
        if venue is not None:
            where += f": {escape(venue.name)}, {escape(venue.street_address)}"
        count = getattr(meeting, "contribution_count", 0)
        counted = ""
        if count:
            counted = "<p>{}</p>".format(
                escape(
                    ngettext(
                        "%(counter)s question or need", "%(counter)s questions and needs", count
                    )
                    % {"counter": count}
                )
            )
        cards.append(
            f'<li class="meeting-card{" is-cancelled" if cancelled else ""}">'
            f'<h3><a href="{prefix}{meeting.pk}{suffix}">{escape(meeting.display_title)}</a>'
            f"{cancelled_badge if cancelled else ''}</h3>"
            f'<p class="meeting-when"><time datetime="{starts.isoformat()}">'
            f"{dates.weekday_day_month_year_time(starts)}</time>–{ends:%H:%M}</p>"
            f"<p>{where}</p>{counted}</li>"
        )
    return mark_safe("".join(cards))  # noqa: S308 - every value above is escaped


def contribution_items_html(contributions) -> SafeString:
    """Moderation's list items, plus the "dealt with at the meeting" badge (TF-3)."""
    dealt_label = escape(capfirst(_("dealt with at the meeting")))
    answers_label = escape(_("Answers"))

    def dealt_with(c) -> str:
        if not c.dealt_with:
            return ""
        html = f'<p class="dealt-with"><span class="badge badge-dealt-with">{dealt_label}</span>'
        if c.answer:
            html += f' · <a href="#svar-{c.answer.pk}">{answers_label}</a>'
        return html + "</p>"

    return moderation_items_html(
        contributions,
        extra=dealt_with,
        extra_class=lambda c: "is-dealt-with" if c.dealt_with else "",
    )


def answer_items_html(answered) -> SafeString:
    """The `<li class="answer">` of every published question or need with an answer (each
    with `.answer` and `.dealt_with`, from `selectors.meeting_contributions`): the markup of
    the template loop it replaces (tests compare them), one string formatting per answer; an
    answer without a publishing date shows no empty `<time>`."""
    dates = ListDates()
    need, question = escape(_("Need")), escape(_("Question"))
    from_label = escape(_("from"))
    dealt_label = escape(_("dealt with at the meeting"))
    items = []
    for c in answered:
        answer = c.answer
        when = ""
        if answer.published_at is not None:
            local = dates.local(answer.published_at)
            when = f'<time datetime="{local.isoformat()}">{dates.day_month_year(local)}</time>'
        text = escape(Truncator(c.public_text).words(25, truncate=" …"))
        items.append(
            f'<li class="answer" id="svar-{answer.pk}">'
            f'<p><a href="#bidrag-{c.pk}">{need if c.kind == "need" else question} {from_label} '
            f"{escape(c.public_name)}</a>: <q>{text}</q></p>"
            f"<div>{linebreaks(answer.text, True)}</div>"
            f'<p class="muted">– {escape(answer.answered_by)}, {when}'
            f"{f' · {dealt_label}' if c.dealt_with else ''}</p></li>"
        )
    return mark_safe("".join(items))  # noqa: S308 - every value above is escaped


_ACTION = "__meetings_form_action__"
_form_cache: dict[tuple, str] = {}


def contribution_form_html(request, *, form_class, form_action: str, csrf_token: str) -> SafeString:
    """moderation's question form include for an unbound `form_class()`, rendered once per
    process and language with placeholders, then given this page's action and CSRF token."""
    key = (get_language(), repr(getattr(settings, "MUNICIPALITY", None)), form_class.__name__)
    html = _form_cache.get(key)
    if html is None:
        html = render_to_string(
            "moderation/includes/contribution_form.html",
            {
                "form": form_class(),
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
