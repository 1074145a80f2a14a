"""Public pages of the village meetings: thin views over selectors and services."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from dialog_portal.ratelimits import form_ratelimit

from . import selectors, services
from .cache import CSRF_PLACEHOLDER, cached_public_page, is_page_cache_render, page_context
from .forms import (
    PastSearchForm,
    RegistrationForm,
    SubscriptionForm,
    VillageFilterForm,
    meeting_contribution_form_class,
)
from .fragments import (
    answer_items_html,
    contribution_form_html,
    contribution_items_html,
    meeting_cards_html,
)
from .ical import calendar_for
from .models import Meeting


def _add_errors(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc)


@cached_public_page(scope="village")
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Upcoming meetings, filterable by village; the empty state offers a subscription."""
    filter_form = VillageFilterForm(request.GET or None)
    village = filter_form.cleaned_data["by"] if filter_form.is_valid() else None
    page = selectors.meetings_upcoming_page(village=village, number=request.GET.get("sida"))
    meetings = page.object_list
    planned = [m for m in meetings if m.state == Meeting.State.PLANNED] or (
        page.number > 1 and meetings
    )
    subscribe_form = SubscriptionForm(initial={"village": village.slug if village else None})
    return render(
        request,
        "meetings/meeting_list.html",
        page_context(
            request,
            {
                "filter_form": filter_form,
                "village": village,
                "meetings": meetings,
                "meeting_cards": meeting_cards_html(meetings),
                "page": page,
                "has_planned": bool(planned),
                "subscribe_form": subscribe_form,
                "village_links": mark_safe(selectors.village_links_html()),  # noqa: S308 - escaped
            },
        ),
    )


@cached_public_page(scope="schedule")
def meeting_past(request: HttpRequest) -> HttpResponse:
    form = PastSearchForm(request.GET or None)
    village, query = None, ""
    if form.is_valid():
        village, query = form.cleaned_data["by"], form.cleaned_data["q"]
    page = Paginator(selectors.meetings_past(village=village, query=query), 20).get_page(
        request.GET.get("sida")
    )
    return render(
        request,
        "meetings/meeting_past.html",
        page_context(
            request, {"form": form, "page": page, "meetings": page.object_list, "query": query}
        ),
    )


def _detail_context(request: HttpRequest, meeting: Meeting, **forms) -> dict:
    now = timezone.now()
    is_past = meeting.ends_at < now or meeting.state == Meeting.State.HELD
    selectors.meeting_page_related(meeting=meeting, with_follow_ups=is_past)
    takes_contributions = (
        meeting.state != Meeting.State.CANCELLED and now <= meeting.contributions_close_at
    )
    contributions = selectors.meeting_contributions(meeting=meeting)
    answers = [c for c in contributions if c.answer and c.state == "published"]
    form = forms.get("form")
    show_warning = forms.get("show_warning", False)
    registration_open = (
        meeting.capacity is not None
        and meeting.state == Meeting.State.PLANNED
        and meeting.starts_at > now
    )
    context = {
        "meeting": meeting,
        "is_past": is_past,
        "takes_contributions": takes_contributions,
        "contributions": contributions,
        "contribution_items": contribution_items_html(contributions),
        "answers": answers,
        "answer_items": answer_items_html(answers),
        "show_warning": show_warning,
        "registration_form": forms.get("registration_form")
        or (RegistrationForm() if registration_open else None),
        "registration_open": registration_open,
        "registration_counts": selectors.registration_counts(meeting=meeting)
        if meeting.capacity is not None
        else None,
        "notes": getattr(meeting, "notes", None),
    }
    if takes_contributions and form is None and not show_warning:
        # the unbound form is the same on every page: rendered once per process
        context["contribution_form"] = contribution_form_html(
            request,
            form_class=meeting_contribution_form_class(),
            form_action=reverse("meetings-contribute", kwargs={"pk": meeting.pk}),
            csrf_token=CSRF_PLACEHOLDER if is_page_cache_render(request) else get_token(request),
        )
    else:
        context["form"] = form or meeting_contribution_form_class()()
    return context


@cached_public_page(scope="meeting")
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_public(pk=pk)
    context = page_context(request, _detail_context(request, meeting))
    return render(request, "meetings/meeting_detail.html", context)


