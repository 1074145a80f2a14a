"""Writes of the moderation app: the one entry point for contributions and every moderator act.

Every act writes an append-only audit entry (who, what, when, why). Side effects (e-mail,
registration in the diarium) run on commit.
"""

from __future__ import annotations

import csv
import hashlib
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import importance
from .models import (
    AuditLogEntry,
    AuthorBlock,
    Contribution,
    EvidenceRecord,
    PhotoTakedownRequest,
    PoliceReportDecision,
    Report,
)

if TYPE_CHECKING:
    from dialog_portal.models import SocialChannel

logger = logging.getLogger(__name__)

SEVERITY = {"publish": 0, "review": 1, "block": 2}
MAX_TEXT = 5000


# --- screening --------------------------------------------------------------------------
def contribution_preview(*, text: str):
    """Screen a text without storing anything (the form's warning step). Pure."""
    from moderation.screening import screen

    return screen(text)


def _screening_span(pii: dict) -> dict:
    """A PII finding as a masked span (public view) or redaction suggestion (diarium)."""
    return {"start": pii["start"], "end": pii["end"], "type": pii["type"], "source": "screening"}


def _apply_screening(contribution: Contribution, result) -> None:
    data = result.to_dict()
    contribution.screening = data
    contribution.screening_action = result.action
    contribution.rules_version = result.rules_version
    contribution.severity = SEVERITY.get(result.action, 1)
    spans = list(contribution.masked_spans or [])
    known = {(s["start"], s["end"]) for s in spans}
    for item in data["pii"]:
        if (item["start"], item["end"]) not in known:
            spans.append(_screening_span(item))
    contribution.masked_spans = sorted(spans, key=lambda s: (s["start"], s["end"]))


def blocking_spans_unmasked(contribution: Contribution) -> list[dict]:
    """Flag findings whose policy action is "block" and whose span is not masked.

    Blocked text is never published: a contribution with such spans cannot be approved. A
    finding of the statistical stage (rule ``model.<flag>``) never blocks: it only holds the
    text for review, and the moderator's judgement decides (BBS-3).
    """
    from moderation.screening import finding_action

    masked = contribution.masked_spans or []
    left = []
    for flag in (contribution.screening or {}).get("flags", []):
        if finding_action(flag["flag"], flag.get("rule", "")) != "block":
            continue
        covered = any(s["start"] <= flag["start"] and s["end"] >= flag["end"] for s in masked)
        if not covered:
            left.append(flag)
    return left


# --- audit ------------------------------------------------------------------------------
def audit_record(
    *, actor, action: str, contribution: Contribution | None = None, reason: str = "", **details
) -> AuditLogEntry:
    label = ""
    if actor is not None and getattr(actor, "is_authenticated", False):
        label = actor.get_username()
    elif isinstance(actor, str):
        label, actor = actor, None
    return AuditLogEntry.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        actor_label=label or "system",
        action=action,
        contribution=contribution,
        reason=reason,
        details=details,
    )


def _notify(*, to: str, subject: str, body: str) -> None:
    if not to:
        return

    def send():
        try:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [to])
        except Exception:  # noqa: BLE001 - a failed mail must not undo a moderator's act
            logger.warning("moderation mail could not be sent")

    transaction.on_commit(send)


