"""OpenAPI details drf-spectacular cannot infer: public reads, tags per resource, the errors every operation can
return. The examples of list responses are in measures.api.examples."""

from drf_spectacular.openapi import AutoSchema
from rest_framework.permissions import SAFE_METHODS, AllowAny

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


# Operations grouped by what they are about, in this order; the first path segment after /api/v1/ names the tag,
# except a record's history and revisions, each grouped across resources.
TAGS = {
    "measures": "Policy measures, with their targets, parks, themes and organizations, and the source they quote.",
    "targets": "Quantitative and dated goals: value, unit, comparator, target year and baseline.",
    "parks": "The demonstration zone and its parks, as a tree (`parent`, `ancestors`, `descendants`).",
    "sources": "Policy documents and reports; their text is fixed once stored.",
    "themes": "Policy themes, as a tree.",
    "organizations": "Issuers of sources and bodies responsible for measures.",
    "policies": "Programmes, platforms, funds, laws and institutions that persist across documents: the measures "
    "that mention them (`mentions`) and their dated, quoted timeline (`events`).",
    "indicators": "Quantities the documents report and set targets on: each with its observations and targets in "
    "time order, the progress view.",
    "observations": "Past figures the sources report for an indicator: value, unit, year or period, quoted.",
    "beneficiaries": "Whom measures and policies are for, as a tree: the `beneficiary` filters match narrower groups.",
    "history": "Every recorded change to a measure, target, park, source, policy or observation (the public sees "
    "published versions).",
    "revisions": "Changes to published records waiting for a reviewer (staff only).",
    "registry download": "The whole registry as one zip of CSV files.",
}
PATH_TAGS = {"export": "registry download"}
WRITE_ACTIONS = {"create", "update", "partial_update"}


def reads_are_public(view):
    """Whether anyone may read through `view`: its permissions allow anonymous reads (see `public_reads`)."""
    return all(
        isinstance(permission, AllowAny) or getattr(permission, "public_reads", False)
        for permission in view.get_permissions()
    )


class RegistrySchema(AutoSchema):
    """Public reads carry no security requirement; operations are tagged by resource."""

    def get_auth(self):
        auth = [requirement for requirement in super().get_auth() if requirement]  # also registers the schemes
        if self.method in SAFE_METHODS and reads_are_public(self.view):
            # Exactly one empty requirement: authentication is optional, and Swagger UI shows no padlock (it does
            # for any other list, even one with {} among the schemes). A browser still sends its session cookie.
            return [{}]
        return auth

    def get_response_serializers(self):
        """A write answers with the record as a GET shows it (views.RegistryViewSetMixin.record), not as written."""
        if getattr(self.view, "action", None) in WRITE_ACTIONS and hasattr(self.view, "read_serializer_class"):
            return self.view.read_serializer_class()
        return super().get_response_serializers()

    def get_tags(self):
        segments = [part for part in self.path.split("/") if part and not part.startswith("{")]
        for tag in ("history", "revisions"):
            if tag in segments[3:]:
                return [tag]
        resource = segments[2] if len(segments) > 2 else segments[-1]
        return [PATH_TAGS.get(resource, resource)]


def add_error_responses(result, generator, request, public):
    """Every operation documents the errors it can return, in the shape they come in; the tags are described."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    result["tags"] = [{"name": name, "description": description} for name, description in TAGS.items()]
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
