"""The work a request costs the app itself, in process, with the response cache off: a cold list page (a different
page every request), the CSV of 10,000 rows, and the admin changelist. Run on a database `bench.fill` filled:

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 python -m bench.miss [rounds] [--profile]

`make bench` measures the same under gunicorn and wrk (bench/run.py); this isolates the app's share, and with
`--profile` prints pyinstrument's profile of the cold pages.
"""

import os
import random
import resource
import statistics
import sys
import time

import django


def timed(client, urls, headers=None):
    """p50 and p95 ms of requesting each of `urls` once, reading streamed bodies to the end, and this process's mean
    CPU ms a request (less moved by other work on a shared machine; on PostgreSQL the database's share is apart)."""
    samples = []
    cpu = time.process_time()
    for url in urls:
        started = time.perf_counter()
        response = client.get(url, **(headers or {}))
        body = b"".join(response.streaming_content) if response.streaming else response.content
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200 and body, (url, response.status_code)
    cpu = (time.process_time() - cpu) * 1000 / len(urls)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)], cpu


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
    os.environ.setdefault("API_THROTTLE_ANON", "100000000/second")
    os.environ["RESPONSE_CACHE_MAX_BYTES"] = "0"  # every request computed: the miss path
    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from measures.models import Measure

    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    rounds = int(arguments[0]) if arguments else 40
    rng = random.Random(11)
    pages = [f"/api/v1/measures/?page={page}" for page in rng.sample(range(1, 2001), rounds)]
    client = Client(HTTP_HOST="127.0.0.1")
    client.get("/api/v1/measures/")  # the connection, the count
    print(f"{Measure.objects.count():,} measures on {connection.vendor}; in process, response cache off.\n")
    if "--profile" in sys.argv:
        from pyinstrument import Profiler

        with Profiler(interval=0.0005) as profiler:
            timed(client, pages)
        print(profiler.output_text(unicode=True, show_all=False))
        return
    print("| request | p50 ms | p95 ms | CPU ms (app) |")
    print("|---|---:|---:|---:|")
    print("| cold: a different page each request | {:.1f} | {:.1f} | {:.1f} |".format(*timed(client, pages)))
    detail_slugs = rng.sample(list(Measure.objects.values_list("slug", flat=True)), rounds)
    details = [f"/api/v1/measures/{slug}/" for slug in detail_slugs]
    print("| measure detail, a different one each request | {:.1f} | {:.1f} | {:.1f} |".format(*timed(client, details)))
    csv = "/api/v1/measures/?format=csv&start_year_min=2015&start_year_max=2015"
    rows = Measure.objects.filter(start_year=2015).count()
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"| CSV export, {rows:,} rows | {{:.1f}} | {{:.1f}} | {{:.1f}} |".format(*timed(client, [csv] * 5)))
    peak_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_staff": True, "is_superuser": True}
    )
    staff = Client(HTTP_HOST="127.0.0.1")
    staff.force_login(user)
    print(
        "| admin measure changelist | {:.1f} | {:.1f} | {:.1f} |".format(
            *timed(staff, ["/admin/measures/measure/"] * 10)
        )
    )
    print(f"\nPeak memory of this process: {peak_before} MB before the CSV, {peak_after} MB after.")


if __name__ == "__main__":
    main()