# --- the entry point ----------------------------------------------------------------------
@transaction.atomic
def contribution_submit(
    *,
    target,
    kind: str,
    text: str,
    author=None,
    display_name: str = "",
    email: str = "",
    parent: Contribution | None = None,
    photo=None,
    photo_consent: bool = False,
    guardian_consent: bool = False,
    child_pictured: bool = False,
    post_anyway: bool = False,
    channel: str = "portal",
    client_ip: str | None = None,
    user_agent: str = "",
    received_at: datetime | None = None,
    external_ref: str = "",
) -> Contribution:
    """Store, screen and give a state to a contribution from any app.

    Never publishes without a recorded decision (BBS-3): the state is PENDING unless
    MODERATION_AUTO_PUBLISH_CLEAN is on and screening found nothing, when the rule "auto"
    decides. An author who is blocked can still hand in (an inkommen handling, TF-2), but the
    contribution waits for review. Raises ValidationError with a Swedish message on bad input.

    `received_at` is the arrival time (default now, FL-1); an imported comment keeps the
    moment it was published on the platform (TF-12). `external_ref` (e.g.
    "social:facebook:<id>") is unique when given: a second call with the same one returns the
    stored contribution unchanged and stores, screens and registers nothing. The returned
    object's `created` attribute says which happened. `channel="social_media"` marks an
    imported comment: it is never published on the portal (it was published elsewhere), the
    minor-importance rule classes it at once and, unless minor, it is registered on commit.
    """
    from .photos import photo_clean

    external_ref = (external_ref or "").strip()
    if external_ref:
        existing = Contribution.objects.filter(external_ref=external_ref).first()
        if existing is not None:
            existing.created = False
            return existing
    imported = channel == Contribution.Channel.SOCIAL_MEDIA
    if received_at is None:
        received_at = timezone.now()
    elif timezone.is_naive(received_at):
        raise ValidationError(_("The arrival time lacks a time zone."))
    elif received_at > timezone.now() + timedelta(minutes=5):
        raise ValidationError(_("The arrival time lies in the future."))
    if imported and photo:
        raise ValidationError(_("Imported comments cannot carry a photo."))
    text = (text or "").strip()
    if kind not in Contribution.Kind.values:
        raise ValidationError(_("Unknown kind of contribution."))
    if target is None or getattr(target, "pk", None) is None:
        raise ValidationError(_("The contribution has nothing to be about."))
    if kind != Contribution.Kind.PHOTO and not text:
        raise ValidationError(_("Write something before you send."))
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("The text is too long: at most %(n)s characters.") % {"n": MAX_TEXT}
        )
    if author is not None and not getattr(author, "is_authenticated", False):
        author = None
    clean_photo = None
    if photo:
        if not photo_consent:
            raise ValidationError(
                _(
                    "You must confirm that everyone in the photo knows and agrees to its publication."
                )
            )
        if child_pictured and not guardian_consent:
            raise ValidationError(
                _("A child under 15 is pictured: a guardian must have agreed (confirm it).")
            )
        clean_photo = photo_clean(photo)
    elif kind == Contribution.Kind.PHOTO:
        raise ValidationError(_("Choose a photo to upload."))
    if parent is not None:
        same = parent.content_type_id == ContentType.objects.get_for_model(
            target
        ).pk and parent.object_id == str(target.pk)
        if not same:
            raise ValidationError(_("A reply must be about the same thing as what it replies to."))

    result = contribution_preview(text=text)
    contribution = Contribution(
        content_type=ContentType.objects.get_for_model(target),
        object_id=str(target.pk),
        kind=kind,
        text=text,
        author=author,
        display_name=(display_name or "").strip()[:80],
        email=email or "",
        parent=parent,
        received_at=received_at,
        channel=channel,
        external_ref=external_ref,
        client_ip=client_ip or None,
        user_agent=(user_agent or "")[:300],
        photo_consent=photo_consent,
        guardian_consent=guardian_consent,
        child_pictured=child_pictured,
        posted_anyway=bool(post_anyway and (result.pii or result.flags)),
    )
    _apply_screening(contribution, result)
    if clean_photo is not None:
        contribution.photo.save(clean_photo.name, clean_photo, save=False)
    blocked = (
        author is not None and AuthorBlock.objects.filter(user=author, lifted_at=None).exists()
    )
    auto = getattr(settings, "MODERATION_AUTO_PUBLISH_CLEAN", False)
    if imported:
        # Published elsewhere, never here: it stays pending. Only what screening flagged
        # waits in the moderators' queue (to mask, preserve as evidence, hide or remove).
        contribution.needs_review = result.action != "publish"
    elif auto and result.action == "publish" and not blocked and not clean_photo:
        contribution.state = Contribution.State.PUBLISHED
        contribution.decided_at = contribution.received_at
        contribution.decision_rule = Contribution.DecisionRule.AUTO
        contribution.needs_review = False
    contribution.full_clean(exclude=["photo", "content_type"], validate_constraints=False)
    try:
        with transaction.atomic():  # a concurrent import of the same comment won the race
            contribution.save()
    except IntegrityError:
        existing = Contribution.objects.filter(external_ref=external_ref).first()
        if not external_ref or existing is None:
            raise
        existing.created = False
        return existing
    contribution.created = True
    audit_record(
        actor=author,
        action="import" if imported else "submit",
        contribution=contribution,
        screening_action=result.action,
        rules_version=result.rules_version,
        posted_anyway=contribution.posted_anyway,
        author_blocked=blocked,
        **({"external_ref": external_ref} if external_ref else {}),
    )
    if contribution.decision_rule == Contribution.DecisionRule.AUTO:
        audit_record(actor="auto", action="approve", contribution=contribution)
        _after_decision(contribution)
    elif imported:
        # OSL-1: registered as soon as it comes in, unless of minor importance (OSL-2).
        _after_decision(contribution)
    return contribution


# --- decisions ------------------------------------------------------------------------------
def _decide(contribution: Contribution, actor) -> None:
    contribution.decided_at = contribution.decided_at or timezone.now()
    contribution.decided_by = contribution.decided_by or actor
    contribution.decision_rule = contribution.decision_rule or Contribution.DecisionRule.MODERATOR
    contribution.needs_review = False


