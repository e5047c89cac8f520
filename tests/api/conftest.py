"""Who reads the API: a staff user, and the public (anonymous, or logged in without staff rights)."""

import pytest
from django.contrib.auth.models import User
from rest_framework.test import APIClient


@pytest.fixture
def staff(db):
    return User.objects.create_user("curator", is_staff=True)


@pytest.fixture
def member(db):
    return User.objects.create_user("member")


@pytest.fixture(params=["anonymous", "member"])
def public(request, api_client, member):
    """The public: anonymous, or logged in without staff rights."""
    if request.param == "member":
        api_client.force_authenticate(member)
    return api_client


@pytest.fixture(scope="session")
def openapi_schema(django_db_setup, django_db_blocker):
    """The OpenAPI document as the API serves it, fetched once: it is built from the code, not from the data."""
    with django_db_blocker.unblock():
        response = APIClient().get("/api/v1/schema/?format=json")
    assert response.status_code == 200
    return response.json()
