"""Translatable text without Qt: `tr("Train")` everywhere a user reads a string.

The core stays free of Qt, so `tr` calls whatever translator the app installed with
`set_translator` (the GUI installs `QCoreApplication.translate` with `CONTEXT`; the CLI installs
nothing and speaks English). `N_("...")` only marks a literal for the catalogue, for texts defined
at import time (before any translator exists): translate them with `tr(value)` where they are shown.

Conventions (docs/TRANSLATING.md): one context for the whole app; texts with values use named
placeholders, `tr("Epoch {epoch} of {epochs}").format(epoch=3, epochs=5)`, never f-strings, so the
translation may move the values; `python -m playground.i18n_tool update` collects every literal
passed to `tr`/`N_` into `resources/i18n/nn_playground_zh_CN.ts`.
"""

from __future__ import annotations

from typing import Callable

CONTEXT = "nn_playground"

_translate: Callable[[str], str] | None = None


def set_translator(translate: Callable[[str], str] | None) -> None:
    """Route every `tr` through `translate` (None: English, the source texts)."""
    global _translate
    _translate = translate


def tr(text: str) -> str:
    """`text` in the chosen language; the text itself when there is no translation."""
    if _translate is None or not text:
        return text
    return _translate(text) or text


def N_(text: str) -> str:  # noqa: N802 - the gettext name translators know
    """Mark `text` for translation without translating it now."""
    return text