def _after_decision(contribution: Contribution) -> None:
    """Class the contribution (OSL-2) and hand what is not minor to the diarium on commit."""
    if contribution.registration_state == Contribution.Registration.REGISTERED:
        return
    if not contribution.minor_importance_overridden:
        minor, reason = importance.classify(
            kind=contribution.kind,
            text=contribution.text,
            flag_names=(contribution.screening or {}).get("flag_names", []),
        )
        contribution.minor_importance = minor
        contribution.minor_importance_reason = reason
    contribution.registration_state = (
        Contribution.Registration.NOT_NEEDED
        if contribution.minor_importance
        else Contribution.Registration.TO_REGISTER
    )
    contribution.save(
        update_fields=[
            "minor_importance",
            "minor_importance_reason",
            "registration_state",
            "updated_at",
        ]
    )
    if contribution.registration_state == Contribution.Registration.TO_REGISTER:
        from .tasks import contribution_register_task

        pk = contribution.pk
        transaction.on_commit(lambda: contribution_register_task.delay(pk))


def _resolve_reports(contribution: Contribution, outcome: str) -> None:
    now = timezone.now()
    for report in contribution.reports.filter(resolved_at=None):
        report.resolved_at = now
        report.outcome = outcome
        report.save(update_fields=["resolved_at", "outcome"])
        _notify(
            to=report.email,
            subject=_("Your report has been reviewed"),
            body=_(
                "Thank you for your report of a contribution on the citizen dialogue portal. "
                "A moderator has reviewed it. Outcome: %(outcome)s."
            )
            % {"outcome": outcome},
        )


def _guard_visible(contribution: Contribution) -> None:
    if contribution.quarantined:
        raise ValidationError(_("This material is quarantined and can no longer be handled here."))


