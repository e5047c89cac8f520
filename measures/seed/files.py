"""Read and check the seed fixtures in `fixtures/` without touching the database.

The `seed` command loads what this module returns, so every rule a fixture must satisfy lives here
once: a curator editing a fixture runs `python -m measures.seed.files` to see what is wrong, and
`--fix-offsets` to recompute quote offsets after editing a quote.
"""

import datetime
import hashlib
import json
import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from measures import rules
from measures.choices import (
    Comparator,
    DatePrecision,
    EventKind,
    Instrument,
    MeasureStatus,
    MentionRole,
    ObservationPeriod,
    OrganizationKind,
    ParkKind,
    PolicyKind,
    SourceKind,
    TargetPeriod,
)
from measures.text.cleaning import Correction, CorrectionError, apply_corrections, find_spam, whitespace_corrections
from measures.text.names import NameIndex

FIXTURES_DIR = Path(__file__).resolve().parents[2] / "fixtures"
MEASURE_TEXT_FIELDS = ("title", "title_en", "summary", "summary_en", "quote", "notes")
TARGET_TEXT_FIELDS = ("indicator", "indicator_en", "quote", "notes")
OBSERVATION_KEYS = ("slug", "indicator", "value", "unit", "year", "period_type", "quote", "offset")
POLICY_KEYS = ("slug", "name", "name_en", "kind", "status")
EVENT_KEYS = ("kind", "date", "date_precision", "source", "quote", "offset")


class FixtureError(ValueError):
    """A fixture record breaks a seed rule; the message names the file and the record."""

    def __init__(self, path, record, problem):
        self.path, self.record, self.problem = Path(path).name, record, problem
        super().__init__(f"{self.path}: {record}: {problem}")


@dataclass
class SourceFixture:
    """One source document with its records, as read from `fixtures/NNN_*.json`."""

    path: Path
    source: dict
    raw_bytes: bytes
    text: str
    corrections: list
    measures: list
    targets: list
    observations: list = field(default_factory=list)

    @property
    def sha256(self):
        return hashlib.sha256(self.raw_bytes).hexdigest()


@dataclass
class Seed:
    """Everything the seed loads, checked and cross-referenced."""

    parks: list
    themes: list
    organizations: list
    beneficiaries: list = field(default_factory=list)
    indicators: list = field(default_factory=list)
    policies: list = field(default_factory=list)
    sources: list = field(default_factory=list)


def read_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FixtureError(path, "file", f"cannot be read as UTF-8 JSON: {error}") from error


def read_optional_json(path):
    """A shared file the seed may not have yet (beneficiaries, indicators, policies): missing means an empty list."""
    return read_json(path) if Path(path).exists() else []


def check_date(path, record, value, name, *, allow_null=True):
    """A YYYY-MM-DD date as a `datetime.date`, or None."""
    if value is None and allow_null:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise FixtureError(path, record, f"{name} {value!r} is not a YYYY-MM-DD date") from None


def require(path, record, data, keys):
    missing = [key for key in keys if key not in data]
    if missing:
        raise FixtureError(path, record, f"missing {', '.join(missing)}")


def check_choice(path, record, value, choices, name, *, allow_null=False):
    if value is None and allow_null:
        return
    if value not in choices.values:
        raise FixtureError(path, record, f"{name} {value!r} is not one of {', '.join(choices.values)}")


def check_no_spam(path, record, data, fields):
    for name in fields:
        hits = find_spam(data.get(name) or "")
        if hits:
            raise FixtureError(path, record, f"{name} contains injected text {hits[0][1]!r}")


def check_unique(path, records, key, kind):
    seen = set()
    for record in records:
        if record[key] in seen:
            raise FixtureError(path, f"{kind} {record[key]}", f"duplicate {key}")
        seen.add(record[key])


def check_tree(path, records, kind):
    """Parents must exist and the records must form a forest without cycles."""
    parents = {record["slug"]: record.get("parent") for record in records}
    for slug, parent in parents.items():
        if parent is not None and parent not in parents:
            raise FixtureError(path, f"{kind} {slug}", f"parent {parent!r} is not defined")
        seen = {slug}
        while parent is not None:
            if parent in seen:
                raise FixtureError(path, f"{kind} {slug}", "its parents form a cycle")
            seen.add(parent)
            parent = parents[parent]


def index_names(records):
    """The names and aliases of fixture records (parks, policies), each pointing at its record's slug."""
    return NameIndex(name_records(records))


