from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class YouthDemocracyConfig(AppConfig):
    name = "youth_democracy"
    verbose_name = _("Youth democracy day")

    def participation(self):
        from dialog_portal.participation import Participation

        return Participation(
            order=20,
            title=_("Democracy day for young people"),
            url=reverse("youth-index"),
            description=_(
                "Every year young people in the municipality discuss social issues and make proposals that lead to changes in municipal services."
            ),
            status=_("No democracy day is open for proposals right now."),
            is_open=False,
        )
