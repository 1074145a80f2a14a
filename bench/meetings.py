"""Load benchmark of the village-meeting pages on PostgreSQL under gunicorn.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_meetings \\
        .venv/bin/python bench/meetings.py [--villages 200 --meetings 20000 --questions 500000]
        [--clients 20 --requests 3000 --workers 3 --worker-class gthread|sync --threads 2 --reseed]
        [--close]
        [--all-pages]

Seeds (once; --reseed wipes the meetings data first) 200 villages with a venue each, 20,000
published meetings spread over three years, 500,000 questions and needs (moderation
contributions, 90 % published, bulk-inserted: the benchmark measures reads, not screening),
an answer for every tenth. Then starts gunicorn on the same database and lets 20 concurrent
clients fetch the pages the issue names: the coming list (all, and per village) and meeting
pages (half of the requests); with --all-pages also village pages, the past list and the
village iCalendar feeds. Prints p50/p95/p99 per page and overall, requests/s, how many
answers came from the page cache (`X-Meetings-Cache: hit`) with the p95 of the misses (fresh
renders) apart, and the load client's own CPU per request. Target (the issue): p95 under
100 ms for every page, judged on pass 1, which starts with a cold page cache.

The URLs are drawn uniformly (20,000 meeting pages, 200 village pages), which is the worst
case for the page cache: nearly every meeting page is a miss. The load client (one asyncio
loop in this process) shares the machine's 2 cores with gunicorn and PostgreSQL.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import os
import random
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from _machine import describe

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dialog_portal.settings")

TARGET_P95_MS = 100
# The pages the issue names (the coming list, also per village, and a meeting page), half of
# the requests meeting pages; --all-pages adds the village page, the past list and the feeds.
KINDS_ISSUE = ["list", "list-village", "meeting", "meeting"]
KINDS_ALL = ["list", "list-village", "meeting", "meeting", "village", "past", "feed"]


def seed(args) -> None:
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone

    from meetings.models import Answer, Meeting, Venue, Village
    from moderation.models import Contribution

    if args.reseed:
        with connection.cursor() as cur:
            cur.execute(
                "TRUNCATE meetings_answer, meetings_agendaitem, meetings_attendee, "
                "meetings_meeting, meetings_venue, meetings_village CASCADE"
            )
        ctype = ContentType.objects.get_for_model(Meeting)
        with connection.cursor() as cur:  # bench rows only: contributions about meetings
            cur.execute("SET session_replication_role = replica")  # skip append-only triggers
            cur.execute(
                "DELETE FROM moderation_contribution WHERE content_type_id = %s", [ctype.pk]
            )
            cur.execute("SET session_replication_role = DEFAULT")
    if Meeting.objects.count() >= args.meetings:
        print(f"data present: {Meeting.objects.count()} meetings (use --reseed to rebuild)")
        return
    rng = random.Random(42)
    started = time.perf_counter()
    with transaction.atomic():
        villages = Village.objects.bulk_create(
            [Village(name=f"Byn {i:03d}", slug=f"byn-{i:03d}") for i in range(args.villages)]
        )
        venues = Venue.objects.bulk_create(
            [
                Venue(village=v, name=f"Bygdegården {v.name}", street_address="Byvägen 1")
                for v in villages
            ]
        )
        now = timezone.now()
        per_village = args.meetings // args.villages
        meetings = []
        for v, venue in zip(villages, venues, strict=True):
            for j in range(per_village):
                start = now + datetime.timedelta(days=(j * 1095 // per_village) - 730, hours=2)
                meetings.append(
                    Meeting(
                        village=v,
                        venue=venue,
                        title=f"Kommundelsträff {j} i {v.name}",
                        starts_at=start,
                        ends_at=start + datetime.timedelta(hours=2),
                        published_at=now,
                        state=Meeting.State.HELD if start < now else Meeting.State.PLANNED,
                    )
                )
        meetings = Meeting.objects.bulk_create(meetings, batch_size=2000)
    print(f"seeded {len(villages)} villages, {len(meetings)} meetings")
    ctype = ContentType.objects.get_for_model(Meeting)
    batch: list[Contribution] = []
    made = 0
    for i in range(args.questions):
        m = meetings[rng.randrange(len(meetings))]
        batch.append(
            Contribution(
                content_type=ctype,
                object_id=str(m.pk),
                kind="question" if i % 3 else "need",
                text=f"Fråga {i} om vägen, skolan och bredbandet i byn?",
                state="published" if i % 10 else "pending",
                received_at=m.starts_at - datetime.timedelta(days=rng.randrange(1, 30)),
                screening_action="publish",
                needs_review=not bool(i % 10),
                registration_state="not_needed",
            )
        )
        if len(batch) == 10000:
            Contribution.objects.bulk_create(batch)
            made += len(batch)
            batch = []
    if batch:
        Contribution.objects.bulk_create(batch)
        made += len(batch)
    answers = [
        Answer(
            meeting_id=int(c.object_id),
            contribution_id=c.pk,
            text="Svar från kommunen.",
            answered_by="Kommundirektören",
            published_at=timezone.now(),
        )
        for c in Contribution.objects.filter(content_type=ctype, state="published")
        .only("pk", "object_id")
        .iterator()
        if c.pk % 10 == 0
    ]
    Answer.objects.bulk_create(answers, batch_size=5000)
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    print(
        f"seeded {made} questions and needs, {len(answers)} answers "
        f"in {time.perf_counter() - started:.0f} s"
    )


def urls(args) -> list[tuple[str, str]]:
    import django

    django.setup()
    from meetings.models import Meeting, Village

    rng = random.Random(7)
    slugs = list(Village.objects.values_list("slug", flat=True))
    ids = list(Meeting.objects.values_list("pk", flat=True))
    out = []
    for _ in range(args.requests):
        kind = rng.choice(KINDS_ALL if args.all_pages else KINDS_ISSUE)
        if kind == "list":
            out.append((kind, "/kommundelstraffar/"))
        elif kind == "list-village":
            out.append((kind, f"/kommundelstraffar/?by={rng.choice(slugs)}"))
        elif kind == "meeting":
            out.append((kind, f"/kommundelstraffar/{rng.choice(ids)}/"))
        elif kind == "village":
            out.append((kind, f"/kommundelstraffar/byar/{rng.choice(slugs)}/"))
        elif kind == "past":
            out.append((kind, f"/kommundelstraffar/tidigare/?sida={rng.randrange(1, 50)}"))
        else:
            out.append((kind, f"/kommundelstraffar/byar/{rng.choice(slugs)}/kalender.ics"))
    return out


def serve(args) -> subprocess.Popen:
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "bench-" + "x" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "RATELIMIT_ENABLE": "0",
        "LOG_LEVEL": "WARNING",
        "CONN_MAX_AGE": "60",
        "STATIC_ROOT": str(ROOT / "var" / "bench-static"),
    }
    env.pop("PYTEST_VERSION", None)
    subprocess.run(  # production static storage needs its manifest
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
        check=True,
        cwd=ROOT,
        env=env,
    )
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "dialog_portal.wsgi",
            "-w",
            str(args.workers),
            "--worker-class",
            args.worker_class,
            "--threads",
            str(args.threads),
            "-b",
            f"127.0.0.1:{args.port}",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{args.port}/healthz", timeout=1)  # noqa: S310
            return proc
        except OSError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("gunicorn did not start")


def cpu_by_program() -> dict[str, float]:
    """CPU seconds used so far by the processes of each program the pages cost: gunicorn
    (the Django workers), postgres and redis-server (Linux /proc; empty elsewhere)."""
    ticks = os.sysconf("SC_CLK_TCK")
    used: dict[str, float] = {}
    for entry in Path("/proc").iterdir() if Path("/proc/stat").exists() else ():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if b"gunicorn" in cmdline:
            name = "gunicorn"
        elif b"postgres" in cmdline:
            name = "postgres"
        elif b"redis-server" in cmdline:
            name = "redis"
        else:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        used[name] = used.get(name, 0.0) + (int(fields[11]) + int(fields[12])) / ticks
    return used


def load(
    args, todo: list[tuple[str, str]]
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """Fetch every URL of ``todo`` with ``args.clients`` concurrent requests.

    One asyncio loop drives the clients over plain sockets (HTTP/1.1): a request costs the
    client ~0.1 ms of CPU, where urllib in threads cost ~1 ms and so took a core's share away
    from the server it measures. The clients share their connections as the proxy in
    `docs/deploy.md` does with upstream keep-alive: a request takes an idle kept connection
    (the most recently used) or opens a new one, and gives it back after the answer unless the
    server closed it (sync workers close every one). A request on a kept connection that the
    server had closed meanwhile is sent again on a new one, as the proxy does. The CPU time
    per request of the client, gunicorn, PostgreSQL and Redis is printed.
    """
    timings: dict[str, list[float]] = {}
    misses: dict[str, list[float]] = {}
    errors: list[str] = []
    queue = list(reversed(todo))
    idle: list[tuple] = []  # kept connections, most recently used last
    close = "Connection: close\r\n" if args.close else ""

    async def fetch(path: str) -> tuple[bool, bool]:
        """One GET on an idle kept connection or a new one."""
        reused = bool(idle)
        reader, writer = (
            idle.pop() if reused else await asyncio.open_connection("127.0.0.1", args.port)
        )
        try:
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{close}\r\n".encode())
            head = (await reader.readuntil(b"\r\n\r\n")).lower()
        except (OSError, asyncio.IncompleteReadError):
            writer.close()
            if reused:  # closed by the server while idle: the proxy would retry
                return await fetch(path)
            raise
        length = head.find(b"\r\ncontent-length:")
        if length >= 0:
            size = int(head[length + 17 : head.index(b"\r\n", length + 2)])
            await reader.readexactly(size)
        else:
            await reader.read()  # no length: the body runs to the end of the connection
        if length < 0 or b"\r\nconnection: close" in head:
            writer.close()
        else:
            idle.append((reader, writer))
        return head.startswith(b"http/1.1 200"), b"\r\nx-meetings-cache: hit" in head

    async def client() -> None:
        while queue:
            kind, path = queue.pop()
            start = time.perf_counter()
            try:
                ok, cached = await asyncio.wait_for(fetch(path), timeout=60)
                if not ok:
                    errors.append(f"{path}: not 200")
            except (TimeoutError, OSError, asyncio.IncompleteReadError) as exc:
                ok, cached = False, False
                errors.append(f"{path}: {exc!r}")
            elapsed = (time.perf_counter() - start) * 1000
            if ok:
                timings.setdefault(kind, []).append(elapsed)
                if not cached:
                    misses.setdefault(kind, []).append(elapsed)

    async def run() -> None:
        await asyncio.gather(*(client() for _ in range(args.clients)))
        for _reader, writer in idle:
            writer.close()

    servers = cpu_by_program()
    cpu = time.process_time()
    started = time.perf_counter()
    asyncio.run(run())
    wall = time.perf_counter() - started
    cpu = time.process_time() - cpu
    servers = {k: v - servers.get(k, 0.0) for k, v in cpu_by_program().items()}
    done = sum(len(v) for v in timings.values())
    per = 1000 / max(done, 1)
    print(
        f"{done} requests ok, {len(errors)} errors, {done / wall:.0f} req/s, {args.clients} "
        f"clients; CPU ms per request: load client {cpu * per:.2f}, "
        + ", ".join(f"{k} {v * per:.2f}" for k, v in sorted(servers.items()))
    )
    for line in errors[:5]:
        print("  error:", line)
    if errors:
        timings["errors"] = []
    return timings, misses


def publish_questions(meeting_ids, rate: float, stop, published: list[int]) -> None:
    """Publish a question on a random meeting of the run every 1/rate seconds until `stop`,
    through the ORM (the signals bump the page-cache versions as a moderator's approval
    does)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone

    from meetings.models import Meeting
    from moderation.models import Contribution

    ctype = ContentType.objects.get_for_model(Meeting)
    rng = random.Random(11)
    try:
        while not stop.wait(1 / rate):
            pk = rng.choice(meeting_ids)
            Contribution.objects.create(
                content_type=ctype,
                object_id=str(pk),
                kind="question",
                text="En ny fråga under mätningen?",
                state="published",
                received_at=timezone.now(),
                screening_action="publish",
                needs_review=False,
                registration_state="not_needed",
            )
            published.append(pk)
    finally:
        connection.close()


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--villages", type=int, default=200)
    parser.add_argument("--meetings", type=int, default=20000)
    parser.add_argument("--questions", type=int, default=500000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=3000)
    # as docs/deploy.md runs it: threaded workers, one process per core plus one
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="gthread")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument(
        "--close",
        action="store_true",
        help="a new connection per request (a proxy without upstream keep-alive)",
    )
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--reseed", action="store_true")
    parser.add_argument("--passes", type=int, default=2, help="runs over the same URLs")
    parser.add_argument(
        "--changes",
        type=float,
        default=0.5,
        help="questions published per second during the passes after the first (0.5/s is"
        " 1,800 an hour, far above a municipality's real rate)",
    )
    parser.add_argument(
        "--all-pages",
        action="store_true",
        help="also the village page, the past list and the village feeds",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("set DATABASE_URL to a PostgreSQL database (it is filled with bench data)")
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"], check=True, cwd=ROOT
    )
    seed(args)
    todo = urls(args)
    proc = serve(args)
    try:
        load(args, todo[: args.clients * 5])  # warm up the workers and their connections
        from meetings.cache import bump_content_version

        results = []
        meeting_ids = [int(path.split("/")[2]) for kind, path in todo if kind == "meeting"]
        published: list[int] = []
        for number in range(args.passes):
            if number == 0:
                bump_content_version()  # the measured run starts with a cold page cache
                results.append(load(args, todo))
                continue
            # later passes: residents keep asking, so pages go stale while they are read
            stop = threading.Event()
            writer = threading.Thread(
                target=publish_questions, args=(meeting_ids, args.changes, stop, published)
            )
            writer.start()
            try:
                results.append(load(args, todo))
            finally:
                stop.set()
                writer.join()
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    print(describe())
    print(
        f"gunicorn: {args.workers} workers, {args.worker_class}"
        f"{f' x {args.threads} threads' if args.worker_class == 'gthread' else ''}; "
        f"{os.cpu_count()} cores shared with the load client and PostgreSQL"
    )
    for number, (timings, misses) in enumerate(results, 1):
        label = (
            "cold page cache: every page's first visit"
            if number == 1
            else f"same URLs again, {args.changes:g} questions/s published meanwhile"
            f" ({len(published)} in all, each making its meeting page and the lists stale)"
        )
        print(f"pass {number} ({label}):")
        report(timings, misses)


def report(timings: dict[str, list[float]], misses: dict[str, list[float]]) -> None:
    failed = timings.pop("errors", None) is not None
    everything = [v for values in timings.values() for v in values]
    all_misses = [v for values in misses.values() for v in values]
    print(f"{'page':<14}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'hits':>7}{'miss p95':>10}")
    worst = 0.0

    def row(name, values, missed):
        hits = len(values) - len(missed)
        miss95 = f"{pct(missed, 95):>10.0f}" if missed else f"{'-':>10}"
        print(
            f"{name:<14}{len(values):>6}{statistics.median(values):>9.0f}"
            f"{pct(values, 95):>9.0f}{pct(values, 99):>9.0f}{hits / len(values):>7.0%}{miss95}"
        )

    for kind in sorted(timings):
        worst = max(worst, pct(timings[kind], 95))
        row(kind, timings[kind], misses.get(kind, []))
    row("all", everything, all_misses)
    met = worst < TARGET_P95_MS and not failed
    print(
        f"target: p95 < {TARGET_P95_MS} ms on every page; worst page p95 {worst:.0f} ms: "
        f"{'MET' if met else 'NOT MET'}"
    )


if __name__ == "__main__":
    main()
