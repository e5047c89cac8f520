"""Request bodies: JSON, refused when nested deeper than API_MAX_JSON_DEPTH.

Python's json module recurses once per level, so a body of 50,000 brackets ends in a RecursionError (a 500).
The depth is counted on the text first, without recursion, and a body too deep is a 400 before it is parsed.
"""

import io
import re

from django.conf import settings
from rest_framework import parsers
from rest_framework.exceptions import ParseError

STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKET = re.compile(r"[\[\]{}]")


def nesting_depth(text):
    """How deep arrays and objects nest in a JSON text, brackets inside strings not counted."""
    depth = deepest = 0
    for bracket in BRACKET.findall(STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    return deepest


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, after a check that the body is no deeper than the limit."""

    def parse(self, stream, media_type=None, parser_context=None):
        body = stream.read()
        encoding = (parser_context or {}).get("encoding", settings.DEFAULT_CHARSET)
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise ParseError(f"The JSON body cannot be decoded as {encoding}.") from error
        limit = settings.API_MAX_JSON_DEPTH
        if nesting_depth(text) > limit:
            raise ParseError(f"The JSON body is nested more than {limit} levels deep.")
        return super().parse(io.BytesIO(body), media_type, parser_context)
