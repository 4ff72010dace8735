"""Translatable text without Qt: `tr("Train")` everywhere a user reads a string.

The core stays free of Qt, so `tr` calls whatever translator the app installed with
`set_translator` (the GUI installs `QCoreApplication.translate` with `CONTEXT`; the CLI installs
nothing and speaks English). `N_("...")` only marks a literal for the catalogue, for texts defined
at import time (before any translator exists): translate them with `tr(value)` where they are shown.

Conventions (docs/TRANSLATING.md): one context for the whole app; texts with values use named
placeholders, `tr("Epoch {epoch} of {epochs}").format(epoch=3, epochs=5)`, never f-strings, so the
translation may move the values; counts take their plural form with `trn` (Qt's `%n`);
`python -m playground.i18n_tool update` collects every literal passed to `tr`/`trn`/`N_` into
`resources/i18n/nn_playground_zh_CN.ts`.
"""

from __future__ import annotations

from collections.abc import Callable

CONTEXT = "nn_playground"

_translate: Callable[[str], str] | None = None
_translate_count: Callable[[str, int], str] | None = None


def set_translator(translate: Callable[[str], str] | None,
                   translate_count: Callable[[str, int], str] | None = None) -> None:
    """Route every `tr` through `translate`, and every `trn` through `translate_count(text, n)`
    (None: English, the source texts)."""
    global _translate, _translate_count
    _translate, _translate_count = translate, translate_count


def tr(text: str) -> str:
    """`text` in the chosen language; the text itself when there is no translation."""
    if _translate is None or not text:
        return text
    return _translate(text) or text


def trn(singular: str, plural: str, n: int) -> str:
    """A text with a count, in the plural form `n` needs, with Qt's `%n` replaced by `n`.

    `trn("Finished: %n epoch", "Finished: %n epochs", n)`: English picks one of the two; a
    translation is looked up by the plural text as a Qt numerus message (its forms follow the
    language's plural rules; Chinese has one). Other values still go in with `.format`.
    """
    english = (singular if n == 1 else plural).replace("%n", str(n))
    if _translate_count is None:
        return english
    translated = _translate_count(plural, n)
    # Qt answers an unknown numerus text with the source itself (with %n filled in): English then.
    if not translated or translated == plural.replace("%n", str(n)):
        return english
    return translated


def N_(text: str) -> str:  # the gettext name translators know
    """Mark `text` for translation without translating it now."""
    return text
