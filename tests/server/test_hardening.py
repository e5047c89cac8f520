"""Throttling, body size limits, JSON errors without tracebacks, security headers."""

import pytest
from django.test import override_settings
from rest_framework.throttling import AnonRateThrottle


@pytest.fixture
def strict_anon_rate(monkeypatch):
    monkeypatch.setitem(AnonRateThrottle.THROTTLE_RATES, "anon", "3/minute")


def test_anonymous_clients_are_throttled_with_retry_after(api_client, registry, strict_anon_rate):
    statuses = [api_client.get("/api/v1/measures/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api_client.get("/api/v1/parks/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 429 and int(response["Retry-After"]) > 0
    assert "throttled" in response.json()["detail"].lower()


def test_an_oversized_body_is_a_json_413(api_client, registry):
    response = api_client.post("/api/v1/measures/", data="x" * (1024 * 1024 + 1), content_type="application/json")
    assert response.status_code == 413
    assert "limit" in response.json()["detail"]


def test_unknown_api_address_is_a_json_404(api_client, db):
    response = api_client.get("/api/v1/no-such-resource/")
    assert response.status_code == 404 and response.json() == {"detail": "Not found."}


@override_settings(DEBUG=False)
def test_a_server_error_shows_no_traceback(api_client, db):
    from measures.api import errors

    request = api_client.get("/api/v1/").wsgi_request
    response = errors.server_error(request)
    assert response.status_code == 500 and b"Traceback" not in response.content
    assert response.content == b'{"detail": "Server error."}'


def test_security_headers(api_client, db):
    response = api_client.get("/api/v1/measures/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
