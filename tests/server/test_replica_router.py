"""The read-replica router: public API reads may use the replica, everything else uses the primary."""

from django.test import RequestFactory, override_settings

from measures.models import Measure
from registry.routers import ReplicaReadsMiddleware, ReplicaRouter

WITH_REPLICA = ["registry.routers.ReplicaRouter"]


def routed_read(method, path):
    """Which database a read inside a request with this method and path goes to."""
    seen = {}

    def view(request):
        seen["read"] = ReplicaRouter().db_for_read(Measure)
        seen["write"] = ReplicaRouter().db_for_write(Measure)

    ReplicaReadsMiddleware(view)(getattr(RequestFactory(), method)(path))
    return seen


@override_settings(DATABASE_ROUTERS=WITH_REPLICA)
def test_public_api_reads_use_the_replica_and_writes_the_primary():
    assert routed_read("get", "/api/v1/measures/") == {"read": "replica", "write": "default"}
    assert routed_read("patch", "/api/v1/measures/x/") == {"read": "default", "write": "default"}


@override_settings(DATABASE_ROUTERS=WITH_REPLICA)
def test_the_admin_always_reads_the_primary():
    assert routed_read("get", "/admin/measures/measure/")["read"] == "default"


def test_without_a_replica_everything_uses_the_primary():
    assert routed_read("get", "/api/v1/measures/")["read"] == "default"


def test_outside_a_request_reads_use_the_primary():
    assert ReplicaRouter().db_for_read(Measure) == "default"
    assert ReplicaRouter().allow_migrate("replica", "measures") is False
