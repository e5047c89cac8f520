"""The CI fuzzer's hook drops only the false positive it names: a "schema-violating" value for a slug filter,
which reaches the server as a valid text (`?indicator=0`), and no report about any other parameter."""

import importlib.util
from pathlib import Path

import pytest
import schemathesis
from schemathesis.core.failures import AcceptedNegativeData
from schemathesis.core.mutations import Mutation, MutationChannel, OperatorKind
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation import GenerationMode
from schemathesis.generation.meta import (
    CaseMetadata,
    ComponentInfo,
    GenerationInfo,
    PhaseInfo,
    TestPhase,
    build_phase_data,
)

HOOKS = Path(__file__).resolve().parents[2] / ".ci" / "fuzz_hooks.py"


@pytest.fixture(scope="module")
def hooks():
    spec = importlib.util.spec_from_file_location("fuzz_hooks", HOOKS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    yield module
    schemathesis.hooks.unregister(module.filter_failure)


def negative_case(openapi_schema, parameter, value):
    """The case schemathesis built in the CI run that reported it: one query parameter, negated."""
    operation = schemathesis.openapi.from_dict(openapi_schema)["/api/v1/observations/"]["GET"]
    mutation = Mutation(
        path=(),
        parameter_location=ParameterLocation.QUERY,
        schema_pointer=f"/properties/{parameter}",
        channel=MutationChannel.SCHEMA,
        operator=OperatorKind.NEGATE_CONSTRAINTS,
        keywords=("anyOf",),
        parameter=parameter,
        original_value=None,
        new_value=value,
    )
    negative = GenerationMode.NEGATIVE
    meta = CaseMetadata(
        generation=GenerationInfo(time=0, mode=negative),
        components={ParameterLocation.QUERY: ComponentInfo(mode=negative)},
        phase=PhaseInfo(name=TestPhase.FUZZING, data=build_phase_data(TestPhase.FUZZING, "", mutations=(mutation,))),
    )
    return operation.Case(query={parameter: value}, _meta=meta)


def accepted(case):
    return AcceptedNegativeData(operation=case.operation.label, message="", status_code=200, expected_statuses=[])


def test_a_number_for_a_slug_filter_is_a_text_on_the_wire(hooks, openapi_schema):
    case = negative_case(openapi_schema, "indicator", 0)
    assert hooks.filter_failure(None, accepted(case), case, None) is False


def test_an_empty_text_for_a_choice_filter_is_the_empty_value_on_the_wire(hooks, openapi_schema):
    # `[""]` is outside the enum, but arrives as `?period_type=`, which allowEmptyValue admits: no filter.
    case = negative_case(openapi_schema, "period_type", [""])
    assert hooks.filter_failure(None, accepted(case), case, None) is False


@pytest.mark.parametrize(("parameter", "value"), [("year_min", "abc"), ("period_type", "hourly"), ("page_size", 0)])
def test_a_report_about_any_other_parameter_is_kept(hooks, openapi_schema, parameter, value):
    case = negative_case(openapi_schema, parameter, value)
    assert case.operation.query.get(parameter) is not None
    assert hooks.filter_failure(None, accepted(case), case, None) is True
