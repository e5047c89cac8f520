"""Errors as JSON, whatever format the client asked for, and never a traceback."""

from django.db.models import ProtectedError
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, plus 409 for deleting a record others depend on; errors always render as JSON."""
    if isinstance(exc, ProtectedError):
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
