"""Schemathesis hooks for .ci/fuzz: they drop one known false positive and nothing else.

A query parameter that is an array of plain strings (the API's slug filters, e.g. `indicator`) cannot be sent
invalid: every value reaches the server as text, and any text is a string. Schemathesis still "mutates" such a
value to a number and reports ST201 when the server rightly answers 200 because a record with the slug `0`
exists (schemathesis issue #3962). Likewise a list holding one empty text (`[""]`, outside a choice filter's enum)
reaches the server as `?kind=`, the empty value the schema allows (allowEmptyValue): no filter. Such a report is
dropped only when every mutation in the case was of these kinds.
"""

import schemathesis
from schemathesis.core.failures import AcceptedNegativeData
from schemathesis.core.parameters import ParameterLocation

EMPTY_VALUE = {"enum": [""]}  # the branch schemathesis adds for a parameter with allowEmptyValue


def is_array_of_any_string(schema):
    items = schema.get("items", {})
    return schema.get("type") == "array" and items.get("type") == "string" and items.keys() <= {"type", "title"}


def takes_any_text(parameter):
    """Whether every text sent for this parameter is valid: an array of unconstrained strings (or, with
    allowEmptyValue, `anyOf` that array and the empty value)."""
    schema = parameter.validation_schema
    return any(is_array_of_any_string(branch) for branch in schema.get("anyOf", [schema]))


def sent_as_the_empty_value(case, parameter):
    """Whether the value sent is empty on the wire (`?kind=`) and the parameter admits the empty value."""
    return case.query.get(parameter.name) in ("", [""]) and EMPTY_VALUE in parameter.validation_schema.get("anyOf", [])


def mutation_vanishes_on_the_wire(case, mutation):
    if mutation.parameter_location != ParameterLocation.QUERY:
        return False
    parameter = case.operation.query.get(mutation.parameter)
    return parameter is not None and (takes_any_text(parameter) or sent_as_the_empty_value(case, parameter))


@schemathesis.hook
def filter_failure(ctx, failure, case, response):
    if not isinstance(failure, AcceptedNegativeData):
        return True
    mutations = getattr(case.meta.phase.data, "mutations", ())
    return not mutations or not all(mutation_vanishes_on_the_wire(case, mutation) for mutation in mutations)
