"""On SQLite, a write that waits for another writer gets the If-Match answer (412), not "database unavailable".

SELECT ... FOR UPDATE does nothing on SQLite, so the app under gunicorn, on a SQLite file, writes while another
process holds the write lock with an uncommitted change to the same measure. The app's write must wait for it,
then find its ETag stale.
"""

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from tests.helpers import PROJECT, gunicorn

SETUP = """
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth.models import User
from rest_framework.authtoken.models import Token
from tests import factories
factories.MeasureFactory(slug="contested")
Token.objects.create(user=User.objects.create_superuser("editor"), key="editor-token-for-tests-only-000000000000")
"""
AUTH = {"Authorization": "Token editor-token-for-tests-only-000000000000"}


def manage(database_url, *args):
    env = {**os.environ, "DATABASE_URL": database_url}
    subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env, check=True, capture_output=True)


def request(url, method="GET", body=None, headers=None):
    """Status, headers and JSON body of a request; errors are answers too."""
    data = json.dumps(body).encode() if body is not None else None
    sent = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", **AUTH})
    for name, value in (headers or {}).items():
        sent.add_header(name, value)
    try:
        with urllib.request.urlopen(sent, timeout=30) as response:
            return response.status, response.headers, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, error.headers, json.loads(error.read())


def test_the_second_writer_gets_412_not_503(tmp_path):
    path = tmp_path / "registry.sqlite3"
    database_url = f"sqlite:///{path}"
    manage(database_url, "shell", "-c", SETUP)  # migrate, then the contested measure and its editor
    with gunicorn(DATABASE_URL=database_url) as base:
        url = f"{base}/api/v1/measures/contested/"
        status, headers, _ = request(url)
        assert status == 200
        etag = headers["ETag"]

        # Another writer has changed the measure and not yet committed: it holds SQLite's write lock.
        other = sqlite3.connect(path, isolation_level=None, timeout=20)
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE measures_measure SET title_en = 'The other edit' WHERE slug = 'contested'")
        answers = []
        edit = threading.Thread(
            target=lambda: answers.append(request(url, "PATCH", {"title_en": "Mine"}, {"If-Match": etag}))
        )
        edit.start()
        time.sleep(2)  # the app's write is under way, waiting for the lock
        other.execute("COMMIT")
        other.close()
        edit.join(30)

        [(status, _, body)] = answers
        assert status == 412, body
        assert request(url)[2]["title_en"] == "The other edit"
