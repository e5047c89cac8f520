"""Fill a database with synthetic registry data at scale, for the benchmark (not for real use).

Proportions follow the curated seed: per 100 measures about 30 targets, 1.8 park links, 1.5 themes,
1 organization; 1 source per 100 measures, 500 parks, 60 themes, 800 organizations; 1 policy per 100 measures, each
mentioned by 5 and with 3 dated events; 1 indicator per 1,000 measures with 10 observations and 3 targets; a small
tree of beneficiaries, one of them on each of 1 in 5 measures.
"""

import hashlib
import random
import sys

import django


def synthetic_sentences(rng, count):
    subjects = [
        "人工智能",
        "集成电路",
        "生物医药",
        "新材料",
        "科技金融",
        "成果转化",
        "人才",
        "孵化器",
        "数字经济",
        "绿色能源",
    ]
    verbs = ["支持", "推动", "建设", "完善", "加快", "深化", "打造", "设立"]
    objects = ["创新平台", "产业集群", "示范工程", "服务体系", "试点", "专项计划", "公共服务平台", "协同机制"]
    return [f"{rng.choice(verbs)}{rng.choice(subjects)}{rng.choice(objects)}第{index}项。" for index in range(count)]


def fill(measures_wanted, seed=7):
    from measures.models import Measure, Organization, Park, Source, Target, Theme

    rng = random.Random(seed)
    batch = 5000
    organizations = Organization.objects.bulk_create(
        Organization(slug=f"org-{n}", name=f"机构{n}", name_en=f"Organization {n}", kind="agency") for n in range(800)
    )
    themes = Theme.objects.bulk_create(
        Theme(slug=f"theme-{n}", name=f"主题{n}", name_en=f"Theme {n}") for n in range(60)
    )
    for theme in themes[10:]:
        theme.parent = themes[rng.randrange(10)]
    Theme.objects.bulk_update(themes, ["parent"])
    root = Park.objects.create(
        slug="bench-zone", name="示范区", name_en="Zone", kind="demonstration_zone", review_state="published"
    )
    parks = Park.objects.bulk_create(
        Park(
            slug=f"park-{n}",
            name=f"园区{n}",
            name_en=f"Park {n}",
            kind="sub_park",
            parent=root,
            review_state="published",
        )
        for n in range(499)
    )
    sentences_per_source = 120
    sources = []
    for n in range(max(1, measures_wanted // 100)):
        text = "".join(synthetic_sentences(rng, sentences_per_source))
        sources.append(
            Source(
                slug=f"source-{n}",
                title=f"文件{n}",
                kind="plan",
                raw_text=text,
                text=text,
                sha256=hashlib.sha256(f"bench-{n}".encode()).hexdigest(),
                review_state="published",  # sources are reviewed records: the public reads published ones only
            )
        )
    sources = Source.objects.bulk_create(sources, batch_size=500)
    texts = {source.pk: source.text for source in sources}
    statuses = ["planned", "in_force", "completed", "unknown"]
    for start in range(0, measures_wanted, batch):
        rows = []
        for n in range(start, min(start + batch, measures_wanted)):
            source = sources[n % len(sources)]
            sentences = texts[source.pk].split("。")
            quote = sentences[rng.randrange(sentences_per_source)] + "。"
            year = 2011 + n % 10
            rows.append(
                Measure(
                    slug=f"m-{n:06d}",
                    title=quote[:-1][:60],
                    title_en=f"Measure {n}",
                    summary=quote,
                    source=source,
                    quote=quote,
                    quote_offset=texts[source.pk].index(quote),
                    instrument="programme",
                    status=statuses[n % 4],
                    start_year=year,
                    end_year=year + rng.randrange(6),
                    review_state="published",
                )
            )
        created = Measure.objects.bulk_create(rows)
        Measure.parks.through.objects.bulk_create(
            Measure.parks.through(measure_id=m.pk, park_id=park.pk)
            for m in created
            for park in rng.sample(parks, rng.choice([1, 2, 2, 3]))
        )
        Measure.themes.through.objects.bulk_create(
            Measure.themes.through(measure_id=m.pk, theme_id=theme.pk)
            for m in created
            for theme in rng.sample(themes, rng.choice([1, 2]))
        )
        Measure.organizations.through.objects.bulk_create(
            Measure.organizations.through(measure_id=m.pk, organization_id=org.pk)
            for m in created
            for org in rng.sample(organizations, rng.choice([0, 1, 2]))
        )
        Target.objects.bulk_create(
            Target(
                slug=f"t-{m.slug}",
                indicator=f"指标{m.pk}",
                comparator="about",
                value=rng.randrange(1, 100),
                unit="%",
                target_year=2021 + rng.randrange(15),
                source_id=m.source_id,
                quote=m.quote,
                quote_offset=m.quote_offset,
                measure=m,
                park=rng.choice(parks),
                review_state="published",
            )
            for m in created
            if rng.random() < 0.3
        )
        print(f"  {min(start + batch, measures_wanted)} measures", file=sys.stderr, flush=True)
    fill_policies_and_indicators(rng, measures_wanted, sources)


def fill_policies_and_indicators(rng, measures_wanted, sources):
    from measures.models import (
        Beneficiary,
        Indicator,
        Measure,
        Observation,
        Policy,
        PolicyEvent,
        PolicyMention,
        Target,
    )

    measures = list(Measure.objects.order_by("pk").values_list("pk", "source_id", "quote", "quote_offset"))
    enterprises = Beneficiary.objects.create(slug="enterprises", name="企业", name_en="Enterprises")
    beneficiaries = [
        enterprises,
        Beneficiary.objects.create(slug="start-ups", name="初创企业", name_en="Start-ups", parent=enterprises),
        Beneficiary.objects.create(slug="smes", name="中小企业", name_en="SMEs", parent=enterprises),
        Beneficiary.objects.create(slug="universities", name="高校", name_en="Universities"),
    ]
    Measure.beneficiaries.through.objects.bulk_create(
        (
            Measure.beneficiaries.through(measure_id=pk, beneficiary_id=rng.choice(beneficiaries).pk)
            for pk, *_rest in measures
            if rng.random() < 0.2
        ),
        batch_size=5000,
    )
    policies = Policy.objects.bulk_create(
        Policy(slug=f"policy-{n}", name=f"政策{n}", name_en=f"Policy {n}", kind="programme", review_state="published")
        for n in range(max(1, measures_wanted // 100))
    )
    PolicyMention.objects.bulk_create(
        PolicyMention(policy=policy, measure_id=pk, role="implements", review_state="published")
        for policy in policies
        for pk in {row[0] for row in rng.sample(measures, min(5, len(measures)))}
    )
    PolicyEvent.objects.bulk_create(
        PolicyEvent(
            policy=policy,
            kind=kind,
            date=f"{2012 + index * 4}-01-01",
            date_precision="year",
            source_id=source_id,
            quote=quote,
            quote_offset=offset,
            review_state="published",
        )
        for policy in policies
        for index, (kind, (_pk, source_id, quote, offset)) in enumerate(
            zip(["announced", "launched", "reported"], rng.sample(measures, 3), strict=True)
        )
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(slug=f"indicator-{n}", name=f"指标{n}", name_en=f"Indicator {n}", unit="件")
        for n in range(max(1, measures_wanted // 1000))
    )
    for indicator in indicators:
        Observation.objects.bulk_create(
            Observation(
                slug=f"{indicator.slug}-{year}",
                indicator=indicator,
                value=rng.randrange(100, 1000),
                unit="件",
                year=year,
                period_type="annual",
                source_id=source_id,
                quote=quote,
                quote_offset=offset,
                review_state="published",
            )
            for year, (_pk, source_id, quote, offset) in zip(range(2011, 2021), rng.sample(measures, 10), strict=True)
        )
        Target.objects.bulk_create(
            Target(
                slug=f"{indicator.slug}-target-{year}",
                indicator=indicator.name,
                comparator="at_least",
                value=rng.randrange(1000, 2000),
                unit="件",
                target_year=year,
                source_id=source_id,
                quote=quote,
                quote_offset=offset,
                tracks=indicator,
                review_state="published",
            )
            for year, (_pk, source_id, quote, offset) in zip((2025, 2027, 2030), rng.sample(measures, 3), strict=True)
        )


if __name__ == "__main__":
    django.setup()
    fill(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