@transaction.atomic
def contribution_approve(*, contribution: Contribution, actor, reason: str = "") -> Contribution:
    """Publish after review. Refused while a blocking finding is still visible."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    _guard_visible(contribution)
    if contribution.is_imported:
        raise ValidationError(
            _(
                "An imported comment was published on the social-media channel and is never "
                "published on the portal. Hide or remove it to take it out of the queue."
            )
        )
    if contribution.state == Contribution.State.REMOVED:
        raise ValidationError(_("A removed contribution cannot be published again."))
    if blocking_spans_unmasked(contribution):
        raise ValidationError(
            _(
                "Screening blocked this text. Mask the highlighted passages before publishing, "
                "or hide or remove it."
            )
        )
    if (
        contribution.author_id
        and AuthorBlock.objects.filter(user_id=contribution.author_id, lifted_at=None).exists()
    ):
        raise ValidationError(_("The author is blocked. Lift the block first."))
    contribution.state = Contribution.State.PUBLISHED
    contribution.hidden_cause = ""
    contribution.hidden_reason = ""
    contribution.decided_at = None
    contribution.decided_by = None
    contribution.decision_rule = ""
    _decide(contribution, actor)
    contribution.save()
    audit_record(actor=actor, action="approve", contribution=contribution, reason=reason)
    _resolve_reports(contribution, _("the contribution is still published"))
    _after_decision(contribution)
    return contribution


def contributions_approve_clean(*, actor) -> int:
    """Approve every pending contribution screening found clean (one click, BBS-3)."""
    done = 0
    from .selectors import CLEAN_PENDING_TEXT

    ids_text = list(Contribution.objects.filter(CLEAN_PENDING_TEXT).values_list("pk", flat=True))
    for pk in ids_text:
        try:
            contribution_approve(
                contribution=Contribution(pk=pk), actor=actor, reason="bulk: screening clean"
            )
            done += 1
        except ValidationError:
            continue
    return done


@transaction.atomic
def contribution_hide(
    *, contribution: Contribution, actor, reason: str, cause: str = "moderator"
) -> Contribution:
    """Take off public view with a reason the author sees. Not gallring: it is kept (BBS-5)."""
    if not reason.strip():
        raise ValidationError(_("Give a reason; the author will see it."))
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if contribution.state == Contribution.State.REMOVED:
        raise ValidationError(_("The contribution is already removed."))
    contribution.state = Contribution.State.HIDDEN
    contribution.hidden_cause = cause
    contribution.hidden_reason = reason.strip()
    _decide(contribution, actor)
    contribution.save()
    audit_record(actor=actor, action="hide", contribution=contribution, reason=reason)
    _resolve_reports(contribution, _("the contribution has been hidden"))
    _notify_author(contribution)
    _after_decision(contribution)
    return contribution


def _notify_author(contribution: Contribution) -> None:
    to = contribution.email or (contribution.author.email if contribution.author else "")
    _notify(
        to=to,
        subject=_("Your contribution is not shown on the portal"),
        body=_(
            "A moderator has taken your contribution off public view. Reason: %(reason)s\n\n"
            "The contribution is kept by the municipality as an official document."
        )
        % {"reason": contribution.hidden_reason},
    )


@transaction.atomic
def contribution_redact(
    *,
    contribution: Contribution,
    actor,
    phrase: str = "",
    spans: Iterable[dict] = (),
    reason: str = "",
) -> Contribution:
    """Mask spans in public view; the original text is kept for the registrar.

    `phrase`: every occurrence of this exact text is masked; `spans`: explicit start/end.
    """
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    _guard_visible(contribution)
    new = [
        {"start": int(s["start"]), "end": int(s["end"]), "type": "redaction", "source": "moderator"}
        for s in spans
    ]
    phrase = (phrase or "").strip()
    if phrase:
        lowered, needle, pos = contribution.text.lower(), phrase.lower(), 0
        while (found := lowered.find(needle, pos)) != -1:
            new.append(
                {
                    "start": found,
                    "end": found + len(phrase),
                    "type": "redaction",
                    "source": "moderator",
                }
            )
            pos = found + len(phrase)
    new = [s for s in new if 0 <= s["start"] < s["end"] <= len(contribution.text)]
    if not new:
        raise ValidationError(_("Nothing to mask: the text was not found in the contribution."))
    contribution.masked_spans = sorted(
        [*(contribution.masked_spans or []), *new], key=lambda s: (s["start"], s["end"])
    )
    contribution.save(update_fields=["masked_spans", "updated_at"])
    audit_record(
        actor=actor,
        action="redact",
        contribution=contribution,
        reason=reason,
        spans=[[s["start"], s["end"]] for s in new],
    )
    return contribution


@transaction.atomic
def contribution_remove(
    *, contribution: Contribution, actor, reason: str, cause: str = "moderator"
) -> Contribution:
    """Remove from public view for good (RULE-3 "raderar"): still kept, never destroyed."""
    if not reason.strip():
        raise ValidationError(_("Give a reason; the author will see it."))
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    contribution.state = Contribution.State.REMOVED
    contribution.hidden_cause = cause
    contribution.hidden_reason = reason.strip()
    _decide(contribution, actor)
    contribution.save()
    audit_record(actor=actor, action="remove", contribution=contribution, reason=reason)
    _resolve_reports(contribution, _("the contribution has been removed"))
    if cause != "criminal":
        _notify_author(contribution)
    _after_decision(contribution)
    return contribution


def _evidence_content(contribution: Contribution) -> dict:
    author = contribution.author
    photo_sha = ""
    if contribution.photo:
        with contribution.photo.open("rb") as fh:
            photo_sha = hashlib.sha256(fh.read()).hexdigest()
    return {
        "contribution_id": contribution.pk,
        "kind": contribution.kind,
        "text": contribution.text,
        "photo_file": contribution.photo.name if contribution.photo else "",
        "photo_sha256": photo_sha,
        "received_at": contribution.received_at.isoformat(),
        "target": f"{contribution.content_type.app_label}.{contribution.content_type.model}:"
        f"{contribution.object_id}",
        "target_label": str(contribution.target) if contribution.target else "",
        "display_name": contribution.display_name,
        "email": contribution.email,
        "account": (
            {
                "id": author.pk,
                "username": author.get_username(),
                "email": author.email,
                "date_joined": author.date_joined.isoformat(),
                "last_login": author.last_login.isoformat() if author.last_login else "",
            }
            if author
            else None
        ),
        "client_ip": contribution.client_ip or "",
        "user_agent": contribution.user_agent,
        "channel": contribution.channel,
        "screening": contribution.screening,
        "rules_version": contribution.rules_version,
    }


@transaction.atomic
def contribution_mark_criminal(
    *, contribution: Contribution, actor, category: str, reason: str
) -> EvidenceRecord:
    """Remove at once and preserve an evidence record with its SHA-256 (BBS-4, BBS-5).

    Suspected child sexual abuse material is quarantined: never shown again, to moderators
    either (BBS-7). The police report is a separate decision (`police_report_decide`).
    """
    if category not in EvidenceRecord.Category.values:
        raise ValidationError(_("Choose the category of crime."))
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    content = _evidence_content(contribution)
    content["preserved_at"] = timezone.now().isoformat()
    content["preserved_by"] = actor.get_username() if actor else ""
    content["category"] = category
    evidence = EvidenceRecord.objects.create(
        contribution=contribution,
        category=category,
        created_by=actor,
        content=content,
        sha256=EvidenceRecord.digest(content),
    )
    if category == EvidenceRecord.Category.CHILD_ABUSE:
        contribution.quarantined = True
        contribution.save(update_fields=["quarantined", "updated_at"])
    contribution_remove(
        contribution=contribution,
        actor=actor,
        reason=reason or _("Removed as suspected criminal material."),
        cause="criminal",
    )
    audit_record(
        actor=actor,
        action="criminal",
        contribution=contribution,
        reason=reason,
        evidence_id=evidence.pk,
        category=category,
        sha256=evidence.sha256,
    )
    return evidence


@transaction.atomic
def police_report_decide(
    *, evidence: EvidenceRecord, actor, reported: bool, police_reference: str = "", reason: str = ""
) -> PoliceReportDecision:
    """Record the decision to report (or not) apart from the removal (BBS-6)."""
    if not reported and not reason.strip():
        raise ValidationError(_("Say why the material is not reported to the police."))
    decision = PoliceReportDecision.objects.create(
        evidence=evidence,
        reported=reported,
        police_reference=police_reference.strip(),
        reason=reason.strip(),
        decided_by=actor,
    )
    audit_record(
        actor=actor,
        action="police_report" if reported else "police_no_report",
        contribution=evidence.contribution,
        reason=reason,
        evidence_id=evidence.pk,
        police_reference=decision.police_reference,
    )
    return decision


# --- authors --------------------------------------------------------------------------------
@transaction.atomic
def author_block(*, user, actor, reason: str) -> AuthorBlock:
    """Block an author: every published contribution of theirs is hidden in one step."""
    if not reason.strip():
        raise ValidationError(_("Give a reason for the block."))
    if AuthorBlock.objects.filter(user=user, lifted_at=None).exists():
        raise ValidationError(_("The author is already blocked."))
    block = AuthorBlock.objects.create(user=user, reason=reason.strip(), blocked_by=actor)
    hidden = list(
        Contribution.objects.filter(author=user, state=Contribution.State.PUBLISHED).values_list(
            "pk", flat=True
        )
    )
    Contribution.objects.filter(pk__in=hidden).update(
        state=Contribution.State.HIDDEN,
        hidden_cause=Contribution.HiddenCause.BLOCK,
        hidden_reason=reason.strip(),
        updated_at=timezone.now(),
    )
    audit_record(actor=actor, action="block_author", reason=reason, user_id=user.pk, hidden=hidden)
    return block


@transaction.atomic
def author_unblock(*, user, actor, reason: str = "") -> int:
    """Lift the block; restore only what the block itself hid (not what was hidden otherwise)."""
    block = AuthorBlock.objects.filter(user=user, lifted_at=None).first()
    if block is None:
        raise ValidationError(_("The author is not blocked."))
    block.lifted_at = timezone.now()
    block.lifted_by = actor
    block.save(update_fields=["lifted_at", "lifted_by"])
    restored = list(
        Contribution.objects.filter(
            author=user,
            state=Contribution.State.HIDDEN,
            hidden_cause=Contribution.HiddenCause.BLOCK,
        ).values_list("pk", flat=True)
    )
    Contribution.objects.filter(pk__in=restored).update(
        state=Contribution.State.PUBLISHED,
        hidden_cause="",
        hidden_reason="",
        updated_at=timezone.now(),
    )
    audit_record(
        actor=actor, action="unblock_author", reason=reason, user_id=user.pk, restored=restored
    )
    return len(restored)


def _register_on_commit(kind: str, pk: int) -> None:
    """Queue the registration of a report or takedown request once the row is committed."""
    from .tasks import incoming_register_task

    transaction.on_commit(lambda: incoming_register_task.delay(kind, pk))


# --- reports and takedowns --------------------------------------------------------------------
def _reporter_key(reporter, client_ip: str | None) -> str:
    if reporter is not None and getattr(reporter, "is_authenticated", False):
        return f"user:{reporter.pk}"
    raw = f"{settings.SECRET_KEY}:{client_ip or 'unknown'}".encode()
    return "ip:" + hashlib.sha256(raw).hexdigest()[:40]


@transaction.atomic
def report_submit(
    *,
    contribution: Contribution,
    reason: str,
    message: str = "",
    email: str = "",
    reporter=None,
    client_ip: str | None = None,
) -> Report:
    """A resident reports a published contribution (RULE-7). MODERATION_REPORT_THRESHOLD
    distinct reporters hide it until a moderator has reviewed it."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if contribution.state != Contribution.State.PUBLISHED:
        raise ValidationError(_("This contribution is not published."))
    if reason not in Report.Reason.values:
        raise ValidationError(_("Choose a reason."))
    report = Report.objects.create(
        contribution=contribution,
        reason=reason,
        message=message.strip()[:2000],
        email=email,
        reporter=reporter if getattr(reporter, "is_authenticated", False) else None,
        reporter_key=_reporter_key(reporter, client_ip),
    )
    contribution.needs_review = True
    contribution.save(update_fields=["needs_review", "updated_at"])
    audit_record(actor=report.reporter, action="report", contribution=contribution, reason=reason)
    _register_on_commit("report", report.pk)
    distinct = (
        contribution.reports.filter(resolved_at=None).values("reporter_key").distinct().count()
    )
    if distinct >= settings.MODERATION_REPORT_THRESHOLD:
        contribution.state = Contribution.State.HIDDEN
        contribution.hidden_cause = Contribution.HiddenCause.REPORTS
        contribution.hidden_reason = _("Reported by several readers; waiting for review.")
        contribution.save(update_fields=["state", "hidden_cause", "hidden_reason", "updated_at"])
        audit_record(
            actor="system", action="hide_by_reports", contribution=contribution, reports=distinct
        )
    return report


