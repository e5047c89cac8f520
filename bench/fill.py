"""Fill a database with synthetic registry data at scale, for the benchmark (not for real use).

Proportions follow the curated seed: per 100 measures about 30 targets, 1.8 park links, 1.5 themes,
1 organization; 1 source per 100 measures, 500 parks, 60 themes, 800 organizations.
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


if __name__ == "__main__":
    django.setup()
    fill(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
