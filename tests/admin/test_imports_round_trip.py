"""What the admin exports, as CSV or XLSX, it imports back unchanged: every row of the preview is skipped."""

import io

import pytest
from django.contrib.auth.models import User
from django.test import Client

from measures.resources import MeasureResource, ParkResource, SourceResource, TargetResource

FORMATS = {"csv": "0", "xlsx": "1"}  # CuratedAdmin's export_formats and import_formats, in order


@pytest.fixture
def superuser_client(registry):
    client = Client()
    client.force_login(User.objects.create_superuser("boss", password="pw-for-tests-only"))
    return client


@pytest.mark.parametrize("extension", FORMATS)
@pytest.mark.parametrize(
    ("model", "resource"),
    [("measure", MeasureResource), ("target", TargetResource), ("park", ParkResource), ("source", SourceResource)],
)
def test_an_admin_export_imports_back_unchanged(superuser_client, model, resource, extension):
    every_field = {f"{resource.__name__.lower()}_{name}": "on" for name in resource().get_export_headers()}
    exported = superuser_client.post(f"/admin/measures/{model}/export/", {"format": FORMATS[extension], **every_field})
    assert exported.status_code == 200
    upload = io.BytesIO(exported.content)
    upload.name = f"{model}s.{extension}"

    form = {"format": FORMATS[extension], "import_file": upload}
    preview = superuser_client.post(f"/admin/measures/{model}/import/", form)

    assert preview.status_code == 200
    result = preview.context["result"]
    problems = [row.errors for row in result.rows if row.errors] + [row.error_dict for row in result.invalid_rows]
    assert problems == []
    assert len(result.rows) > 0
    assert {row.import_type for row in result.rows} == {"skip"}
