"""The admin's spreadsheet import needs the model's add and change permissions; its export, the view permission."""

import io

import pytest
import tablib
from django.contrib.auth.models import Permission, User
from django.test import Client

from measures.models import Measure
from measures.resources import MeasureResource

IMPORT, CONFIRM, EXPORT = (f"/admin/measures/measure/{step}/" for step in ("import", "process_import", "export"))


def staff(username, *codenames):
    user = User.objects.create_user(username, password="pw-for-tests-only", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="measures", codename__in=codenames))
    client = Client()
    client.force_login(user)
    return client


def changed_titles_csv():
    rows = MeasureResource().export(queryset=Measure.objects.order_by("slug")).dict
    changed = tablib.Dataset()
    changed.dict = [{**row, "title_en": "Changed by the import"} for row in rows]
    upload = io.BytesIO(changed.csv.encode())
    upload.name = "measures.csv"
    return upload


def preview(api_client):
    return api_client.post(IMPORT, {"format": "0", "import_file": changed_titles_csv()})


@pytest.fixture
def confirm_form(registry):
    """What the confirm step posts: the file a permitted curator's preview stored."""
    response = preview(staff("curator", "add_measure", "change_measure", "view_measure"))
    assert response.status_code == 200
    return response.context["confirm_form"].initial


def titles():
    return sorted(Measure.objects.values_list("title_en", flat=True))


@pytest.mark.parametrize(
    "codenames",
    [(), ("view_measure",), ("change_measure",), ("add_measure",)],
    ids=["none", "view", "change", "add"],
)
def test_import_needs_add_and_change_permissions(registry, confirm_form, codenames):
    before = titles()
    client = staff("clerk", *codenames)
    assert client.get(IMPORT).status_code == 403
    assert preview(client).status_code == 403
    assert client.post(CONFIRM, confirm_form).status_code == 403
    assert titles() == before


def test_import_with_add_and_change_permissions_writes(registry, confirm_form):
    # The measures are published, so only an importer who may publish changes them (others' rows are held).
    client = staff("editor", "add_measure", "change_measure", "publish_measure")
    assert client.get(IMPORT).status_code == 200
    assert client.post(CONFIRM, confirm_form).status_code == 302
    assert set(titles()) == {"Changed by the import"}


def test_export_needs_the_view_permission(registry):
    client = staff("clerk")
    assert client.get(EXPORT).status_code == 403
    assert client.post(EXPORT, {"format": "0", "measureresource_slug": "on"}).status_code == 403
    # The admin offers no "export selected" action (ExportActionMixin is not used); posting one is refused too.
    selected = {"action": "export_admin_action", "_selected_action": [registry["ai_platform"].pk]}
    assert client.post("/admin/measures/measure/", selected).status_code == 403


def test_export_with_the_view_permission_works(registry):
    client = staff("reader", "view_measure")
    assert client.get(EXPORT).status_code == 200
    response = client.post(EXPORT, {"format": "0", "measureresource_slug": "on"})
    assert response.status_code == 200
    assert b"ai-platform" in response.content
