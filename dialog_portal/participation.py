"""The seam through which each app tells the home page what is open right now.

An app's AppConfig may define `participation(self) -> Participation`. The home page asks every
installed app; the core never imports an app, so the one-way data flow holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Participation:
    order: int
    title: str
    url: str
    description: str
    status: str  # a plain sentence: what is open right now
    is_open: bool


@dataclass(frozen=True)
class StaffLink:
    title: str
    url: str
    description: str


def staff_links(user) -> list[StaffLink]:
    """Links to the staff pages this user may use; each app's AppConfig may offer
    `staff_links(self, user) -> list[StaffLink]`."""
    found: list[StaffLink] = []
    for config in apps.get_app_configs():
        hook = getattr(config, "staff_links", None)
        if callable(hook):
            found.extend(hook(user))
    return found


def participations() -> list[Participation]:
    found = []
    for config in apps.get_app_configs():
        hook = getattr(config, "participation", None)
        if callable(hook):
            item = hook()
            if item is not None:
                found.append(item)
    return sorted(found, key=lambda p: p.order)
