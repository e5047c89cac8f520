from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from rest_framework.test import APIClient

from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests create many users; hashing their passwords the production way costs a third of a second each."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Throttling counts requests in the cache; each test starts with none counted."""
    cache.clear()


@pytest.fixture(scope="module")
def seeded_registry(django_db_setup, django_db_blocker):
    """The real seed, loaded once for a module inside a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("seed", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def client():
    return APIClient()


@pytest.fixture
def registry(db):
    """A small registry: a park tree, a theme tree, two sources, measures with and without targets."""
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
    }
