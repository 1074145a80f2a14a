"""``manage.py import_social FILE --channel <id or name> [--format csv|json] [--dry-run]``.

Imports comments exported from one of the municipality's official social-media channels.
A thin wrapper: the work is ``moderation.services.social_comments_import`` (each comment is
screened, stored with its publication time as arrival time (TF-12), never published on the
portal, and registered unless of minor importance; a re-import creates nothing twice).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from moderation.services import (
    SOCIAL_IMPORT_FORMATS,
    social_channel_resolve,
    social_comments_import,
)


class Command(BaseCommand):
    help = (
        "Import comments from an official social-media channel (CSV or JSON export; column "
        "mapping in docs/registry.md). Each comment is screened, kept with its publication "
        "time and registered unless of minor importance; importing again adds nothing twice."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the exported .csv or .json file")
        parser.add_argument(
            "--channel", required=True, help="the SocialChannel's id, name or platform"
        )
        parser.add_argument(
            "--format",
            choices=SOCIAL_IMPORT_FORMATS,
            default="",
            help="csv or json (default: from the file name's suffix)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="screen and count, store nothing"
        )

    def handle(self, *args, **options):
        with translation.override("sv"):
            try:
                channel = social_channel_resolve(ref=options["channel"])
                result = social_comments_import(
                    path=options["file"],
                    channel=channel,
                    fmt=options["format"],
                    dry_run=options["dry_run"],
                )
            except ValidationError as exc:
                raise CommandError(" ".join(exc.messages)) from exc
            except OSError as exc:
                raise CommandError(
                    _("Cannot read %(file)s: %(error)s")
                    % {"file": options["file"], "error": exc.strerror or exc}
                ) from exc
            for _line, message in result.errors:
                self.stderr.write(message)
            self.stdout.write(summary_lines(result, channel=channel))


def summary_lines(result, *, channel) -> str:
    """The summary in Swedish (also used by the upload page's result)."""
    lines = [
        (
            _("Dry run, nothing stored: %(channel)s")
            if result.dry_run
            else _("Imported: %(channel)s")
        )
        % {"channel": channel},
        _("Read: %(n)d") % {"n": result.read},
        _("New: %(n)d") % {"n": result.new},
        _("Already imported: %(n)d") % {"n": result.existing},
        _("Errors: %(n)d") % {"n": len(result.errors)},
        _("Flagged by screening (in the moderation queue): %(n)d") % {"n": result.flagged},
    ]
    if not result.dry_run:
        lines += [
            _("Handed to the diary: %(n)d") % {"n": result.to_register},
            _("Of minor importance, not registered: %(n)d") % {"n": result.minor},
        ]
    return "\n".join(lines)
