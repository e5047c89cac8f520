"""The v1 API: one route per resource, records addressed by slug."""

from rest_framework.routers import DefaultRouter

from measures import views

app_name = "measures-api"

router = DefaultRouter()
router.register("measures", views.MeasureViewSet)
router.register("targets", views.TargetViewSet)
router.register("parks", views.ParkViewSet)
router.register("sources", views.SourceViewSet, basename="source")
router.register("themes", views.ThemeViewSet)
router.register("organizations", views.OrganizationViewSet)

urlpatterns = router.urls
