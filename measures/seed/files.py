"""Read and check the seed fixtures in `fixtures/` without touching the database.

The `seed` command loads what this module returns, so every rule a fixture must satisfy lives here
once: a curator editing a fixture runs `python -m measures.seed.files` to see what is wrong, and
`--fix-offsets` to recompute quote offsets after editing a quote.
"""

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
    Instrument,
    MeasureStatus,
    OrganizationKind,
    ParkKind,
    SourceKind,
)
from measures.text.cleaning import Correction, CorrectionError, apply_corrections, find_spam, whitespace_corrections
from measures.text.names import NameIndex

FIXTURES_DIR = Path(__file__).resolve().parents[2] / "fixtures"
MEASURE_TEXT_FIELDS = ("title", "title_en", "summary", "summary_en", "quote", "notes")
TARGET_TEXT_FIELDS = ("indicator", "indicator_en", "quote", "notes")


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

    @property
    def sha256(self):
        return hashlib.sha256(self.raw_bytes).hexdigest()


@dataclass
class Seed:
    """Everything the seed loads, checked and cross-referenced."""

    parks: list
    themes: list
    organizations: list
    sources: list = field(default_factory=list)


def read_json(path):
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"), parse_float=Decimal)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FixtureError(path, "file", f"cannot be read as UTF-8 JSON: {error}") from error


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


def index_park_names(parks):
    """The parks' names and aliases; a name two parks claim is a fixture error."""
    names = NameIndex((park["slug"], [park["name"], *park.get("aliases", [])]) for park in parks)
    for name, slug, other in names.conflicts:
        raise FixtureError("parks.json", f"park {slug}", f"name {name!r} is also {other}'s")
    return names


def read_taxonomies(directory):
    parks = read_json(directory / "parks.json")
    themes = read_json(directory / "themes.json")
    organizations = read_json(directory / "organizations.json")
    for path, records, kind, keys in (
        ("parks.json", parks, "park", ("slug", "name", "name_en", "kind")),
        ("themes.json", themes, "theme", ("slug", "name", "name_en")),
        ("organizations.json", organizations, "organization", ("slug", "name", "name_en", "kind")),
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
    roots = [park["slug"] for park in parks if park.get("parent") is None]
    if len(roots) != 1:
        raise FixtureError("parks.json", "park tree", f"must have one root, has {roots}")
    return Seed(parks=parks, themes=themes, organizations=organizations)


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


def check_target(path, item, text, park_names, measure_slugs):
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
    if item.get("park") is not None:
        slug = park_names.resolve(item["park"])
        if slug is None:
            raise FixtureError(path, record, f"park {item['park']!r} is not a park name, alias or slug")
        item["park"] = slug


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
    corrections, text = read_corrections(path, raw, data)
    measure_slugs = {item.get("slug") for item in data["measures"]}
    for item in data["measures"]:
        check_measure(path, item, text, seed, park_names, measure_slugs)
    for item in data["targets"]:
        check_target(path, item, text, park_names, measure_slugs)
    return SourceFixture(path, source, raw_bytes, text, corrections, data["measures"], data["targets"])


def source_paths(directory):
    return sorted(directory.glob("[0-9][0-9][0-9]_*.json"))  # NNN_*.json; the shared vocabularies sit beside them


def read_seed(directory=FIXTURES_DIR):
    """Read every fixture under `directory`; raise FixtureError at the first broken record."""
    directory = Path(directory)
    seed = read_taxonomies(directory)
    park_names = index_park_names(seed.parks)
    seed.sources = [read_source(path, seed, park_names) for path in source_paths(directory)]
    for kind in ("measures", "targets"):
        slugs = [item["slug"] for source in seed.sources for item in getattr(source, kind)]
        duplicates = sorted({slug for slug in slugs if slugs.count(slug) > 1})
        if duplicates:
            raise FixtureError(directory, kind, f"slugs used twice: {duplicates}")
    return seed


def fix_offsets(path, text):
    """Point every quote's offset at its occurrence in the cleaned text (nearest one if several)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    problems = []
    for item in data["measures"] + data["targets"]:
        quote, offset = item.get("quote") or "", item.get("offset")
        if quote and isinstance(offset, int) and text[offset : offset + len(quote)] == quote:
            continue
        starts = [index for index in range(len(text)) if text.startswith(quote, index)] if quote else []
        if not starts:
            problems.append(f"{item.get('slug')}: quote not found in cleaned text")
            continue
        item["offset"] = min(starts, key=lambda start: abs(start - (offset or 0)))
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
            print(f"{path.name}: {len(source.measures)} measures, {len(source.targets)} targets, ok")
        if not named:
            read_seed(FIXTURES_DIR)  # cross-file rules: slugs unique across sources
    except FixtureError as error:
        print(error)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
