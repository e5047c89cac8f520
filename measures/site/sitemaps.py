"""/sitemap.xml: the site's pages and every published measure and source, each in Chinese and English."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from measures.models import Measure, Source
from measures.review import visible


class RegistrySitemap(Sitemap):
    """Both languages of each page, with hreflang alternates; half the protocol's 50,000 addresses a file, since
    each item is listed once per language."""

    i18n = True
    alternates = True
    x_default = True
    limit = 25_000


class PageSitemap(RegistrySitemap):
    def items(self):
        return ["site:home", "site:measures", "site:sources", "site:parks", "site:themes"]

    def location(self, item):
        return reverse(item)


class MeasureSitemap(RegistrySitemap):
    def items(self):
        return visible(Measure.objects.all(), None).order_by("slug").values("slug", "updated_at")

    def location(self, item):
        return reverse("site:measure", args=[item["slug"]])

    def lastmod(self, item):
        return item["updated_at"]


class SourceSitemap(MeasureSitemap):
    def items(self):
        return visible(Source.objects.all(), None).order_by("slug").values("slug", "updated_at")

    def location(self, item):
        return reverse("site:source", args=[item["slug"]])


SITEMAPS = {"pages": PageSitemap, "measures": MeasureSitemap, "sources": SourceSitemap}
