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

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from playground.core.explain.learn_topics import TOPICS, LearnTopic
from playground.core.i18n import tr
from playground.ui.widgets.palette import monospace_font

_SUPERSCRIPT = re.compile(r"\^(\[[^\]]*\]|\{[^}]*\})")
def topic_html(topic: LearnTopic, code: bool = True) -> str:
    """The topic as rich text: `X^[i]` and `e^{z}` become superscripts, the code (unless `code` is False) a
    code block."""
    def rich(text: str) -> str:
        def sup(match: re.Match) -> str:
            inner = match.group(1)
            return f"<sup>{inner if inner.startswith('[') else inner[1:-1]}</sup>"
        return _SUPERSCRIPT.sub(sup, html.escape(text, quote=False))

    parts = [f"<h3>{rich(tr(topic.title))}</h3>"]
    parts += [f"<p>{rich(tr(p))}</p>" for p in topic.paragraphs]
    if topic.code and code:
        parts.append(f"<p><b>{html.escape(tr('In PyTorch'), quote=False)}</b></p>")
        parts.append(f'<p class="code">{html.escape(topic.code, quote=False)}</p>')
    return "\n".join(parts)


def page_index(tabs: Any, page: Any) -> int:
    """The index of the tab of `tabs` that shows `page` (the page itself or a widget inside it); -1: none."""
    if page is None:
        return -1
    for i in range(tabs.count()):
        widget = tabs.widget(i)
        if widget is page or (widget is not None and widget.isAncestorOf(page)):
            return i
    return -1


def open_page(tabs: Any, page: Any) -> bool:
    """Bring the tab of `tabs` that shows `page` forward; False when there is none."""
    index = page_index(tabs, page)
    if index >= 0:
        tabs.setCurrentIndex(index)
    return index >= 0


def open_tab(window: Any, title: str) -> bool:
    """Show the view called `title` (its English title, as topics name it) in its workspace; False when
    there is none."""
    return bool(window.workspaces.show_view(title))


def run_demo(window: Any, topic: LearnTopic) -> str:
    """Set up `topic`'s demo on `window`: its `demo_<name>()` method, else its tab. Returns what was done."""
    method = getattr(window, f"demo_{topic.demo}", None)
    if callable(method):
        result = method()
        return result if isinstance(result, str) else ""
    if open_tab(window, topic.tab):
        return tr("The {tab} tab is open.").format(tab=tr(topic.tab))
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
        self.topic_list.setToolTip(tr("The ideas of the course, in the order it teaches them. ↑ ↓ choose one."))
        self.topic_list.setWordWrap(True)  # long titles take two lines rather than a horizontal scroll bar
        self.topic_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for item in topics:
            entry = QListWidgetItem()
            entry.setData(Qt.ItemDataRole.UserRole, item.key)
            self.topic_list.addItem(entry)
        self._title_entries()
        self.text = QTextBrowser()
        self.text.setObjectName("learnText")
        self.text.setOpenLinks(False)
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.text.document().setDefaultStyleSheet("h3 { margin-bottom: 4px; }")
        # The PyTorch lines under the text: code stays as it is in every language (so the language check
        # leaves this label alone).
        self.code_title = QLabel()
        self.code_title.setObjectName("learnCodeTitle")
        self.code = QLabel()
        self.code.setObjectName("learnCode")
        self.code.setProperty("untranslatable", True)
        self.code.setFont(monospace_font())
        self.code.setTextFormat(Qt.TextFormat.PlainText)
        self.code.setWordWrap(True)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        reading = QWidget()
        reading.setObjectName("learnReading")
        reading.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        reading.setStyleSheet("#learnReading { background: palette(base); }")
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 6, 6)
        reading_layout.addWidget(self.text, 1)
        for label in (self.code_title, self.code):
            label.setContentsMargins(6, 0, 0, 0)
            reading_layout.addWidget(label)
        self.show_me_button = QPushButton(tr("&Show me"))
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
        splitter.addWidget(reading)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        # + 2 rows for wrapped titles
        rows = self.topic_list.sizeHintForRow(0) * (self.topic_list.count() + 2) + 2 * self.topic_list.frameWidth()
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
        self.text.setHtml(topic_html(topic, code=False))
        self.code_title.setText(f"<b>{html.escape(tr('In PyTorch'), quote=False)}</b>")
        self.code.setText(topic.code)
        self.code_title.setVisible(bool(topic.code))
        self.code.setVisible(bool(topic.code))
        self.show_me_note.setText(tr(topic.show_me))
        self.show_me_button.setToolTip(tr(topic.show_me))
        self.set_result("")

    def _show_me(self) -> None:
        self.show_me_requested.emit(self.current_topic.key)

    def _title_entries(self) -> None:
        for row in range(self.topic_list.count()):
            entry = self.topic_list.item(row)
            title = self.topics[entry.data(Qt.ItemDataRole.UserRole)].title
            entry.setText(f"{row + 1}. {_plain(tr(title))}")

    def retranslate(self) -> None:
        """The language changed: the topic list and the current topic again (the last demo's sentence, said in
        the old language, goes)."""
        self._title_entries()
        self._show_row(self.topic_list.currentRow())


def _plain(text: str) -> str:
    """A title for the list, where rich text is not shown: ^[i] as the editor writes it, ^{z} as ^z."""
    return _SUPERSCRIPT.sub(lambda m: "^" + (m.group(1) if m.group(1).startswith("[") else m.group(1)[1:-1]), text)


__all__ = ["LearnSidebar", "run_demo", "open_tab", "open_page", "page_index", "topic_html"]
