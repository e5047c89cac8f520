"""Page-number pagination that rejects a bad page or page size instead of guessing, and pages by slug."""

from itertools import islice

from django.db.models import QuerySet
from rest_framework import pagination
from rest_framework.exceptions import NotFound, ValidationError

from measures.caching import cached_count, cached_until_change, query_key

MARK_EVERY = 1000  # a deep page starts from the cached slug of the last thousandth record before it


class DeferredJoinPage:
    """A queryset the paginator slices for the page's slugs only; the view then loads those records.

    The joins and related rows are fetched for the fifty records shown, not for the 50,000 skipped. Finding the
    slugs of page 1,000 with OFFSET would still walk the 50,000 ahead of it and check each one's source (20-60 ms
    at 100,000 measures); a list in slug order keeps every MARK_EVERY-th slug (`marks`), cached like its count
    until the registry changes, and a deep page seeks to the mark before it and walks at most MARK_EVERY more.
    """

    def __init__(self, queryset):
        self.queryset = queryset

    def count(self):
        return cached_count(self.queryset)

    def __len__(self):
        return self.count()

    def __getitem__(self, window):
        slugs = self.queryset.values_list("slug", flat=True)
        marks = self.marks() if window.start >= MARK_EVERY else None
        if not marks or window.start // MARK_EVERY >= len(marks):
            return list(slugs[window])
        skip = window.start % MARK_EVERY
        after_mark = slugs.filter(slug__gte=marks[window.start // MARK_EVERY])
        return list(after_mark[skip : skip + window.stop - window.start])

    def marks(self):
        """Every MARK_EVERY-th slug of the list from its first, or None when the list is not in slug order."""
        query = self.queryset.query
        ordering = query.order_by or (self.queryset.model._meta.ordering if query.default_ordering else ())
        key = query_key(self.queryset)
        if list(ordering) != ["slug"] or query.extra_order_by or key is None:
            return None
        slugs = self.queryset.values_list("slug", flat=True)
        return cached_until_change(
            f"page-marks:{MARK_EVERY}:{key}", lambda: list(islice(slugs.iterator(), 0, None, MARK_EVERY))
        )


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
        if not (raw.isascii() and raw.isdigit()) or int(raw) < 1 or len(raw) > 9:  # "²".isdigit() is true
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
