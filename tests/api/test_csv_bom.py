"""CSV downloads start with a UTF-8 byte order mark, so Excel opens the Chinese in them as Chinese."""

import io
import zipfile

import pytest
from django.contrib.auth import get_user_model

from measures.caching import cached_count
from measures.models import Measure
from tests import factories

BOM = b"\xef\xbb\xbf"


def body(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/csv")
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("resource", ["measures", "targets", "parks", "sources", "themes", "organizations"])
def test_a_streamed_list_starts_with_one_bom(api_client, registry, resource):
    content = body(api_client.get(f"/api/v1/{resource}/?format=csv"))
    assert content.startswith(BOM + b"slug,")
    assert content.count(BOM) == 1


def test_an_empty_list_is_a_bom_and_its_header(api_client, registry):
    content = body(api_client.get("/api/v1/targets/?format=csv&q=nothing-matches-this"))
    assert content.startswith(BOM + b"slug,") and content.count(b"\n") == 1


def test_the_chinese_reads_back_through_utf_8_sig(api_client, registry):
    text = body(api_client.get("/api/v1/measures/?format=csv&status=planned")).decode("utf-8-sig")
    assert text.startswith("slug,") and "建设人工智能创新平台" in text


def test_the_rendered_csv_starts_with_one_bom(api_client, registry):
    content = body(api_client.get("/api/v1/measures/ai-platform/?format=csv"))  # CSVRenderer, not the stream
    assert content.startswith(BOM + b"slug,") and content.count(BOM) == 1
    assert "建设人工智能创新平台" in content.decode("utf-8-sig")
    api_client.force_authenticate(get_user_model().objects.create_user("curator", is_staff=True))
    assert body(api_client.get("/api/v1/measures/ai-platform/history/?format=csv")).startswith(BOM)


def test_no_bom_where_there_is_no_csv(api_client, registry):
    staff = get_user_model().objects.create_superuser("reviewer", password="x")
    api_client.force_authenticate(staff)
    factories.ThemeFactory(slug="unused")
    url = "/api/v1/themes/unused/"
    etag = api_client.get(url)["ETag"]
    response = api_client.delete(f"{url}?format=csv", HTTP_IF_MATCH=etag)
    assert response.status_code == 204 and response.content == b""
    assert not api_client.get("/api/v1/measures/?format=csv&status=retired").content.startswith(BOM)  # errors are JSON


def test_the_registry_downloads_csvs_start_with_a_bom_too(api_client, registry):
    archive = zipfile.ZipFile(io.BytesIO(api_client.get("/api/v1/export/").content))
    for name in archive.namelist():
        if name.endswith(".csv"):
            assert archive.read(name).startswith(BOM), name


def test_a_count_of_a_query_that_matches_nothing_is_zero(db):
    assert cached_count(Measure.objects.none()) == 0
