from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Page, SocialChannel

admin.site.site_header = _("Citizen dialogue – administration")
admin.site.site_title = _("Citizen dialogue")
admin.site.index_title = _("Administration")


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("title_sv", "slug", "updated_at")
    readonly_fields = ("slug", "updated_at")
    fields = ("slug", "title_sv", "body_sv", "title_en", "body_en", "updated_at")

    def has_add_permission(self, request):
        return False  # the pages are fixed; their texts are edited

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SocialChannel)
class SocialChannelAdmin(admin.ModelAdmin):
    list_display = ("name", "platform", "url", "is_active", "position")
    list_editable = ("is_active", "position")
