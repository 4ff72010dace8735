"""The PyTorch code tab: its Python highlighter, copying, and what it shows for an invalid design."""

from __future__ import annotations

import ast

from PySide6.QtGui import QGuiApplication, QTextDocument

from playground.core.model.presets import load_preset
from playground.core.model.spec import LayerSpec, ModelSpec
from playground.ui.workspaces.inside.code_view import STYLES, CodeView, PythonHighlighter

SAMPLE = '''x = 'a # b'  # a comment
class Net(nn.Module):
    """Docs
    # still the docstring
    """
    lr = 1.5e-3
'''


def colour_at(document: QTextDocument, line: int, column: int) -> str:
    block = document.findBlockByLineNumber(line)
    for r in block.layout().formats():
        if r.start <= column < r.start + r.length:
            return r.format.foreground().color().name().upper()
    return ""


def test_the_highlighter_knows_keywords_strings_comments_and_numbers(qapp):
    document = QTextDocument(SAMPLE)
    highlighter = PythonHighlighter(document)
    highlighter.rehighlight()
    colour = {name: style[0].upper() for name, style in STYLES.items()}
    assert colour_at(document, 0, 6) == colour["string"]  # the "#" inside the string
    assert colour_at(document, 0, 14) == colour["comment"]
    assert colour_at(document, 1, 0) == colour["keyword"]  # class
    assert colour_at(document, 3, 6) == colour["string"]  # a "#" line inside a docstring
    assert colour_at(document, 5, 10) == colour["number"]
    assert colour_at(document, 1, 6) == ""  # a name is left plain


def test_the_view_shows_the_script_or_the_reason(qtbot):
    view = CodeView()
    qtbot.addWidget(view)
    preset = load_preset("seed-mlp")
    view.set_design(preset.spec, preset.training)
    assert view.valid
    ast.parse(view.text())
    view.copy_to_clipboard()
    assert QGuiApplication.clipboard().text() == view.text()

    broken = ModelSpec([LayerSpec("Linear", {"out_features": 10})])  # Linear on a 1×28×28 image
    view.set_design(broken, preset.training)
    assert not view.valid
    assert "Flatten" in view.text()
    assert not view.copy_button.isEnabled() and not view.save_button.isEnabled()
