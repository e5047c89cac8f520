"""/sitemap.xml: the site's pages and every published measure, source and policy and every indicator, each in Chinese
and English."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from measures.models import Indicator, Measure, Policy, Source
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
        return [
            "site:home",
            "site:measures",
            "site:sources",
            "site:policies",
            "site:indicators",
            "site:parks",
            "site:themes",
        ]

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


class PolicySitemap(MeasureSitemap):
    def items(self):
        return visible(Policy.objects.all(), None).order_by("slug").values("slug", "updated_at")

    def location(self, item):
        return reverse("site:policy", args=[item["slug"]])


class IndicatorSitemap(RegistrySitemap):
    """Indicators are not reviewed: each is public, its page showing only published observations and targets."""

    def items(self):
        return Indicator.objects.order_by("slug").values_list("slug", flat=True)

    def location(self, item):
        return reverse("site:indicator", args=[item])


SITEMAPS = {
    "pages": PageSitemap,
    "measures": MeasureSitemap,
    "sources": SourceSitemap,
    "policies": PolicySitemap,
    "indicators": IndicatorSitemap,
}
