from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = _("Zhongguancun policy registry")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from measures.caching import connect_signals

        connect_signals()
