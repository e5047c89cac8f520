"""`/api/v1/export/` reads the registry in a few queries per resource, once per change, a few times an hour a client."""

import io
import zipfile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.throttling import ScopedRateThrottle

from tests import factories


def download(api_client):
    response = api_client.get("/api/v1/export/")
    assert response.status_code == 200, response.content
    return zipfile.ZipFile(io.BytesIO(response.content))


def measures_in(archive):
    return archive.read("measures.csv").decode("utf-8-sig").count("\n") - 1


def add_measures(count, committed):
    with committed(execute=True):  # as a curator's save commits, so the cached download is replaced
        source, park, theme = factories.SourceFactory(), factories.ParkFactory(), factories.ThemeFactory()
        for measure in factories.MeasureFactory.create_batch(count, source=source):
            measure.parks.set([park])
            measure.themes.set([theme])
            factories.TargetFactory(source=source, measure=measure, park=park)


def test_building_it_costs_the_same_queries_for_ten_or_a_hundred_measures(
    api_client, db, django_capture_on_commit_callbacks
):
    def queries_for(measures):
        add_measures(measures, django_capture_on_commit_callbacks)
        with CaptureQueriesContext(connection) as queries:
            download(api_client)
        return len(queries)

    assert queries_for(10) == queries_for(90)


def test_it_is_built_once_per_change(api_client, db, django_capture_on_commit_callbacks):
    add_measures(3, django_capture_on_commit_callbacks)
    first = download(api_client)
    with CaptureQueriesContext(connection) as queries:
        again = download(api_client)
    assert len(queries) == 0 and again.read("metadata.json") == first.read("metadata.json")
    add_measures(2, django_capture_on_commit_callbacks)
    assert (measures_in(first), measures_in(download(api_client))) == (3, 5)


@pytest.fixture
def strict_export_rate(monkeypatch):
    monkeypatch.setitem(ScopedRateThrottle.THROTTLE_RATES, "export", "2/hour")


def test_a_client_may_download_it_a_few_times_an_hour(api_client, db, strict_export_rate):
    statuses = [api_client.get("/api/v1/export/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert api_client.get("/api/v1/measures/").status_code == 200  # other requests are not held back
