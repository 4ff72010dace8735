"""A box that states how things are — "No problems detected", a health warning, an over-fitting alert — and
the thinner one-line note strip (`note_label`, `set_note`) the Matrices and step-through views put above their parts.

Unlike the window's MessageBar it has no close button: it shows a state, and changes when the state does.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from playground.ui.widgets.palette import NOTICE_EDGES, NOTICE_TEXT, NOTICE_TINTS, notice_style

# level → (background, border): borders from the Okabe–Ito palette the plots use.
LEVELS = {level: (NOTICE_TINTS[level], NOTICE_EDGES[level]) for level in ("ok", "info", "warning", "error")}


def note_label(kind: str = "info") -> QLabel:
    """A wrapped, selectable strip of level `kind` for a one-line note (hidden until it has text)."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet(notice_style(kind, "3px 6px"))
    label.hide()
    return label


def set_note(label: QLabel, text: str | None) -> None:
    """Show `text` in the strip, or hide it when there is none."""
    label.setText(text or "")
    label.setVisible(bool(text))


class NoticeBox(QLabel):
    """A coloured, word-wrapped box; `set_notice(title, lines, level)` fills it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.level = ""
        self.lines: list[str] = []
        self.set_notice("", [], "info")

    def set_notice(self, title: str, lines: list[str], level: str = "info") -> None:
        """`title` in bold, then one paragraph (or bullet, for several) per line of plain text."""
        background, border = LEVELS[level]
        if level != self.level:
            self.setStyleSheet(
                f"QLabel {{ background: {background}; border: 1px solid {border}; border-left: 5px solid {border};"
                f" border-radius: 3px; padding: 6px 8px; color: {NOTICE_TEXT}; }}")
            self.level = level
        self.lines = list(lines)
        body = [html.escape(line) for line in lines]
        if len(body) > 1:
            text = "<ul style='margin: 0; -qt-list-indent: 1;'>" + "".join(f"<li>{b}</li>" for b in body) + "</ul>"
        else:
            text = body[0] if body else ""
        heading = f"<b>{html.escape(title)}</b>" if title else ""
        self.setText(heading + ("<br>" if heading and len(body) == 1 else "") + text)

    @property
    def plain_text(self) -> str:
        """What the box says, without markup (tests, accessibility)."""
        doc = QTextDocument()
        doc.setHtml(self.text())
        return doc.toPlainText()
