"""Admin for officials: schedule meetings with agenda and attendees inline, publish, cancel
(with a reason the subscribers receive), close held meetings (notes, number of participants,
questions dealt with), answer questions, follow-up actions and "på gång i byn".

Every save goes through meetings.services; a ValidationError is shown on the form (the
form runs the same validation) or, failing that, through message_user.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .forms import CancelMeetingForm, CloseMeetingForm
from .models import (
    AgendaItem,
    Answer,
    Attendee,
    FollowUpAction,
    Meeting,
    MeetingNotes,
    Registration,
    Venue,
    Village,
    VillageItem,
    VillageSubscription,
)


class VillageItemInline(admin.StackedInline):
    model = VillageItem
    extra = 0


@admin.register(Village)
class VillageAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    search_fields = ("name",)
    inlines = [VillageItemInline]


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ("name", "village", "street_address", "step_free_access", "hearing_loop")
    list_filter = ("village", "step_free_access", "hearing_loop")
    search_fields = ("name", "street_address")


@admin.register(VillageItem)
class VillageItemAdmin(admin.ModelAdmin):
    list_display = ("title", "village", "category", "state", "contact_department", "updated_at")
    list_filter = ("village", "category", "state")
    search_fields = ("title", "description")


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 1


class AttendeeInline(admin.TabularInline):
    model = Attendee
    extra = 1


class FollowUpActionInline(admin.TabularInline):
    model = FollowUpAction
    extra = 0
    fields = ("title", "owner", "due_on", "status", "description")


class NotesInline(admin.StackedInline):
    model = MeetingNotes
    extra = 0
    max_num = 1
    can_delete = False


class AnswerInline(admin.StackedInline):
    """Answers to the meeting's published questions and needs (chosen from a list)."""

    model = Answer
    extra = 0
    fields = ("contribution_id", "text", "answered_by", "published_at")
    readonly_fields = ("published_at",)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        choices = [("", "---------")]
        if obj is not None:
            from moderation.selectors import contributions_for

            for c in contributions_for(target=obj, kinds=["question", "need"]).filter(
                state="published"
            ):
                label = f"#{c.pk} {c.get_kind_display()}: {c.public_text[:80]}"
                choices.append((c.pk, label))
        formset.form.base_fields["contribution_id"] = forms.TypedChoiceField(
            label=_("Question or need"), choices=choices, coerce=int
        )
        return formset


class MeetingAdminForm(forms.ModelForm):
    class Meta:
        model = Meeting
        fields = (
            "village",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "venue",
            "questions_close_at",
            "capacity",
        )

    def _post_clean(self):
        super()._post_clean()
        try:
            services.meeting_validate(meeting=self.instance)
        except ValidationError as exc:
            self._update_errors(exc)


class StartsFilter(admin.SimpleListFilter):
    title = _("date")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return (("coming", _("Coming")), ("past", _("Past")))

    def queryset(self, request, queryset):
        from django.utils import timezone

        if self.value() == "coming":
            return queryset.filter(ends_at__gte=timezone.now())
        if self.value() == "past":
            return queryset.filter(ends_at__lt=timezone.now())
        return queryset


