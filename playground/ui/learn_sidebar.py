"""View ▸ Learn: the course's ideas one by one, each with a short text and a "Show me" button.

The texts live in `core.learn_topics` (no Qt, translatable). "Show me" asks the window to set the
matching demo up: `run_demo` calls the window's `demo_<topic.demo>()` method, or, when the window has
none, opens the topic's tab. A demo method returns one sentence saying what it did (or why it could
not), which the sidebar shows under the button.
"""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView, QDockWidget, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSplitter,
    QTextBrowser, QVBoxLayout, QWidget,
)

from playground.core.learn_topics import TOPICS, TRANSLATION_CONTEXT, LearnTopic

_SUPERSCRIPT = re.compile(r"\^(\[[^\]]*\]|\{[^}]*\})")


def tr(text: str) -> str:
    """A topic string in the chosen language (as written when there is no translation)."""
    return QCoreApplication.translate(TRANSLATION_CONTEXT, text)


def topic_html(topic: LearnTopic) -> str:
    """The topic as rich text: `X^[i]` and `e^{z}` become superscripts, the code a code block."""
    def rich(text: str) -> str:
        def sup(match: re.Match) -> str:
            inner = match.group(1)
            return f"<sup>{inner if inner.startswith('[') else inner[1:-1]}</sup>"
        return _SUPERSCRIPT.sub(sup, html.escape(text, quote=False))

    parts = [f"<h3>{rich(tr(topic.title))}</h3>"]
    parts += [f"<p>{rich(tr(p))}</p>" for p in topic.paragraphs]
    if topic.code:
        parts.append("<p><b>In PyTorch</b></p>")
        parts.append(f'<p class="code">{html.escape(topic.code, quote=False)}</p>')
    return "\n".join(parts)


def open_tab(window: Any, title: str) -> bool:
    """Bring the window's centre tab called `title` forward; False when there is none."""
    tabs = window.tabs
    for i in range(tabs.count()):
        if tabs.tabText(i).replace("&", "") == title:
            tabs.setCurrentIndex(i)
            return True
    return False


def run_demo(window: Any, topic: LearnTopic) -> str:
    """Set up `topic`'s demo on `window`: its `demo_<name>()` method, else its tab. Returns what was done."""
    method = getattr(window, f"demo_{topic.demo}", None)
    if callable(method):
        result = method()
        return result if isinstance(result, str) else ""
    if open_tab(window, topic.tab):
        return f"The {topic.tab} tab is open."
    return ""


class LearnSidebar(QWidget):
    """The topic list, the chosen topic's text, and "Show me"."""

    show_me_requested = Signal(str)  # the topic's key

    def __init__(self, topics: tuple[LearnTopic, ...] = TOPICS, parent: QWidget | None = None):
        super().__init__(parent)
        self.topics = {t.key: t for t in topics}
        self.topic_list = QListWidget()
        self.topic_list.setObjectName("learnTopics")
        self.topic_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.topic_list.setToolTip("The ideas of the course, in the order it teaches them. ↑ ↓ choose one.")
        self.topic_list.setWordWrap(True)  # long titles take two lines rather than a horizontal scroll bar
        self.topic_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for number, item in enumerate(topics, start=1):
            entry = QListWidgetItem(f"{number}. {_plain(tr(item.title))}")
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            self.topic_list.addItem(entry)
        self.text = QTextBrowser()
        self.text.setObjectName("learnText")
        self.text.setOpenLinks(False)
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.text.document().setDefaultStyleSheet(
            f".code {{ font-family: '{mono.family()}'; white-space: pre-wrap; }} h3 {{ margin-bottom: 4px; }}")
        self.show_me_button = QPushButton("&Show me")
        self.show_me_button.setObjectName("learnShowMe")
        self.show_me_button.clicked.connect(self._show_me)
        self.show_me_note = QLabel()
        self.show_me_note.setWordWrap(True)
        self.show_me_note.setStyleSheet("color: palette(placeholder-text);")
        self.result = QLabel()
        self.result.setObjectName("learnResult")
        self.result.setWordWrap(True)
        self.result.setTextFormat(Qt.TextFormat.PlainText)
        self.result.hide()

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("learnSplitter")
        splitter.addWidget(self.topic_list)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        rows = self.topic_list.sizeHintForRow(0) * (self.topic_list.count() + 2) + 2 * self.topic_list.frameWidth()  # + wrapped titles
        splitter.setSizes([rows, 400])
        self.splitter = splitter
        button_row = QHBoxLayout()
        button_row.addWidget(self.show_me_button)
        button_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter, 1)
        layout.addLayout(button_row)
        layout.addWidget(self.show_me_note)
        layout.addWidget(self.result)

        self.topic_list.currentRowChanged.connect(self._show_row)
        self.topic_list.itemActivated.connect(lambda _: self._show_me())  # Enter on a topic
        self.topic_list.setCurrentRow(0)

    @property
    def current_topic(self) -> LearnTopic:
        item = self.topic_list.currentItem()
        return self.topics[item.data(Qt.ItemDataRole.UserRole)]

    def select_topic(self, key: str) -> None:
        for row in range(self.topic_list.count()):
            if self.topic_list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.topic_list.setCurrentRow(row)
                return
        raise KeyError(key)

    def set_result(self, text: str) -> None:
        """What the last "Show me" did (empty: nothing to say)."""
        self.result.setText(text)
        self.result.setVisible(bool(text))

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        topic = self.current_topic
        self.text.setHtml(topic_html(topic))
        self.show_me_note.setText(tr(topic.show_me))
        self.show_me_button.setToolTip(tr(topic.show_me))
        self.set_result("")

    def _show_me(self) -> None:
        self.show_me_requested.emit(self.current_topic.key)


def make_learn_dock(parent: QWidget, sidebar: LearnSidebar) -> QDockWidget:
    dock = QDockWidget("Learn", parent)
    dock.setObjectName("learnDock")  # saveState/restoreState find docks by name
    dock.setWidget(sidebar)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    dock.setMinimumWidth(280)
    return dock


def _plain(text: str) -> str:
    """A title for the list, where rich text is not shown: ^[i] as the editor writes it, ^{z} as ^z."""
    return _SUPERSCRIPT.sub(lambda m: "^" + (m.group(1) if m.group(1).startswith("[") else m.group(1)[1:-1]), text)


__all__ = ["LearnSidebar", "make_learn_dock", "run_demo", "open_tab", "topic_html", "tr"]
