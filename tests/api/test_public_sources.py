"""Sources are reviewed records: nothing of an unpublished source, nor what is taken from it, reaches the public."""

import csv
import io
import json
import zipfile

import pytest
from django.contrib.auth.models import AnonymousUser

from measures.api.records import measure_records, target_records
from measures.models import Measure, Observation, Park, Source, Target, TextCorrection
from measures.review import visible
from tests import factories
from tests.helpers import slugs


@pytest.fixture
def leak(registry):
    """A draft source with a published measure, target and correction of its own, and links to them from
    published records of a published source."""
    source = factories.SourceFactory(slug="leak", title="未发布的规划", review_state="draft")
    TextCorrection.objects.create(source=source, position=3, original="x", replacement="", reason="leaked reason")
    measure = factories.MeasureFactory(slug="leaky-measure", source=source)
    factories.TargetFactory(slug="leaky-target", source=source, measure=measure)
    factories.TargetFactory(slug="linked-target", source=registry["plan"], measure=measure)
    package = registry["talent_programme"]
    package.parent = measure
    package.save()
    return registry


def csv_text(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def test_the_public_lists_and_reads_published_sources_only(public, leak):
    assert slugs(public.get("/api/v1/sources/")) == ["plan", "report"]
    assert public.get("/api/v1/sources/").json()["count"] == 2
    assert public.get("/api/v1/sources/leak/").status_code == 404
    assert public.get("/api/v1/sources/leak/history/").status_code == 404
    assert "leak" not in csv_text(public.get("/api/v1/sources/?format=csv"))
    assert public.get("/api/v1/sources/plan/").status_code == 200


def test_staff_see_every_source_and_filter_by_review_state(api_client, leak, staff):
    api_client.force_authenticate(staff)
    assert slugs(api_client.get("/api/v1/sources/")) == ["leak", "plan", "report"]
    assert slugs(api_client.get("/api/v1/sources/?review_state=draft")) == ["leak"]
    assert slugs(api_client.get("/api/v1/sources/?review_state=published")) == ["plan", "report"]
    detail = api_client.get("/api/v1/sources/leak/").json()
    assert [c["reason"] for c in detail["corrections"]] == ["leaked reason"]
    assert "leak" in csv_text(api_client.get("/api/v1/sources/?format=csv"))


def test_a_bad_review_state_on_sources_is_a_400(api_client, leak, staff):
    api_client.force_authenticate(staff)
    assert "review_state" in api_client.get("/api/v1/sources/?review_state=secret").json()


@pytest.mark.parametrize("resource", ["measures", "targets"])
def test_an_unpublished_source_is_not_a_valid_choice_for_the_public(public, leak, resource):
    unknown = public.get(f"/api/v1/{resource}/?source=no-such-source")
    hidden = public.get(f"/api/v1/{resource}/?source=leak")
    assert unknown.status_code == hidden.status_code == 400
    assert hidden.json() == json.loads(json.dumps(unknown.json()).replace("no-such-source", "leak"))


def test_staff_filter_by_an_unpublished_source(api_client, leak, staff):
    api_client.force_authenticate(staff)
    assert slugs(api_client.get("/api/v1/measures/?source=leak")) == ["leaky-measure"]
    assert slugs(api_client.get("/api/v1/targets/?source=leak")) == ["leaky-target"]


def test_records_of_an_unpublished_source_are_not_public(public, leak):
    assert "leaky-measure" not in slugs(public.get("/api/v1/measures/"))
    assert public.get("/api/v1/measures/").json()["count"] == 3
    assert public.get("/api/v1/measures/leaky-measure/").status_code == 404
    assert public.get("/api/v1/measures/leaky-measure/history/").status_code == 404
    assert "leaky-target" not in slugs(public.get("/api/v1/targets/"))
    assert public.get("/api/v1/targets/").json()["count"] == 3
    assert public.get("/api/v1/targets/leaky-target/").status_code == 404
    assert "leak" not in csv_text(public.get("/api/v1/measures/?format=csv"))
    assert "leak" not in csv_text(public.get("/api/v1/targets/?format=csv"))
    assert public.get("/api/v1/targets/?measure=leaky-measure").status_code == 400


def test_links_to_records_of_an_unpublished_source_are_null_for_the_public(public, leak):
    assert public.get("/api/v1/targets/linked-target/").json()["measure"] is None
    assert public.get("/api/v1/measures/talent-programme/").json()["parent"] is None


def test_staff_see_records_of_an_unpublished_source_and_links_to_them(api_client, leak, staff):
    api_client.force_authenticate(staff)
    assert api_client.get("/api/v1/measures/leaky-measure/").json()["source"] == {
        "slug": "leak",
        "title": "未发布的规划",
    }
    assert api_client.get("/api/v1/targets/linked-target/").json()["measure"] == "leaky-measure"
    assert api_client.get("/api/v1/measures/talent-programme/").json()["parent"] == "leaky-measure"


def test_a_nested_source_the_requester_may_not_see_is_null(leak):
    """Whatever queryset the read path is handed, it never shows the public a source it may not see."""
    public = AnonymousUser()
    [measure] = measure_records(Measure.objects.all(), ["leaky-measure"], public)
    [target] = target_records(Target.objects.all(), ["leaky-target"], public)
    assert measure["source"] is None and target["source"] is None
    [published] = measure_records(Measure.objects.all(), ["ai-platform"], public)
    assert published["source"]["slug"] == "plan"


def test_the_schema_says_a_nested_source_may_be_null(openapi_schema):
    components = openapi_schema["components"]["schemas"]
    for name in ("Measure", "Target"):
        assert components[name]["properties"]["source"].get("nullable") is True, name


def test_visible_is_one_rule_for_every_model_with_a_source(leak):
    public = AnonymousUser()
    assert set(visible(Source.objects.all(), public).values_list("slug", flat=True)) == {"plan", "report"}
    assert not visible(Measure.objects.filter(slug="leaky-measure"), public).exists()
    assert not visible(Target.objects.filter(slug="leaky-target"), public).exists()
    assert not visible(TextCorrection.objects.filter(source__slug="leak"), public).exists()
    assert visible(Park.objects.all(), public).count() == 4


def test_a_published_measure_of_a_published_source_stays_public(public, leak):
    assert public.get("/api/v1/measures/ai-platform/").status_code == 200
    assert public.get("/api/v1/targets/linked-target/").status_code == 200


def download(api_client):
    response = api_client.get("/api/v1/export/")
    assert response.status_code == 200, response.content
    return zipfile.ZipFile(io.BytesIO(response.content))


def table(archive, name):
    return list(csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode("utf-8-sig"))))


