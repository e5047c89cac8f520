"""Top-level routes: the API under /api/v1/, its schema and docs, the admin, the health check, the sitemap, and the
public site in Chinese at /… and English at /en/…."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemaps
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from measures.health import healthz
from measures.site.sitemaps import SITEMAPS

urlpatterns = [
    path("api/v1/", include("measures.api.urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
    path("sitemap.xml", sitemaps.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemaps.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    *i18n_patterns(path("", include("measures.site.urls")), prefix_default_language=False),
]

admin.site.site_url = "/"  # the admin's "View site" link

handler404 = "measures.api.errors.not_found"
handler500 = "measures.api.errors.server_error"
