"""Throttling counts the address the connection came from; a client cannot reset its count with a header."""

import pytest
from rest_framework.throttling import AnonRateThrottle


@pytest.fixture
def strict_anon_rate(monkeypatch):
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "3/minute")


def test_a_made_up_forwarded_for_does_not_escape_throttling(api_client, registry, strict_anon_rate):
    statuses = [
        api_client.get("/api/v1/measures/", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(1, 6)
    ]
    assert statuses == [200, 200, 200, 429, 429]


def test_without_the_header_the_count_is_the_same(api_client, registry, strict_anon_rate):
    api_client.get("/api/v1/measures/", HTTP_X_FORWARDED_FOR="203.0.113.1")
    api_client.get("/api/v1/measures/", HTTP_X_FORWARDED_FOR="203.0.113.2")
    api_client.get("/api/v1/measures/")
    assert api_client.get("/api/v1/measures/").status_code == 429
