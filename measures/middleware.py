"""Failures that happen outside a view, answered as JSON for API clients."""

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse

API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = "5"


class RequestSizeLimitMiddleware:
    """An API request body over the limit is a 413 before anything reads it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH") or "0"
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if request.path.startswith(API_PREFIX) and length.isdigit() and int(length) > limit:
            return JsonResponse(
                {"detail": f"The request body is {length} bytes; the limit is {limit} bytes."}, status=413
            )
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, say so at once (503, Retry-After) instead of a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        response = JsonResponse({"detail": "The database is unavailable; try again shortly."}, status=503)
        response["Retry-After"] = RETRY_AFTER_SECONDS
        return response
