"""Errors as JSON, whatever format the client asked for, and never a traceback."""

from django.core.exceptions import RequestDataTooBig
from django.db import DataError
from django.db.models import ProtectedError
from django.http import JsonResponse
from django.views import defaults
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, plus 409 for deleting a record others depend on; errors always render as JSON."""
    if isinstance(exc, DataError):
        # Input the validators let through but the database refused: the client's to fix, not a 500.
        response = Response({"detail": f"A value is not valid for the database: {exc}".strip()[:300]}, status=400)
    elif isinstance(exc, RequestDataTooBig):
        response = Response({"detail": "The request body is over the size limit."}, status=413)
    elif isinstance(exc, ProtectedError):
        blocking = sorted({f"{obj._meta.verbose_name} {obj}" for obj in exc.protected_objects if obj is not None})
        response = Response(
            {"detail": "Other records depend on this one; change or delete them first.", "blocking": blocking[:20]},
            status=status.HTTP_409_CONFLICT,
        )
    else:
        response = drf_exception_handler(exc, context)
    request = context.get("request")
    if response is not None and request is not None:
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
    return response


def server_error(request, *args, **kwargs):
    """A 500 without a traceback: JSON for the API, Django's plain page elsewhere."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Server error."}, status=500)
    return defaults.server_error(request, *args, **kwargs)


def not_found(request, exception):
    """An unknown address under /api/ is a JSON 404 like any other API error."""
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception)
