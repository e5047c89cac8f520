"""Page-number pagination that rejects a bad page or page size instead of guessing, and pages by slug."""

from django.db.models import QuerySet
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError

from measures.caching import cached_count


class DeferredJoinPage:
    """A queryset the paginator slices for the page's slugs only; the view then loads those records.

    Finding the slugs of page 1,000 walks the slug index; the joins and related rows are then fetched
    for the fifty records shown, not for the 50,000 skipped, so a deep page costs about what the first does.
    """

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return cached_count(self.queryset)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        return list(self.queryset.values_list("slug", flat=True)[window])


class PageNumberPagination(pagination.PageNumberPagination):
    """DRF's envelope; `page_size` up to 500, and 400 for a page or page size out of range."""

    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        return self.positive_int(self.page_size_query_param, raw, self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        raw = request.query_params.get(self.page_query_param)
        if raw is not None:
            self.positive_int(self.page_query_param, raw, None)
        if isinstance(queryset, QuerySet):
            queryset = DeferredJoinPage(queryset)
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise NotFound({self.page_query_param: [str(error.detail)]}) from error

    @staticmethod
    def positive_int(name, raw, maximum):
        if not raw.isdigit() or int(raw) < 1 or len(raw) > 9:
            raise ValidationError({name: [f"Must be a whole number from 1 to {maximum or 999999999}."]})
        if maximum is not None and int(raw) > maximum:
            raise ValidationError({name: [f"Must be at most {maximum}."]})
        return int(raw)

    def get_paginated_response_schema(self, schema):
        """DRF's envelope; its examples make a list operation's example one realistic page of one record."""
        envelope = super().get_paginated_response_schema(schema)
        properties = envelope["properties"]
        properties["count"]["example"] = 1
        properties["next"]["example"] = properties["previous"]["example"] = None
        return envelope

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update({"minimum": 1, "maximum": self.max_page_size, "default": self.page_size})
                parameter["description"] = f"Results per page, at most {self.max_page_size}; more is a 400 error."
            if parameter["name"] == self.page_query_param:
                parameter["schema"]["minimum"] = 1
        return parameters
