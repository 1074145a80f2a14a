"""Demo data of the meetings app: the villages of Vansbro kommun, venues, past and coming
meetings with agenda, attendees, questions (through moderation), answers, notes and
follow-up actions, and "på gång i byn". Idempotent: running it again adds nothing.

Saltvik has no meeting planned (the empty state).
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from .models import (
    AgendaItem,
    Answer,
    Attendee,
    FollowUpAction,
    Meeting,
    MeetingNotes,
    Venue,
    Village,
    VillageItem,
)

TZ = ZoneInfo("Europe/Stockholm")

VILLAGES = (
    ("Vansbro", "vansbro", "Centralorten vid Vanån och Västerdalälven.", "60.51230", "14.22470"),
    (
        "Dala-Järna",
        "dala-jarna",
        "Tätort vid Västerdalälven med skola och vårdcentral.",
        "60.54880",
        "14.36570",
    ),
    (
        "Äppelbo",
        "appelbo",
        "By i norra delen av kommunen, känd för Äppelbo gästgivargård.",
        "60.49770",
        "14.00020",
    ),
    ("Nås", "nas", "Kyrkby vid Västerdalälven med lång historia.", "60.45600", "14.48640"),
    ("Järna", "jarna", "Järna socken kring Dala-Järna.", "60.54000", "14.34000"),
    ("Saltvik", "saltvik", "Liten by väster om Vansbro.", "60.50500", "14.10000"),
)

# slug -> (venue name, street, postal code, town, lat, lon, step-free, hearing loop, notes)
VENUES = {
    "vansbro": (
        "Folkets hus Vansbro",
        "Järnvägsgatan 10",
        "780 50",
        "Vansbro",
        "60.51190",
        "14.22580",
        True,
        True,
        "Parkering och tillgänglig toalett vid entrén.",
    ),
    "dala-jarna": (
        "Dala-Järna bygdegård",
        "Storgatan 3",
        "780 51",
        "Dala-Järna",
        "60.54850",
        "14.36420",
        True,
        False,
        "Ramp vid sidoentrén.",
    ),
    "appelbo": (
        "Äppelbo gästgivargård",
        "Äppelbovägen 12",
        "780 54",
        "Äppelbo",
        "60.49700",
        "14.00110",
        True,
        True,
        "",
    ),
    "nas": (
        "Nås bygdegård",
        "Kyrkvägen 5",
        "780 55",
        "Nås",
        None,
        None,
        False,
        False,
        "Tre trappsteg vid entrén, ingen ramp.",
    ),
}

ATTENDEES = (
    ("Anna Berglund", "politician", "Kommunstyrelsens ordförande"),
    ("Erik Lindqvist", "politician", "Oppositionsråd"),
    ("Karin Ek", "official", "Kommundirektör"),
    ("Per Nyström", "official", "Samhällsbyggnadschef"),
)

AGENDA = (
    ("Välkommen och presentation", ""),
    ("Aktuellt i kommunen", "Budget, skola och omsorg."),
    ("Frågor som kommit in i förväg", ""),
    ("Öppen frågestund", ""),
)

ITEMS = (
    (
        "appelbo",
        "Ny beläggning på Äppelbovägen",
        "roads",
        "planned",
        "Samhällsbyggnadsförvaltningen",
        "Trafikverket och kommunen planerar ny asfalt under sommaren.",
    ),
    (
        "appelbo",
        "Fiber till Äppelbo by",
        "broadband",
        "ongoing",
        "Bredbandsenheten",
        "Grävning pågår längs älven. Anslutning beräknas klar till hösten.",
    ),
    (
        "vansbro",
        "Ombyggnad av Vansbro skola",
        "school",
        "ongoing",
        "Barn- och utbildningsförvaltningen",
        "Nya klassrum och ny skolgård.",
    ),
    (
        "dala-jarna",
        "Hemtjänstens nya lokaler",
        "care",
        "planned",
        "Socialförvaltningen",
        "Hemtjänsten flyttar närmare vårdcentralen.",
    ),
    (
        "nas",
        "Gatubelysning längs Kyrkvägen",
        "roads",
        "done",
        "Samhällsbyggnadsförvaltningen",
        "Nya LED-armaturer är på plats.",
    ),
)

QUESTIONS = {
    # meeting key -> (kind, text, display name, answer or "")
    "appelbo-past": (
        (
            "question",
            "När blir fibern klar i Äppelbo?",
            "Lena",
            "Grävningen pågår och anslutningen beräknas vara klar till hösten. /Bredbandsenheten",
        ),
        (
            "need",
            "Vi behöver en busshållplats med tak vid skolan.",
            "",
            "",
        ),
    ),
    "appelbo-next": (
        ("question", "Kommer Äppelbovägen att asfalteras i år?", "Johan", ""),
        ("need", "Fler papperskorgar vid badplatsen.", "", ""),
    ),
    "vansbro-next": (("question", "Hur går ombyggnaden av skolan?", "Sara", ""),),
}


def _local(days: int, hour: int, minute: int = 0) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def _demo_moderator():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(email="moderator@vansbro.example").first()


def _questions(meeting: Meeting, key: str, stdout) -> None:
    """Send the demo questions through moderation; publish them by a recorded decision of
    the demo moderator where moderation offers that, and answer those that have answers."""
    try:
        from moderation.services import contribution_approve, contribution_submit
    except ImportError:  # moderation not installed yet
        stdout.write("Meetings: moderation missing, no demo questions")
        return
    from django.contrib.contenttypes.models import ContentType

    from moderation.models import Contribution

    ctype = ContentType.objects.get_for_model(Meeting)
    existing = Contribution.objects.filter(content_type=ctype, object_id=str(meeting.pk))
    if existing.exists():
        return
    moderator = _demo_moderator()
    for kind, text, name, answer in QUESTIONS.get(key, ()):
        contribution = contribution_submit(
            target=meeting, kind=kind, text=text, display_name=name, channel="portal"
        )
        if moderator is None:
            continue
        contribution = contribution_approve(
            contribution=contribution, actor=moderator, reason="Demo"
        )
        if answer:
            Answer.objects.get_or_create(
                contribution_id=contribution.pk,
                defaults={
                    "meeting": meeting,
                    "text": answer,
                    "answered_by": "Karin Ek, kommundirektör",
                    "published_at": timezone.now(),
                },
            )


def _meeting(village: Village, venue: Venue, key: str, starts, ends, **extra) -> Meeting:
    meeting = Meeting.objects.filter(village=village, title=extra.get("title", "")).first()
    if meeting is None:
        meeting = Meeting.objects.create(
            village=village,
            venue=venue,
            starts_at=starts,
            ends_at=ends,
            published_at=timezone.now(),
            **extra,
        )
        for position, (title, description) in enumerate(AGENDA):
            AgendaItem.objects.create(
                meeting=meeting, position=position, title=title, description=description
            )
        for position, (name, kind, role) in enumerate(ATTENDEES[:3]):
            Attendee.objects.create(
                meeting=meeting, position=position, name=name, kind=kind, role=role
            )
    return meeting


def load(*, stdout) -> None:
    villages = {}
    for name, slug, description, lat, lon in VILLAGES:
        villages[slug], _ = Village.objects.get_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "latitude": lat, "longitude": lon},
        )
    venues = {}
    for slug, (name, street, postal, town, lat, lon, step, loop, notes) in VENUES.items():
        venues[slug], _ = Venue.objects.get_or_create(
            village=villages[slug],
            name=name,
            defaults={
                "street_address": street,
                "postal_code": postal,
                "town": town,
                "latitude": lat,
                "longitude": lon,
                "step_free_access": step,
                "hearing_loop": loop,
                "accessibility_notes": notes,
            },
        )
    for slug, title, category, state, department, description in ITEMS:
        VillageItem.objects.get_or_create(
            village=villages[slug],
            title=title,
            defaults={
                "category": category,
                "state": state,
                "contact_department": department,
                "description": description,
            },
        )

    past = _meeting(
        villages["appelbo"],
        venues["appelbo"],
        "appelbo-past",
        _local(-60, 18),
        _local(-60, 20),
        title="Kommundelsträff i Äppelbo i höstas",
        state=Meeting.State.HELD,
        participant_count=34,
        closed_at=timezone.now(),
    )
    next_appelbo = _meeting(
        villages["appelbo"],
        venues["appelbo"],
        "appelbo-next",
        _local(21, 18),
        _local(21, 20),
        title="Kommundelsträff i Äppelbo",
        description="Välkommen till en kväll om vägar, fiber och skolan. Kaffe serveras.",
        questions_close_at=_local(35, 23, 59),
        capacity=40,
    )
    next_vansbro = _meeting(
        villages["vansbro"],
        venues["vansbro"],
        "vansbro-next",
        _local(35, 18, 30),
        _local(35, 20, 30),
        title="Kommundelsträff i Vansbro",
    )
    _meeting(
        villages["dala-jarna"],
        venues["dala-jarna"],
        "jarna-next",
        _local(49, 18),
        _local(49, 20),
        title="Kommundelsträff i Dala-Järna",
    )
    past_nas = _meeting(
        villages["nas"],
        venues["nas"],
        "nas-past",
        _local(-120, 18),
        _local(-120, 20),
        title="Kommundelsträff i Nås i våras",
        state=Meeting.State.HELD,
        participant_count=21,
        closed_at=timezone.now(),
    )
    for meeting, text in (
        (
            past,
            "34 personer deltog. Frågor om fiber, busshållplatsen vid skolan och vägunderhåll. "
            "Kommunen tar med sig behovet av en busshållplats med tak till kollektivtrafiken.",
        ),
        (
            past_nas,
            "21 personer deltog. Samtal om gatubelysning, äldreomsorg och bygdegårdens framtid.",
        ),
    ):
        MeetingNotes.objects.get_or_create(
            meeting=meeting,
            defaults={
                "text": text,
                "finished_on": timezone.localdate(meeting.ends_at) + datetime.timedelta(days=5),
            },
        )
    for meeting, title, owner, days, status in (
        (past, "Utreda busshållplats med tak vid skolan", "Kollektivtrafikenheten", 30, "open"),
        (past, "Informera om fiberutbyggnaden på hemsidan", "Bredbandsenheten", -20, "done"),
        (past_nas, "Byta gatubelysning på Kyrkvägen", "Gatuenheten", -30, "done"),
        (past_nas, "Se över öppettider i bygdegården", "Kultur och fritid", 14, "in_progress"),
    ):
        FollowUpAction.objects.get_or_create(
            meeting=meeting,
            title=title,
            defaults={
                "owner": owner,
                "due_on": timezone.localdate() + datetime.timedelta(days=days),
                "status": status,
            },
        )
    for meeting, key in (
        (past, "appelbo-past"),
        (next_appelbo, "appelbo-next"),
        (next_vansbro, "vansbro-next"),
    ):
        _questions(meeting, key, stdout)
    stdout.write(
        f"Villages: {Village.objects.count()}, meetings: {Meeting.objects.count()} "
        "(Saltvik has none planned)"
    )
