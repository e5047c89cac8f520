"""An Atom feed of the published measures, newest change first, taking the search page's filters."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from measures.api.records import measure_records
from measures.site.views import BadQuery, bad_query, filtered_measures

ENTRIES = 50


class MeasureFeed(Feed):
    """Measures as they are published or changed (by `updated_at`, which is indexed), filtered as `/measures/?…`."""

    feed_type = Atom1Feed
    title = _("Zhongguancun policy measures: newly published and updated")
    subtitle = _("Published measures of the Zhongguancun policy measure registry, newest change first.")

    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except BadQuery as error:
            return bad_query(request, error)

    def get_object(self, request, *args, **kwargs):
        return filtered_measures(request.GET)

    def link(self):
        return reverse("site:measures")

    def items(self, measures):
        slugs = list(measures.order_by("-updated_at", "slug").values_list("slug", flat=True)[:ENTRIES])
        return measure_records(measures, slugs, None)

    def item_title(self, item):
        return item["title"] + (f" ({item['title_en']})" if item["title_en"] else "")

    def item_description(self, item):
        return item["summary"] or item["quote"]

    def item_link(self, item):
        return reverse("site:measure", args=[item["slug"]])

    def item_guid(self, item):
        return item["slug"]

    item_guid_is_permalink = False

    def item_updateddate(self, item):
        return parse_datetime(item["updated_at"])

    def item_pubdate(self, item):
        return parse_datetime(item["created_at"])

    def item_categories(self, item):
        return [theme["name_en"] or theme["name"] for theme in item["themes"]]
