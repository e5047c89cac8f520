"""`make bench`: the registry at 100,000 measures under gunicorn, against an in-process floor and Datasette.

Prints a Markdown table for each request: p50/p95 latency of one client and throughput of eight
(wrk, 10 s each), the floor beside each API row (the same rows via `.values()` dumped with orjson,
in process, one at a time), their ratio, and Datasette serving the same page from SQLite under the
same load.
"""

import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
MEASURES = int(os.environ.get("BENCH_MEASURES", "100000"))
SECONDS = os.environ.get("BENCH_SECONDS", "10")
APP, PEER = 8100, 8101
PG_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/registry_bench")
# Datasette names the database after the file, "bench", as its metadata does.
SQLITE_PATH = Path(os.environ.get("BENCH_SQLITE_DIR", "/tmp")) / "bench.sqlite3"
ENV = {
    **os.environ,
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_SECURE_SSL_REDIRECT": "false",
    # Unlimited, but counted per second: DRF keeps a request's timestamp for the whole period, and a minute's worth
    # at thousands a second would make every request re-store a list of tens of thousands.
    "API_THROTTLE_ANON": "100000000/second",
    "API_THROTTLE_USER": "100000000/second",
}
PYTHON = sys.executable
BIN = Path(PYTHON).parent


def manage(*args, database_url):
    subprocess.run([PYTHON, "manage.py", *args], cwd=PROJECT, env={**ENV, "DATABASE_URL": database_url}, check=True)


def prepare_databases():
    name = PG_URL.rsplit("/", 1)[1]
    subprocess.run(
        [
            "psql",
            "-q",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-c",
            f"DROP DATABASE IF EXISTS {name}",
            "-c",
            f"CREATE DATABASE {name}",
        ],
        check=True,
    )
    SQLITE_PATH.unlink(missing_ok=True)
    for url in (PG_URL, f"sqlite:///{SQLITE_PATH}"):
        print(f"filling {url} with {MEASURES} measures", file=sys.stderr, flush=True)
        manage("migrate", "--noinput", "-v0", database_url=url)
        subprocess.run(
            [PYTHON, "-m", "bench.fill", str(MEASURES)],
            cwd=PROJECT,
            env={**ENV, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "registry.settings"},
            check=True,
        )
    subprocess.run(["psql", "-q", "-h", "127.0.0.1", "-U", "postgres", name, "-c", "VACUUM ANALYZE"], check=True)
    # The registry opens SQLite in WAL mode; Datasette opens the file immutable, so everything goes into the file.
    # No ANALYZE: with its statistics SQLite pages the public list through the source index and sorts every row
    # (110 ms a page instead of 0.3 ms), and neither Django nor a `make run` install ever runs it.
    with sqlite3.connect(SQLITE_PATH) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def wait_for(url):
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer")


