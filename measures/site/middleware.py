"""The site's language comes from its address; the admin and the API keep choosing by the browser's language."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

# Paths outside the site's i18n_patterns (registry/urls.py).
OUTSIDE_SITE = ("/api/", "/admin/", "/healthz", "/sitemap", "/" + settings.STATIC_URL.lstrip("/"))


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except outside the site.

    With `prefix_default_language=False` Django makes every unprefixed address Chinese, the admin's and the
    API's too; there the language stays what the browser asks for, as before the site existed.
    """

    def process_request(self, request):
        if request.path_info.startswith(OUTSIDE_SITE):
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)
