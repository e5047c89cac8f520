"""The v1 API: one route per resource, records addressed by slug."""

from django.urls import path
from rest_framework.routers import DefaultRouter

from measures.api import views
from measures.api.export import RegistryExportView

app_name = "measures-api"

router = DefaultRouter()
router.register("measures", views.MeasureViewSet)
router.register("targets", views.TargetViewSet)
router.register("parks", views.ParkViewSet)
router.register("sources", views.SourceViewSet, basename="source")
router.register("themes", views.ThemeViewSet)
router.register("organizations", views.OrganizationViewSet)

urlpatterns = [path("export/", RegistryExportView.as_view(), name="export"), *router.urls]
