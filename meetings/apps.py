from django.apps import AppConfig
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Village meetings")

    def ready(self):
        from .cache import connect_signals

        connect_signals()

    def staff_links(self, user):
        """Officials schedule and follow up meetings in the admin."""
        from dialog_portal.participation import StaffLink

        if not user.has_perm("meetings.view_meeting"):
            return []
        return [
            StaffLink(
                title=_("Village meetings"),
                url=reverse("admin:meetings_meeting_changelist"),
                description=_(
                    "Schedule, publish, cancel and close meetings; answer questions; notes and follow-up actions."
                ),
            )
        ]

    def participation(self):
        """What the home page says is open now: the next meeting, or that none is planned."""
        from dialog_portal.participation import Participation

        from .selectors import meeting_next

        meeting = meeting_next()
        if meeting is None:
            status = _("We have no village meetings planned right now.")
            url = reverse("meetings-index")
        else:
            when = formats.date_format(timezone.localtime(meeting.starts_at), "j F Y, H:i")
            status = _("Next meeting: %(village)s, %(when)s. Send your questions now.") % {
                "village": meeting.village.name,
                "when": when,
            }
            url = reverse("meetings-index")
        return Participation(
            order=10,
            title=_("Village meetings (kommundelsträffar)"),
            url=url,
            description=_(
                "Politicians and officials visit the villages of the municipality. Ask questions and tell us what your village needs."
            ),
            status=status,
            is_open=meeting is not None,
        )
