from django.urls import path
from django.utils.translation import gettext_lazy as _

from dialog_portal.views import coming_soon

urlpatterns = [
    path("", coming_soon, {"title": _("Democracy day for young people")}, name="youth-index"),
]
