"""Errors as JSON, whatever format the client asked for, and never a traceback."""

from rest_framework.renderers import JSONRenderer
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, but an error is always rendered as JSON (a CSV client gets JSON errors too)."""
    response = drf_exception_handler(exc, context)
    request = context.get("request")
    if response is not None and request is not None:
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = JSONRenderer.media_type
    return response
