"""Admin login lockout (django-axes): whose attempts are counted, and what a locked-out user is told.

A user is locked out at one address after repeated wrong passwords, for a cool-off period; the address
is read as API throttling reads it (API_NUM_PROXIES), so a made-up X-Forwarded-For gives no fresh count.
"""

import math

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle


def client_address(request):
    """The client's address: REMOTE_ADDR, or the one the trusted proxies saw (DRF's reading, as throttling)."""
    return BaseThrottle().get_ident(request)


class LockoutBackend(AxesStandaloneBackend):
    """Refuses a locked-out user before the password is checked; the next backend does the logging in.

    A call without a request is not a web login (the test client, the shell): there is no address to lock,
    so it is let through to the next backend instead of raising as axes does.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def locked_out(request, original_response=None, credentials=None):
    """A 429 page saying why and for how long, in the request's language."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else None,
    }
    return render(request, "registration/locked_out.html", context, status=429)