def name_records(records):
    """(slug, names and aliases) of each fixture record."""
    return [(record["slug"], [record["name"], *record.get("aliases", [])]) for record in records]


def index_park_names(parks):
    """The parks' names and aliases; a name two parks claim is a fixture error."""
    names = index_names(parks)
    for name, slug, other in names.conflicts:
        raise FixtureError("parks.json", f"park {slug}", f"name {name!r} is also {other}'s")
    return names


def read_taxonomies(directory):
    parks = read_json(directory / "parks.json")
    themes = read_json(directory / "themes.json")
    organizations = read_json(directory / "organizations.json")
    beneficiaries = read_optional_json(directory / "beneficiaries.json")
    indicators = read_optional_json(directory / "indicators.json")
    policies = read_optional_json(directory / "policies.json")
    for path, records, kind, keys in (
        ("parks.json", parks, "park", ("slug", "name", "name_en", "kind")),
        ("themes.json", themes, "theme", ("slug", "name", "name_en")),
        ("organizations.json", organizations, "organization", ("slug", "name", "name_en", "kind")),
        ("beneficiaries.json", beneficiaries, "beneficiary", ("slug", "name", "name_en")),
        ("indicators.json", indicators, "indicator", ("slug", "name", "name_en", "unit")),
        ("policies.json", policies, "policy", POLICY_KEYS),
    ):
        for record in records:
            require(path, f"{kind} {record.get('slug')}", record, keys)
        check_unique(path, records, "slug", kind)
    for path, records, kind, choices in (
        ("parks.json", parks, "park", ParkKind),
        ("organizations.json", organizations, "organization", OrganizationKind),
    ):
        for record in records:
            check_choice(path, f"{kind} {record['slug']}", record["kind"], choices, "kind")
            names = {"aliases": " ".join(record.get("aliases", []))}
            check_no_spam(
                path, f"{kind} {record['slug']}", {**record, **names}, ("name", "name_en", "notes", "aliases")
            )
    check_tree("parks.json", parks, "park")
    check_tree("themes.json", themes, "theme")
    check_tree("beneficiaries.json", beneficiaries, "beneficiary")
    roots = [park["slug"] for park in parks if park.get("parent") is None]
    if len(roots) != 1:
        raise FixtureError("parks.json", "park tree", f"must have one root, has {roots}")
    return Seed(
        parks=parks,
        themes=themes,
        organizations=organizations,
        beneficiaries=beneficiaries,
        indicators=indicators,
        policies=policies,
    )


def read_corrections(path, raw, data):
    corrections = whitespace_corrections(raw)
    for index, item in enumerate(data.get("corrections", [])):
        require(path, f"correction {index}", item, ("position", "original", "replacement", "reason"))
        corrections.append(Correction(**item))
    try:
        text = apply_corrections(raw, corrections)
    except CorrectionError as error:
        raise FixtureError(path, "corrections", str(error)) from error
    for position, word in find_spam(raw):
        if not any(c.position <= position < c.end for c in corrections):
            raise FixtureError(
                path, "corrections", f"injected text {word!r} at {position} is neither corrected nor flagged"
            )
    return corrections, text


def check_quote(path, record, item, text):
    quote, offset = item.get("quote") or "", item.get("offset")
    if not quote.strip():
        raise FixtureError(path, record, "quote is empty")
    if not isinstance(offset, int) or text[offset : offset + len(quote)] != quote:
        found = text.find(quote)
        hint = f"it is at {found}" if found != -1 else "it is not in the cleaned text"
        raise FixtureError(path, record, f"quote is not at offset {offset}: {hint}")


def check_rules(path, record, errors):
    """measures.rules' verdict on a fixture record."""
    for name, message in errors.items():
        raise FixtureError(path, record, f"{name}: {message}")


