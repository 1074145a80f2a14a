"""Benchmark of the diarium on PostgreSQL (prints figures; not a test).

    .venv/bin/python bench/registry.py [--entries 1000000] [--writes 250] [--keep]
        [--db-url postgres://postgres@127.0.0.1:5432/registry_bench]

1. Creates (drops first) the benchmark database, migrates it, and seeds N register entries,
   each in its own ärende with a document, in SQL (`INSERT ... SELECT generate_series`, batches
   of 100,000) with the search vector computed in the same statement exactly as the app does
   (`to_tsvector('swedish', subject)`, subject only: GDPR-2). Indexes on the search vector and
   the date are built after the load. Plus 20,000 delivered and 60 open requests.
2. Public diary word search `/diarium/?q=WORD` through the Django test Client (middleware,
   selector, paginator count, template): p50 and p95 over common and rare words.
3. The registrars' request queue `/personal/diarium/begaran/` (logged in): p50 and p95.
4. Four writer processes register `--writes` contributions each through
   `document_register_incoming` at the same time: registrations per second over the wall time
   from the first writer's start to the last one's end, then a check that the case numbers of
   the year are exactly 1..M (no gap, no duplicate).

Targets: search p95 < 50 ms; registration >= 200/s with four writers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUBJECT_KINDS = ["Fråga om", "Synpunkt om", "Behov av", "Förslag om", "Skrivelse om"]
TOPICS = [
    "snöröjning",
    "gatubelysning",
    "badplatsen",
    "skolskjuts",
    "bredband",
    "återvinning",
    "vägunderhåll",
    "busstider",
    "fritidsgården",
    "biblioteket",
    "lekplatsen",
    "cykelväg",
    "äldreboendet",
    "förskolan",
    "vattenledning",
    "avlopp",
    "hundrastgård",
    "elljusspåret",
    "idrottshallen",
    "torget",
    "parkering",
    "bygglov",
    "strandskydd",
    "viltstängsel",
    "brandvärn",
    "turistinformation",
    "skoterled",
    "fiskevård",
    "hembygdsgården",
    "kollektivtrafik",
    "gångbro",
    "skyltning",
    "hastighet",
    "trafiksäkerhet",
    "buller",
    "vindkraft",
    "skogsbruk",
    "sophämtning",
    "slamtömning",
    "matsedeln",
    "simhallen",
    "konstgräsplan",
    "ungdomsråd",
    "föreningsbidrag",
    "kulturskolan",
    "julbelysning",
    "midsommarfirande",
    "marknaden",
    "laddstolpar",
    "solceller",
]
VILLAGES = ["Vansbro", "Äppelbo", "Järna", "Dala-Järna", "Nås", "Skamhed", "Blyberg", "Saxberget"]
RARE = "tjäderspel"  # one in 5,000 subjects

WRITER = r"""
import json, sys, time
from datetime import datetime, timezone as tz
import django
django.setup()
from registry.services import document_register_incoming
proc, count = sys.argv[1], int(sys.argv[2])
document_register_incoming(source_ref=f"bench:warm:{proc}", received_at=datetime.now(tz.utc),
    channel="portal", sender_name="", sender_is_organisation=False, subject="Synpunkt", text="x")
start = time.time()
for i in range(count):
    document_register_incoming(
        source_ref=f"bench:{proc}:{i}", received_at=datetime.now(tz.utc), channel="portal",
        sender_name="", sender_is_organisation=False,
        subject=f"Synpunkt om snöröjning i Nås {i}", text="Skriven av bänken.")