def wrk(url, headers=(), connections=8, timeout=5, paths=None):
    """One wrk run against `url`, or against each of `paths` in turn (on `url`'s host) when given."""
    command = [
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{SECONDS}s",
        f"--timeout={timeout}s",
        "-s",
        str(HERE / "report.lua"),
        url,
    ]
    for header in headers:
        command += ["-H", header]
    if paths is not None:
        path_file = Path(f"/tmp/bench-paths-{os.getpid()}.txt")
        path_file.write_text("\n".join(paths) + "\n")
        command += ["--", str(path_file)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    requests, failed, p50, p95, rps = re.search(r"RESULT (\d+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+)", output).groups()
    return {"requests": int(requests), "failed": int(failed), "p50": float(p50), "p95": float(p95), "rps": float(rps)}


def timed(function, rounds=40):
    function()
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    samples.sort()
    return {
        "p50": statistics.median(samples),
        "p95": samples[int(len(samples) * 0.95) - 1],
        "rps": 1000 / statistics.mean(samples),
    }


QUOTED = ["quote", "quote_offset", "notes", "review_state", "created_at", "updated_at"]
TARGET_VALUES = ["slug", "indicator", "indicator_en", "comparator", "value", "value_max", "unit", "target_year"]
TARGET_VALUES += ["baseline_value", "baseline_year"]


def floors():
    """The same rows the API returns (every column it shows), fetched with .values() and dumped with orjson."""
    import orjson
    from django.db.models import Q

    from measures.models import Measure, Target

    def nested(queryset):
        measure_columns = ["id", "slug", "title", "title_en", "summary", "summary_en", "instrument", "status"]
        measure_columns += ["start_year", "end_year", "funding_amount", "funding_unit", "funding_period"]
        rows = list(queryset.values(*measure_columns, *QUOTED, "source__slug", "source__title", "parent__slug"))
        ids = [row["id"] for row in rows]
        related = {
            name: Measure._meta.get_field(name)
            .remote_field.through.objects.filter(measure_id__in=ids)
            .values("measure_id", f"{name[:-1]}__slug", f"{name[:-1]}__name")
            for name in ("parks", "themes", "organizations")
        }
        related["targets"] = Target.objects.filter(measure_id__in=ids).values(
            "measure_id", *TARGET_VALUES, "park__slug"
        )
        by_measure = {row["id"]: {**row, "parks": [], "themes": [], "organizations": [], "targets": []} for row in rows}
        for name, values in related.items():
            for value in values:
                by_measure[value.pop("measure_id")][name].append(value)
        return orjson.dumps(list(by_measure.values()), default=float)

    measures = Measure.objects.order_by("slug")
    first_slug = measures.values_list("slug", flat=True).first()
    return {
        "list": timed(lambda: nested(measures[:50])),
        "list_filtered": timed(lambda: nested(measures.filter(status="planned", start_year__lte=2016)[:50])),
        "deep": timed(lambda: nested(measures[50_000:50_050] if MEASURES > 50_050 else measures[:50])),
        "detail": timed(lambda: nested(measures.filter(slug=first_slug))),
        "search": timed(
            lambda: nested(measures.filter(Q(title__icontains="人工智能") | Q(quote__icontains="人工智能"))[:50])
        ),
        "targets": timed(
            lambda: orjson.dumps(
                list(
                    Target.objects.filter(target_year=2025)
                    .order_by("slug")
                    .values(
                        *TARGET_VALUES,
                        *QUOTED,
                        "source__slug",
                        "source__title",
                        "measure__slug",
                        "park__slug",
                        "park__name",
                    )[:50]
                ),
                default=float,
            )
        ),
    }


def admin_cookie():
    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore

    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    session = SessionStore()
    session["_auth_user_id"] = str(user.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = user.get_session_auth_hash()
    session.save()
    return f"Cookie: sessionid={session.session_key}"


class MemoryWatch:
    """Peak resident memory of a process tree while a request runs, from /proc."""

    def __init__(self, pid):
        self.pid, self.peak, self.running = pid, 0, True
        self.thread = threading.Thread(target=self.watch, daemon=True)

    def rss(self):
        total = 0
        for child in [self.pid, *map(int, Path(f"/proc/{self.pid}/task/{self.pid}/children").read_text().split())]:
            status = Path(f"/proc/{child}/status").read_text()
            total += int(re.search(r"VmRSS:\s+(\d+)", status).group(1))
        return total // 1024

    def watch(self):
        while self.running:
            self.peak = max(self.peak, self.rss())
            time.sleep(0.05)

    def __enter__(self):
        self.before = self.rss()
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.running = False
        self.thread.join()


def serve(database_url, response_cache=True):
    """The registry under gunicorn as deployed (3 sync workers), with or without its response cache."""
    settings = {"DATABASE_URL": database_url}
    if not response_cache:
        settings["RESPONSE_CACHE_MAX_BYTES"] = "0"
    app = subprocess.Popen(
        [
            str(BIN / "gunicorn"),
            "registry.wsgi",
            "--bind",
            f"127.0.0.1:{APP}",
            "--workers",
            "3",
            "--log-level",
            "warning",
        ],
        cwd=PROJECT,
        env={**ENV, **settings},
    )
    wait_for(f"http://127.0.0.1:{APP}/healthz")
    return app


def stop(app):
    app.terminate()
    app.wait()


def cold_paths(slugs, rng):
    """Every request a different page or filter: pages 1-2,000, filtered pages, parks, themes, details, searches."""
    pages = [f"/api/v1/measures/?page={page}" for page in range(1, 2001)]
    filtered = [
        f"/api/v1/measures/?status={status}&start_year_max={year}&page={page}"
        for status in ("planned", "in_force", "completed", "unknown")
        for year in range(2011, 2021)
        for page in range(1, 6)
    ]
    parks = [f"/api/v1/measures/?park=park-{n}" for n in range(499)]
    themes = [f"/api/v1/measures/?theme=theme-{n}&page={page}" for n in range(60) for page in range(1, 4)]
    details = [f"/api/v1/measures/{slug}/" for slug in rng.sample(slugs, 2000)]
    targets = [f"/api/v1/targets/?target_year={year}&page={page}" for year in range(2021, 2036) for page in (1, 2)]
    paths = pages + filtered + parks + themes + details + targets
    rng.shuffle(paths)
    return paths


def page_paths(rng):
    pages = list(range(1, 2001))
    rng.shuffle(pages)
    return pages


def against_datasette(peer_base, slugs):
    """Hot (page 1 repeated) and cold (a different page, or page and filter, every request) on both databases."""
    import random

    rng = random.Random(11)
    pages = page_paths(rng)
    mix = cold_paths(slugs, rng)
    base = f"http://127.0.0.1:{APP}"
    runs = {
        "hot: page 1 repeated": (f"{base}/api/v1/measures/?page_size=50", None),
        "cold: a different page each request (1-2,000)": (base, [f"/api/v1/measures/?page={n}" for n in pages]),
        "cold: a mix of pages, filters, details, targets": (base, mix),
    }
    peer = {
        "hot: page 1 repeated": wrk(f"{peer_base}/bench/measures_page.json?offset=0&_shape=array"),
        "cold: a different page each request (1-2,000)": wrk(
            peer_base, paths=[f"/bench/measures_page.json?offset={(n - 1) * 50}&_shape=array" for n in pages]
        ),
    }
    results = {}
    for database, url in (("PostgreSQL", PG_URL), ("SQLite", f"sqlite:///{SQLITE_PATH}")):
        app = serve(url)
        try:
            wrk(f"{base}/api/v1/measures/?page_size=50", connections=1)  # warm the workers
            results[database] = {label: wrk(target, paths=paths) for label, (target, paths) in runs.items()}
        finally:
            stop(app)
    print(
        "\n| run (8 clients) | registry on PostgreSQL req/s (p50, p95 ms) | registry on SQLite req/s (p50, p95 ms) | "
        "Datasette req/s (p50, p95 ms) | PostgreSQL / Datasette | SQLite / Datasette |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for label in runs:
        cells = [results["PostgreSQL"][label], results["SQLite"][label], peer.get(label)]
        shown = [f"{r['rps']:.0f} ({r['p50']:.1f}, {r['p95']:.1f})" if r else "—" for r in cells]
        failed = sum(r["failed"] for r in cells if r)
        ratios = [f"{r['rps'] / peer[label]['rps']:.2f}x" if label in peer else "—" for r in cells[:2]]
        note = f" ({failed} failed)" if failed else ""
        print(f"| {label}{note} | {' | '.join(shown)} | {' | '.join(ratios)} |", flush=True)


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install wrk")
    if "--no-fill" not in sys.argv:
        prepare_databases()
    os.environ.update({**ENV, "DATABASE_URL": PG_URL, "DJANGO_SETTINGS_MODULE": "registry.settings"})
    sys.path.insert(0, str(PROJECT))
    import django

    django.setup()
    peer = subprocess.Popen(
        [
            str(BIN / "datasette"),
            "serve",
            str(SQLITE_PATH),
            "--port",
            str(PEER),
            "--immutable",
            str(SQLITE_PATH),
            "--metadata",
            str(HERE / "datasette-metadata.json"),
            "--setting",
            "sql_time_limit_ms",
            "10000",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    app = serve(PG_URL, response_cache=False)  # the miss path, every request computed
    try:
        base, peer_base = f"http://127.0.0.1:{APP}", f"http://127.0.0.1:{PEER}"
        wait_for(f"{peer_base}/-/versions.json")
        from measures.models import Measure

        slugs = list(Measure.objects.order_by("slug").values_list("slug", flat=True))
        slug = slugs[0]
        floor = floors()
        cookie = admin_cookie()
        search = urllib.request.quote("人工智能")
        rows = [
            ("measure list, page 1 (50)", f"{base}/api/v1/measures/?page_size=50", "list", ()),
            (
                "measure list, filtered",
                f"{base}/api/v1/measures/?page_size=50&status=planned&start_year_max=2016",
                "list_filtered",
                (),
            ),
            ("measure list, deep page (offset 50,000)", f"{base}/api/v1/measures/?page_size=50&page=1001", "deep", ()),
            ("measure detail", f"{base}/api/v1/measures/{slug}/", "detail", ()),
            ("search q=人工智能", f"{base}/api/v1/measures/?q={search}", "search", ()),
            ("target list, target_year=2025", f"{base}/api/v1/targets/?target_year=2025", "targets", ()),
            ("admin measure changelist", f"{base}/admin/measures/measure/", None, (cookie,)),
            ("site: home", f"{base}/", None, ()),
            ("site: search page", f"{base}/measures/?status=planned&start_year_max=2016", None, ()),
            ("site: search q=人工智能", f"{base}/measures/?q={search}", None, ()),
            ("site: measure page", f"{base}/en/measures/{slug}/", None, ()),
            ("API: facet counts", f"{base}/api/v1/measures/facets/?status=planned", None, ()),
        ]
        print(
            f"\nRun {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()} with {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {MEASURES:,} measures; wrk -t1, {SECONDS} s a run; "
            "gunicorn 3 workers on PostgreSQL, response cache off (every request computed).\n"
        )
        print("| request | p50 ms | p95 ms | req/s (8 clients) | failed | floor p50 ms | floor req/s | p50 ratio |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for label, url, floor_key, headers in rows:
            alone = wrk(url, headers, connections=1)  # latency of one client, comparable to the floor
            loaded = wrk(url, headers)
            if floor_key:
                low = floor[floor_key]
                extra = f"{low['p50']:.1f} | {low['rps']:.0f} | {alone['p50'] / low['p50']:.1f}x"
            else:
                extra = "— | — | —"
            print(
                f"| {label} | {alone['p50']:.1f} | {alone['p95']:.1f} | {loaded['rps']:.0f} | "
                f"{alone['failed'] + loaded['failed']} | {extra} |",
                flush=True,
            )
        with MemoryWatch(app.pid) as memory:
            csv_result = wrk(
                f"{base}/api/v1/measures/?format=csv&start_year_min=2015&start_year_max=2015", connections=2, timeout=60
            )
        rows_in_csv = Measure.objects.filter(start_year=2015).count()
        print(
            f"| CSV export, {rows_in_csv:,} rows | {csv_result['p50']:.1f} | {csv_result['p95']:.1f} | "
            f"{csv_result['rps']:.1f} | {csv_result['failed']} | — | — | — |"
        )
        print(
            f"\nMemory of the gunicorn master and workers during the CSV rows: {memory.before} MB before, "
            f"{memory.peak} MB at peak."
        )
        stop(app)
        against_datasette(peer_base, slugs)
    finally:
        app.terminate()
        peer.terminate()


if __name__ == "__main__":
    main()
