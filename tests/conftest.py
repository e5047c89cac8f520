import copy
import sys
import time
from io import StringIO

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from rest_framework.test import APIClient
from whitenoise.middleware import WhiteNoiseMiddleware

from tests import factories


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test database, which on PostgreSQL is only dropped once no other session uses it: a gunicorn
    worker a test stopped, or a live server's thread, may still be closing its connection (DROP DATABASE then
    fails with "being accessed by other users"). Wait for them a few seconds, then end any that linger."""
    yield
    if connection.vendor != "postgresql":
        return
    others = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        for _ in range(50):
            cursor.execute(f"SELECT count(*) {others}")
            if not cursor.fetchone()[0]:
                return
            time.sleep(0.1)
        cursor.execute(f"SELECT pg_terminate_backend(pid) {others}")


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many users; hashing their passwords the production way costs a third of a second each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def response_cache_off(settings):
    """Public responses are cached under a version only a committed change replaces (measures.response_cache), and
    most tests write in a transaction that never commits, then read at once: off but where a test turns it on."""
    settings.RESPONSE_CACHE_MAX_BYTES = 0


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Throttling counts requests in the cache; each test starts with none counted."""
    cache.clear()


@pytest.fixture(autouse=True, scope="session")
def static_files_indexed_once():
    """Every test client builds the middleware anew, and WhiteNoise then stats and indexes each static file the
    finders know (the docs UI's among them): about 50 ms a client, over a minute in all. Index them once per set
    of settings that shapes the index; serving is unchanged."""
    index_files = WhiteNoiseMiddleware.add_files_from_finders
    indexes = {}

    def add_files_from_finders(middleware):
        key = repr(
            (
                middleware.static_prefix,
                middleware.max_age,
                middleware.allow_all_origins,
                middleware.charset,
                middleware.add_headers_function,
                middleware.index_file,
                settings.STATICFILES_FINDERS,
                settings.STATICFILES_DIRS,
                settings.INSTALLED_APPS,
            )
        )
        if key not in indexes:
            known = set(middleware.files)
            index_files(middleware)
            indexes[key] = {url: file for url, file in middleware.files.items() if url not in known}
        middleware.files.update(indexes[key])

    WhiteNoiseMiddleware.add_files_from_finders = add_files_from_finders
    yield
    WhiteNoiseMiddleware.add_files_from_finders = index_files


