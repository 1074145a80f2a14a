"""Staff pages for moderators under /personal/moderering/: queue, actions, evidence, logs."""

from __future__ import annotations

import functools

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import importance, services
from .forms import (
    CriminalForm,
    ImportanceForm,
    PoliceDecisionForm,
    QueueFilterForm,
    ReasonForm,
    RedactForm,
)
from .models import AuthorBlock, Contribution, EvidenceRecord, PhotoTakedownRequest
from .selectors import (
    audit_log,
    is_overdue,
    moderation_queue,
    open_reports,
    queue_summary,
    weekly_statistics,
)


def perm_required(perm: str):
    def decorator(view):
        @login_required
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _contribution(pk: int) -> Contribution:
    return get_object_or_404(Contribution.objects.select_related("author", "content_type"), pk=pk)


QUEUE_PAGE_SIZE = 50


@perm_required("moderation.moderate")
def queue(request: HttpRequest) -> HttpResponse:
    """The queue, paged and filtered by linkable GET parameters; a bounded number of queries
    however many items wait."""
    now = timezone.now()
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    page = Paginator(moderation_queue(now=now, **filters), QUEUE_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for item in page.object_list:
        item.overdue = is_overdue(item, now=now)
        item.age_hours = int((now - item.received_at).total_seconds() // 3600)
    takedowns = PhotoTakedownRequest.objects.filter(resolved_at=None).select_related("contribution")
    return render(
        request,
        "moderation/staff/queue.html",
        {
            "filter_form": form if form.is_bound else QueueFilterForm(),
            "filtered": bool(filters and any(filters.values())),
            "page_obj": page,
            "items": page.object_list,
            "takedowns": takedowns,
            "restore_form": ReasonForm(prefix="restore"),
            **queue_summary(now=now),
        },
    )


@perm_required("moderation.moderate")
def reports(request: HttpRequest) -> HttpResponse:
    """Open reports ("Anmäl") with their reasons, oldest first (RULE-7)."""
    page = Paginator(open_reports(), QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "moderation/staff/reports.html", {"page_obj": page})


@perm_required("moderation.moderate")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = _contribution(pk)
    block = (
        AuthorBlock.objects.filter(user_id=contribution.author_id, lifted_at=None).first()
        if contribution.author_id
        else None
    )
    return render(
        request,
        "moderation/staff/detail.html",
        {
            "c": contribution,
            "reports": contribution.reports.all(),
            "evidence": contribution.evidence.all(),
            "audit": contribution.audit_entries.all()[:50],
            "blocking": services.blocking_spans_unmasked(contribution),
            "author_block": block,
            "hide_form": ReasonForm(prefix="hide"),
            "remove_form": ReasonForm(prefix="remove"),
            "redact_form": RedactForm(prefix="redact"),
            "criminal_form": CriminalForm(prefix="criminal"),
            "importance_form": ImportanceForm(prefix="importance"),
            "block_form": ReasonForm(prefix="block"),
            "overdue": is_overdue(contribution),
        },
    )


def _act(request: HttpRequest, pk: int, action, *, form_class=None, prefix: str = ""):
    """Run one moderator action on a contribution; errors go back to its page as messages.

    Returns the service's result, or the redirect to show when the form or service refused.
    """
    contribution = _contribution(pk)
    kwargs = {}
    if form_class is not None:
        form = form_class(request.POST, prefix=prefix)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("moderation-detail", pk=pk)
        kwargs = form.cleaned_data
    try:
        result = action(contribution=contribution, actor=request.user, **kwargs)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("moderation-detail", pk=pk)
    return result


def _action_view(service, *, done, form_class=None, prefix: str = "", then=None):
    """A POST-only moderator action: run `service` through `_act`, say `done`, then redirect
    to `then(pk, result)` (URL name and arguments; default the queue)."""

    @require_POST
    @perm_required("moderation.moderate")
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        result = _act(request, pk, service, form_class=form_class, prefix=prefix)
        if isinstance(result, HttpResponse):
            return result
        messages.success(request, done)
        name, *args = then(pk, result) if then else ("moderation-queue",)
        return redirect(name, *args)

    return view


def _to_detail(pk: int, result) -> tuple:
    return ("moderation-detail", pk)


approve = _action_view(services.contribution_approve, done=gettext_lazy("Published."))
hide = _action_view(
    services.contribution_hide,
    done=gettext_lazy("Hidden. The author sees the reason."),
    form_class=ReasonForm,
    prefix="hide",
)
remove = _action_view(
    services.contribution_remove,
    done=gettext_lazy("Removed from public view. The contribution is kept."),
    form_class=ReasonForm,
    prefix="remove",
)
redact = _action_view(
    services.contribution_redact,
    done=gettext_lazy("Masked in public view."),
    form_class=RedactForm,
    prefix="redact",
    then=_to_detail,
)
criminal = _action_view(
    services.contribution_mark_criminal,
    done=gettext_lazy("Removed and preserved as evidence. Decide separately whether to report it."),
    form_class=CriminalForm,
    prefix="criminal",
    then=lambda pk, evidence: ("moderation-evidence", evidence.pk),
)
set_importance = _action_view(
    services.contribution_set_importance,
    done=gettext_lazy("Minor importance recorded."),
    form_class=ImportanceForm,
    prefix="importance",
    then=_to_detail,
)


@require_POST
@perm_required("moderation.moderate")
def approve_clean(request: HttpRequest) -> HttpResponse:
    count = services.contributions_approve_clean(actor=request.user)
    messages.success(request, _("%(n)s contributions published.") % {"n": count})
    return redirect("moderation-queue")


def _back(request: HttpRequest) -> str:
    """Where a block/unblock form came from (a local path only), else the queue."""
    back = request.POST.get("next") or ""
    return (
        back if back.startswith("/") and not back.startswith("//") else reverse("moderation-queue")
    )


@require_POST
@perm_required("moderation.block_author")
def block_author(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(get_user_model(), pk=user_id)
    form = ReasonForm(request.POST, prefix="block")
    back = _back(request)
    if not form.is_valid():
        messages.error(request, _("Give a reason for the block."))
        return redirect(back)
    try:
        services.author_block(user=user, actor=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("The author is blocked; their published contributions are hidden.")
        )
    return redirect(back)


@require_POST
@perm_required("moderation.block_author")
def unblock_author(request: HttpRequest, user_id: int) -> HttpResponse:
    user = get_object_or_404(get_user_model(), pk=user_id)
    back = _back(request)
    try:
        count = services.author_unblock(
            user=user, actor=request.user, reason=request.POST.get("reason", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request, _("Block lifted; %(n)s contributions shown again.") % {"n": count}
        )
    return redirect(back)


@require_POST
@perm_required("moderation.moderate")
def takedown_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    takedown = get_object_or_404(PhotoTakedownRequest, pk=pk)
    restore = request.POST.get("decision") == "restore"
    reason = request.POST.get("restore-reason") or request.POST.get("reason", "")
    try:
        services.takedown_resolve(
            request=takedown, actor=request.user, restore=restore, reason=reason
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("The photo is shown again; the requester is told by e-mail if they left an address.")
            if restore
            else _("The photo is removed for good."),
        )
    return redirect("moderation-queue")


# --- evidence and police report ------------------------------------------------------------
@perm_required("moderation.view_evidence")
def evidence(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(EvidenceRecord.objects.select_related("contribution"), pk=pk)
    return render(
        request,
        "moderation/staff/evidence.html",
        {
            "record": record,
            "decisions": record.police_decisions.all(),
            "form": PoliceDecisionForm(),
            "can_report": request.user.has_perm("moderation.report_to_police"),
        },
    )


@require_POST
@perm_required("moderation.report_to_police")
def police_decision(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(EvidenceRecord, pk=pk)
    form = PoliceDecisionForm(request.POST)
    if form.is_valid():
        try:
            services.police_report_decide(evidence=record, actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The police-report decision is recorded."))
    else:
        messages.error(request, _("Choose a decision."))
    return redirect("moderation-evidence", pk=pk)


@perm_required("moderation.view_evidence")
def police_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from .police import police_report_pdf

    record = get_object_or_404(EvidenceRecord.objects.select_related("contribution"), pk=pk)
    services.audit_record(
        actor=request.user,
        action="police_package",
        contribution=record.contribution,
        evidence_id=record.pk,
    )
    response = HttpResponse(police_report_pdf(evidence=record), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="polisanmalan-{record.pk}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


# --- read-only staff pages --------------------------------------------------------------------
@perm_required("moderation.view_audit_log")
def audit(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/staff/audit_log.html", {"entries": audit_log(limit=500)})


@perm_required("moderation.view_statistics")
def statistics(request: HttpRequest) -> HttpResponse:
    return render(request, "moderation/staff/statistics.html", {"weeks": weekly_statistics()})


@perm_required("moderation.view_policy")
def policy(request: HttpRequest) -> HttpResponse:
    from moderation.screening import MODEL_ROW, POLICY, RULES_VERSION

    from .presentation import LABELS

    rows = [{"row": row, "label": LABELS.get(row.name, row.name)} for row in (*POLICY, MODEL_ROW)]
    return render(
        request,
        "moderation/staff/policy.html",
        {"rows": rows, "rules_version": RULES_VERSION, "importance_rules": importance.RULE_TEXT},
    )