print(json.dumps({"start": start, "end": time.time(), "count": count}))
"""


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * len(ordered)) - 1))
    return ordered[index]


def _prepare_database(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def _seed(entries: int, year: int) -> float:
    from django.db import connection

    topics = "ARRAY[" + ",".join(f"'{t}'" for t in TOPICS) + "]"
    villages = "ARRAY[" + ",".join(f"'{v}'" for v in VILLAGES) + "]"
    kinds = "ARRAY[" + ",".join(f"'{k}'" for k in SUBJECT_KINDS) + "]"
    subject = (
        f"({kinds})[1 + i %% {len(SUBJECT_KINDS)}] || ' ' || ({topics})[1 + (i / 7) %% {len(TOPICS)}]"
        f" || ' i ' || ({villages})[1 + (i / 3) %% {len(VILLAGES)}]"
        f" || CASE WHEN i %% 5000 = 0 THEN ' och {RARE}' ELSE '' END"
    )
    received = (
        f"make_timestamptz({year}, 1, 1, 8, 0, 0, 'Europe/Stockholm') + (i * interval '31 seconds')"
    )
    from registry.models import Entry

    started = time.perf_counter()
    with connection.schema_editor() as editor:  # the model's own indexes, built after the load
        for index in Entry._meta.indexes:
            editor.remove_index(Entry, index)
    with connection.cursor() as cur:
        batch = 100_000
        for low in range(1, entries + 1, batch):
            high = min(entries, low + batch - 1)
            cur.execute(
                f"""
                INSERT INTO registry_case (id, series, year, number, diary_number, subject,
                    opened_on, last_document_number, created_at, updated_at)
                SELECT i, 'KS', {year}, i, 'KS {year}/' || (CASE WHEN i < 1000 THEN lpad(i::text, 4, '0') ELSE i::text END), {subject},
                    ({received})::date, 1, now(), now()
                FROM generate_series(%s, %s) AS i
                """,  # noqa: S608 - constants of this script, no outside input
                [low, high],
            )
            cur.execute(
                f"""
                INSERT INTO registry_entry (id, case_id, sequence, diary_number, direction,
                    document_type, received_at, channel, sender_name, sender_is_organisation,
                    subject, source_ref, state, registered_at, secrecy_marked_by,
                    search_vector, created_at, updated_at)
                SELECT i, i, 1, 'KS {year}/' || (CASE WHEN i < 1000 THEN lpad(i::text, 4, '0') ELSE i::text END) || '-1', 'incoming',
                    'comment', {received}, CASE WHEN i %% 10 = 0 THEN 'email' ELSE 'portal' END,
                    CASE WHEN i %% 4 = 0 THEN 'Äppelbo Byalag' ELSE 'Privatperson' END,
                    i %% 4 = 0, {subject}, 'seed:' || i, 'registered', {received}, '',
                    to_tsvector('swedish', {subject}), now(), now()
                FROM generate_series(%s, %s) AS i
                """,  # noqa: S608 - constants of this script, no outside input
                [low, high],
            )
            cur.execute(
                """
                INSERT INTO registry_document (entry_id, text, pii_spans, sha256, created_at)
                SELECT i, 'Hej! Jag vill lämna en synpunkt (nr ' || i || ').', '[]',
                    md5(i::text) || md5(i::text), now()
                FROM generate_series(%s, %s) AS i
                """,  # noqa: S608 - constants of this script, no outside input
                [low, high],
            )
            print(f"  seeded {high:,}", file=sys.stderr)
    with connection.schema_editor() as editor:
        for index in Entry._meta.indexes:
            editor.add_index(Entry, index)
    with connection.cursor() as cur:
        for table in ("registry_case", "registry_entry", "registry_document"):
            sql = f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"  # noqa: E501, S608
            cur.execute(sql)
        cur.execute(
            "INSERT INTO registry_numbercounter (series, year, last_number) VALUES ('KS', %s, %s)",
            [year, entries],
        )
        cur.execute(
            """
            INSERT INTO registry_documentrequest (reference, received_at, channel, description,
                name, contact, delivery, state, delivered_at, lead_time, access_key,
                created_at, updated_at)
            SELECT 'BEG seed/' || i, now() - i * interval '1 hour', 'portal',
                'Handlingen KS nr ' || i, '', '', 'pdf',
                CASE WHEN i <= 60 THEN 'open' ELSE 'delivered' END,
                CASE WHEN i <= 60 THEN NULL ELSE now() END,
                CASE WHEN i <= 60 THEN NULL ELSE interval '5 hours' END,
                md5('k' || i), now(), now()
            FROM generate_series(1, 20060) AS i
            """
        )
        cur.execute(
            """
            INSERT INTO registry_requestitem (request_id, entry_id, outcome, reasons, redactions)
            SELECT r.id, r.id, '', '', '[]' FROM registry_documentrequest r
            WHERE r.state = 'open'
            """
        )
        cur.execute("ANALYZE")
    return time.perf_counter() - started


def _time_pages(client, paths: list[str], rounds: int) -> list[float]:
    for path in paths[:5]:
        assert client.get(path, secure=True).status_code == 200, path
    timings = []
    for _ in range(rounds):
        for path in paths:
            started = time.perf_counter()
            response = client.get(path, secure=True)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
    return timings


def _writers(url: str, processes: int, per_process: int) -> dict:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "dialog_portal.settings",
    }
    children = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(p), str(per_process)],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for p in range(processes)
    ]
    results = []
    for child in children:
        out, _err = child.communicate(timeout=1800)
        assert child.returncode == 0, "writer failed"
        results.append(json.loads(out.strip().splitlines()[-1]))
    start = min(r["start"] for r in results)
    end = max(r["end"] for r in results)
    total = sum(r["count"] for r in results)
    return {"total": total, "seconds": end - start, "rate": total / (end - start)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--writes", type=int, default=250, help="registrations per writer")
    parser.add_argument("--writers", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--db-url", default="postgres://postgres@127.0.0.1:5432/registry_bench")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    args = parser.parse_args()

    os.environ["DATABASE_URL"] = args.db_url
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["DJANGO_SETTINGS_MODULE"] = "dialog_portal.settings"
    _prepare_database(args.db_url)

    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    setup_test_environment()  # the test Client's template hooks; DEBUG stays off
    settings.ALLOWED_HOSTS = ["testserver"]
    # No collectstatic here: plain static storage instead of the manifest (a dict lookup).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    year = timezone.localdate().year - 1
    print(
        f"Registry benchmark: {args.entries:,} register entries on PostgreSQL "
        f"{connection.pg_version // 10000}, {os.cpu_count()} cores"
    )
    seconds = _seed(args.entries, year)
    print(
        f"Seed: {args.entries:,} entries (+ cases, documents) in {seconds:.1f} s "
        f"({args.entries / seconds:,.0f}/s)"
    )

    client = Client()
    words = [
        "snöröjning",
        "badplatsen",
        "bredband",
        "busstider",
        "fritidsgården",
        "Äppelbo",
        "skolskjuts solceller",
        RARE,
        "skoterled Nås",
        "xyzzy",
    ]
    paths = [f"/diarium/?q={w}" for w in words]
    timings = _time_pages(client, paths, args.rounds)
    print(
        f"Diary word search /diarium/?q=…: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {_percentile(timings, 95):.1f} ms over {len(timings)} requests "
        f"(target p95 < 50 ms)"
    )
    timings = _time_pages(client, ["/diarium/"], args.rounds * 2)
    print(
        f"Diary first page /diarium/: p50 {statistics.median(timings):.1f} ms, "
        f"p95 {_percentile(timings, 95):.1f} ms"
    )
    deep = [f"/diarium/?q=Äppelbo&sida={n}" for n in (2, 10, 40, 200)]
    timings = _time_pages(client, deep, args.rounds)
    print(
        f"Diary deeper pages /diarium/?q=Äppelbo&sida=2,10,40,200: "
        f"p50 {statistics.median(timings):.1f} ms, p95 {_percentile(timings, 95):.1f} ms"
    )
    from registry.selectors import COUNT_CAP, _gin_only, entries_public

    # The statements exactly as the web diary's DiaryPage plans them (word_search=True).
    for word in ("Äppelbo", RARE):
        matches = entries_public(q=word).order_by().values("pk")[: COUNT_CAP + 1]
        with _gin_only(True):
            count = matches.count()
            plan = matches.explain(analyze=True)
        print(f"EXPLAIN ANALYZE of the capped count for {word!r} ({count} counted):")
        print("    " + plan.replace("\n", "\n    "))
        with _gin_only(count <= COUNT_CAP):
            plan = entries_public(q=word)[:26].explain(analyze=True)
        print(f"EXPLAIN ANALYZE of the first page for {word!r}:")
        print("    " + plan.replace("\n", "\n    "))

    user = get_user_model().objects.create_user(
        username="bench@vansbro.example", email="bench@vansbro.example", password=None
    )
    user.groups.add(Group.objects.get(name="registrar"))
    client.force_login(user)
    timings = _time_pages(client, ["/personal/diarium/begaran/"], args.rounds * 2)
    print(
        f"Request queue /personal/diarium/begaran/ (60 open of 20,060): "
        f"p50 {statistics.median(timings):.1f} ms, p95 {_percentile(timings, 95):.1f} ms"
    )

    from registry.models import Case

    result = _writers(args.db_url, args.writers, args.writes)
    current = timezone.localdate().year
    numbers = list(
        Case.objects.filter(year=current).order_by("number").values_list("number", flat=True)
    )
    no_gap = numbers == list(range(1, len(numbers) + 1))
    print(
        f"Registration: {result['total']:,} by {args.writers} writer processes in "
        f"{result['seconds']:.2f} s = {result['rate']:.0f}/s (target >= 200/s); "
        f"case numbers {current}: 1..{len(numbers)} "
        f"{'without gap or duplicate' if no_gap else 'WITH A GAP'}"
    )
    connection.close()
    if not args.keep:
        _prepare_database_drop(args.db_url)
    if not no_gap:
        sys.exit(1)


def _prepare_database_drop(url: str) -> None:
    import psycopg

    parsed = urlparse(url)
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{parsed.path.lstrip("/")}" WITH (FORCE)')


if __name__ == "__main__":
    main()
