"""measures.rules: the year and target-value rules the model, the API and the seed checker share (no Django)."""

from decimal import Decimal
from pathlib import Path

import pytest

from measures import rules


@pytest.mark.parametrize(
    ("target", "field"),
    [
        (("about", Decimal(12), None, 2025, None), None),
        (("", None, None, 2035, None), None),  # a qualitative goal
        (("about", None, None, 2025, None), "comparator"),
        (("", Decimal(1), None, 2025, None), "comparator"),
        (("range", Decimal(3), Decimal(2), 2025, None), "value_max"),
        (("range", Decimal(3), None, 2025, None), "value_max"),
        (("about", Decimal(3), Decimal(5), 2025, None), "value_max"),
        (("at_least", Decimal(3), None, 2200, None), "target_year"),
        (("at_least", Decimal(3), None, 2020, 2024), "target_year"),
        (("at_least", Decimal(3), None, 2025, 1901), "baseline_year"),
    ],
)
def test_target_rules_name_the_field(target, field):
    errors = rules.target_errors(*target)
    assert list(errors) == ([field] if field else [])


def test_measure_years():
    assert rules.measure_errors(2021, 2025) == {}
    assert list(rules.measure_errors(2025, 2021)) == ["end_year"]
    assert list(rules.measure_errors(1900, None)) == ["start_year"]


def test_the_rules_module_imports_no_django():
    assert "django" not in Path(rules.__file__).read_text(encoding="utf-8")
