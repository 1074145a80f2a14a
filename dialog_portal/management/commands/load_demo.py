"""`manage.py load_demo`: idempotent demo data for Vansbro kommun.

The core creates the staff accounts; every app that has a `demo.py` with
`load(stdout) -> None` adds its own data (villages, meetings, ...), in INSTALLED_APPS order.
Running it again changes nothing that exists. New passwords are printed once and kept in
`var/demo-logins.txt` (readable only by the owner) so `make demo` can show them again.
"""

from __future__ import annotations

import importlib
import secrets

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

STAFF = (
    ("admin@vansbro.example", "Admin", None, True),
    ("official@vansbro.example", "Olle Tjänsteperson", "official", False),
    ("moderator@vansbro.example", "Maja Moderator", "moderator", False),
    ("registrar@vansbro.example", "Rita Registrator", "registrar", False),
)

# Demo channels: the municipality replaces them with its real ones in the admin.
CHANNELS = (
    ("Vansbro kommun", "Facebook", "https://www.facebook.com/vansbrokommun", "invånare"),
    ("Vansbro kommun", "Instagram", "https://www.instagram.com/vansbrokommun", "unga"),
    ("Vansbro kommun", "LinkedIn", "https://www.linkedin.com/company/vansbro-kommun", "företag"),
)


class Command(BaseCommand):
    help = "Load idempotent demo data for Vansbro kommun and print the staff logins."

    def handle(self, *args, **options) -> None:
        logins_file = settings.VAR_DIR / "demo-logins.txt"
        with transaction.atomic():
            created = self._staff()
            self._channels()
            for config in apps.get_app_configs():
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                module.load(stdout=self.stdout)
        if created:
            settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
            with logins_file.open("a", encoding="utf-8") as fh:
                for email, password in created:
                    fh.write(f"{email}  {password}\n")
            logins_file.chmod(0o600)
            self.stdout.write(self.style.SUCCESS("Staff logins (shown once, kept in var/):"))
            for email, password in created:
                self.stdout.write(f"  {email}  {password}")
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

    def _channels(self) -> None:
        """The official channels listed on /sociala-medier/ (RULE-9); edited in the admin."""
        from dialog_portal.models import SocialChannel

        for position, (name, platform, url, audience) in enumerate(CHANNELS):
            SocialChannel.objects.get_or_create(
                url=url,
                defaults={
                    "name": name,
                    "platform": platform,
                    "audience": audience,
                    "position": position,
                },
            )

    def _staff(self) -> list[tuple[str, str]]:
        from allauth.account.models import EmailAddress

        User = get_user_model()
        created = []
        for email, name, group, superuser in STAFF:
            if User.objects.filter(email=email).exists():
                continue
            password = secrets.token_urlsafe(12)
            first, _, last = name.partition(" ")
            if superuser:
                user = User.objects.create_superuser(
                    username=email, email=email, password=password, first_name=first
                )
            else:
                user = User.objects.create_user(
                    username=email,
                    email=email,
                    password=password,
                    first_name=first,
                    last_name=last,
                    is_staff=True,  # staff roles may open the admin, limited by their perms
                )
                user.groups.add(Group.objects.get(name=group))
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            created.append((email, password))
        return created