@transaction.atomic
def takedown_request_submit(
    *, contribution: Contribution, name: str = "", email: str = "", message: str = ""
) -> PhotoTakedownRequest:
    """ "Det här är jag": the photo is taken off public view at once (RULE-5, GDPR-7)."""
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if not contribution.photo:
        raise ValidationError(_("This contribution has no photo."))
    request = PhotoTakedownRequest.objects.create(
        contribution=contribution, name=name.strip(), email=email, message=message.strip()
    )
    if contribution.state == Contribution.State.PUBLISHED:
        contribution.state = Contribution.State.HIDDEN
        contribution.hidden_cause = Contribution.HiddenCause.TAKEDOWN
        contribution.hidden_reason = _("Someone pictured asked for the photo to be taken down.")
        contribution.needs_review = True
        contribution.save()
    audit_record(actor="resident", action="takedown_request", contribution=contribution)
    _register_on_commit("takedown", request.pk)
    _notify(
        to=email,
        subject=_("The photo has been taken down"),
        body=_(
            "Thank you. The photo you asked about is no longer shown on the citizen dialogue "
            "portal. A moderator will look at your request; the photo is not shown again unless "
            "it clearly does not picture you."
        ),
    )
    return request


@transaction.atomic
def takedown_resolve(
    *, request: PhotoTakedownRequest, actor, restore: bool, reason: str = ""
) -> PhotoTakedownRequest:
    """Close a takedown request: remove the photo for good, or (rarely) show it again."""
    if request.resolved_at:
        raise ValidationError(_("The request is already handled."))
    if restore and not reason.strip():
        raise ValidationError(_("Say why the photo is shown again."))
    request.resolved_at = timezone.now()
    request.resolved_by = actor
    request.outcome = (
        PhotoTakedownRequest.Outcome.RESTORED if restore else PhotoTakedownRequest.Outcome.REMOVED
    )
    request.save()
    contribution = request.contribution
    if restore:
        if contribution.hidden_cause == Contribution.HiddenCause.TAKEDOWN:
            contribution.state = Contribution.State.PUBLISHED
            contribution.hidden_cause = ""
            contribution.hidden_reason = ""
            contribution.needs_review = False
            contribution.save()
        _notify(
            to=request.email,
            subject=_("The photo is shown again"),
            body=_(
                "You asked for a photo on the citizen dialogue portal to be taken down. A "
                "moderator has reviewed the request and found that the photo does not picture "
                "you, so it is shown again. Reason: %(reason)s\n\nIf it does picture you, "
                "reply to this message or call us on %(phone)s."
            )
            % {"reason": reason.strip(), "phone": settings.MUNICIPALITY["phone"]},
        )
    else:
        contribution_remove(
            contribution=contribution,
            actor=actor,
            reason=reason or _("The photo was removed at the request of a person pictured."),
            cause=Contribution.HiddenCause.TAKEDOWN,
        )
    audit_record(
        actor=actor,
        action="takedown_restore" if restore else "takedown_remove",
        contribution=contribution,
        reason=reason,
        request_id=request.pk,
    )
    return request


