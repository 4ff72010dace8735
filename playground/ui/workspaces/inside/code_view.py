"""The "PyTorch code" tab: the design and its training settings as the script File ▸ Export writes.

Read-only, monospace, with a small Python highlighter. The text is regenerated only when the tab is
on screen (or read), so typing in the layer editor never pays for a script nobody is looking at.
When the design is invalid the tab says why instead of showing code.
"""

from __future__ import annotations

import keyword
import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QShowEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from playground.core.i18n import tr
from playground.core.model.code_export import ExportError, export_script
from playground.core.model.spec import ModelSpec
from playground.core.training.training_config import ConfigError, TrainingConfig
from playground.ui.widgets.palette import CODE_PAGE_BACKGROUND, CODE_PAGE_TEXT, SYNTAX, monospace_font, notice_style

STYLES = SYNTAX  # token kind → (colour, bold)
BUILTINS = ("print", "range", "len", "int", "float", "str", "super", "isinstance", "enumerate", "zip",
            "min", "max", "sum", "open", "tuple", "list", "dict", "round", "abs", "repr", "sorted", "self")


def _format(colour: str, bold: bool) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


class PythonHighlighter(QSyntaxHighlighter):
    """Keywords, a few builtins, numbers, decorators, strings (also triple-quoted across lines) and comments."""

    _RULES = (
        ("keyword", re.compile(r"\b(?:" + "|".join(keyword.kwlist) + r")\b")),
        ("builtin", re.compile(r"\b(?:" + "|".join(BUILTINS) + r")\b")),
        ("number", re.compile(r"\b(?:0[xX][0-9a-fA-F_]+|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?)\b")),
        ("decorator", re.compile(r"^\s*@[\w.]+")),
    )
    # One-line strings (with an optional f/r/b prefix) and comments, matched left to right in one pass,
    # so a "#" inside a string is not a comment and a quote inside a comment starts no string.
    _STRING_OR_COMMENT = re.compile(
        r"""(?P<string>(?:(?<!\w)[rRbBfFuU]{1,2})?(?:'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"))|(?P<comment>#.*)""")
    _TRIPLE = re.compile(r"'''|\"\"\"")
    _IN_TRIPLE = {"'''": 1, '"""': 2}  # block states: inside a ''' or a """ string

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self._formats = {name: _format(*style) for name, style in STYLES.items()}

    def highlightBlock(self, text: str) -> None:  # Qt override
        for name, pattern in self._RULES:
            for match in pattern.finditer(text):
                self.setFormat(match.start(), match.end() - match.start(), self._formats[name])
        self.setCurrentBlockState(0)
        start = 0
        previous = self.previousBlockState()
        if previous in (1, 2):  # a triple-quoted string goes on from the line before
            quote = "'''" if previous == 1 else '"""'
            end = text.find(quote)
            if end < 0:
                self.setFormat(0, len(text), self._formats["string"])
                self.setCurrentBlockState(previous)
                return
            self.setFormat(0, end + 3, self._formats["string"])
            start = end + 3
        self._strings_and_comments(text, start)

    def _strings_and_comments(self, text: str, start: int) -> None:
        while start < len(text):
            triple = self._TRIPLE.search(text, start)
            other = self._STRING_OR_COMMENT.search(text, start)
            if triple is not None and (other is None or triple.start() <= other.start()):
                quote = triple.group()
                end = text.find(quote, triple.end())
                if end < 0:  # runs on into the next lines
                    self.setFormat(triple.start(), len(text) - triple.start(), self._formats["string"])
                    self.setCurrentBlockState(self._IN_TRIPLE[quote])
                    return
                self.setFormat(triple.start(), end + 3 - triple.start(), self._formats["string"])
                start = end + 3
            elif other is not None:
                kind = "string" if other.group("string") else "comment"
                self.setFormat(other.start(), other.end() - other.start(), self._formats[kind])
                start = other.end()
            else:
                return


