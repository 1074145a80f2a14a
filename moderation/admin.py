"""Admin: feedback topics are edited; everything else is a record and read-only here.

Moderation acts go through the staff pages (/personal/moderering/) so that each is one
service call with an audit entry; the admin never changes or deletes a record.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    AuditLogEntry,
    AuthorBlock,
    Contribution,
    EvidenceRecord,
    FeedbackTopic,
    PhotoTakedownRequest,
    PoliceReportDecision,
    Report,
)


@admin.register(FeedbackTopic)
class FeedbackTopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_open"]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request, obj=None):
        return False  # contributions point at topics; close a topic instead


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        return {}


@admin.register(Contribution)
class ContributionAdmin(ReadOnlyAdmin):
    """The registrar's view: the original text (unmasked) and every stored fact (TF-2)."""

    list_display = ["pk", "kind", "state", "received_at", "screening_action", "registration_state"]
    list_filter = ["state", "kind", "registration_state", "screening_action"]
    date_hierarchy = "received_at"
    exclude = ["content_type", "object_id"]
    readonly_fields = ["target_label"]

    @admin.display(description=_("about"))
    def target_label(self, obj):
        return str(obj.target) if obj.target else "–"

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and obj.quarantined:
            return [f for f in fields if f not in ("text", "photo", "screening", "masked_spans")]
        return fields


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor_label", "action", "contribution", "reason"]
    list_filter = ["action"]
    date_hierarchy = "at"


@admin.register(EvidenceRecord)
class EvidenceRecordAdmin(ReadOnlyAdmin):
    list_display = ["pk", "category", "created_at", "contribution", "sha256"]

    def get_fields(self, request, obj=None):
        fields = super().get_fields(request, obj)
        if obj is not None and obj.is_quarantined:
            return [f for f in fields if f != "content"]
        return fields


@admin.register(PoliceReportDecision)
class PoliceReportDecisionAdmin(ReadOnlyAdmin):
    list_display = ["evidence", "reported", "police_reference", "decided_at"]


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ["contribution", "reason", "received_at", "resolved_at"]
    exclude = ["reporter_key"]


@admin.register(PhotoTakedownRequest)
class PhotoTakedownRequestAdmin(ReadOnlyAdmin):
    list_display = ["contribution", "received_at", "resolved_at", "outcome"]


@admin.register(AuthorBlock)
class AuthorBlockAdmin(ReadOnlyAdmin):
    list_display = ["user", "blocked_at", "lifted_at"]