@transaction.atomic
def contribution_set_importance(
    *, contribution: Contribution, actor, minor: bool, reason: str
) -> Contribution:
    """Moderator override of the minor-importance rule, with a recorded reason (OSL-2)."""
    if not reason.strip():
        raise ValidationError(_("Give a reason for the override."))
    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if contribution.registration_state == Contribution.Registration.REGISTERED:
        raise ValidationError(_("The contribution is already registered in the diary."))
    contribution.minor_importance = minor
    contribution.minor_importance_reason = f"moderator: {reason.strip()}"[:300]
    contribution.minor_importance_overridden = True
    contribution.save()
    audit_record(
        actor=actor, action="importance", contribution=contribution, reason=reason, minor=minor
    )
    if contribution.decided_at or contribution.is_imported:  # imports are classed at once
        _after_decision(contribution)
    return contribution


# --- registry hand-off and re-screening (run from tasks) -------------------------------------
def _registry_hand_on(*, source_ref: str, channel: str = "portal", **fields) -> str:
    """Call `registry.services.document_register_incoming`; "" when it is missing or fails.

    The caller's record then stays "to_register" and the retry task simply runs again
    (the registry is idempotent on `source_ref`).
    """
    try:
        from registry.services import document_register_incoming
    except ImportError:
        return ""
    try:
        with transaction.atomic():
            return document_register_incoming(
                source_ref=source_ref,
                channel=channel,
                sender_is_organisation=False,  # a resident, never an organisation
                **fields,
            )
    except Exception:  # noqa: BLE001 - stays "to_register"; the task is simply run again
        logger.exception("registration of %s failed; will retry", source_ref)
        return ""


