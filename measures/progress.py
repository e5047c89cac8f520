"""An indicator's progress for its admin page: its observations and the targets set on it, as a table in time order
and a small SVG chart drawn on the server (the admin may have no internet, so no chart library is fetched)."""

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


def progress_chart(indicator):
    """Observations as a line of dots, targets as squares (grey once superseded), on one axis of years and one of
    values; None when no dated value is known."""
    points = [
        (year, float(record.value), is_target, is_target and record.superseded_by.exists())
        for year, is_target, _value, _source, record in progress_rows(indicator)
        if year is not None and record.value is not None
    ]
    if not points:
        return None
    years = [point[0] for point in points]
    values = [point[1] for point in points]
    first, last = min(years), max(years)
    low, high = min(0.0, min(values)), max(values) or 1.0

    def x(year):
        return MARGIN + (year - first) * (WIDTH - 2 * MARGIN) / max(last - first, 1)

    def y(value):
        return HEIGHT - MARGIN - (value - low) * (HEIGHT - 2 * MARGIN) / max(high - low, 1e-9)

    observed = " ".join(
        f"{x(year):.1f},{y(value):.1f}" for year, value, is_target, _superseded in points if not is_target
    )
    marks = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="3" fill="#417690"><title>{} {}</title></circle>',
        (
            (f"{x(year):.1f}", f"{y(value):.1f}", year, f"{value:g}")
            for year, value, is_target, _superseded in points
            if not is_target
        ),
    )
    marks += format_html_join(
        "",
        '<rect x="{}" y="{}" width="8" height="8" fill="none" stroke="{}" stroke-width="2"><title>{} {}</title></rect>',
        (
            (f"{x(year) - 4:.1f}", f"{y(value) - 4:.1f}", "#999" if superseded else "#ba2121", year, f"{value:g}")
            for year, value, is_target, superseded in points
            if is_target
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" role="img" aria-label="{}">'
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#ccc"/>'
        '<polyline points="{}" fill="none" stroke="#417690"/>{}'
        '<text x="{}" y="{}" font-size="11">{}</text><text x="{}" y="{}" font-size="11" text-anchor="end">{}</text>'
        '<text x="2" y="{}" font-size="11">{}</text></svg>',
        WIDTH,
        HEIGHT,
        _("Observations (dots) and targets (squares) by year"),
        MARGIN,
        HEIGHT - MARGIN,
        WIDTH - MARGIN,
        HEIGHT - MARGIN,
        observed,
        marks,
        MARGIN,
        HEIGHT - MARGIN / 3,
        first,
        WIDTH - MARGIN,
        HEIGHT - MARGIN / 3,
        last,
        MARGIN / 2,
        f"{high:g} {indicator.unit}",
    )
