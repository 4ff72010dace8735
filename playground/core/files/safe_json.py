"""JSON from files someone else wrote, parsed within limits no file this app writes comes near, and
`Shown`, which puts any value from such a file into a one-line message safely.

`json.loads` recurses once per nesting level (a spec nested 100,000 deep is a RecursionError),
refuses integers of more than 4,300 digits with a bare ValueError, and builds whatever the text
describes. `loads_limited` scans the text first — outside strings, without recursion, at the regex
engine's speed — and refuses deep nesting, absurd numbers of lists and objects and over-long whole
numbers before `json.loads` sees it. Every refusal is a `JsonLimitError`; callers add the file's name.
"""

from __future__ import annotations

import json
import math
import re
import reprlib
from typing import Any

from playground.core.i18n import tr

# The formats nest at most about 7 levels (a project's runs: {"runs": [{"spec": {"layers": [{…}]}}]};
# a drawing: {"drawings": [{"image": [[…]]}]}), so 32 leaves room for later features.
MAX_JSON_DEPTH = 32
# Lists and objects in one text: a drawing holds 29, an epoch row one; a million is ~34,000 drawings
# and keeps a hostile "[[],[],…]" to about 64 MB of Python objects.
MAX_JSON_CONTAINERS = 1_000_000
# Whole numbers the formats hold (seeds < 2**32, steps, counts) have at most 20 digits; Python refuses
# to convert more than 4,300 and each one costs time quadratic in its length.
MAX_INT_DIGITS = 40

# A string token (an unterminated one runs to the end, so no position is scanned twice), a bracket, or a
# whole number longer than MAX_INT_DIGITS (not the digits of a fraction or an exponent).
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*(?:"|\\?\Z)|[\[\]{}]|(?<![\d.eE+-])-?\d{' + str(MAX_INT_DIGITS + 1) + ',}',
                     re.DOTALL)


class JsonLimitError(json.JSONDecodeError):
    """The text is nested too deeply, holds too many lists and objects, or a number too long to be one the
    app wrote. A JSONDecodeError (and so a ValueError), so handlers of damaged JSON also catch it."""


def loads_limited(text: str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """`json.loads(text)` for untrusted text. Raises JsonLimitError (see above) or json.JSONDecodeError
    (not JSON); never RecursionError or the bare ValueError of an over-long integer."""
    depth = containers = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            containers += 1
            if depth > max_depth:
                problem = tr("lists and objects nested more than {limit} levels deep").format(limit=max_depth)
                raise JsonLimitError(problem, text, match.start())
            if containers > MAX_JSON_CONTAINERS:
                problem = tr("more than {limit:,} lists and objects").format(limit=MAX_JSON_CONTAINERS)
                raise JsonLimitError(problem, text, match.start())
        elif token in "]}":
            depth = max(depth - 1, 0)  # an unbalanced bracket is json.loads' to report
        elif token[0] != '"':
            raise JsonLimitError(tr("a whole number of {digits:,} digits (at most {limit} are allowed)").format(
                digits=len(token.lstrip("-")), limit=MAX_INT_DIGITS), text, match.start())
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except (RecursionError, ValueError) as exc:  # not reached after the scan; no caller ever sees these
        raise JsonLimitError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__, text, 0) from None


class Shown:
    """A value from a file as a message shows it: `{value}` and `{value!r}` format like str() and repr(), but
    short, on one line, and never failing (repr() of a 5,000-digit number raises; text may be megabytes)."""

    def __init__(self, value: Any):
        self.value = value

    def __str__(self) -> str:
        if isinstance(self.value, str):
            text = " ".join(self.value.split())
            return text if len(text) <= 40 else text[:40] + "…"
        return repr(self)

    def __repr__(self) -> str:
        value = self.value
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 128:
            return tr("a number of about {digits:,} digits").format(digits=int(value.bit_length() * math.log10(2)) + 1)
        if not isinstance(value, (str, int, float, list, tuple, dict)) and value is not None:
            return type(value).__name__  # a tensor's repr spans lines and may be long
        try:
            return " ".join(reprlib.repr(value).split())
        except ValueError:  # a long number inside a list
            return type(value).__name__
