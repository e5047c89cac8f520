"""The public site's pages at scale, in process: p50/p95 of each page, with its facet counts and list counts
already cached (a repeated page) and with the cache emptied before every request (a page no one asked for since
the last change). Run on a database `bench.fill` filled:

    DATABASE_URL=postgres://... python -m bench.site [rounds]

`make bench` measures the same pages over HTTP under gunicorn (bench/run.py); this isolates the page's own work.
"""

import os
import statistics
import sys
import time
import urllib.parse

import django

PAGES = [
    ("home", "/"),
    ("search, all measures", "/measures/"),
    ("search, q=人工智能", "/measures/?q=" + urllib.parse.quote("人工智能")),
    ("search, q=artificial intelligence (English)", "/en/measures/?q=artificial+intelligence"),
    ("search, filtered (status, start year)", "/measures/?status=planned&start_year_max=2016"),
    ("search, a park", "/measures/?park=park-7"),
    ("search, deep page (offset 50,000)", "/measures/?page=2501"),
    ("measure page", "/measures/{slug}/"),
    ("source reader", "/sources/{source}/"),
    ("park tree", "/parks/"),
    ("policies", "/policies/"),
    ("policies, filtered (kind, q)", "/policies/?kind=programme&q=" + urllib.parse.quote("政策1")),
    ("policy page", "/policies/{policy}/"),
    ("indicators", "/indicators/"),
    ("indicator page (chart)", "/en/indicators/{indicator}/"),
    ("search, a beneficiary", "/measures/?beneficiary=enterprises"),
    ("facet counts API", "/api/v1/measures/facets/?status=planned"),
    ("Atom feed", "/feed/"),
]


def timed(client, url, rounds, cold):
    from django.core.cache import cache

    times = []
    for _ in range(rounds):
        if cold:
            cache.clear()
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
    os.environ.setdefault("DJANGO_DEBUG", "false")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-0123456789abcdefghijklmnopqrstuvwxyz")
    os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1")
    django.setup()
    from django.test import Client

    from measures.models import Indicator, Measure, Policy, Source

    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    slug = Measure.objects.order_by("slug").values_list("slug", flat=True).first()
    source = Source.objects.order_by("slug").values_list("slug", flat=True).first()
    policy = Policy.objects.order_by("slug").values_list("slug", flat=True).first()
    indicator = Indicator.objects.order_by("slug").values_list("slug", flat=True).first()
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{Measure.objects.count():,} measures; {rounds} requests a page, in process (Django test client).\n")
    print("| page | p50 ms, repeated | p95 ms, repeated | p50 ms, cache empty | p95 ms, cache empty |")
    print("|---|---:|---:|---:|---:|")
    for label, url in PAGES:
        url = url.format(slug=slug, source=source, policy=policy, indicator=indicator)
        client.get(url)  # warm the cache and the connection
        warm = timed(client, url, rounds, cold=False)
        cold = timed(client, url, max(3, rounds // 4), cold=True)
        print(f"| {label} | {warm[0]:.1f} | {warm[1]:.1f} | {cold[0]:.1f} | {cold[1]:.1f} |", flush=True)


if __name__ == "__main__":
    main()
