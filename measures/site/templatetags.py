"""Template tags for the site's two languages (registered as the `site` library in settings.TEMPLATES)."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language, gettext

register = template.Library()

HTML_LANG = {"zh-hans": "zh-Hans", "en": "en"}


@register.simple_tag
def html_lang():
    return HTML_LANG.get(get_language(), get_language())


@register.simple_tag
def bilingual(chinese, english):
    """The English text on an English page when there is one; otherwise the Chinese, marked as such there."""
    if get_language() != "en":
        return chinese
    if english:
        return english
    if not chinese:
        return ""
    return format_html(
        '<span lang="zh-Hans">{}</span> <small class="fallback">({})</small>', chinese, gettext("Chinese only")
    )


@register.simple_tag(takes_context=True)
def translations(context):
    """[(language code, its name, the address of this page in it, whether it is the page's)] for hreflang links and
    the language switch."""
    request = context["request"]
    here = get_language()
    return [
        {
            "code": code,
            "hreflang": HTML_LANG.get(code, code),
            "name": {"zh-hans": "中文", "en": "English"}.get(code, name),
            "url": request.build_absolute_uri(translate_url(request.get_full_path(), code)),
            "current": code == here,
        }
        for code, name in settings.LANGUAGES
    ]


DATE_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


@register.simple_tag
def dated(date, precision):
    """A date as precisely as it is known (a day, a month or a year), in a <time> element."""
    if precision not in DATE_FORMATS:
        return format_html('<time datetime="{}">{}</time> ({})', date.year, date.year, gettext("date uncertain"))
    text = date.strftime(DATE_FORMATS[precision])
    return format_html('<time datetime="{}">{}</time>', text, text)
