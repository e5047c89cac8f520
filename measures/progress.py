"""An indicator's progress: its observations and the targets set on it, as a table in time order for its admin page,
and a small SVG chart drawn on the server for the admin and the public site alike (the admin may have no internet, so
no chart library is fetched, and the site's chart reads without JavaScript)."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

WIDTH, HEIGHT, MARGIN = 480, 200, 36


def progress_rows(indicator):
    """(year, is a target, value as text, source slug, record) for every observation and target, oldest first; a
    target without a year last."""
    rows = [
        (observation.year, False, observed_value(observation), observation.source.slug, observation)
        for observation in indicator.observations.select_related("source").only(
            "year", "year_end", "value", "value_max", "unit", "period_type", "review_state", "source__slug"
        )
    ]
    rows += [
        (target.target_year, True, target_value(target), target.source.slug, target)
        for target in indicator.targets.select_related("source", "supersedes").only(
            "slug",
            "target_year",
            "start_year",
            "comparator",
            "value",
            "value_max",
            "unit",
            "period_type",
            "review_state",
            "source__slug",
            "supersedes__slug",
        )
    ]
    return sorted(rows, key=lambda row: (row[0] is None, row[0] or 0, row[1], row[3]))


def observed_value(observation):
    years = f"{observation.year}–{observation.year_end}" if observation.year_end else f"{observation.year}"
    upper = f"–{observation.value_max.normalize():f}" if observation.value_max is not None else ""
    period = observation.get_period_type_display()
    return f"{observation.value.normalize():f}{upper} {observation.unit} ({years}, {period})"


def target_value(target):
    if target.value is None:
        return _("qualitative")
    upper = f"–{target.value_max.normalize():f}" if target.value_max is not None else ""
    text = f"{target.get_comparator_display()} {target.value.normalize():f}{upper} {target.unit}"
    if target.period_type == "annual_rate":
        text += f" ({target.get_period_type_display()})"
    if target.supersedes_id:
        text += " " + _("(supersedes %(slug)s)") % {"slug": target.supersedes.slug}
    return text


def progress_table(indicator):
    rows = format_html_join(
        "",
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        (
            (
                year or "—",
                _("target") if is_target else _("observation"),
                value,
                source,
                record.get_review_state_display(),
            )
            for year, is_target, value, source, record in progress_rows(indicator)
        ),
    )
    if not rows:
        return _("No observations or targets yet.")
    headers = [_("year"), _("kind"), _("value"), _("source"), _("review state")]
    return format_html(
        "<table><thead><tr>{}</tr></thead><tbody>{}</tbody></table>",
        format_html_join("", "<th>{}</th>", ((header,) for header in headers)),
        rows,
    )


@dataclass(frozen=True)
class Point:
    """One dated value on a chart: an observation, or a target (superseded once a later target replaces it)."""

    year: int
    value: float
    target: bool = False
    superseded: bool = False


def progress_chart(indicator):
    """The admin's chart: every observation and target of the indicator, whatever its review state."""
    points = [
        Point(year, float(record.value), is_target, is_target and record.superseded_by.exists())
        for year, is_target, _value, _source, record in progress_rows(indicator)
        if year is not None and record.value is not None
    ]
    return chart(points, indicator.unit, indicator.name, "progress-chart")


def chart(points, unit, name, chart_id):
    """Observations as a line of dots, targets as squares (grey and dashed once superseded), on one axis of years and
    one of values; None when there is no point. One drawing for the admin and the public site: a server-rendered
    SVG that reads without JavaScript, named by its `<title>` and summed up by its `<desc>` for screen readers,
    each point with its own `<title>`. `chart_id` makes the ids unique on the page."""
    if not points:
        return None
    points = sorted(points, key=lambda point: (point.year, point.target))
    years = [point.year for point in points]
    values = [point.value for point in points]
    first, last = min(years), max(years)
    low, high = min(0.0, min(values)), max(values) or 1.0

    def x(year):
        return MARGIN + (year - first) * (WIDTH - 2 * MARGIN) / max(last - first, 1)

    def y(value):
        return HEIGHT - MARGIN - (value - low) * (HEIGHT - 2 * MARGIN) / max(high - low, 1e-9)

    def label(point):
        kind = _("superseded target") if point.superseded else _("target") if point.target else _("observation")
        return f"{point.year}: {point.value:g} {unit} ({kind})"

    observed = [point for point in points if not point.target]
    targets = [point for point in points if point.target]
    line = " ".join(f"{x(point.year):.1f},{y(point.value):.1f}" for point in observed)
    marks = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3" fill="#417690"><title>{}</title></circle>',
        ((f"{x(point.year):.1f}", f"{y(point.value):.1f}", label(point)) for point in observed),
    )
    marks += format_html_join(
        "",
        '<rect x="{}" y="{}" width="8" height="8" fill="none" stroke="{}" stroke-width="2" stroke-dasharray="{}">'
        "<title>{}</title></rect>",
        (
            (
                f"{x(point.year) - 4:.1f}",
                f"{y(point.value) - 4:.1f}",
                "#999" if point.superseded else "#ba2121",
                "2 2" if point.superseded else "none",
                label(point),
            )
            for point in targets
        ),
    )
    description = _(
        "%(observations)s observations (dots) and %(targets)s targets (squares, grey when superseded) from "
        "%(first)s to %(last)s; values from %(low)s to %(high)s %(unit)s."
    ) % {
        "observations": len(observed),
        "targets": len(targets),
        "first": first,
        "last": last,
        "low": f"{low:g}",
        "high": f"{high:g}",
        "unit": unit,
    }
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" role="img" '
        'aria-labelledby="{}-title {}-desc" class="progress-chart">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#767676"/>'
        '<polyline points="{}" fill="none" stroke="#417690"/>{}'
        '<text x="{}" y="{}" font-size="11">{}</text><text x="{}" y="{}" font-size="11" text-anchor="end">{}</text>'
        '<text x="2" y="{}" font-size="11">{}</text></svg>',
        WIDTH,
        HEIGHT,
        WIDTH,
        HEIGHT,
        chart_id,
        chart_id,
        chart_id,
        _("%(name)s: observations and targets by year") % {"name": name},
        chart_id,
        description,
        MARGIN,
        HEIGHT - MARGIN,
        WIDTH - MARGIN,
        HEIGHT - MARGIN,
        line,
        marks,
        MARGIN,
        HEIGHT - MARGIN / 3,
        first,
        WIDTH - MARGIN,
        HEIGHT - MARGIN / 3,
        last,
        MARGIN / 2,
        f"{high:g} {unit}",
    )
