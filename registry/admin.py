"""Admin: the register is read-only here (ARK-1); registrars work on /personal/diarium/.

Only the lists registrars may extend or the nämnd adopts are editable: secrecy provisions
(OSL-12), the dokumenthanteringsplan and gallringsbeslut (ARK-3, ARK-4).
"""

from django.contrib import admin

from .models import (
    Annotation,
    Case,
    Disposal,
    DisposalDecision,
    DocumentRequest,
    Entry,
    FeeSchedule,
    RegistryEvent,
    RetentionPlanRow,
    SecrecyProvision,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Entry)
class EntryAdmin(ReadOnlyAdmin):
    list_display = ["diary_number", "received_at", "channel", "document_type", "state"]
    list_filter = ["channel", "document_type", "state"]
    search_fields = ["diary_number", "subject"]
    exclude = ["search_vector"]


@admin.register(Case)
class CaseAdmin(ReadOnlyAdmin):
    list_display = ["diary_number", "subject", "opened_on", "closed_on"]
    search_fields = ["diary_number", "subject"]


@admin.register(Annotation)
class AnnotationAdmin(ReadOnlyAdmin):
    list_display = ["entry", "field", "created_at", "author"]


@admin.register(RegistryEvent)
class RegistryEventAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "actor", "actor_label", "entry", "request"]
    list_filter = ["action"]


@admin.register(Disposal)
class DisposalAdmin(ReadOnlyAdmin):
    list_display = ["carried_out_at", "decision", "carried_out_by"]


@admin.register(DocumentRequest)
class DocumentRequestAdmin(ReadOnlyAdmin):
    list_display = ["reference", "received_at", "state", "delivered_at", "lead_time"]
    exclude = ["access_key"]


@admin.register(SecrecyProvision)
class SecrecyProvisionAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "is_active", "position"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(RetentionPlanRow)
class RetentionPlanRowAdmin(admin.ModelAdmin):
    list_display = ["document_type", "handling", "storage", "disposition", "retention_years"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(DisposalDecision)
class DisposalDecisionAdmin(admin.ModelAdmin):
    list_display = ["body", "decided_on", "reference", "retention_years"]
    filter_horizontal = ["plan_rows"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(FeeSchedule)
class FeeScheduleAdmin(admin.ModelAdmin):
    """The copy-fee taxa adopted by kommunfullmäktige (TF-10); a new taxa is a new row."""

    list_display = ["valid_from", "adopted_by", "reference", "charges_copies"]
