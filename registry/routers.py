"""Reads of the public API from a read replica when one is configured; everything else from the primary.

Only safe-method API requests use the replica, so a curator never reads a stale copy of what they just
saved, and an API write (with its If-Match check) always reads the primary it writes to.
"""

from contextvars import ContextVar

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS

REPLICA = "replica"
ROUTER = "registry.routers.ReplicaRouter"
reads_may_use_replica = ContextVar("reads_may_use_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if reads_may_use_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the replica is a copy of the primary

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"


class ReplicaReadsMiddleware:
    """Marks the public API's GET and HEAD requests as free to read from the replica."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        replica_ok = ROUTER in settings.DATABASE_ROUTERS and request.method in SAFE_METHODS
        token = reads_may_use_replica.set(replica_ok and request.path.startswith("/api/"))
        try:
            return self.get_response(request)
        finally:
            reads_may_use_replica.reset(token)
