"""List counts, cached until the registry next changes: the one part of a page that grows with the table.

Counting 100,000 matching rows walks an index entry for each of them (about 5 ms) on every page
request, while the rows shown cost the same at any size. A count is cached under its query's SQL
and a version number that every saved, deleted or relinked registry record bumps, so it is never
older than the last write the cache heard of. Processes share that only through a shared cache
(CACHE_URL); in a per-process cache another process's count can lag a write by COUNT_CACHE_SECONDS.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

VERSION_KEY = "list-counts:version"


def cached_count(queryset):
    """`queryset.count()`, from the cache while no registry record has changed since it was counted."""
    sql, params = queryset.query.sql_with_params()
    key = "list-counts:" + hashlib.sha256(f"{sql}\0{params!r}".encode()).hexdigest()
    version = cache.get_or_set(VERSION_KEY, new_version, timeout=None)
    count = cache.get(key, version=version)
    if count is None:
        count = queryset.count()
        cache.set(key, count, timeout=settings.COUNT_CACHE_SECONDS, version=version)
    return count


def new_version():
    """A version no earlier count was cached under, even if the cache has evicted the current one."""
    return uuid.uuid4().hex


def forget_counts(sender, **kwargs):
    """Cached counts are stale once a registry record's change commits; a new version leaves them behind."""
    if sender._meta.app_label == "measures":
        transaction.on_commit(lambda: cache.set(VERSION_KEY, new_version(), timeout=None))


def connect_signals():
    post_save.connect(forget_counts, dispatch_uid="forget-counts-on-save")
    post_delete.connect(forget_counts, dispatch_uid="forget-counts-on-delete")
    m2m_changed.connect(forget_counts, dispatch_uid="forget-counts-on-relink")
