"""Trees (parks, themes, policy packages): no record below itself, bounded walks, and a public descent that
goes only through records the public may see."""

import pytest
import tablib
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from measures.models import Measure, Park, Theme
from measures.resources import MeasureResource, ParkResource
from measures.review import SHELL
from tests import factories
from tests.helpers import if_match, slugs


def trees(registry):
    """(model, record, its descendant) for each kind of tree."""
    provision = factories.MeasureFactory(slug="provision", source=registry["plan"], parent=registry["ai_platform"])
    return [
        (registry["zone"], registry["science_city"]),
        (Theme.objects.get(slug="industry"), Theme.objects.get(slug="ai")),
        (registry["ai_platform"], provision),
    ]


def test_a_record_cannot_be_its_own_parent_or_below_a_descendant(registry):
    for record, descendant in trees(registry):
        for parent in (record, descendant):
            record.parent = parent
            with pytest.raises(ValidationError) as refused:
                record.full_clean()
            assert list(refused.value.message_dict) == ["parent"], record


@pytest.mark.parametrize(
    ("url", "parent"),
    [
        ("/api/v1/parks/zgc/", "science-city"),
        ("/api/v1/parks/haidian/", "haidian"),
        ("/api/v1/themes/industry/", "ai"),
        ("/api/v1/measures/ai-platform/", "ai-platform"),
    ],
)
def test_the_api_refuses_a_cycle_naming_parent(registry, api_client, url, parent):
    api_client.force_authenticate(User.objects.create_superuser("boss", password="pw-for-tests-only"))
    response = api_client.patch(url, {"parent": parent}, format="json", **if_match(api_client, url))
    assert response.status_code == 400, response.content
    assert "parent" in response.json()
    assert not Park.objects.filter(slug="zgc", parent__isnull=False).exists()


def test_an_import_row_making_a_cycle_is_a_row_error_naming_parent(registry):
    for resource, record, parent in [
        (ParkResource, "zgc", "science-city"),
        (MeasureResource, "ai-platform", "ai-platform"),
    ]:
        rows = tablib.Dataset()
        rows.dict = [{**row, "parent": parent} for row in resource().export().dict if row["slug"] == record]
        result = resource().import_data(rows, user=SHELL)
        assert [sorted(row.field_specific_errors) for row in result.invalid_rows] == [["parent"]]


@pytest.fixture
def stored_loops(registry):
    """Loops written past validation, as an older version or raw SQL could have left them."""
    Park.objects.filter(slug="zgc").update(parent=registry["science_city"])
    Theme.objects.filter(slug="industry").update(parent=Theme.objects.get(slug="ai"))
    Measure.objects.filter(slug="ai-platform").update(parent=registry["ai_platform"])


def test_walks_end_on_a_loop_already_stored(registry, stored_loops, api_client):
    assert registry["haidian"].pk in Park.with_descendants([registry["haidian"]])
    assert len(ParkResource().with_links(Park.objects.all())) == Park.objects.count()
    assert len(MeasureResource().with_links(Measure.objects.all())) == Measure.objects.count()
    assert api_client.get("/api/v1/export/").status_code == 200
    assert api_client.get("/api/v1/measures/?park=haidian").status_code == 200
    registry["changping"].parent = registry["haidian"]
    registry["changping"].full_clean()  # a loop elsewhere does not stop an unrelated change


def test_the_public_descends_only_through_parks_it_may_see(registry, api_client):
    hidden = factories.ParkFactory(slug="hidden", parent=registry["zone"], review_state="draft")
    below = factories.ParkFactory(slug="below-hidden", parent=hidden, review_state="published")
    measure = factories.MeasureFactory(slug="below-only", source=registry["plan"], review_state="published")
    measure.parks.set([below])
    factories.TargetFactory(slug="below-target", source=registry["plan"], park=below, review_state="published")

    assert "below-only" not in slugs(api_client.get("/api/v1/measures/?park=zgc"))
    assert "below-target" not in slugs(api_client.get("/api/v1/targets/?park=zgc"))
    assert slugs(api_client.get("/api/v1/measures/?park=below-hidden")) == ["below-only"]

    api_client.force_authenticate(User.objects.create_user("curator", is_staff=True))
    assert "below-only" in slugs(api_client.get("/api/v1/measures/?park=zgc"))