class CodeView(QWidget):
    """Shows `export_script(spec, config)`; "Save as…" is handled by the window (File ▸ Export)."""

    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._spec: ModelSpec | None = None
        self._config: TrainingConfig | None = None
        self._dataset = "MNIST"
        self._stale = False
        self._valid = False

        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        # The command is code: it stays as it is in every language.
        self.command = QLabel("<code>python script.py --data DIR</code>")
        self.command.setTextFormat(Qt.TextFormat.RichText)
        self.command.setProperty("untranslatable", True)
        self.command.hide()
        self.copy_button = QPushButton(tr("Copy"))
        self.copy_button.setToolTip(tr("Copy the whole script to the clipboard."))
        self.copy_button.clicked.connect(self.copy_to_clipboard)
        self.save_button = QPushButton(tr("Save as…"))
        self.save_button.setToolTip(tr("Write the script to a .py file (File ▸ Export PyTorch script…); "
                                       "a trained network's weights can go next to it."))
        self.save_button.clicked.connect(self.save_requested)
        self.editor = QPlainTextEdit()
        self.editor.setProperty("untranslatable", True)  # the generated Python code stays English
        self.editor.setReadOnly(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        font = monospace_font()
        font.setPointSizeF(max(font.pointSizeF(), 9.5))
        self.editor.setFont(font)
        self.editor.setTabStopDistance(4 * self.editor.fontMetrics().horizontalAdvance(" "))
        self.editor.setStyleSheet(f"QPlainTextEdit {{ background: {CODE_PAGE_BACKGROUND}; color: {CODE_PAGE_TEXT}; }}")
        self.highlighter = PythonHighlighter(self.editor.document())
        self.problem = QLabel()  # instead of the code when the design is invalid
        self.problem.setWordWrap(True)
        self.problem.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problem.setStyleSheet(notice_style("error", "10px"))
        self.problem.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.problem.hide()

        bar = QHBoxLayout()
        bar.addWidget(self.caption)
        bar.addWidget(self.command, 1)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.problem)
        layout.addWidget(self.editor, 1)
        layout.addStretch(0)  # takes the space while the code is hidden, none while it shows

    def set_design(self, spec: ModelSpec, config: TrainingConfig, dataset: str = "MNIST") -> None:
        """The design and settings to show (regenerated now if visible, else when next shown or read)."""
        self._spec, self._config, self._dataset = spec.copy(), config, dataset
        self._stale = True
        if self.isVisible():
            self._regenerate()

    def text(self) -> str:
        """The script shown (or the reason there is none)."""
        self._regenerate()
        return self.editor.toPlainText() if self._valid else self.problem.text()

    @property
    def valid(self) -> bool:
        self._regenerate()
        return self._valid

    def copy_to_clipboard(self) -> None:
        if self.valid:
            QGuiApplication.clipboard().setText(self.editor.toPlainText())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._regenerate()

    def retranslate(self) -> None:
        """The reason there is no code is a message made when the script was generated: make it again."""
        if not self._valid and self._spec is not None:
            self._stale = True
            self._regenerate()

    def _regenerate(self) -> None:
        if not self._stale or self._spec is None or self._config is None:
            return
        self._stale = False
        try:
            source = export_script(self._spec, self._config, self._dataset)
        except (ExportError, ConfigError) as exc:
            self._valid = False
            self.problem.setText(str(exc))
            self.caption.setText(tr("<b>No code yet</b> — fix the network in the Network panel and the script "
                                    "appears here."))
        else:
            self._valid = True
            if source != self.editor.toPlainText():
                bar = self.editor.verticalScrollBar()
                position = bar.value()
                self.editor.setPlainText(source)
                bar.setValue(position)  # an edit keeps the reader's place
            self.caption.setText(tr("<b>Standalone PyTorch script</b> — run it with"))
            self.caption.setToolTip(tr("This network and these training settings in plain PyTorch (torch and numpy "
                                       "only). It trains the same way the app does; under torchrun it uses "
                                       "DistributedDataParallel."))
        self.command.setVisible(self._valid)
        self.problem.setVisible(not self._valid)
        self.editor.setVisible(self._valid)
        self.copy_button.setEnabled(self._valid)
        self.save_button.setEnabled(self._valid)
