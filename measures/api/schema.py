"""OpenAPI details drf-spectacular cannot infer: public reads, and the errors every operation can return."""

from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import SAFE_METHODS

ERROR_SCHEMA = {
    "type": "object",
    "description": "An error: `detail`, or one list of messages per offending field.",
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": True,
}
ERRORS = {
    "400": "A parameter or the body is invalid, or a query parameter is unknown to this operation (only those "
    "documented here are known); the offending field or parameter is named.",
    "401": "Authentication failed.",
    "403": "You may not do this.",
    "404": "Not found, or not visible to you.",
    "405": "Method not allowed.",
    "406": "The requested format is not available.",
    "409": "Other records depend on this one.",
    "413": "The request body is over the limit.",
    "415": "Unsupported media type.",
    "429": "Too many requests; see Retry-After.",
    "503": "The database is unavailable; see Retry-After.",
}
HELD_FOR_REVIEW = {
    "description": "The record is published and you may not publish: the change waits for a reviewer as this "
    "revision, and the public keeps seeing the published version.",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Revision"}}},
}
# Answered by the HTTP server (gunicorn, or the proxy in front) before the app sees the request.
SERVER_ERRORS = {"414": "The request line is over 8 KB; the HTTP server answers with an HTML page."}
CONDITIONAL_ERRORS = {
    "412": "The record changed since it was read: GET it again for its current ETag.",
    "428": "If-Match is missing.",
}


class RegistrySchema(AutoSchema):
    """Reads need no authentication (the permission class allows anonymous reads)."""

    def get_auth(self):
        auth = super().get_auth()
        if self.method in SAFE_METHODS and {} not in auth:
            auth.append({})
        return auth


def add_error_responses(result, generator, request, public):
    """Every operation documents the errors it can return, in the shape they come in."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    paths = result.get("paths", {})
    for path, operations in paths.items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            parameters = operation.get("parameters", [])
            for parameter in parameters:
                if parameter["in"] == "query":
                    parameter["allowEmptyValue"] = True  # an empty value means "no filter", as in HTML forms
            conditional = any(p["name"] == "If-Match" for p in parameters)
            for status, description in {**ERRORS, **(CONDITIONAL_ERRORS if conditional else {})}.items():
                responses.setdefault(
                    status, {"description": description, "content": {"application/json": {"schema": reference}}}
                )
            if method in ("put", "patch") and f"{path}revisions/" in paths:
                responses.setdefault("202", HELD_FOR_REVIEW)
            for status, description in SERVER_ERRORS.items():
                responses.setdefault(
                    status, {"description": description, "content": {"text/html": {"schema": {"type": "string"}}}}
                )
    return result