@require_POST
@form_ratelimit
def meeting_contribute(request: HttpRequest, pk: int) -> HttpResponse:
    """A resident's question or need, anonymous or logged in, handed to moderation.

    The pressed button ("step") follows moderation's form: "check" screens and warns when
    something is found (RULE-1), "edit" returns the text, "withdraw" stores nothing, "post"
    sends anyway (found personal data is masked in public view)."""
    meeting = selectors.meeting_get_public(pk=pk)
    step = request.POST.get("step", "check")
    back = meeting.get_absolute_url() + "#skicka"
    if step == "withdraw":
        messages.info(request, _("Your text was withdrawn. Nothing was saved."))
        return redirect(back)
    form_class = meeting_contribution_form_class()
    form = form_class(request.POST)
    show_warning = False
    if form.is_valid():
        result = form.screening
        found = bool(result and (result.pii or result.flags))
        if step == "edit":
            form = form_class(initial=form.cleaned_data)
        elif found and step != "post":
            show_warning = True
        else:
            data = form.cleaned_data
            try:
                services.meeting_contribution_submit(
                    meeting=meeting,
                    kind=data["kind"],
                    text=data["text"],
                    author=request.user,
                    display_name=data.get("display_name", ""),
                    email=data.get("email", ""),
                    post_anyway=step == "post",
                    client_ip=request.META.get("REMOTE_ADDR"),
                    user_agent=request.headers.get("User-Agent", "")[:300],
                )
            except ValidationError as exc:
                form.add_error(None, exc)
                for message in exc.messages:
                    messages.error(request, message)
            else:
                messages.success(
                    request,
                    _(
                        "Thank you! Your text has been received. It is shown here once a moderator has reviewed it."
                    ),
                )
                return redirect(meeting.get_absolute_url() + "#fragor")
    context = _detail_context(request, meeting, form=form, show_warning=show_warning)
    return render(request, "meetings/meeting_detail.html", context)


@require_POST
@form_ratelimit
def meeting_register(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_public(pk=pk)
    form = RegistrationForm(request.POST)
    if form.is_valid():
        try:
            registration = services.registration_create(meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            if registration.state == registration.State.CONFIRMED:
                messages.success(
                    request,
                    _("You are registered. We have sent a confirmation with a link to cancel."),
                )
            else:
                messages.success(
                    request,
                    _(
                        "The meeting is full, so you are on the waiting list. We e-mail you if a place becomes free."
                    ),
                )
            return redirect(meeting.get_absolute_url() + "#anmalan")
    context = _detail_context(request, meeting, registration_form=form)
    return render(request, "meetings/meeting_detail.html", context)


def registration_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """Cancel by the signed link in the confirmation mail (GET asks, POST does it)."""
    try:
        registration = services.registration_from_token(token=token)
    except ValidationError as exc:
        return render(
            request, "meetings/link_invalid.html", {"message": exc.messages[0]}, status=400
        )
    if request.method == "POST":
        services.registration_cancel(registration=registration)
        messages.success(request, _("Your registration is cancelled."))
        return redirect(registration.meeting.get_absolute_url())
    return render(request, "meetings/registration_cancel.html", {"registration": registration})


@cached_public_page(scope="village")
def village_detail(request: HttpRequest, slug: str) -> HttpResponse:
    village = selectors.village_get(slug=slug)
    upcoming = list(selectors.meetings_upcoming(village=village))
    past = list(selectors.meetings_past(village=village)[:10])
    return render(
        request,
        "meetings/village_detail.html",
        page_context(
            request,
            {
                "village": village,
                "items": selectors.village_items(village=village),
                "upcoming": upcoming,
                "meeting_cards": meeting_cards_html(upcoming),
                "has_planned": any(m.state == Meeting.State.PLANNED for m in upcoming),
                "past": past,
                "follow_ups": selectors.village_open_follow_ups(village=village),
                "subscribe_form": SubscriptionForm(initial={"village": village.slug}),
            },
        ),
    )


@form_ratelimit
def subscribe(request: HttpRequest) -> HttpResponse:
    """Ask for notices about a village (double opt-in)."""
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscription = services.subscription_request(
            village=form.cleaned_data["village"], email=form.cleaned_data["email"]
        )
        return render(
            request, "meetings/subscription_requested.html", {"village": subscription.village}
        )
    return render(request, "meetings/subscribe.html", {"subscribe_form": form})


def subscription_confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners follow links); POST confirms."""
    if request.method == "POST":
        try:
            subscription = services.subscription_confirm(token=token)
        except ValidationError as exc:
            return render(
                request, "meetings/link_invalid.html", {"message": exc.messages[0]}, status=400
            )
        return render(request, "meetings/subscription_done.html", {"subscription": subscription})
    return render(request, "meetings/subscription_confirm.html", {"token": token})


@csrf_exempt  # RFC 8058 one-click POST from the mail client; the signed token is the proof
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    if request.method == "POST":
        try:
            subscription = services.subscription_unsubscribe(token=token)
        except ValidationError as exc:
            return render(
                request, "meetings/link_invalid.html", {"message": exc.messages[0]}, status=400
            )
        return render(request, "meetings/unsubscribed.html", {"subscription": subscription})
    return render(request, "meetings/unsubscribe.html", {"token": token})


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@cached_public_page(scope="meeting")
def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = selectors.meeting_get_public(pk=pk)
    return _ics(
        calendar_for([meeting], name=meeting.display_title), f"kommundelstraff-{meeting.pk}.ics"
    )


@cached_public_page(scope="schedule")
def feed_all(request: HttpRequest) -> HttpResponse:
    meetings = selectors.meetings_for_feed()
    return _ics(calendar_for(meetings, name="Kommundelsträffar"), "kommundelstraffar.ics")


@cached_public_page(scope="village")
def feed_village(request: HttpRequest, slug: str) -> HttpResponse:
    village = selectors.village_get(slug=slug)
    meetings = selectors.meetings_for_feed(village=village)
    return _ics(
        calendar_for(meetings, name=f"Kommundelsträffar i {village.name}"),
        f"kommundelstraffar-{village.slug}.ics",
    )
