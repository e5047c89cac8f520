"""The v1 API: one route per resource, records addressed by slug, and a root that links them and their docs."""

from django.urls import path
from rest_framework.reverse import reverse
from rest_framework.routers import APIRootView, DefaultRouter

from measures.api import views
from measures.api.export import RegistryExportView

app_name = "measures-api"


class RegistryRootView(views.KnownParametersMixin, APIRootView):
    """The resources, then where to read about them (the docs, the OpenAPI schema) and the whole registry at once."""

    # Top-level route names (registry/urls.py), outside this app's namespace.
    documents = {"docs": "api-docs", "schema": "schema"}

    def initial(self, request, *args, **kwargs):
        self.refuse_unknown_parameters(request)
        super().initial(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # Never with a format suffix: the download is a zip whatever the root was asked for.
        response.data["export"] = reverse(f"{app_name}:export", request=request)
        for name, url_name in self.documents.items():
            response.data[name] = reverse(url_name, request=request)
        return response


class Router(DefaultRouter):
    APIRootView = RegistryRootView


router = Router()
router.register("measures", views.MeasureViewSet)
router.register("targets", views.TargetViewSet)
router.register("parks", views.ParkViewSet)
router.register("sources", views.SourceViewSet, basename="source")
router.register("themes", views.ThemeViewSet)
router.register("organizations", views.OrganizationViewSet)
router.register("policies", views.PolicyViewSet)
router.register("indicators", views.IndicatorViewSet)
router.register("observations", views.ObservationViewSet)
router.register("beneficiaries", views.BeneficiaryViewSet)

urlpatterns = [path("export/", RegistryExportView.as_view(), name="export"), *router.urls]
