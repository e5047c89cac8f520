"""Optimistic concurrency for API writes: ETags on details, If-Match required to change or delete.

The ETag is a hash of the record as the API shows it, so any change a client could see (nested
targets included) makes an old ETag stale.
"""

import hashlib
import json

from django.db import transaction
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response

from measures.response_cache import etag_matches


class PreconditionRequired(APIException):
    status_code = 428
    default_detail = "Send If-Match with the ETag of the record you read, so you cannot overwrite a newer version."
    default_code = "precondition_required"


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The record changed since you read it: fetch it again, then retry with its new ETag."
    default_code = "precondition_failed"


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description="The ETag from a GET of this record.",
)
CONDITIONAL_WRITE = extend_schema(parameters=[IF_MATCH])  # 412 and 428 are added by measures.api.schema


def etag_of(data):
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:32]
    return f'"{digest}"'


class ConditionalWritesMixin:
    """ETag on every detail response; PUT, PATCH and DELETE only with a current If-Match."""

    def current_etag(self, instance):
        return etag_of(self.records(self.get_queryset(), [instance.slug])[0])

    def check_if_match(self, instance):
        header = self.request.headers.get("If-Match")
        if not header:
            raise PreconditionRequired
        if not etag_matches(header, self.current_etag(instance)):
            raise PreconditionFailed

    def retrieve(self, request, *args, **kwargs):
        response = super().retrieve(request, *args, **kwargs)
        etag = etag_of(response.data)
        if etag_matches(request.headers.get("If-None-Match"), etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        response["ETag"] = etag
        return response

    @CONDITIONAL_WRITE
    def update(self, request, *args, **kwargs):
        with transaction.atomic():
            response = super().update(request, *args, **kwargs)
        if response.status_code == status.HTTP_200_OK:  # the body is the record as a GET shows it
            response["ETag"] = etag_of(response.data)
        return response

    def perform_update(self, serializer):
        # After validation, so a malformed body is a 400 whatever the If-Match says.
        serializer.instance = self.locked_object()
        self.check_if_match(serializer.instance)
        super().perform_update(serializer)

    @CONDITIONAL_WRITE
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)

    def perform_destroy(self, instance):
        with transaction.atomic():
            self.check_if_match(self.locked_object())
            super().perform_destroy(instance)

    def locked_object(self):
        """The record, locked until the write commits, so two clients cannot both pass the check."""
        instance = self.get_object()
        type(instance).objects.select_for_update().only("pk").get(pk=instance.pk)
        return self.get_object()  # read again under the lock
