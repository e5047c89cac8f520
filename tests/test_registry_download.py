"""`/api/v1/export/` reads the registry in a few queries per resource, however many records it holds."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories


def test_the_download_costs_the_same_queries_for_ten_or_a_hundred_measures(client, db):
    def queries_for(measures):
        source, park, theme = factories.SourceFactory(), factories.ParkFactory(), factories.ThemeFactory()
        for measure in factories.MeasureFactory.create_batch(measures, source=source):
            measure.parks.set([park])
            measure.themes.set([theme])
            factories.TargetFactory(source=source, measure=measure, park=park)
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/export/").status_code == 200
        return len(queries)

    assert queries_for(10) == queries_for(90)
