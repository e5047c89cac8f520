"""Small factories for API and filter tests; the seed has its own tests on the real fixtures."""

import datetime
import hashlib
from decimal import Decimal

import factory

from measures.models import (
    Beneficiary,
    Indicator,
    Measure,
    Observation,
    Organization,
    Park,
    Policy,
    PolicyEvent,
    PolicyMention,
    Source,
    Target,
    Theme,
)

SOURCE_TEXT = (
    "到2025年，海淀园研发投入强度达到12%左右。支持中关村科学城建设人工智能创新平台。"
    "2020年，海淀园研发投入强度为9.8%。中关村论坛于2021年9月24日开幕。"
)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    slug = factory.Sequence(lambda n: f"organization-{n}")
    name = factory.Sequence(lambda n: f"组织{n}")
    name_en = factory.Sequence(lambda n: f"Organization {n}")
    kind = "agency"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name = factory.Sequence(lambda n: f"主题{n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class ParkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Park

    slug = factory.Sequence(lambda n: f"park-{n}")
    name = factory.Sequence(lambda n: f"园区{n}")
    name_en = factory.Sequence(lambda n: f"Park {n}")
    kind = "sub_park"
    review_state = "published"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    slug = factory.Sequence(lambda n: f"source-{n}")
    title = factory.Sequence(lambda n: f"规划{n}")
    kind = "plan"
    raw_text = SOURCE_TEXT
    text = SOURCE_TEXT
    sha256 = factory.Sequence(lambda n: hashlib.sha256(f"source-{n}".encode()).hexdigest())
    review_state = "published"


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    slug = factory.Sequence(lambda n: f"measure-{n}")
    title = factory.Sequence(lambda n: f"措施{n}")
    title_en = factory.Sequence(lambda n: f"Measure {n}")
    summary = "支持建设创新平台。"
    source = factory.SubFactory(SourceFactory)
    quote = "支持中关村科学城建设人工智能创新平台。"
    quote_offset = SOURCE_TEXT.index("支持中关村科学城")
    instrument = "platform"
    status = "planned"
    review_state = "published"


class TargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Target

    slug = factory.Sequence(lambda n: f"target-{n}")
    indicator = "研发投入强度"
    indicator_en = "R&D intensity"
    comparator = "about"
    value = 12
    unit = "%"
    target_year = 2025
    source = factory.SubFactory(SourceFactory)
    quote = "到2025年，海淀园研发投入强度达到12%左右。"
    quote_offset = 0
    review_state = "published"


class BeneficiaryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Beneficiary

    slug = factory.Sequence(lambda n: f"beneficiary-{n}")
    name = factory.Sequence(lambda n: f"受益者{n}")
    name_en = factory.Sequence(lambda n: f"Beneficiary {n}")


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    slug = factory.Sequence(lambda n: f"indicator-{n}")
    name = "研发投入强度"
    name_en = "R&D intensity"
    unit = "%"


class ObservationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Observation

    slug = factory.Sequence(lambda n: f"observation-{n}")
    indicator = factory.SubFactory(IndicatorFactory)
    value = factory.LazyFunction(lambda: Decimal("9.8"))
    unit = "%"
    year = 2020
    period_type = "annual"
    source = factory.SubFactory(SourceFactory)
    quote = "2020年，海淀园研发投入强度为9.8%。"
    quote_offset = SOURCE_TEXT.index("2020年")
    review_state = "published"


class PolicyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Policy

    slug = factory.Sequence(lambda n: f"policy-{n}")
    name = factory.Sequence(lambda n: f"政策{n}")
    name_en = factory.Sequence(lambda n: f"Policy {n}")
    kind = "platform"
    status = "in_force"
    review_state = "published"


class PolicyMentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyMention

    policy = factory.SubFactory(PolicyFactory)
    measure = factory.SubFactory(MeasureFactory)
    role = "announces"
    review_state = "published"


class PolicyEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PolicyEvent

    policy = factory.SubFactory(PolicyFactory)
    kind = "announced"
    date = datetime.date(2021, 9, 24)
    date_precision = "day"
    source = factory.SubFactory(SourceFactory)
    quote = "中关村论坛于2021年9月24日开幕。"
    quote_offset = SOURCE_TEXT.index("中关村论坛")
    review_state = "published"


def published_measures(count, *, park=None, theme=None, organization=None, with_targets=False):
    """`count` published measures of one new source, linked to the records given, in a handful of bulk queries.

    For tests that need many rows to read (page sizes, CSV batches): no save signals, so no history and no cache
    version change; a test that needs those saves its records the usual way.
    """
    source = SourceFactory()
    measures = Measure.objects.bulk_create(MeasureFactory.build_batch(count, source=source))
    for field, column, record in (
        ("parks", "park_id", park),
        ("themes", "theme_id", theme),
        ("organizations", "organization_id", organization),
    ):
        if record is not None:
            through = getattr(Measure, field).through
            through.objects.bulk_create([through(measure_id=measure.pk, **{column: record.pk}) for measure in measures])
    if with_targets:
        Target.objects.bulk_create(
            [TargetFactory.build(source=source, measure=measure, park=park) for measure in measures]
        )
    return measures
