"""The database going away and coming back: fast JSON 503s, then recovery without a restart.

The app under gunicorn, as deployed, talks to the real test database through a TCP relay that this test cuts and
restores, the way a network partition or a database restart looks to the app.
"""

import contextlib
import socket
import threading
import time

import pytest
from django.db import connection

from tests.helpers import get, gunicorn


class Relay:
    """Forwards a local port to PostgreSQL until cut; cutting also drops every open connection."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = []
        self.listening = True
        threading.Thread(target=self.accept, daemon=True).start()

    def accept(self):
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.listening:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.open += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self.pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            sink.close()

    def cut(self):
        self.listening = False
        for sock in self.open:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.open = []

    def restore(self):
        self.listening = True


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the outage is of a PostgreSQL server")
def test_outage_gives_fast_json_503_and_the_app_recovers(db):
    settings = connection.settings_dict
    relay = Relay((settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432)))
    database = f"postgres://{settings['USER']}@127.0.0.1:{relay.port}/{settings['NAME']}"
    timeouts = {"DATABASE_POOL_TIMEOUT": "1", "DATABASE_CONNECT_TIMEOUT": "1"}
    try:
        with gunicorn(DATABASE_URL=database, **timeouts) as base:
            # A lookup always asks the database (a list's count may come from the cache); here it answers 404.
            probe = f"{base}/api/v1/measures/no-such-measure/"
            assert get(probe)[0] == 404
            relay.cut()
            for url in (f"{base}/healthz", probe):
                status, _retry_after, content_type, seconds = get(url)
                assert (status, content_type) == (503, "application/json"), url
                assert seconds < 3, url
            assert get(probe)[1] == "5"
            relay.restore()
            deadline = time.monotonic() + 30  # the pool reconnects in the background, with backoff
            while get(probe)[0] != 404 and time.monotonic() < deadline:
                time.sleep(0.5)
            assert get(probe)[0] == 404
            assert get(f"{base}/healthz")[0] == 200
    finally:
        relay.cut()
