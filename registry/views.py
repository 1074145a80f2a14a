"""Thin views: the public web diary, requests, signed downloads, and the registrars' pages."""

from __future__ import annotations

import csv
import statistics
from collections import defaultdict

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dialog_portal.ratelimits import form_ratelimit

from . import selectors, services
from .forms import (
    AddEntryForm,
    AnnotationForm,
    AppealForm,
    BulkAssessmentForm,
    CopyFeeForm,
    DiarySearchForm,
    InformationDisclosureForm,
    ItemDecisionForm,
    ManualRegistrationForm,
    RequestForm,
    SecrecyForm,
    StaffRequestForm,
)
from .models import Appeal, Attachment, DisposalDecision, DocumentRequest, Entry, RequestItem
from .pdf import decision_pdf

PAGE_SIZE = 25
_SIGNER_SALT = "registry.delivery"


# --- public web diary ----------------------------------------------------------------------
def _public_row(entry: Entry) -> dict:
    """The public fields of one entry (GDPR-4, OSL-5): secret ones show only that they exist."""
    row = {
        "diary_number": entry.diary_number,
        "date": timezone.localtime(entry.received_at).date().isoformat(),
        "channel": entry.channel,
        "case": entry.case.diary_number,
        "secrecy_provision": entry.secrecy_provision.code if entry.is_secret else "",
        "subject": "",
        "sender": "",
        "url": settings.SITE_URL.rstrip("/") + entry.get_absolute_url(),
    }
    if not entry.is_secret:
        row["subject"] = entry.current_subject
        row["sender"] = entry.public_sender
    return row


def _search(request: HttpRequest):
    form = DiarySearchForm(request.GET or None)
    filters = {}
    if form.is_valid():
        filters = {k: v for k, v in form.cleaned_data.items() if v}
    return form, selectors.entries_public(**filters).prefetch_related("annotations")


def diary_index(request: HttpRequest) -> HttpResponse:
    form, entries = _search(request)
    page = selectors.DiaryPage(
        entries,
        number=request.GET.get("sida"),
        per_page=PAGE_SIZE,
        cap=getattr(settings, "REGISTRY_DIARY_COUNT_CAP", selectors.COUNT_CAP),
        word_search=bool(form.is_bound and form.is_valid() and form.cleaned_data.get("q")),
    )
    query = request.GET.copy()
    query.pop("sida", None)
    return render(
        request,
        "registry/diary_index.html",
        {"form": form, "page": page, "query": query.urlencode()},
    )


