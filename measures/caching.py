"""Results cached until the registry next changes: list counts, the whole-registry download, public responses
(`measures.response_cache`).

Counting 100,000 matching rows walks an index entry for each of them (docs/benchmarks.md) on every page
request, and the download reads every record; neither changes until a record does. Both are
cached under a registry version that every committed save, delete or relink of a registry record
replaces, so a cached result is never older than the last write the cache heard of. Processes
share that only through a shared cache (CACHE_URL); in a per-process cache another process's
result can lag a write by up to CACHE_SECONDS.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "registry:version"


def current_version():
    """The registry version now, replaced by every committed change: read it before reading the records a result is
    computed from."""
    return cache.get_or_set(VERSION_KEY, new_version, timeout=None)


def cached_until_change(key, compute):
    """`compute()`, from the cache while no registry record has changed since it was computed."""
    version = current_version()
    value = cache.get(key, version=version)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=settings.CACHE_SECONDS, version=version)
    return value


def query_key(queryset):
    """A cache key for `queryset`'s SQL and parameters, or None for a query that can match nothing (.none())."""
    try:
        sql, params = queryset.query.sql_with_params()
    except EmptyResultSet:
        return None
    return hashlib.sha256(f"{sql}\0{params!r}".encode()).hexdigest()


def cached_count(queryset):
    """`queryset.count()`, cached under the query's SQL until the registry changes."""
    query = query_key(queryset)
    if query is None:
        return 0
    return cached_until_change(f"list-count:{query}", queryset.count)


def new_version():
    """A version nothing was cached under before, even if the cache has evicted the current one."""
    return uuid.uuid4().hex


def forget_results(sender, **kwargs):
    """Cached results are stale once a registry record's change commits; a new version leaves them behind."""
    if sender._meta.app_label == "measures":
        transaction.on_commit(lambda: cache.set(VERSION_KEY, new_version(), timeout=None))


def connect_signals():
    post_save.connect(forget_results, dispatch_uid="forget-results-on-save")
    post_delete.connect(forget_results, dispatch_uid="forget-results-on-delete")
    m2m_changed.connect(forget_results, dispatch_uid="forget-results-on-relink")
