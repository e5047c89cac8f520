"""The registry's rules for years and target values, in plain Python.

Model validation, the API's write serializers and the seed's fixture checker all call these, so a rule is written
once (the database's named constraints stay as the safety net). Each function returns the problems it finds as
{field: message}; an empty dict means none.
"""

FIRST_YEAR, LAST_YEAR = 1949, 2100
RANGE = "range"  # measures.choices.Comparator.RANGE, the one comparator with an upper value


def year_errors(**years):
    return {
        name: f"Year {year} is outside {FIRST_YEAR}–{LAST_YEAR}."
        for name, year in years.items()
        if year is not None and not FIRST_YEAR <= year <= LAST_YEAR
    }


def order_errors(earlier_name, earlier, later_name, later):
    if earlier is not None and later is not None and later < earlier:
        return {later_name: f"Must not be before {earlier_name} ({earlier})."}
    return {}


def measure_errors(start_year, end_year):
    """A measure's years: each in range, and the end not before the start."""
    return year_errors(start_year=start_year, end_year=end_year) or order_errors(
        "start_year", start_year, "end_year", end_year
    )


def target_errors(comparator, value, value_max, target_year, baseline_year):
    """A target's value and years: a comparator exactly when there is a value (a qualitative goal has neither),
    an upper value exactly for a range and not below the value, a baseline year not after the target year."""
    if (value is None) != (not comparator):
        return {"comparator": "Blank exactly when value is blank (a qualitative goal)."}
    if value_max is not None and (value is None or value_max < value):
        return {"value_max": "Must be at least value."}
    if (comparator == RANGE) != (value_max is not None):
        return {"value_max": "Required with comparator 'range', and only with it."}
    return year_errors(target_year=target_year, baseline_year=baseline_year) or order_errors(
        "baseline_year", baseline_year, "target_year", target_year
    )


def range_errors(start_year, target_year):
    """A target's year range: its first year in range and not after the target year."""
    return year_errors(start_year=start_year) or order_errors("start_year", start_year, "target_year", target_year)


def observation_errors(year, year_end, value, value_max):
    """An observation's period and value: years in range, the period's end not before its start, an upper value
    not below the value."""
    if value_max is not None and (value is None or value_max < value):
        return {"value_max": "Must be at least value."}
    return year_errors(year=year, year_end=year_end) or order_errors("year", year, "year_end", year_end)
