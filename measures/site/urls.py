"""The public site's addresses, inside i18n_patterns (registry/urls.py): Chinese at /…, English at /en/…."""

from django.urls import path

from measures.site import feeds, views

app_name = "site"

urlpatterns = [
    path("", views.home, name="home"),
    path("measures/", views.measure_list, name="measures"),
    path("measures/<slug:slug>/", views.measure_detail, name="measure"),
    path("sources/", views.source_list, name="sources"),
    path("sources/<slug:slug>/", views.source_detail, name="source"),
    path("policies/", views.policy_list, name="policies"),
    path("policies/<slug:slug>/", views.policy_detail, name="policy"),
    path("indicators/", views.indicator_list, name="indicators"),
    path("indicators/<slug:slug>/", views.indicator_detail, name="indicator"),
    path("parks/", views.tree, {"name": "park"}, name="parks"),
    path("themes/", views.tree, {"name": "theme"}, name="themes"),
    path("feed/", feeds.MeasureFeed(), name="feed"),
]
