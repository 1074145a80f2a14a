"""The meeting cards and list dates built in Python read as the template filters would."""

import datetime

import pytest
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

from dialog_portal.dates import ListDates
from meetings.fragments import meeting_cards_html
from meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["sv", "en"])
def test_list_dates_equal_the_date_filter_every_month_and_weekday(language):
    """ "l j F Y, H:i" and "j F Y H:i" as the `date` filter gives them, for every month and
    every weekday, in Swedish and English. No domain.md requirement: a speed change that must
    not change what residents read."""
    dates = ListDates()
    with translation.override(language):
        for day in range(0, 380, 9):  # every month, every weekday
            value = datetime.datetime(2026, 1, 1, 6, 4, tzinfo=datetime.UTC) + datetime.timedelta(
                days=day, minutes=day
            )
            local = dates.local(value)
            assert local == timezone.localtime(value)
            assert dates.weekday_day_month_year_time(local) == date_format(local, "l j F Y, H:i")
            assert dates.day_month_year_time(local) == date_format(local, "j F Y H:i")
            assert dates.day_month_year(local) == date_format(local, "j F Y")


def test_cards_escape_mark_cancelled_and_count(make_meeting, village):
    """A card links the meeting, escapes what officials typed, marks a cancelled meeting in
    words (not only by colour), shows local times and the question count in the right
    plural (DOS-1: information not by colour alone)."""
    planned = make_meeting(days=5, title="Träff <om> vägen & skolan")
    cancelled = make_meeting(days=6, state=Meeting.State.CANCELLED)
    cancelled.venue = None
    planned.contribution_count, cancelled.contribution_count = 1, 3
    with translation.override("sv"):
        html = meeting_cards_html([planned, cancelled])
    start = timezone.localtime(planned.starts_at)
    assert html.count('<li class="meeting-card') == 2
    assert (
        f'<a href="/kommundelstraffar/{planned.pk}/">Träff &lt;om&gt; vägen &amp; skolan</a>'
        in html
    )
    assert (
        f'<time datetime="{start.isoformat()}">{date_format(start, "l j F Y, H:i")}</time>' in html
    )
    assert f"–{timezone.localtime(planned.ends_at):%H:%M}</p>" in html
    assert f"<p>{village.name}: " in html  # with its venue
    assert f"<p>{village.name}</p>" in html  # the cancelled one has none
    assert "<p>1 fråga eller behov</p>" in html
    assert "<p>3 frågor och behov</p>" in html
    assert '<li class="meeting-card is-cancelled">' in html
    assert '<span class="badge badge-cancelled">Inställd</span>' in html
    assert html.count("badge-cancelled") == 1


def test_village_directory_follows_changes_and_unknown_slug_shows_all(
    client, village, no_page_cache
):
    """The village filter and links come from a per-process directory; a new village shows at
    once (a village save bumps the content version), and an unknown slug in the filter gives
    the whole list with no error (never a 500 on bad input)."""
    from meetings.models import Village

    page = client.get("/kommundelstraffar/").content.decode()
    assert f'<option value="{village.slug}">{village.name}</option>' in page
    Village.objects.create(name="Nya <Byn>", slug="nya-byn")
    page = client.get("/kommundelstraffar/").content.decode()
    assert '<option value="nya-byn">Nya &lt;Byn&gt;</option>' in page
    assert '<li><a href="/kommundelstraffar/byar/nya-byn/">Nya &lt;Byn&gt;</a></li>' in page
    response = client.get("/kommundelstraffar/?by=finns-inte")
    assert response.status_code == 200
    chosen = client.get("/kommundelstraffar/?by=nya-byn").content.decode()
    assert '<option value="nya-byn" selected>' in chosen


# The loop that answer_items_html replaced, kept here as the reference it must equal.
ANSWERS_LOOP = """{% load i18n %}{% for c in answers %}<li class="answer" id="svar-{{ c.answer.pk }}">\
<p><a href="#bidrag-{{ c.pk }}">{% if c.kind == "need" %}{% translate "Need" %}{% else %}\
{% translate "Question" %}{% endif %} {% translate "from" %} {{ c.public_name }}</a>: \
<q>{{ c.public_text|truncatewords:25 }}</q></p><div>{{ c.answer.text|linebreaks }}</div>\
<p class="muted">– {{ c.answer.answered_by }}, {% if c.answer.published_at %}<time datetime="\
{{ c.answer.published_at|date:'c' }}">{{ c.answer.published_at|date:"j F Y" }}</time>\
{% endif %}{% if c.dealt_with %} · {% translate "dealt with at the meeting" %}{% endif %}</p>\
</li>{% endfor %}"""


@pytest.mark.parametrize("language", ["sv", "en"])
def test_answer_items_equal_the_template_loop(language):
    """The answers of a meeting page, built in Python, give the template loop's markup: a
    question and a need, escaped names and texts, a long question cut at 25 words, answers
    over several paragraphs, local dates, the "dealt with" note (TF-3: what the kommun
    answered is shown with its date)."""
    from django.template import Context, Template

    from meetings.fragments import answer_items_html
    from meetings.models import Answer
    from moderation.models import Contribution

    def item(pk, kind, text, name, answer_text, published_at, dealt):
        c = Contribution(pk=pk, kind=kind, text=text, display_name=name, state="published")
        c.answer = Answer(
            pk=pk + 100,
            text=answer_text,
            answered_by="Kommunalråd <Anna>",
            published_at=published_at,
        )
        c.dealt_with = dealt
        return c

    when = datetime.datetime(2026, 3, 31, 22, 30, tzinfo=datetime.UTC)  # 1 April in Sweden
    answered = [
        item(1, "question", "När plogas <Byvägen> & skolgården?", "Siv", "I morgon.", when, True),
        item(
            2,
            "need",
            " ".join(f"ord{i}" for i in range(40)),
            "",
            "Stycke ett.\n\nStycke två\nrad",
            None,
            False,
        ),
    ]
    with translation.override(language):
        expected = Template(ANSWERS_LOOP).render(Context({"answers": answered}))
        assert answer_items_html(answered) == expected
        assert "ord24 …" in expected and "ord25" not in expected


def test_subscription_form_preselects_the_village_and_rejects_unknown_ones(client, village):
    """DOS-1: on a village's page the subscription form has that village chosen and an empty
    'Välj en by' option first; sent with a village that does not exist it answers with a
    Swedish error and stores nothing (the form reads villages from the directory, not a
    query of its own)."""
    from meetings.models import VillageSubscription

    page = client.get(f"/kommundelstraffar/byar/{village.slug}/").content.decode()
    assert '<option value="">Välj en by</option>' in page
    assert f'<option value="{village.slug}" selected>' in page
    answer = client.post(
        "/kommundelstraffar/bevaka/", {"village": "finns-inte", "email": "a@example.se"}
    )
    assert answer.status_code == 200
    assert "Välj ett giltigt alternativ" in answer.content.decode()
    assert not VillageSubscription.objects.exists()
