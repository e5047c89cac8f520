"""Assertions and servers shared by the API tests."""

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def slugs(response):
    assert response.status_code == 200, response.content
    return sorted(item["slug"] for item in response.json()["results"])


def if_match(client, url):
    """The If-Match header a careful client sends: the ETag of the record as it last read it."""
    response = client.get(url)
    assert response.status_code == 200, response.content
    return {"HTTP_IF_MATCH": response["ETag"]}


def admin_form_data(response):
    """What a browser would send back from an admin form page unchanged: the form's and its inlines' values."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            if value is None or value is False:
                continue  # an unchecked box or an empty choice is not sent
            data[form.add_prefix(name)] = [str(item) for item in value] if isinstance(value, list | tuple) else value

    add(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def free_port():
    with socket.create_server(("127.0.0.1", 0)) as probe:
        return probe.getsockname()[1]


def get(url):
    """Status, Retry-After, content type and seconds taken of a GET."""
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            status, headers = response.status, response.headers
    except urllib.error.HTTPError as error:
        status, headers = error.code, error.headers
    return status, headers.get("Retry-After"), headers.get("Content-Type"), time.monotonic() - started


@contextlib.contextmanager
def gunicorn(**env):
    """The app under gunicorn as deployed (its gunicorn.conf.py), one worker; yields its address once it answers.

    Readiness is probed on a path no view serves: its 404 needs no database, so a test of a database that does
    not answer does not first wait out its timeouts just to start."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "registry.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
        cwd=PROJECT,
        env={**os.environ, "DJANGO_ALLOWED_HOSTS": "127.0.0.1", **env},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                get(f"{base}/not-a-page")
                break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        # Gunicorn's quick shutdown stops its worker too; a SIGKILL to the master alone left the worker running
        # for up to a minute, holding its database connections (so the test database could not be dropped).
        server.send_signal(signal.SIGQUIT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
