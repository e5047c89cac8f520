"""Who reads the API: a staff user, and the public (anonymous, or logged in without staff rights)."""

import pytest
from django.contrib.auth.models import User


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
