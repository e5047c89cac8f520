"""Public reads answered from the cache until the registry next changes, with ETags, 304s and Cache-Control.

A public response depends only on the registry's published records and on the request, so it is cached under
the registry version (`measures.caching`) and the request's scheme, host, path, query (parameters sorted by name),
Accept header and language: a committed change starts a new version, and every response cached before it is
left behind at once. The version is read before the view reads the database, so a response is never stored
under a version newer than its data.

Only anonymous GET and HEAD requests outside the admin take part: a session cookie or an Authorization header
may mean staff, who see drafts. Only a 200 whose body fits `RESPONSE_CACHE_MAX_BYTES` and sets no cookie is
stored; errors, redirects and responses marked no-store, no-cache or private are passed on as they come. A
streamed response (a CSV list) is not stored, since that would hold it whole in memory: only its ETag is, so a
client or proxy that has it gets a 304 without the list being read again.

A cached answer still counts towards the view's throttles, as DRF would have counted it.
"""

import hashlib
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_from_request
from rest_framework.exceptions import Throttled
from rest_framework.request import Request

from measures.caching import current_version

READ_METHODS = frozenset({"GET", "HEAD"})
UNCACHED_PREFIXES = ("/admin/",)
VARY = ("Accept", "Accept-Language", "Cookie")
# Headers a cached answer does not repeat: the server sets them for the response it sends.
UNSTORED_HEADERS = frozenset({"set-cookie", "content-length", "date"})
PRIVATE_DIRECTIVES = ("no-store", "no-cache", "private")


def carries_credentials(request):
    """A session cookie or an Authorization header: possibly staff."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META


def request_key(request):
    """What a public response depends on besides the registry: where it was asked, what for, in which language."""
    query = sorted(parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True), key=lambda item: item[0])
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        urlencode(query),
        request.META.get("HTTP_ACCEPT", ""),
        get_language_from_request(request),
    ]
    return "public-response:" + hashlib.sha256("\0".join(parts).encode()).hexdigest()


def strong_etag(*parts):
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode())
    return f'"{digest.hexdigest()}"'


def etag_matches(header, etag):
    """Whether an If-Match or If-None-Match header names `etag` (or any, "*"); weak tags compare as strong."""
    candidates = [candidate.strip().removeprefix("W/") for candidate in (header or "").split(",")]
    return "*" in candidates or etag in candidates


def public_headers(response, etag):
    """What lets a browser revalidate and a shared cache (nginx, a CDN) hold the response briefly."""
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.HTTP_CACHE_SECONDS, must_revalidate=True)
    patch_vary_headers(response, VARY)
    return response


def not_modified(etag, headers):
    response = HttpResponseNotModified()
    for name in ("Cache-Control", "Vary"):
        if name in headers:
            response[name] = headers[name]
    response["ETag"] = etag
    return response


class Entry:
    """A stored response: status, headers and body; a streamed one keeps its headers and ETag only."""

    def __init__(self, response, body, etag):
        self.status = response.status_code
        self.headers = {name: value for name, value in response.items() if name.lower() not in UNSTORED_HEADERS}
        self.body, self.etag = body, etag

    def response(self, request):
        response = HttpResponse(b"" if request.method == "HEAD" else self.body, status=self.status)
        for name, value in self.headers.items():
            response[name] = value
        if request.method == "HEAD":
            response["Content-Length"] = str(len(self.body))
        return response


def storable(response):
    cache_control = response.get("Cache-Control", "")
    return (
        settings.RESPONSE_CACHE_MAX_BYTES > 0
        and response.status_code == 200
        and not response.cookies
        and not any(directive in cache_control for directive in PRIVATE_DIRECTIVES)
        and (response.streaming or len(response.content) <= settings.RESPONSE_CACHE_MAX_BYTES)
    )


def throttled(request):
    """The 429 the view's throttles give for this request, counting it as they would, or None."""
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    view_class = getattr(match.func, "cls", None)
    if view_class is None or not hasattr(view_class, "get_throttles"):
        return None  # not a DRF view: nothing throttles it
    view = view_class(**getattr(match.func, "initkwargs", {}))
    anonymous = Request(request)  # no authenticators: the anonymous user, as DRF sees it
    waits = [throttle.wait() for throttle in view.get_throttles() if not throttle.allow_request(anonymous, view)]
    if not waits:
        return None
    wait = max((wait for wait in waits if wait is not None), default=None)
    with translation.override(get_language_from_request(request)):  # as LocaleMiddleware would have chosen
        error = Throttled(wait)
        response = JsonResponse({"detail": str(error.detail)}, status=error.status_code)
    if wait is not None:
        response["Retry-After"] = str(int(wait) + 1)
    return response


class PublicResponseCacheMiddleware:
    """Answers a repeated public read from the cache, and a revalidation with a 304, before any view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in READ_METHODS or request.path.startswith(UNCACHED_PREFIXES):
            return self.get_response(request)
        if carries_credentials(request):
            response = self.get_response(request)
            if "Cache-Control" not in response:
                patch_cache_control(response, private=True)  # a proxy must not hand a curator's page to others
            return response
        version, key = current_version(), request_key(request)
        if_none_match = request.META.pop("HTTP_IF_NONE_MATCH", None)  # answered here, so the view renders in full
        entry = cache.get(key, version=version)
        if entry is not None and (entry.body is not None or etag_matches(if_none_match, entry.etag)):
            refusal = throttled(request)
            if refusal is not None:
                return refusal
            if etag_matches(if_none_match, entry.etag):
                return not_modified(entry.etag, entry.headers)
            return entry.response(request)
        response = self.get_response(request)
        if storable(response):
            entry = self.store(request, response, version, key)
            etag, headers = entry.etag, entry.headers
        elif response.status_code == 200 and "ETag" in response:
            etag, headers = response["ETag"], response  # the view's own ETag, on a response not stored
        else:
            return response
        if etag_matches(if_none_match, etag):
            # Not response.close(): that signals the request finished, and Django closes its connections.
            return not_modified(etag, headers)
        return response

    @staticmethod
    def store(request, response, version, key):
        """The response's entry, filed under the version read before the view ran (a HEAD's is not filed)."""
        if response.streaming:
            entry = Entry(public_headers(response, strong_etag(version, key)), None, response["ETag"])
        else:
            public_headers(response, response.get("ETag") or strong_etag(response.content))
            entry = Entry(response, response.content, response["ETag"])
        if request.method == "GET":
            cache.set(key, entry, timeout=settings.CACHE_SECONDS, version=version)
        return entry