def contribution_register(*, contribution: Contribution) -> str:
    """Hand a contribution not of minor importance to the diarium; idempotent.

    Returns the diary number, or "" when the registry is not available yet (the state stays
    "to_register" and the task can simply be run again).
    """
    if contribution.registration_state != Contribution.Registration.TO_REGISTER:
        return contribution.registry_reference
    with translation.override("sv"):
        subject = f"{contribution.get_kind_display().capitalize()}: {contribution.target or ''}"
    attachments = []
    if contribution.photo and not contribution.quarantined:
        with contribution.photo.open("rb") as fh:
            name = contribution.photo.name.rsplit("/", 1)[-1]
            ctype = "image/png" if name.endswith(".png") else "image/jpeg"
            attachments.append((name, fh.read(), ctype))
    number = _registry_hand_on(
        source_ref=f"moderation.contribution:{contribution.pk}",
        received_at=contribution.received_at,
        channel=contribution.channel,
        sender_name=contribution.display_name,
        subject=subject[:200],
        text=contribution.text if not contribution.quarantined else "",
        attachments=attachments,
        pii_spans=list(contribution.masked_spans or []),
        document_type={  # the dokumenthanteringsplan's type for this kind of contribution
            "comment": "comment",
            "question": "question",
            "need": "need",
            "feedback": "comment",
            "proposal": "youth_proposal",
            "photo": "comment",
        }.get(contribution.kind, "comment"),
    )
    if not number:
        return ""
    Contribution.objects.filter(pk=contribution.pk).update(
        registration_state=Contribution.Registration.REGISTERED,
        registry_reference=number,
        updated_at=timezone.now(),
    )
    audit_record(actor="system", action="registered", contribution=contribution, diary=number)
    return number


REPORT_SUBJECT = "Anmälan av inlägg på portalen"
TAKEDOWN_SUBJECT = "Begäran om borttagning av bild"


def _incoming_text(record: Report | PhotoTakedownRequest) -> str:
    """The body handed to the diarium: what the resident sent, in Swedish, plus the
    contribution it is about (by number only; its own text is registered on its own)."""
    contribution = record.contribution
    lines = [f"Gäller bidrag nr {contribution.pk} på medborgardialogen."]
    if contribution.registry_reference:
        lines.append(f"Bidragets diarienummer: {contribution.registry_reference}.")
    with translation.override("sv"):
        if isinstance(record, Report):
            lines.append(f"Skäl: {record.get_reason_display()}.")
    if record.message:
        lines += ["", "Meddelande:", record.message]
    return "\n".join(lines)


def incoming_register(*, record: Report | PhotoTakedownRequest) -> str:
    """Hand a report (RULE-7) or a takedown request (RULE-5) to the diarium as an inkommen
    handling (TF-1); idempotent on `moderation.report:<pk>` / `moderation.takedown:<pk>`.

    The subject says only what kind of handling it is. The sender is the name a takedown
    requester gave (a report has none: the diarium gets no account name), never an
    organisation. Personal data screening finds in the message is pre-marked for redaction.
    Returns the diary number, or "" (state stays "to_register") when the registry fails.
    """
    if record.registration_state == record.Registration.REGISTERED:
        return record.registry_reference
    is_report = isinstance(record, Report)
    kind = "report" if is_report else "takedown"
    text = _incoming_text(record)
    pii = contribution_preview(text=text).to_dict()["pii"] if record.message else []
    number = _registry_hand_on(
        source_ref=f"moderation.{kind}:{record.pk}",
        received_at=record.received_at,
        sender_name="" if is_report else record.name,
        subject=REPORT_SUBJECT if is_report else TAKEDOWN_SUBJECT,
        text=text,
        pii_spans=[_screening_span(p) for p in pii],
        document_type="report" if is_report else "takedown_request",
        # A report joins the reported contribution's ärende when that one is registered.
        case_ref=(
            record.contribution.registry_reference.rsplit("-", 1)[0]
            if is_report and record.contribution.registry_reference
            else ""
        ),
    )
    if not number:
        return ""
    type(record).objects.filter(pk=record.pk).update(
        registration_state=record.Registration.REGISTERED, registry_reference=number
    )
    record.registration_state, record.registry_reference = record.Registration.REGISTERED, number
    audit_record(
        actor="system",
        action=f"{kind}_registered",
        contribution=record.contribution,
        diary=number,
        **{f"{kind}_id": record.pk},
    )
    return number


@transaction.atomic
def contribution_rescreen(*, contribution: Contribution) -> bool:
    """Screen a stored contribution again under the current rules. Never publishes: a changed
    verdict only marks it for review (and masks any newly found personal data)."""
    from moderation.screening import RULES_VERSION

    contribution = Contribution.objects.select_for_update().get(pk=contribution.pk)
    if contribution.rules_version == RULES_VERSION:
        return False
    old_action, old_version = contribution.screening_action, contribution.rules_version
    result = contribution_preview(text=contribution.text)
    _apply_screening(contribution, result)
    if result.action != old_action and result.action != "publish":
        contribution.needs_review = True
    contribution.save()
    audit_record(
        actor="system",
        action="rescreen",
        contribution=contribution,
        old_version=old_version,
        new_version=result.rules_version,
        old_action=old_action,
        new_action=result.action,
    )
    return True


# --- import of comments from the municipality's social-media channels ------------------------
SOCIAL_IMPORT_FORMATS = ("csv", "json")


