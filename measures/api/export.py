"""`/api/v1/export/`: the whole registry as one zip, one CSV per resource, for clients who want everything.

Building it reads every record (tens of seconds at 100,000 measures: docs/benchmarks.md), so it is built once
per registry change for each audience and then served from the cache, and each client may ask for it a few times
an hour.
"""

import csv
import io
import json
import zipfile

from django.db.models import Max
from django.http import HttpResponse
from django.utils import timezone, translation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle
from rest_framework.views import APIView

from measures.api.renderers import BOM
from measures.api.views import KnownParametersMixin
from measures.caching import cached_until_change
from measures.models import Measure, Observation, Policy, Source, Target
from measures.resources import RESOURCES
from measures.review import sees_unpublished, visible


def data_dictionary(resource):
    """One row per column: what it holds, in English, from the model's own field descriptions."""
    model = resource._meta.model
    with translation.override("en"):
        for field in resource.get_export_fields():
            model_field = model._meta.get_field(field.attribute) if field.attribute else None
            description = str(getattr(model_field, "verbose_name", ""))
            if getattr(model_field, "help_text", ""):
                description += f" ({model_field.help_text})"
            if model_field is not None and model_field.is_relation:
                separator = " separated by ;" if model_field.many_to_many else ""
                description += f" (slugs{separator} of {model_field.related_model._meta.verbose_name_plural})"
            yield [field.column_name, model_field.get_internal_type() if model_field else "", description]


def shown(queryset, public):
    """`queryset` as the public sees it, or whole for staff."""
    return visible(queryset, user=None) if public else queryset


class RegistryExportView(KnownParametersMixin, APIView):
    """Everything the requester may see: the public gets what measures.review.visible shows it (published records
    of published sources) and links between those only."""

    permission_classes = [AllowAny]
    throttle_classes = [AnonRateThrottle, UserRateThrottle, ScopedRateThrottle]
    throttle_scope = "export"

    def initial(self, request, *args, **kwargs):
        self.refuse_unknown_parameters(request)
        super().initial(request, *args, **kwargs)

    @extend_schema(
        responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY, description="A zip of CSV files")}
    )
    def get(self, request):
        public = not sees_unpublished(request.user)
        archive = cached_until_change(
            f"registry-download:{'public' if public else 'staff'}", lambda: self.build(public)
        )
        response = HttpResponse(archive, content_type="application/zip")
        response["Content-Disposition"] = 'attachment; filename="zhongguancun-registry.zip"'
        return response

    def build(self, public):
        """The zip's bytes: a CSV per resource, the data dictionary and metadata.json."""
        buffer = io.BytesIO()
        dictionary = io.StringIO()
        dictionary_writer = csv.writer(dictionary)
        dictionary_writer.writerow(["file", "column", "type", "description"])
        counts = {}
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, resource_class in RESOURCES.items():
                resource = resource_class(public=public)
                queryset = shown(resource.get_queryset(), public)
                dataset = resource.export(queryset=queryset)
                archive.writestr(f"{name}.csv", BOM + dataset.csv.encode())
                counts[name] = len(dataset)
                for row in data_dictionary(resource):
                    dictionary_writer.writerow([f"{name}.csv", *row])
            archive.writestr("data-dictionary.csv", BOM + dictionary.getvalue().encode())
            archive.writestr("metadata.json", json.dumps(self.metadata(public, counts), indent=2))
        return buffer.getvalue()

    @staticmethod
    def metadata(public, counts):
        last_updated = max(
            (
                stamp
                for model in (Measure, Target, Source, Policy, Observation)
                if (stamp := shown(model.objects.all(), public).aggregate(last=Max("updated_at"))["last"])
            ),
            default=None,
        )
        return {
            "generated_at": timezone.now().isoformat(),
            "last_updated": last_updated.isoformat() if last_updated else None,
            "records": "published only" if public else "every review state",
            "counts": counts,
        }