def diary_entry(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_get_public(pk=pk)
    return render(request, "registry/diary_entry.html", {"entry": entry})


def diary_export_csv(request: HttpRequest) -> HttpResponse:
    _form, entries = _search(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="diarium.csv"'
    fields = [
        "diary_number",
        "date",
        "channel",
        "case",
        "subject",
        "sender",
        "secrecy_provision",
        "url",
    ]
    writer = csv.DictWriter(response, fieldnames=fields)
    writer.writeheader()
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(_public_row(entry))
    return response


def diary_export_json(request: HttpRequest) -> HttpResponse:
    _form, entries = _search(request)
    data = [_public_row(entry) for entry in entries.iterator(chunk_size=2000)]
    return JsonResponse(
        {"publisher": settings.MUNICIPALITY["name"], "entries": data},
        json_dumps_params={"ensure_ascii": False},
    )


# --- requests (TF-5, TF-6) -----------------------------------------------------------------
@form_ratelimit
def request_create(request: HttpRequest) -> HttpResponse:
    entry = None
    entry_id = request.POST.get("entry") or request.GET.get("handling")
    if entry_id:
        entry = Entry.objects.public().filter(pk=entry_id).first() if entry_id.isdigit() else None
    if request.method == "POST":
        form = RequestForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                created = services.request_submit(
                    description=data["description"],
                    name=data["name"],
                    contact=data["contact"],
                    delivery=data["delivery"],
                    entry=entry,
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                return redirect("registry-request-status", key=created.access_key)
    else:
        initial = {}
        if entry is not None:
            initial = {
                "description": _("The document %(number)s.") % {"number": entry.diary_number},
                "entry": entry.pk,
            }
        form = RequestForm(initial=initial)
    return render(request, "registry/request_form.html", {"form": form, "entry": entry})


def _download_token(request_obj: DocumentRequest, kind: str) -> str:
    return signing.TimestampSigner(salt=_SIGNER_SALT).sign(f"{kind}:{request_obj.access_key}")


def _from_token(token: str, kind: str) -> DocumentRequest:
    max_age = getattr(settings, "REGISTRY_DOWNLOAD_DAYS", 14) * 86400
    try:
        value = signing.TimestampSigner(salt=_SIGNER_SALT).unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        raise Http404(_("The link has expired. Contact the registrar for a new one.")) from None
    except signing.BadSignature:
        raise Http404 from None
    prefix, _sep, key = value.partition(":")
    found = DocumentRequest.objects.filter(access_key=key).first()
    if prefix != kind or found is None:
        raise Http404
    return found


def request_status(request: HttpRequest, key: str) -> HttpResponse:
    """The requester's own page (the address is the receipt): state, and links once decided."""
    found = DocumentRequest.objects.filter(access_key=key).first()
    if found is None:
        raise Http404
    context = {"req": found}
    if found.state == DocumentRequest.State.DELIVERED and found.deliveries.exists():
        context["download_url"] = reverse(
            "registry-download", kwargs={"token": _download_token(found, "pdf")}
        )
    if found.items.filter(outcome__in=RequestItem.ADVERSE).exists():
        context["decision_url"] = reverse(
            "registry-decision", kwargs={"token": _download_token(found, "decision")}
        )
    return render(request, "registry/request_status.html", context)


def _pdf_response(data: bytes, name: str) -> HttpResponse:
    response = HttpResponse(bytes(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _filename(req: DocumentRequest, suffix: str) -> str:
    return req.reference.replace(" ", "_").replace("/", "-") + suffix


def download(request: HttpRequest, token: str) -> HttpResponse:
    """Signed, expiring link to the delivered PDF (redactions burned in)."""
    found = _from_token(token, "pdf")
    delivery = found.deliveries.order_by("-pk").first()
    if delivery is None:
        raise Http404
    return _pdf_response(delivery.pdf, _filename(found, ".pdf"))


def decision_download(request: HttpRequest, token: str) -> HttpResponse:
    found = _from_token(token, "decision")
    return _pdf_response(decision_pdf(request=found), _filename(found, "_beslut.pdf"))


# --- registrars ----------------------------------------------------------------------------
def _require(request: HttpRequest, perm: str) -> None:
    if not request.user.has_perm(perm):
        raise PermissionDenied


@login_required
def staff_index(request: HttpRequest) -> HttpResponse:
    _require(request, "registry.register_entry")
    return render(
        request,
        "registry/staff_index.html",
        {"pending": selectors.entries_pending(), "recent": selectors.entries_recent()},
    )


@login_required
def staff_register(request: HttpRequest) -> HttpResponse:
    _require(request, "registry.register_entry")
    form = ManualRegistrationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            entry = services.entry_register(
                received_at=data["received_at"],
                channel=data["channel"],
                document_type=data["document_type"],
                sender_name=data["sender_name"],
                sender_is_organisation=data["sender_is_organisation"],
                subject=data["subject"],
                text=data["text"],
                case_ref=data["case_ref"].strip(),
                secrecy_provision=data["secrecy_provision"].code
                if data["secrecy_provision"]
                else "",
                attachments=[
                    (f.name, f.read(), f.content_type or "application/octet-stream")
                    for f in data["attachments"]
                ],
                officer=request.user,
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Registered as %(number)s.") % {"number": entry.diary_number}
            )
            return redirect("registry-staff-entry", pk=entry.pk)
    return render(request, "registry/staff_register.html", {"form": form})


@login_required
def staff_entry(request: HttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_get_for_user(user=request.user, pk=pk)
    annotate_form = AnnotationForm(prefix="note")
    secrecy_form = SecrecyForm(
        prefix="sec",
        initial={"provision": entry.secrecy_provision.code if entry.secrecy_provision else None},
    )
    info_form = InformationDisclosureForm(prefix="info")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "inform":
                _require(request, "registry.give_information")
                info_form = InformationDisclosureForm(request.POST, prefix="info")
                if info_form.is_valid():
                    data = info_form.cleaned_data
                    services.information_disclosure_record(
                        entry=entry,
                        channel=data["channel"],
                        question=data["question"],
                        outcome=data["outcome"],
                        answer=data["answer"],
                        provision_code=data["provision"].code if data["provision"] else "",
                        actor=request.user,
                    )
                    messages.success(request, _("The information given is logged."))
                    return redirect("registry-staff-entry", pk=entry.pk)
            if action == "confirm":
                services.entry_confirm(entry=entry, actor=request.user)
                messages.success(request, _("The registration is confirmed."))
                return redirect("registry-staff-entry", pk=entry.pk)
            if action == "annotate":
                annotate_form = AnnotationForm(request.POST, prefix="note")
                if annotate_form.is_valid():
                    services.entry_annotate(
                        entry=entry, actor=request.user, **annotate_form.cleaned_data
                    )
                    messages.success(request, _("The correction is recorded."))
                    return redirect("registry-staff-entry", pk=entry.pk)
            if action == "secrecy":
                secrecy_form = SecrecyForm(request.POST, prefix="sec")
                if secrecy_form.is_valid():
                    provision = secrecy_form.cleaned_data["provision"]
                    services.entry_mark_secret(
                        entry=entry,
                        provision_code=provision.code if provision else "",
                        actor=request.user,
                        reason=secrecy_form.cleaned_data["reason"],
                    )
                    messages.success(request, _("The secrecy marking is saved."))
                    return redirect("registry-staff-entry", pk=entry.pk)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    return render(
        request,
        "registry/staff_entry.html",
        {
            "entry": entry,
            "document": getattr(entry, "document", None),
            "annotate_form": annotate_form,
            "secrecy_form": secrecy_form,
            "info_form": info_form,
            "disclosures": selectors.information_disclosures(entry=entry),
            "events": entry.events.select_related("actor"),
        },
    )


@login_required
def staff_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> HttpResponse:
    entry = selectors.entry_get_for_user(user=request.user, pk=pk)
    attachment = Attachment.objects.filter(entry=entry, pk=attachment_pk).first()
    if attachment is None:
        raise Http404
    response = HttpResponse(bytes(attachment.content), content_type="application/octet-stream")
    response["Content-Disposition"] = f'attachment; filename="{attachment.filename}"'
    return response


@login_required
def staff_requests(request: HttpRequest) -> HttpResponse:
    _require(request, "registry.handle_request")
    now = timezone.now()
    rows = []
    for req in selectors.requests_queue():
        age = now - req.received_at
        rows.append(
            {
                "req": req,
                "age_hours": int(age.total_seconds() // 3600),
                "flag": age.days >= 1,  # TF-7: undecided after one day
                "escalate": age.days >= 2,  # TF-7: escalate before it is 3 days old
            }
        )
    return render(request, "registry/staff_requests.html", {"rows": rows})


@login_required
def staff_request_create(request: HttpRequest) -> HttpResponse:
    """TF-5: a request made by telephone, letter, e-mail or in person, entered by a registrar."""
    _require(request, "registry.handle_request")
    form = StaffRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.request_submit(
                description=data["description"],
                name=data["name"],
                contact=data["contact"],
                delivery=data["delivery"],
                channel=data["channel"],
                received_at=data["received_at"],
                actor=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("The request is entered as %(ref)s.") % {"ref": created.reference}
            )
            return redirect("registry-staff-request", pk=created.pk)
    return render(request, "registry/staff_request_new.html", {"form": form})


# What the request's history calls each audit action (the log keeps the action's code).
EVENT_LABELS = {
    "request_received": gettext_lazy("Request received"),
    "request_item_added": gettext_lazy("Document added"),
    "request_item_decided": gettext_lazy("Decision recorded"),
    "bulk_release_assessed": gettext_lazy("Assessment under OSL 21:7 recorded"),
    "request_fee_set": gettext_lazy("Copy fee set"),
    "request_fee_paid": gettext_lazy("Copy fee paid"),
    "request_delivered": gettext_lazy("Delivered"),
    "request_notified": gettext_lazy("Requester notified of the decision"),
    "appeal_registered": gettext_lazy("Appeal registered"),
    "appeal_forwarded": gettext_lazy("Appeal forwarded to the court"),
}


def _item_forms(req: DocumentRequest, data=None) -> list:
    forms_ = []
    for item in req.items.select_related("entry", "entry__document", "provision"):
        document = getattr(item.entry, "document", None)
        form = ItemDecisionForm(
            data if data is not None and data.get("item") == str(item.pk) else None,
            prefix=f"item{item.pk}",
            text=document.text if document else "",
            pii_spans=document.pii_spans if document else [],
        )
        forms_.append((item, document, form))
    return forms_


@login_required
def staff_request(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "registry.handle_request")
    req = DocumentRequest.objects.filter(pk=pk).first()
    if req is None:
        raise Http404
    add_form = AddEntryForm(prefix="add")
    appeal_form = AppealForm(prefix="appeal")
    bulk_form = BulkAssessmentForm(prefix="bulk")
    fee_form = CopyFeeForm(prefix="fee")
    item_forms = _item_forms(req)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "appeal":
                appeal_form = AppealForm(request.POST, prefix="appeal")
                if appeal_form.is_valid():
                    data = appeal_form.cleaned_data
                    appeal = services.appeal_register(
                        request=req,
                        received_at=data["received_at"],
                        channel=data["channel"],
                        appellant=data["appellant"],
                        text=data["text"],
                        actor=request.user,
                    )
                    messages.success(
                        request,
                        _("The appeal is registered as %(number)s.")
                        % {"number": appeal.entry.diary_number},
                    )
                    return redirect("registry-staff-request", pk=req.pk)
            elif action == "forward":
                appeal = Appeal.objects.filter(request=req, pk=request.POST.get("appeal")).first()
                if appeal is None:
                    raise Http404
                services.appeal_mark_forwarded(appeal=appeal, actor=request.user)
                return redirect("registry-staff-request", pk=req.pk)
            elif action == "add":
                add_form = AddEntryForm(request.POST, prefix="add")
                if add_form.is_valid():
                    entry = Entry.objects.filter(
                        diary_number=add_form.cleaned_data["diary_number"].strip()
                    ).first()
                    if entry is None:
                        add_form.add_error("diary_number", _("No document with that number."))
                    else:
                        services.request_add_entry(request=req, entry=entry, actor=request.user)
                        return redirect("registry-staff-request", pk=req.pk)
            elif action == "decide":
                item_forms = _item_forms(req, request.POST)
                for item, _document, form in item_forms:
                    if form.is_bound and form.is_valid():
                        spans = form.redactions()
                        if form.is_valid():
                            provision = form.cleaned_data["provision"]
                            services.request_item_decide(
                                item=item,
                                outcome=form.cleaned_data["outcome"],
                                actor=request.user,
                                provision_code=provision.code if provision else "",
                                reasons=form.cleaned_data["reasons"],
                                redactions=spans,
                                condition=form.cleaned_data["condition"],
                            )
                            messages.success(request, _("The decision is recorded."))
                            return redirect("registry-staff-request", pk=req.pk)
            elif action == "deliver":
                services.request_deliver(
                    request=req, actor=request.user, method=request.POST.get("method", "")
                )
                messages.success(request, _("The documents are delivered."))
                return redirect("registry-staff-request", pk=req.pk)
            elif action == "assess":
                bulk_form = BulkAssessmentForm(request.POST, prefix="bulk")
                if bulk_form.is_valid():
                    services.request_bulk_assessment_record(
                        request=req, text=bulk_form.cleaned_data["text"], actor=request.user
                    )
                    messages.success(request, _("The assessment is recorded."))
                    return redirect("registry-staff-request", pk=req.pk)
            elif action == "fee":
                fee_form = CopyFeeForm(request.POST, prefix="fee")
                if fee_form.is_valid():
                    services.request_fee_set(
                        request=req,
                        actor=request.user,
                        pages=fee_form.page_count(),
                        in_advance=fee_form.cleaned_data["in_advance"],
                    )
                    messages.success(request, _("The copy fee is set."))
                    return redirect("registry-staff-request", pk=req.pk)
            elif action == "fee_paid":
                services.request_fee_mark_paid(request=req, actor=request.user)
                return redirect("registry-staff-request", pk=req.pk)
            elif action == "notified":
                services.request_mark_notified(request=req, actor=request.user)
                return redirect("registry-staff-request", pk=req.pk)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    adverse = req.items.filter(outcome__in=RequestItem.ADVERSE)
    context = {
        "req": req,
        "add_form": add_form,
        "appeal_form": appeal_form if adverse.exists() else None,
        "appeals": req.appeals.select_related("entry"),
        "notified_on": adverse.filter(notified_at__isnull=False)
        .order_by("notified_at")
        .values_list("notified_at", flat=True)
        .first(),
        "item_forms": item_forms,
        "status_url": reverse("registry-request-status", kwargs={"key": req.access_key}),
        "delivery_choices": DocumentRequest.Delivery.choices,
        "bulk": selectors.request_bulk_release_status(request=req),
        "bulk_form": bulk_form,
        "fee_form": fee_form,
        "fee_schedule": selectors.fee_schedule_in_force(),
        "assessments": req.bulk_assessments.select_related("assessed_by"),
        "history": [
            (event, EVENT_LABELS.get(event.action, event.action))
            for event in selectors.request_history(request=req)
        ],
    }
    if req.items.filter(outcome__in=RequestItem.ADVERSE).exists():
        context["decision_url"] = reverse(
            "registry-decision", kwargs={"token": _download_token(req, "decision")}
        )
    if req.deliveries.exists():
        context["download_url"] = reverse(
            "registry-download", kwargs={"token": _download_token(req, "pdf")}
        )
    return render(request, "registry/staff_request.html", context)


@login_required
def staff_information_log(request: HttpRequest) -> HttpResponse:
    """OSL-11: every uppgift given or refused from a document, newest first (registrars)."""
    _require(request, "registry.view_information_log")
    page = Paginator(selectors.information_disclosures(), 50).get_page(request.GET.get("sida"))
    return render(request, "registry/staff_information_log.html", {"page": page})


@login_required
def staff_disposals(request: HttpRequest) -> HttpResponse:
    _require(request, "registry.carry_out_disposal")
    return render(
        request,
        "registry/staff_disposals.html",
        {"overview": selectors.disposals_overview()},
    )


@login_required
@require_POST
def staff_disposal_carry_out(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "registry.carry_out_disposal")
    decision = DisposalDecision.objects.filter(pk=pk).first()
    if decision is None:
        raise Http404
    disposal = services.disposal_carry_out(decision=decision, actor=request.user)
    messages.success(
        request,
        _("%(count)d documents were disposed of under %(decision)s.")
        % {"count": len(disposal.destroyed), "decision": decision},
    )
    return redirect("registry-staff-disposals")


@login_required
def staff_report(request: HttpRequest) -> HttpResponse:
    """Time from request to delivery per month: median and the slowest cases (TF-7)."""
    _require(request, "registry.view_reports")
    by_month: dict[str, list[DocumentRequest]] = defaultdict(list)
    for req in DocumentRequest.objects.filter(lead_time__isnull=False).order_by("received_at"):
        by_month[timezone.localtime(req.received_at).strftime("%Y-%m")].append(req)
    months = []
    for month, reqs in sorted(by_month.items(), reverse=True):
        hours = [r.lead_time.total_seconds() / 3600 for r in reqs]
        months.append(
            {
                "month": month,
                "count": len(reqs),
                "median_hours": round(statistics.median(hours), 1),
                "slowest": sorted(reqs, key=lambda r: r.lead_time, reverse=True)[:3],
            }
        )
    return render(request, "registry/staff_report.html", {"months": months})
