"""Public views: the reusable contribution-form handling, Synpunkter, reports and takedowns."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from dialog_portal.ratelimits import form_ratelimit

from .forms import ContributionForm, PhotoContributionForm, ReportForm, TakedownForm
from .models import Contribution, FeedbackTopic
from .photos import pending_photo_discard
from .selectors import contribution_get_published, contributions_for
from .services import contribution_submit, report_submit, takedown_request_submit


def client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


def contribution_form_handle(
    request: HttpRequest,
    *,
    target,
    kind: str,
    success_url: str,
    form_class=ContributionForm,
    parent=None,
    channel: str = "portal",
) -> tuple[HttpResponse | None, dict]:
    """Handle a POST of a contribution form; every app's view can call this.

    Steps (the pressed button "step"): "check" screens and, when something is found, returns
    the form with `show_warning` (RULE-1); "edit" returns the form for editing; "withdraw"
    stores nothing; "post" (or "check" with nothing found) hands the contribution to
    `contribution_submit`. Returns (redirect, {}) when done, or (None, context) to re-render.
    """
    step = request.POST.get("step", "check")
    keeps_photo = hasattr(form_class, "keep_photo")
    if step == "withdraw":
        if keeps_photo and request.POST.get("pending_photo"):
            pending_photo_discard(request.POST["pending_photo"])
        messages.info(request, _("Your contribution was withdrawn. Nothing was saved."))
        return redirect(success_url), {}
    form = form_class(request.POST, request.FILES)
    if not form.is_valid():
        return None, {"form": form}
    result = form.screening
    found = bool(result and (result.pii or result.flags))
    if step == "edit":
        edit = form_class(initial=form.cleaned_data)
        if keeps_photo:
            edit.initial["pending_photo"] = form.keep_photo()
            edit.fields["photo"].help_text = form.fields["photo"].help_text
        return None, {"form": edit}
    if found and step != "post":
        if keeps_photo:
            form.keep_photo()
        return None, {"form": form, "show_warning": True}
    data = form.cleaned_data
    try:
        contribution_submit(
            target=target,
            kind=kind,
            text=data.get("text", ""),
            author=request.user if request.user.is_authenticated else None,
            display_name=data.get("display_name", ""),
            email=data.get("email", ""),
            parent=parent,
            photo=data.get("photo"),
            photo_consent=data.get("photo_consent", False),
            guardian_consent=data.get("guardian_consent", False),
            child_pictured=data.get("child_pictured", False),
            post_anyway=step == "post",
            channel=channel,
            client_ip=client_ip(request),
            user_agent=request.META.get("HTTP_USER_AGENT", ""),
        )
    except ValidationError as exc:
        form.add_error(None, exc)
        return None, {"form": form}
    if data.get("pending_photo"):
        pending_photo_discard(data["pending_photo"])
    messages.success(
        request,
        _("Thank you! Your contribution is waiting for review and is published once approved."),
    )
    return redirect(success_url), {}


# --- Synpunkter -------------------------------------------------------------------------
def feedback_index(request: HttpRequest) -> HttpResponse:
    topics = FeedbackTopic.objects.all()
    from .selectors import contribution_counts_for

    counts = contribution_counts_for(targets=topics)
    return render(
        request,
        "moderation/feedback_index.html",
        {"topics": [(t, counts.get(t, 0)) for t in topics]},
    )


@form_ratelimit
def feedback_topic(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(FeedbackTopic, slug=slug)
    context: dict = {"form": ContributionForm()}
    if request.method == "POST":
        if not topic.is_open:
            messages.error(request, _("This topic is closed for new feedback."))
            return redirect(topic)
        response, context = contribution_form_handle(
            request,
            target=topic,
            kind=Contribution.Kind.FEEDBACK,
            success_url=topic.get_absolute_url(),
        )
        if response is not None:
            return response
    context.update(
        {
            "topic": topic,
            "contributions": contributions_for(target=topic),
            "form_heading": _("Give your feedback"),
        }
    )
    return render(request, "moderation/feedback_topic.html", context)


@form_ratelimit
def feedback_photo(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(FeedbackTopic, slug=slug, is_open=True)
    context: dict = {"form": PhotoContributionForm()}
    if request.method == "POST":
        response, context = contribution_form_handle(
            request,
            target=topic,
            kind=Contribution.Kind.PHOTO,
            success_url=topic.get_absolute_url(),
            form_class=PhotoContributionForm,
        )
        if response is not None:
            return response
    context.update({"topic": topic, "form_heading": _("Send a photo")})
    return render(request, "moderation/feedback_photo.html", context)


# --- reports, photos, takedowns --------------------------------------------------------------
def _published_or_404(pk: int) -> Contribution:
    contribution = contribution_get_published(pk=pk)
    if contribution is None:
        raise Http404
    return contribution


def _back_url(contribution: Contribution) -> str:
    target = contribution.target
    url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else "/"
    return f"{url}#bidrag-{contribution.pk}"


@form_ratelimit
def contribution_report(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = _published_or_404(pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            report_submit(
                contribution=contribution,
                reporter=request.user,
                client_ip=client_ip(request),
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you. A moderator will look at your report."))
            return redirect(_back_url(contribution))
    return render(
        request, "moderation/report_form.html", {"form": form, "contribution": contribution}
    )


@form_ratelimit
def photo_takedown(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = _published_or_404(pk)
    if not contribution.photo:
        raise Http404
    form = TakedownForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        takedown_request_submit(contribution=contribution, **form.cleaned_data)
        messages.success(
            request, _("The photo has been taken down. A moderator will review your request.")
        )
        return redirect(_back_url(contribution).split("#")[0])
    return render(
        request, "moderation/takedown_form.html", {"form": form, "contribution": contribution}
    )


def contribution_photo(request: HttpRequest, pk: int) -> FileResponse:
    """Serve a photo only while its contribution is published (moderators: any not quarantined)."""
    contribution = Contribution.objects.filter(pk=pk).exclude(photo="").first()
    if contribution is None or contribution.quarantined:
        raise Http404
    if not contribution.is_published and not request.user.has_perm("moderation.moderate"):
        raise Http404
    response = FileResponse(contribution.photo.open("rb"))
    response["Cache-Control"] = "private, no-store" if not contribution.is_published else "no-cache"
    return response


@login_required
def my_contributions(request: HttpRequest) -> HttpResponse:
    """The author sees their contributions, their state, and why one is hidden."""
    items = Contribution.objects.filter(author=request.user).order_by("-received_at")
    return render(request, "moderation/my_contributions.html", {"items": items})
