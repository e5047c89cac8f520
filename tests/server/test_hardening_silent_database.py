"""A database that stops answering without closing connections gets a JSON 503 within seconds, not a hung worker.

A database host that dies or is cut off by the network sends no reset: only client-side deadlines notice. New
connections are bounded by the connect and pool timeouts; open ones by TCP keepalives (idle connections) and
TCP_USER_TIMEOUT (a query whose packets go unacknowledged), which libpq sets on the socket.
"""

import os
import socket
import threading

import pytest
from django.db import connection

from tests.helpers import get, gunicorn


class SilentServer:
    """Accepts TCP connections on 127.0.0.1 and never answers, like a hung database server."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.held = []
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                self.held.append(self.listener.accept()[0])
            except OSError:
                return

    def close(self):
        for sock in [*self.held, self.listener]:
            sock.close()


def test_a_silent_database_gets_a_json_503_within_seconds():
    server = SilentServer()
    try:
        # Deadlines shorter than production's (3 s to connect, 5 s for a pooled connection), as the outage test's
        # are: what is tested is that they bound the wait, not their length.
        timeouts = {"DATABASE_POOL_TIMEOUT": "2", "DATABASE_CONNECT_TIMEOUT": "1"}
        with gunicorn(DATABASE_URL=f"postgres://postgres@127.0.0.1:{server.port}/registry", **timeouts) as base:
            for url in (f"{base}/api/v1/measures/", f"{base}/healthz"):
                status, _retry_after, content_type, seconds = get(url)
                assert (status, content_type) == (503, "application/json"), url
                assert seconds < 4, url
            assert server.held, "the app never reached the silent server"
    finally:
        server.close()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="libpq's socket options")
def test_postgresql_connections_carry_keepalives_and_a_user_timeout(db):
    connection.ensure_connection()
    with socket.socket(fileno=os.dup(connection.connection.pgconn.socket)) as sock:
        options = {
            "keepalive": sock.getsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE),
            "idle": sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE),
            "interval": sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL),
            "count": sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT),
            "user_timeout_ms": sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT),
        }
    assert options == {"keepalive": 1, "idle": 5, "interval": 2, "count": 3, "user_timeout_ms": 5000}
