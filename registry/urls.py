"""Top-level routes: the API under /api/v1/, its schema and docs, the admin and the health check."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from measures.health import healthz

urlpatterns = [
    path("api/v1/", include("measures.api.urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("admin/", admin.site.urls),
    path("healthz", healthz, name="healthz"),
]

handler404 = "measures.api.errors.not_found"
handler500 = "measures.api.errors.server_error"
