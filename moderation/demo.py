"""Demo data: feedback topics and a few contributions in every state (idempotent)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

DEMO_MARK = "demo-data (load_demo)"

TOPICS = [
    ("snorojning", "Snöröjning", "Hur fungerar snöröjningen där du bor?"),
    ("skolskjuts", "Skolskjuts", "Synpunkter på skolskjutsar och hållplatser."),
    ("fiber-och-bredband", "Fiber och bredband", "Utbyggnaden av fiber i kommunens byar."),
]

CONTRIBUTIONS = [
    ("snorojning", "Plogbilen kommer alldeles för sent på morgonen i Äppelbo.", "Lena", "publish"),
    ("snorojning", "Tack för att ni sandade backen vid skolan!", "Per", "publish"),
    (
        "skolskjuts",
        "Busshållplatsen vid Dala-Järna saknar belysning, det är farligt.",
        "",
        "publish",
    ),
    ("skolskjuts", "Ring mig på 070-123 45 67 om skolskjutsen.", "Anna", "pending"),
    ("fiber-och-bredband", "När får Nås fiber? Vi har väntat i tre år.", "Kalle", "pending"),
    ("fiber-och-bredband", "Köp billiga solglasögon på www.example.com!!!", "", "hide"),
]


def load(*, stdout) -> None:
    from django.contrib.auth import get_user_model

    from .models import Contribution, FeedbackTopic
    from .services import contribution_approve, contribution_hide, contribution_submit

    topics = {}
    for slug, name, description in TOPICS:
        topics[slug], _ = FeedbackTopic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    if Contribution.objects.filter(user_agent=DEMO_MARK).exists():
        stdout.write("moderation: demo data already loaded\n")
        return
    moderator = get_user_model().objects.filter(groups__name="moderator").first()
    for age, (slug, text, name, outcome) in enumerate(CONTRIBUTIONS):
        contribution = contribution_submit(
            target=topics[slug],
            kind="feedback",
            text=text,
            display_name=name,
            user_agent=DEMO_MARK,
        )
        # spread over the last days so the queue shows ages and one item over 24 hours
        Contribution.objects.filter(pk=contribution.pk).update(
            received_at=timezone.now() - timedelta(hours=6 + 9 * age)
        )
        if outcome == "publish":
            contribution_approve(contribution=contribution, actor=moderator)
        elif outcome == "hide":
            contribution_hide(contribution=contribution, actor=moderator, reason="Reklam")
    stdout.write(f"moderation: {len(TOPICS)} topics, {len(CONTRIBUTIONS)} contributions\n")
