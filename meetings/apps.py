from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Village meetings")

    def participation(self):
        from dialog_portal.participation import Participation

        return Participation(
            order=10,
            title=_("Village meetings (kommundelsträffar)"),
            url=reverse("meetings-index"),
            description=_(
                "Politicians and officials visit the villages of the municipality. Ask questions and tell us what your village needs."
            ),
            status=_("We have no village meetings planned right now."),
            is_open=False,
        )