def check_measure(path, item, text, seed, park_names, measure_slugs):
    record = f"measure {item.get('slug')}"
    require(path, record, item, ("slug", "title", "title_en", "summary", "quote", "offset", "instrument", "status"))
    check_quote(path, record, item, text)
    check_no_spam(path, record, item, MEASURE_TEXT_FIELDS)
    check_choice(path, record, item["instrument"], Instrument, "instrument")
    check_choice(path, record, item["status"], MeasureStatus, "status")
    check_rules(path, record, rules.measure_errors(item.get("start_year"), item.get("end_year")))
    if item.get("parent") is not None and item["parent"] not in measure_slugs:
        raise FixtureError(path, record, f"parent {item['parent']!r} is not a measure of this source")
    theme_slugs = {theme["slug"] for theme in seed.themes}
    organization_slugs = {organization["slug"] for organization in seed.organizations}
    for slug in item.get("themes", []):
        if slug not in theme_slugs:
            raise FixtureError(path, record, f"theme {slug!r} is not in themes.json")
    for slug in item.get("organizations", []):
        if slug not in organization_slugs:
            raise FixtureError(path, record, f"organization {slug!r} is not in organizations.json")
    check_beneficiaries(path, record, item, seed)
    if not isinstance(item.get("start_year_stated", True), bool):
        raise FixtureError(path, record, "start_year_stated must be true or false")
    linked = set()
    for name in item.get("parks", []):
        slug = park_names.resolve(name)
        if slug is None:
            raise FixtureError(path, record, f"park {name!r} is not a park name, alias or slug")
        linked.add(slug)
    unlinked = park_names.mentioned_in(item["quote"]) - linked
    if unlinked:
        raise FixtureError(path, record, f"quote names parks it does not link: {sorted(unlinked)}")
    funding = item.get("funding")
    if funding is not None:
        require(path, record, funding, ("amount", "unit"))
    item["parks"] = sorted(linked)


def check_beneficiaries(path, record, item, seed):
    known = {beneficiary["slug"] for beneficiary in seed.beneficiaries}
    for slug in item.get("beneficiaries", []):
        if slug not in known:
            raise FixtureError(path, record, f"beneficiary {slug!r} is not in beneficiaries.json")


def check_indicator(path, record, slug, seed, name="indicator"):
    if slug is not None and slug not in {indicator["slug"] for indicator in seed.indicators}:
        raise FixtureError(path, record, f"{name} {slug!r} is not in indicators.json")


def resolve_park(path, record, item, park_names):
    """A record's `park`, given by name, alias or slug, replaced by the park's slug."""
    if item.get("park") is not None:
        slug = park_names.resolve(item["park"])
        if slug is None:
            raise FixtureError(path, record, f"park {item['park']!r} is not a park name, alias or slug")
        item["park"] = slug


def check_target(path, item, text, seed, park_names, measure_slugs):
    record = f"target {item.get('slug')}"
    require(
        path,
        record,
        item,
        ("slug", "indicator", "indicator_en", "comparator", "value", "unit", "target_year", "quote", "offset"),
    )
    check_quote(path, record, item, text)
    check_no_spam(path, record, item, TARGET_TEXT_FIELDS)
    value, value_max = item["value"], item.get("value_max")
    if item["comparator"]:
        check_choice(path, record, item["comparator"], Comparator, "comparator")
    check_rules(
        path,
        record,
        rules.target_errors(item["comparator"], value, value_max, item["target_year"], item.get("baseline_year")),
    )
    if value is None and not item.get("notes"):
        raise FixtureError(path, record, "a qualitative target (no value) needs notes saying so")
    if (not item["unit"] or item["target_year"] is None) and not item.get("notes"):
        raise FixtureError(path, record, "a target without unit or year needs notes saying why")
    if item.get("measure") is not None and item["measure"] not in measure_slugs:
        raise FixtureError(path, record, f"measure {item['measure']!r} is not a measure of this source")
    check_choice(path, record, item.get("period_type", TargetPeriod.END_VALUE), TargetPeriod, "period_type")
    check_rules(path, record, rules.range_errors(item.get("start_year"), item["target_year"]))
    check_indicator(path, record, item.get("tracks"), seed, "tracks")
    resolve_park(path, record, item, park_names)


def check_observation(path, item, text, seed, park_names):
    record = f"observation {item.get('slug')}"
    require(path, record, item, OBSERVATION_KEYS)
    check_quote(path, record, item, text)
    check_no_spam(path, record, item, ("quote", "notes"))
    check_indicator(path, record, item["indicator"], seed)
    check_choice(path, record, item["period_type"], ObservationPeriod, "period_type")
    if not isinstance(item["value"], (int, Decimal)):
        raise FixtureError(path, record, f"value {item['value']!r} is not a number")
    check_rules(
        path, record, rules.observation_errors(item["year"], item.get("year_end"), item["value"], item.get("value_max"))
    )
    resolve_park(path, record, item, park_names)


