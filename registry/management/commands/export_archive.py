"""`manage.py export_archive YEAR OUTDIR`: the year's diarium as an FGS 2.0 / E-ARK SIP package."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.archive import archive_export


class Command(BaseCommand):
    help = (
        "Write the diarium of YEAR with its documents as a submission package (FGS Paketstruktur "
        "2.0 = E-ARK CSIP/SIP 2.1, metadata after FGS Ärendehantering 2.0 = CITS ERMS 2.1) into "
        "a new folder under OUTDIR. Progress goes to stderr."
    )

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)
        parser.add_argument("outdir", type=Path)

    def handle(self, *args, year: int, outdir: Path, **options):
        if not 1900 <= year <= 9999:
            raise CommandError("YEAR must be a four-digit year.")
        outdir.mkdir(parents=True, exist_ok=True)

        def progress(done: int, total: int) -> None:
            self.stderr.write(f"{done}/{total} handlingar")

        result = archive_export(year=year, outdir=outdir, progress=progress)
        self.stdout.write(
            f"{result.package_dir} ({result.cases} ärenden, {result.records} handlingar, "
            f"{result.files} filer, {result.secret} sekretessmarkerade, {result.disposed} gallrade)"
        )
