"""An inline message bar (no modal dialog): a coloured strip with text, an optional action button (a
one-click fix) and a close button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from playground.core.i18n import N_, tr
from playground.ui.widgets.palette import NOTICE_EDGES, NOTICE_TEXT, NOTICE_TINTS

# level → (background, border, title) — borders from the Okabe–Ito palette the plots use.
LEVELS = {
    "info": (NOTICE_TINTS["info"], NOTICE_EDGES["info"], N_("Note")),
    "warning": (NOTICE_TINTS["warning"], NOTICE_EDGES["warning"], N_("Warning")),
    "error": (NOTICE_TINTS["error"], NOTICE_EDGES["error"], N_("Problem")),
}


class MessageBar(QFrame):
    """Hidden until `show_message`; the user closes it, or the window clears it when it no longer holds."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(tr("Dismiss this message"))
        close.clicked.connect(self.hide)
        self.action_button = QPushButton()
        self.action_button.hide()
        self.action_button.clicked.connect(self._act)
        self._action: Callable[[], object] | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.level = ""
        self._message = ""  # the text shown after the title (given translated by the caller)
        self.hide()

    def show_message(self, text: str, level: str = "info",
                     action: tuple[str, Callable[[], object]] | None = None) -> None:
        """`action`: (button text, what it does) — the bar closes when it is clicked."""
        background, border, _title = LEVELS[level]
        self.level = level
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {border};"
            f" border-left: 5px solid {border}; border-radius: 3px; }}"
            f" #messageBar QLabel {{ color: {NOTICE_TEXT}; }}"
        )
        self._message = text
        self._show_text()
        self._action = action[1] if action else None
        self.action_button.setText(action[0] if action else "")
        self.action_button.setVisible(action is not None)
        self.show()

    def _show_text(self) -> None:
        title = tr(LEVELS[self.level][2])
        self.label.setText(tr("<b>{title}:</b> {message}").format(title=title, message=_escape(self._message)))

    def retranslate(self) -> None:
        """The title ("Note", "Warning", "Problem") in the language chosen now; the message is the caller's."""
        if self.level:
            self._show_text()

    def _act(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()

    @property
    def text(self) -> str:
        return self.label.text()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