def test_the_public_download_holds_published_sources_and_no_link_to_another(public, leak):
    archive = download(public)
    assert sorted(row["slug"] for row in table(archive, "sources")) == ["plan", "report"]
    assert "leaked reason" not in archive.read("text-corrections.csv").decode("utf-8-sig")
    assert "leaky-measure" not in [row["slug"] for row in table(archive, "measures")]
    assert "leaky-target" not in [row["slug"] for row in table(archive, "targets")]
    everything = "".join(archive.read(name).decode() for name in archive.namelist() if name.endswith(".csv"))
    assert "leak" not in everything.replace("leaked", "")
    assert next(row for row in table(archive, "targets") if row["slug"] == "linked-target")["measure"] == ""
    metadata = json.loads(archive.read("metadata.json"))
    assert metadata["records"] == "published only"
    assert metadata["counts"]["sources"] == 2 and metadata["counts"]["measures"] == 3


def test_the_staff_download_holds_every_source(api_client, leak, staff):
    api_client.force_authenticate(staff)
    archive = download(api_client)
    assert sorted(row["slug"] for row in table(archive, "sources")) == ["leak", "plan", "report"]
    assert "leaked reason" in archive.read("text-corrections.csv").decode("utf-8-sig")
    assert next(row for row in table(archive, "targets") if row["slug"] == "linked-target")["measure"] == (
        "leaky-measure"
    )
    assert json.loads(archive.read("metadata.json"))["records"] == "every review state"


@pytest.mark.parametrize(
    ("component", "model"),
    [("Measure", Measure), ("Target", Target), ("Observation", Observation), ("Park", Park)],
)
def test_the_schema_says_every_optional_link_may_be_null(openapi_schema, component, model):
    """A link the database allows to be empty is null in the answer; the schema must say so, or clients break."""
    properties = openapi_schema["components"]["schemas"][component]["properties"]
    optional = [f.name for f in model._meta.concrete_fields if f.is_relation and f.null and f.name in properties]
    assert optional
    for name in optional:
        assert properties[name].get("nullable") is True, name