@dataclass
class SocialImportResult:
    """What one import did: counts and the rows that could not be imported (line, message)."""

    read: int = 0
    new: int = 0
    existing: int = 0
    to_register: int = 0
    minor: int = 0
    flagged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    dry_run: bool = False
    seen: set[str] = field(default_factory=set, repr=False)

    def as_dict(self) -> dict:
        """JSON-safe summary (for the upload task's result)."""
        data = asdict(self)
        data.pop("seen")
        data["errors"] = [list(e) for e in self.errors]
        return data


def social_channel_resolve(*, ref) -> SocialChannel:
    """The official channel (RULE-9) an import is about, by id, name or platform.

    Raises ValidationError (Swedish) when none or several match.
    """
    from dialog_portal.models import SocialChannel

    ref = str(ref or "").strip()
    if not ref:
        raise ValidationError(_("Name the social-media channel the comments come from."))
    if ref.isdigit():
        channel = SocialChannel.objects.filter(pk=int(ref)).first()
        if channel is not None:
            return channel
    for lookup in ("name__iexact", "platform__iexact"):
        found = list(SocialChannel.objects.filter(**{lookup: ref})[:2])
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ValidationError(
                _("Several social-media channels match “%(ref)s”; give the channel's id.")
                % {"ref": ref}
            )
    raise ValidationError(_("No social-media channel matches “%(ref)s”.") % {"ref": ref})


def _row_error(line: int, exc: ValidationError) -> tuple[int, str]:
    message = " ".join(exc.messages)
    if getattr(exc, "code", None) != "row":  # the importer's own row messages name the line
        message = _("Line %(line)d: %(error)s") % {"line": line, "error": message}
    return line, message


def social_comments_import(
    *, path, channel, fmt: str = "", dry_run: bool = False
) -> SocialImportResult:
    """Import comments exported from an official social-media channel (CSV or JSON).

    Streams the file through `registry.importers.parse_social_file` (column mapping in
    docs/registry.md). Each comment goes through `contribution_submit` with
    `channel="social_media"`, the channel as its target, its publication time as the arrival
    time (TF-12) and `external_ref` = "social:<platform>:<id>", so it is screened like any
    contribution, never published on the portal, and registered in the diarium on commit
    unless of minor importance (OSL-1, OSL-2). Each row is its own transaction: a bad row is
    reported with its line number and the rest go through. Importing the same file again
    finds every comment already stored and creates or registers nothing (idempotent).
    `dry_run` screens and counts without storing anything.
    Raises ValidationError (Swedish) only when the file as a whole cannot be read.
    """
    from registry.importers import parse_social_file

    result = SocialImportResult(dry_run=dry_run)
    ctype = ContentType.objects.get_for_model(channel)
    try:
        rows = parse_social_file(path, fmt=fmt, errors="collect")
        for row in rows:
            result.read += 1
            if "error" in row:
                result.errors.append(_row_error(row["line"], row["error"]))
                continue
            line = row["line"]
            try:
                _social_row_import(row, channel=channel, ctype=ctype, result=result, dry=dry_run)
            except ValidationError as exc:
                result.errors.append(_row_error(line, exc))
            except Exception:  # noqa: BLE001 - one broken row must not stop the import
                logger.exception("social import: row %s failed", line)
                result.errors.append(
                    (
                        line,
                        _("Line %(line)d: could not be imported (technical error).")
                        % {"line": line},
                    )
                )
    except UnicodeDecodeError as exc:
        raise ValidationError(_("The file is not UTF-8 text.")) from exc
    except csv.Error as exc:
        raise ValidationError(_("The CSV file cannot be read: %(error)s") % {"error": exc}) from exc
    return result


def _social_row_import(row: dict, *, channel, ctype, result: SocialImportResult, dry: bool) -> None:
    ref = row["source_ref"]
    if ref in result.seen or Contribution.objects.filter(external_ref=ref).exists():
        result.existing += 1
        return
    result.seen.add(ref)
    parent = None
    if row.get("in_reply_to"):
        parent = Contribution.objects.filter(
            external_ref=f"social:{row['platform']}:{row['in_reply_to']}",
            content_type=ctype,
            object_id=str(channel.pk),
        ).first()
    if dry:
        screened = contribution_preview(text=row["text"])
        if len(row["text"].strip()) > MAX_TEXT:
            raise ValidationError(
                _("The text is too long: at most %(n)s characters.") % {"n": MAX_TEXT}
            )
        result.new += 1
        result.flagged += screened.action != "publish"
        return
    contribution = contribution_submit(
        target=channel,
        kind=Contribution.Kind.COMMENT,
        text=row["text"],
        display_name=row["author_name"],
        parent=parent,
        channel=Contribution.Channel.SOCIAL_MEDIA,
        received_at=row["published_at"],
        external_ref=ref,
    )
    if not contribution.created:
        result.existing += 1
        return
    result.new += 1
    result.flagged += contribution.screening_action != "publish"
    if contribution.registration_state == Contribution.Registration.NOT_NEEDED:
        result.minor += 1
    else:
        result.to_register += 1
