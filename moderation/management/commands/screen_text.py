"""``manage.py screen_text [FILE]``: screen JSON lines from FILE or stdin, one result per line.

A thin wrapper; the logic is ``moderation.screening.batch`` (testable without Django).
"""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from moderation.screening.batch import run


class Command(BaseCommand):
    help = (
        'Screen JSON lines {"id": ..., "text": ...} from FILE (or stdin) and write one JSON '
        'line per input: {"id", "pii", "flags", "action"} or {"id", "line", "error"}.'
    )

    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="JSON-lines file; stdin when omitted or '-'")

    def handle(self, *args, **options):
        path = options.get("file")
        out = self.stdout._out if hasattr(self.stdout, "_out") else sys.stdout
        try:
            if path and path != "-":
                with open(path, encoding="utf-8", errors="surrogateescape") as fh:
                    written, errors = run(fh, out)
            else:
                written, errors = run(self.stdin, out)
        except OSError as exc:
            raise CommandError(f"Kan inte läsa {path}: {exc}") from exc
        if errors:
            self.stderr.write(f"{written} rader, varav {errors} felaktiga.")

    @property
    def stdin(self):
        return getattr(self, "_stdin", None) or sys.stdin

    def execute(self, *args, **options):
        # call_command(..., stdin=StringIO(...)) hands us a stream for tests
        self._stdin = options.pop("stdin", None)
        return super().execute(*args, **options)