class _Shared:
    """Data that a run of consecutive tests reads, built once inside a transaction rolled back after the run.

    Each test still runs in its own `db` transaction nested inside it (a savepoint), so it sees the data as built
    whatever the tests before it wrote: Django's setUpTestData, across modules. pytest_collection_modifyitems puts
    the tests of each kind next to one another: the real seed (~20 s to load) first, then the small registry.
    """

    kind = None  # "seed" or "registry" while its transaction is open
    atomic = None
    blocker = None
    registry = None


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    names = getattr(item, "fixturenames", ())
    return (
        "transactional_db" in names
        or "live_server" in names
        or bool(marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )


def _shared_kind(item):
    """Which shared data a test reads: "seed", "registry" or None (a transactional test builds its own)."""
    if item is None:
        return None
    names = getattr(item, "fixturenames", ())
    if "seeded_registry" in names:
        return "seed"
    if "registry" in names and not _is_transactional(item):
        return "registry"
    return None


def _close_shared():
    if _Shared.atomic is not None:
        atomic, _Shared.atomic, _Shared.kind, _Shared.registry = _Shared.atomic, None, None, None
        with _Shared.blocker.unblock():
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture(autouse=True)
def _shared_data(request):
    """Opens the shared data a test reads before any of its other fixtures (and so before its `db` transaction)."""
    kind = _shared_kind(request.node)
    if kind is None or kind == _Shared.kind:
        return
    _close_shared()
    request.getfixturevalue("django_db_setup")
    blocker = request.getfixturevalue("django_db_blocker")
    with blocker.unblock():
        assert not transaction.get_connection().in_atomic_block, "shared data must open before the test's own"
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            if kind == "seed":
                call_command("seed", stdout=StringIO())
            else:
                _Shared.registry = build_registry()
        except BaseException:
            atomic.__exit__(*sys.exc_info())
            raise
    _Shared.kind, _Shared.atomic, _Shared.blocker = kind, atomic, blocker


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last test of a run that shares data (its own fixtures torn down), roll the data back."""
    result = yield
    if _Shared.atomic is not None and _shared_kind(nextitem) != _Shared.kind:
        _close_shared()
    return result


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests that read the real seed first, then those that read the small registry, each kind together (the rest
    keep pytest-django's order), so each is built once. Under pytest-xdist (`make test`) the first worker's first
    batch of tests takes all the seeded ones, so the seed is still loaded once; were they split, a worker would
    load it for each run of them it got: slower, never wrong."""
    order = {"seed": 0, "registry": 1, None: 2}
    items.sort(key=lambda item: order[_shared_kind(item)])


@pytest.fixture
def seeded_registry(db):
    """The real seed, as `manage.py seed` loads it (loaded once for all the tests that ask for it)."""
    assert _Shared.kind == "seed"


@pytest.fixture
def api_client():
    """DRF's test client. Not named `client`: that is pytest-django's Django test client, kept as it is."""
    return APIClient()


@pytest.fixture
def registry(db):
    """A small registry: a park tree, a theme tree, two sources, measures with and without targets.

    Built once for the tests that read it (each gets its own copy of the records); afresh for a transactional test.
    """
    if _Shared.kind == "registry":
        return copy.deepcopy(_Shared.registry)
    return build_registry()


def build_registry():
    zone = factories.ParkFactory(
        slug="zgc", name="中关村国家自主创新示范区", kind="demonstration_zone", aliases="中关村示范区"
    )
    haidian = factories.ParkFactory(slug="haidian", name="海淀园", parent=zone, aliases="中关村海淀园")
    science_city = factories.ParkFactory(slug="science-city", name="中关村科学城", kind="science_city", parent=haidian)
    changping = factories.ParkFactory(slug="changping", name="昌平园", parent=zone)
    industry = factories.ThemeFactory(slug="industry", name="高精尖产业")
    ai = factories.ThemeFactory(slug="ai", name="人工智能", parent=industry)
    talent = factories.ThemeFactory(slug="talent", name="人才")
    commission = factories.OrganizationFactory(slug="commission", name="北京市科学技术委员会", aliases="北京市科委")
    plan = factories.SourceFactory(slug="plan")
    report = factories.SourceFactory(slug="report", kind="news_report")

    ai_platform = factories.MeasureFactory(
        slug="ai-platform",
        title="建设人工智能创新平台",
        title_en="Build an AI innovation platform",
        source=plan,
        status="planned",
        instrument="platform",
        start_year=2021,
        end_year=2025,
    )
    ai_platform.parks.set([science_city])
    ai_platform.themes.set([ai])
    ai_platform.organizations.set([commission])
    talent_programme = factories.MeasureFactory(
        slug="talent-programme",
        title="人才引进计划",
        title_en="Talent programme",
        summary="引进海外高层次人才。",
        source=report,
        status="in_force",
        instrument="talent",
        start_year=2018,
        end_year=None,
    )
    talent_programme.parks.set([changping])
    talent_programme.themes.set([talent])
    old_pilot = factories.MeasureFactory(
        slug="old-pilot",
        title="投贷联动试点",
        title_en="Investment-loan pilot",
        source=report,
        status="completed",
        instrument="pilot",
        start_year=2014,
        end_year=2016,
    )
    old_pilot.parks.set([zone])
    factories.TargetFactory(slug="rd-2025", source=plan, measure=ai_platform, park=haidian)
    factories.TargetFactory(
        slug="firms-2035",
        indicator="独角兽企业数量",
        indicator_en="Unicorn firms",
        comparator="range",
        value=2,
        value_max=3,
        unit="家",
        target_year=2035,
        source=plan,
        measure=ai_platform,
    )
    enterprises = factories.BeneficiaryFactory(slug="enterprises", name="企业", name_en="Enterprises")
    start_ups = factories.BeneficiaryFactory(slug="start-ups", name="初创企业", name_en="Start-ups", parent=enterprises)
    ai_platform.beneficiaries.set([start_ups])
    rd_intensity = factories.IndicatorFactory(slug="rd-intensity")
    factories.ObservationFactory(slug="rd-2020", indicator=rd_intensity, source=report, park=haidian)
    ai_programme = factories.PolicyFactory(
        slug="ai-programme", name="人工智能创新平台", name_en="AI innovation platform", aliases="AI平台"
    )
    ai_programme.parks.set([science_city])
    ai_programme.themes.set([ai])
    ai_programme.beneficiaries.set([start_ups])
    factories.PolicyMentionFactory(policy=ai_programme, measure=ai_platform, role="announces")
    factories.PolicyEventFactory(policy=ai_programme, source=plan, kind="announced")
    return {
        "zone": zone,
        "haidian": haidian,
        "science_city": science_city,
        "changping": changping,
        "plan": plan,
        "report": report,
        "ai_platform": ai_platform,
        "talent_programme": talent_programme,
        "old_pilot": old_pilot,
        "start_ups": start_ups,
        "rd_intensity": rd_intensity,
        "ai_programme": ai_programme,
    }