def read_source(path, seed, park_names):
    data = read_json(path)
    require(path, "file", data, ("source", "measures", "targets"))
    source = data["source"]
    record = f"source {source.get('slug')}"
    require(path, record, source, ("slug", "file", "title", "kind", "date_precision", "language"))
    check_choice(path, record, source["kind"], SourceKind, "kind")
    check_choice(path, record, source["date_precision"], DatePrecision, "date_precision")
    check_no_spam(path, record, source, ("title", "title_en", "publisher", "author", "notes"))
    raw_path = path.parent / source["file"]
    try:
        raw_bytes = raw_path.read_bytes()
        raw = raw_bytes.decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FixtureError(path, record, f"raw file {source['file']} cannot be read: {error}") from error
    organization_slugs = {organization["slug"] for organization in seed.organizations}
    for slug in source.get("organizations", []):
        if slug not in organization_slugs:
            raise FixtureError(path, record, f"organization {slug!r} is not in organizations.json")
    bounds = [
        check_date(path, record, source.get(name), name) for name in ("published_not_before", "published_not_after")
    ]
    if None not in bounds and bounds[1] < bounds[0]:
        raise FixtureError(path, record, "published_not_after is before published_not_before")
    corrections, text = read_corrections(path, raw, data)
    measure_slugs = {item.get("slug") for item in data["measures"]}
    for item in data["measures"]:
        check_measure(path, item, text, seed, park_names, measure_slugs)
    for item in data["targets"]:
        check_target(path, item, text, seed, park_names, measure_slugs)
    observations = data.get("observations", [])
    for item in observations:
        check_observation(path, item, text, seed, park_names)
    return SourceFixture(path, source, raw_bytes, text, corrections, data["measures"], data["targets"], observations)


def publication_order(fixture):
    """Sources load oldest first (by date, or the earliest date a bounded one may have; undated last, then by file),
    so a target can supersede one set by an earlier document, whatever the files' numbers."""
    source = fixture.source
    return (source.get("published_on") or source.get("published_not_before") or "9999", fixture.path.name)


def check_superseded_targets(directory, sources):
    """A target supersedes one of its own source or of an earlier one (in publication order), never itself."""
    earlier = set()
    for fixture in sources:
        here = {item["slug"] for item in fixture.targets}
        for item in fixture.targets:
            superseded = item.get("supersedes")
            if superseded is None:
                continue
            if superseded == item["slug"] or superseded not in earlier | here:
                raise FixtureError(
                    fixture.path,
                    f"target {item['slug']}",
                    f"supersedes {superseded!r}, which is not another target of this or an earlier-published source",
                )
        earlier |= here


def check_policy(item, seed, park_names, measure_slugs, texts):
    """A policy's links, each mention's measure and role, each event's kind, date and quote in its source."""
    path, record = "policies.json", f"policy {item['slug']}"
    check_choice(path, record, item["kind"], PolicyKind, "kind")
    check_choice(path, record, item["status"], MeasureStatus, "status")
    check_date(path, record, item.get("status_evidenced_on"), "status_evidenced_on")
    check_no_spam(path, record, {**item, "aliases": " ".join(item.get("aliases", []))}, ("name", "name_en", "aliases"))
    parks = []
    for name in item.get("parks", []):
        slug = park_names.resolve(name)
        if slug is None:
            raise FixtureError(path, record, f"park {name!r} is not a park name, alias or slug")
        parks.append(slug)
    item["parks"] = sorted(set(parks))
    theme_slugs = {theme["slug"] for theme in seed.themes}
    for slug in item.get("themes", []):
        if slug not in theme_slugs:
            raise FixtureError(path, record, f"theme {slug!r} is not in themes.json")
    check_beneficiaries(path, record, item, seed)
    mentioned = set()
    for mention in item.get("mentions", []):
        require(path, f"{record} mention", mention, ("measure", "role"))
        if mention["measure"] not in measure_slugs:
            raise FixtureError(path, record, f"mention of {mention['measure']!r}, which is no measure of the seed")
        if mention["measure"] in mentioned:
            raise FixtureError(path, record, f"measure {mention['measure']!r} is mentioned twice")
        mentioned.add(mention["measure"])
        check_choice(path, f"{record} mention {mention['measure']}", mention["role"], MentionRole, "role")
    events = set()
    for index, event in enumerate(item.get("events", [])):
        where = f"{record} event {index}"
        require(path, where, event, EVENT_KEYS)
        check_choice(path, where, event["kind"], EventKind, "kind")
        check_choice(path, where, event["date_precision"], DatePrecision, "date_precision")
        check_date(path, where, event["date"], "date", allow_null=False)
        if event["source"] not in texts:
            raise FixtureError(path, where, f"source {event['source']!r} is not a source of the seed")
        check_quote(path, where, event, texts[event["source"]])
        key = (event["kind"], event["date"], event["source"])
        if key in events:
            raise FixtureError(path, where, "another event has the same kind, date and source")
        events.add(key)