class PublishedFilter(admin.SimpleListFilter):
    title = _("published")
    parameter_name = "published"

    def lookups(self, request, model_admin):
        return (("yes", _("Yes")), ("no", _("No")))

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(published_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(published_at__isnull=True)
        return queryset


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    form = MeetingAdminForm
    list_display = ("__str__", "village", "starts_at", "state", "is_published", "venue")
    list_filter = ("village", "state", StartsFilter, PublishedFilter, "starts_at")
    date_hierarchy = "starts_at"
    search_fields = ("title", "village__name")
    list_select_related = ("village", "venue")
    readonly_fields = (
        "state",
        "published_at",
        "cancel_reason",
        "participant_count",
        "closed_at",
        "sequence",
        "uid",
    )
    inlines = [AgendaItemInline, AttendeeInline, AnswerInline, NotesInline, FollowUpActionInline]
    actions = ["publish", "cancel", "close"]

    @admin.display(boolean=True, description=_("published"))
    def is_published(self, obj):
        return obj.is_published

    def save_model(self, request, obj, form, change):
        try:
            services.meeting_save(meeting=obj)
        except ValidationError as exc:
            self.message_user(request, " ".join(exc.messages), messages.ERROR)

    def save_formset(self, request, form, formset, change):
        if formset.model is Answer:
            for instance in formset.save(commit=False):
                try:
                    services.answer_save(answer=instance, author=request.user)
                except ValidationError as exc:
                    self.message_user(request, " ".join(exc.messages), messages.ERROR)
            for obj in formset.deleted_objects:
                obj.delete()
        elif formset.model is MeetingNotes:
            for instance in formset.save(commit=False):
                try:
                    services.meeting_notes_save(
                        meeting=instance.meeting,
                        text=instance.text,
                        finished_on=instance.finished_on,
                    )
                except ValidationError as exc:
                    self.message_user(request, " ".join(exc.messages), messages.ERROR)
        else:
            super().save_formset(request, form, formset, change)

    def _check(self, request, perm: str) -> None:
        if not request.user.has_perm(perm):
            raise PermissionDenied

    @admin.action(description=_("Publish the selected meetings"))
    def publish(self, request, queryset):
        self._check(request, "meetings.publish_meeting")
        done = 0
        for meeting in queryset.select_related("venue", "village"):
            try:
                services.meeting_publish(meeting=meeting)
                done += 1
            except ValidationError as exc:
                self.message_user(request, f"{meeting}: {' '.join(exc.messages)}", messages.ERROR)
        if done:
            self.message_user(
                request,
                ngettext("%(n)d meeting published.", "%(n)d meetings published.", done)
                % {"n": done},
                messages.SUCCESS,
            )

    @admin.action(description=_("Cancel the selected meetings (with a reason)"))
    def cancel(self, request, queryset):
        self._check(request, "meetings.cancel_meeting")
        form = CancelMeetingForm(request.POST if "confirm" in request.POST else None)
        if "confirm" in request.POST and form.is_valid():
            done = 0
            for meeting in queryset:
                try:
                    services.meeting_cancel(meeting=meeting, reason=form.cleaned_data["reason"])
                    done += 1
                except ValidationError as exc:
                    self.message_user(
                        request, f"{meeting}: {' '.join(exc.messages)}", messages.ERROR
                    )
            if done:
                self.message_user(
                    request,
                    ngettext(
                        "%(n)d meeting cancelled; the subscribers are told.",
                        "%(n)d meetings cancelled; the subscribers are told.",
                        done,
                    )
                    % {"n": done},
                    messages.SUCCESS,
                )
            return None
        return TemplateResponse(
            request,
            "admin/meetings/meeting/cancel.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Cancel meetings"),
                "meetings": queryset,
                "form": form,
                "action": "cancel",
                "opts": self.model._meta,
            },
        )

    @admin.action(description=_("Close a held meeting (notes, participants)"))
    def close(self, request, queryset):
        self._check(request, "meetings.close_meeting")
        if queryset.count() != 1:
            self.message_user(request, _("Choose exactly one meeting to close."), messages.ERROR)
            return None
        meeting = queryset.get()
        from moderation.selectors import contributions_for

        choices = [
            (c.pk, f"#{c.pk} {c.get_kind_display()}: {c.public_text[:80]}")
            for c in contributions_for(target=meeting, kinds=["question", "need"]).filter(
                state="published"
            )
        ]
        notes = getattr(meeting, "notes", None)
        form = CloseMeetingForm(
            request.POST if "confirm" in request.POST else None,
            initial={
                "notes": notes.text if notes else "",
                "finished_on": notes.finished_on if notes else None,
                "participant_count": meeting.participant_count,
            },
        )
        form.fields["dealt_with"].choices = choices
        if "confirm" in request.POST and form.is_valid():
            data = form.cleaned_data
            try:
                services.meeting_close(
                    meeting=meeting,
                    notes=data["notes"],
                    finished_on=data["finished_on"],
                    participant_count=data["participant_count"],
                    dealt_with_ids=data["dealt_with"],
                )
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.ERROR)
            else:
                self.message_user(request, _("The meeting is closed."), messages.SUCCESS)
                return redirect("admin:meetings_meeting_change", meeting.pk)
            return None
        return TemplateResponse(
            request,
            "admin/meetings/meeting/close.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Close the meeting"),
                "meetings": [meeting],
                "form": form,
                "action": "close",
                "opts": self.model._meta,
            },
        )


@admin.register(FollowUpAction)
class FollowUpActionAdmin(admin.ModelAdmin):
    list_display = ("title", "meeting", "owner", "due_on", "status")
    list_filter = ("status", "meeting__village")
    list_editable = ("status",)
    search_fields = ("title", "owner")
    list_select_related = ("meeting__village",)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("name", "meeting", "state", "created_at")
    list_filter = ("state", "meeting__village")
    list_select_related = ("meeting__village",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(VillageSubscription)
class VillageSubscriptionAdmin(admin.ModelAdmin):
    list_display = ("email", "village", "confirmed_at", "unsubscribed_at")
    list_filter = ("village",)

    def has_add_permission(self, request):
        return False
