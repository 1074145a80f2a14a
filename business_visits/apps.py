from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class BusinessVisitsConfig(AppConfig):
    name = "business_visits"
    verbose_name = _("Business visits")

    def participation(self):
        from dialog_portal.participation import Participation

        return Participation(
            order=30,
            title=_("Business visits (företagsbesök)"),
            url=reverse("business-index"),
            description=_(
                "Politicians and officials visit local companies several times a year for a better business climate."
            ),
            status=_("Reports from business visits are published here."),
            is_open=False,
        )