def source_paths(directory):
    return sorted(directory.glob("[0-9][0-9][0-9]_*.json"))  # NNN_*.json; the shared vocabularies sit beside them


def read_seed(directory=FIXTURES_DIR):
    """Read every fixture under `directory`; raise FixtureError at the first broken record."""
    directory = Path(directory)
    seed = read_taxonomies(directory)
    park_names = index_park_names(seed.parks)
    seed.sources = sorted(
        (read_source(path, seed, park_names) for path in source_paths(directory)), key=publication_order
    )
    for kind in ("measures", "targets", "observations"):
        slugs = [item["slug"] for source in seed.sources for item in getattr(source, kind)]
        duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
        if duplicates:
            raise FixtureError(directory, kind, f"slugs used twice: {duplicates}")
    check_superseded_targets(directory, seed.sources)
    measure_slugs = {item["slug"] for source in seed.sources for item in source.measures}
    texts = {source.source["slug"]: source.text for source in seed.sources}
    for item in seed.policies:
        check_policy(item, seed, park_names, measure_slugs, texts)
    return seed


def fix_offset(item, text):
    """Point a record's quote offset at the quote's occurrence in `text` (the nearest one if several); False if
    the text does not contain it."""
    quote, offset = item.get("quote") or "", item.get("offset")
    if quote and isinstance(offset, int) and text[offset : offset + len(quote)] == quote:
        return True
    starts = [index for index in range(len(text)) if text.startswith(quote, index)] if quote else []
    if not starts:
        return False
    item["offset"] = min(starts, key=lambda start: abs(start - (offset or 0)))
    return True


def fix_offsets(path, text):
    """Fix every quote's offset in a source file: its measures', targets' and observations'."""
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = [
        f"{item.get('slug')}: quote not found in cleaned text"
        for item in data["measures"] + data["targets"] + data.get("observations", [])
        if not fix_offset(item, text)
    ]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return problems


def fix_event_offsets(path, texts):
    """Fix the quote offsets of the policies' events, each in the text of the source it names."""
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = [
        f"{policy.get('slug')} event {index}: quote not found in {event.get('source')}'s cleaned text"
        for policy in data
        for index, event in enumerate(policy.get("events", []))
        if not fix_offset(event, texts.get(event.get("source"), ""))
    ]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return problems


def main(argv):
    """Check the fixtures (only the named source files, if any); optionally fix quote offsets first."""
    named = [Path(arg).resolve() for arg in argv if not arg.startswith("--")]
    paths = named or source_paths(FIXTURES_DIR)
    try:
        seed = read_taxonomies(FIXTURES_DIR)
        park_names = index_park_names(seed.parks)
        for path in paths:
            if "--fix-offsets" in argv:
                data = read_json(path)
                raw = (path.parent / data["source"]["file"]).read_text(encoding="utf-8")
                _, text = read_corrections(path, raw, data)
                for problem in fix_offsets(path, text):
                    print(f"{path.name}: {problem}")
            source = read_source(path, seed, park_names)
            counts = f"{len(source.measures)} measures, {len(source.targets)} targets"
            print(f"{path.name}: {counts}, {len(source.observations)} observations, ok")
        policies = FIXTURES_DIR / "policies.json"
        if not named and "--fix-offsets" in argv and policies.exists():
            texts = {
                source.source["slug"]: source.text
                for source in (read_source(path, seed, park_names) for path in source_paths(FIXTURES_DIR))
            }
            for problem in fix_event_offsets(policies, texts):
                print(f"policies.json: {problem}")
        if not named:
            seed = read_seed(FIXTURES_DIR)  # cross-file rules: slugs unique across sources, policies' links
            print(f"policies.json: {len(seed.policies)} policies, ok")
    except FixtureError as error:
        print(error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
