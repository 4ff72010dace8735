"""The window's workspaces: a bar of a few buttons on the left, the chosen workspace's page, a side column.

A workspace is about one thing (build and train on MNIST; look inside; matrices; the 2-D playground; runs)
and shows only what acts on what it is about. Its page may hold views as inner tabs; it may lend the side
column panels (the training settings beside the curves, the matrix panel beside Train and Inside). Learn
is a tab of the side column in every workspace, so opening it never squeezes the page below its size.

One panel may roam (`add_roaming`): the matrix panel has a page of its own in Matrices and sits in the side
column of other workspaces. A widget has one parent, and only one workspace is on screen, so it moves to
wherever it is shown when the workspace changes.

Views are found by their key, the English title stored in their TAB_KEY property (`show_view`), so tests,
the tour, Learn's "Show me" and `nn-playground screenshot --tab` name views, not indices.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QSettings, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr

W = TypeVar("W", bound=QWidget)
TAB_KEY = "tabKey"  # a view's key: its English title, the same whatever language it is shown in
TAB_TIP = "tabTip"  # its English tooltip (shown translated)
KEY_WORKSPACE = "workspace/current"
KEY_SIDE = "workspace/side"  # group: the side tab chosen in each workspace, by its key
KEY_LEARN = "workspace/learn"
KEY_SPLIT = "workspace/split"
OLD_KEY_TAB = "window/tab"  # before workspaces: the centre tab, by key (read once, then dropped)
LEARN_KEY = N_("Learn")  # the side tab's key and title
SIDE_WIDTH = 360  # the side column's width when it first appears (then as the user leaves it)
MIN_SIDE_WIDTH = 260


def tag_view(widget: W, key: str, tip: str = "") -> W:
    """Give a view its key (English title) and English tooltip."""
    widget.setProperty(TAB_KEY, key)
    if tip:
        widget.setProperty(TAB_TIP, tip)
    return widget


def view_key(widget: QWidget | None) -> str:
    key = widget.property(TAB_KEY) if widget is not None else None
    return str(key) if key else ""


def no_scroll_arrows(widget: QWidget) -> None:
    """Every tab bar in `widget` shows all its tabs: a bar too wide for its place makes the page wider, and
    the page scrolls (or the window keeps its minimum) instead of hiding tabs behind arrows."""
    bars = [widget] if isinstance(widget, QTabWidget) else []
    for tabs in bars + widget.findChildren(QTabWidget):
        tabs.setUsesScrollButtons(False)
        tabs.setElideMode(Qt.TextElideMode.ElideNone)


def view_tabs(keys_and_widgets: list[QWidget]) -> QTabWidget:
    """Inner tabs of a workspace page, titled and tipped from each view's key and tip."""
    tabs = QTabWidget()
    tabs.setDocumentMode(True)
    tabs.setUsesScrollButtons(False)
    for widget in keys_and_widgets:
        add_view(tabs, widget)
    return tabs


def add_view(tabs: QTabWidget, widget: QWidget, index: int = -1) -> None:
    key = view_key(widget)
    position = tabs.insertTab(index, widget, tr(key)) if index >= 0 else tabs.addTab(widget, tr(key))
    tip = widget.property(TAB_TIP)
    if tip:
        tabs.setTabToolTip(position, tr(str(tip)))


def replace_view(old: QWidget, new: QWidget) -> bool:
    """Put `new` where the placeholder `old` is (in inner tabs, a side list or a layout), with old's key."""
    tag_view(new, view_key(old), str(old.property(TAB_TIP) or ""))
    no_scroll_arrows(new)
    parent = old.parentWidget()
    tabs = parent.parentWidget() if parent is not None else None
    if isinstance(tabs, QTabWidget) and tabs.indexOf(old) >= 0:
        index, current = tabs.indexOf(old), tabs.currentIndex()
        with QSignalBlocker(tabs):
            tabs.removeTab(index)
            add_view(tabs, new, index)
            tabs.setCurrentIndex(current)
        _retire(old)
        return True
    layout = parent.layout() if parent is not None else None
    if layout is not None and layout.indexOf(old) >= 0:
        layout.replaceWidget(old, new)
        _retire(old)
        return True
    return False


def _retire(placeholder: QWidget) -> None:
    """A replaced placeholder loses its key at once: until its deferred deletion runs (outside `app.exec`, as
    in tests, it may never run) it is still a child of the page, and a view looked up by key would be it."""
    placeholder.setProperty(TAB_KEY, None)
    placeholder.deleteLater()


@dataclass
class Workspace:
    name: str  # in settings and on the command line (`screenshot --workspace NAME`)
    key: str  # English title
    tip: str
    page: QWidget
    run_controls: bool  # the toolbar's Train, Pause… act on this workspace's training
    views: QTabWidget | None = None  # inner tabs, when the page has several views
    side: list[QWidget] = field(default_factory=list)  # panels lent to the side column (tagged views)
    button: QToolButton | None = None
    action: QAction | None = None


class Workspaces(QWidget):
    """The bar, the stack of pages and the side column; the central widget of the window (below messages)."""

    changed = Signal()  # the workspace, an inner tab or the side tab changed: what is on screen changed
    workspace_changed = Signal(str)  # the new workspace's name
    learn_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._spaces: list[Workspace] = []
        self._side_choice: dict[str, str] = {}  # workspace name → side tab key last chosen there
        self._learn: QWidget | None = None
        self._learn_open = False
        self._roaming: QWidget | None = None
        self._roaming_home: QWidget | None = None  # the page where the roaming panel has room of its own
        self._roaming_key = ""
        self._roaming_side = QScrollArea()  # beside other workspaces it scrolls instead of squashing them
        self._roaming_side.setWidgetResizable(True)
        self._roaming_side.setFrameShape(QFrame.Shape.NoFrame)
        self._parking = QWidget(self)  # side panels not shown now are kept here (hidden)
        self._parking.hide()

        self.bar = QFrame()
        self.bar.setObjectName("workspaceBar")
        self.bar.setFrameShape(QFrame.Shape.StyledPanel)
        bar_layout = QVBoxLayout(self.bar)
        bar_layout.setContentsMargins(2, 3, 2, 3)
        bar_layout.setSpacing(2)
        bar_layout.addStretch(1)
        # The workspace on show stands out whatever the theme: the palette's highlight, not a fixed colour.
        self.bar.setStyleSheet("QToolButton { padding: 6px 3px; }"
                               "QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);"
                               " border-radius: 4px; font-weight: bold; }")
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.stack = QStackedWidget()
        self.side = QTabWidget()
        self.side.setObjectName("sideColumn")
        self.side.setDocumentMode(True)
        self.side.setUsesScrollButtons(False)
        self.side.setTabsClosable(False)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setObjectName("workspaceSplitter")
        self.split.addWidget(self.stack)
        self.split.addWidget(self.side)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setCollapsible(0, False)
        self.split.setCollapsible(1, False)
        self._side_width = SIDE_WIDTH
        self.split.splitterMoved.connect(self._remember_side_width)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.bar)
        layout.addWidget(self.split, 1)
        self.side.currentChanged.connect(self._side_tab_changed)

    # ----- building ------------------------------------------------------------------------------------------
    def add(self, name: str, key: str, tip: str, page: QWidget, *, run_controls: bool,
            views: QTabWidget | None = None, side: list[QWidget] | None = None) -> Workspace:
        space = Workspace(name, key, tip, page, run_controls, views, list(side or []))
        tag_view(page, key, tip)
        button = QToolButton()
        button.setCheckable(True)
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        button.setMinimumHeight(44)
        button.setObjectName(f"workspace_{space.name}")
        self._group.addButton(button)
        button.clicked.connect(lambda _=False, s=space: self.show_workspace(s.name))
        layout = self.bar.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(len(self._spaces), button)
        space.button = button
        number = len(self._spaces) + 1
        action = QAction(self)
        if number <= 9:
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False, s=space: self.show_workspace(s.name))
        space.action = action
        self.stack.addWidget(page)
        no_scroll_arrows(page)
        if views is not None:
            views.currentChanged.connect(lambda _: self.changed.emit())
        for widget in space.side:
            no_scroll_arrows(widget)
            widget.setParent(self._parking)
        self._spaces.append(space)
        self.retranslate()
        if len(self._spaces) == 1:
            self.show_workspace(space.name)
        return space

    def add_roaming(self, placeholder: QWidget, home: QWidget, key: str) -> None:
        """`placeholder` (later its replacement, `set_roaming`) has a page of its own in the workspace whose
        page is `home` and sits in the side column of the workspaces that list the roaming key."""
        self._roaming_home = home
        self._roaming_key = key
        tag_view(self._roaming_side, key)
        self.set_roaming(placeholder)
        self._fill_side()

    def set_roaming(self, widget: QWidget) -> None:
        no_scroll_arrows(widget)
        old = self._roaming
        self._roaming = widget
        if old is not None and old is not widget:
            if self._roaming_side.widget() is old:
                self._roaming_side.takeWidget()
            old.setParent(None)
            old.deleteLater()
        self._place_roaming()

    def set_learn(self, widget: QWidget) -> None:
        """Learn: a side tab in every workspace while open (View ▸ Learn, F1)."""
        self._learn = tag_view(widget, LEARN_KEY)
        widget.setParent(self._parking)

    # ----- choosing -------------------------------------------------------------------------------------------
    def workspaces(self) -> list[Workspace]:
        return list(self._spaces)

    def names(self) -> list[str]:
        return [space.name for space in self._spaces]

    def current(self) -> Workspace:
        index = self.stack.currentIndex()
        return self._spaces[index] if 0 <= index < len(self._spaces) else self._spaces[0]

    def workspace(self, name: str) -> Workspace | None:
        wanted = name.strip().lower()
        for space in self._spaces:
            if wanted in (space.name, space.key.lower()):
                return space
        return None

    def show_workspace(self, name: str) -> bool:
        space = self.workspace(name)
        if space is None:
            return False
        index = self._spaces.index(space)
        changed = self.stack.currentIndex() != index or space.button is None or not space.button.isChecked()
        self.stack.setCurrentIndex(index)
        if space.button is not None:
            space.button.setChecked(True)
        self._fill_side()
        if changed:
            self.workspace_changed.emit(space.name)
            self.changed.emit()
        return True

    def show_view(self, key: str) -> bool:
        """Show the view keyed `key` (an English title): its workspace, inner tab or side tab."""
        for space in self._spaces:  # a view inside a page first: "Runs" is a view and names a workspace
            if space.views is not None and _select(space.views, key):
                self.show_workspace(space.name)
                return True
        for space in self._spaces:
            if any(view_key(widget) == key for widget in _page_views(space)):
                return self.show_workspace(space.name)
        for space in self._spaces:  # a side panel: where it is lent
            if any(view_key(w) == key for w in self._side_widgets(space)):
                self.show_workspace(space.name)
                index = _index_of_key(self.side, key)
                if index >= 0:
                    self.side.setCurrentIndex(index)
                return True
        if key == LEARN_KEY:
            self.set_learn_open(True)
            return True
        return False

    def view_keys(self) -> list[str]:
        """Every view's key, workspace by workspace (the pages and their tagged views), then the side panels
        lent: a panel lent to the side of one workspace but with its own page later (Matrices) comes in the
        bar's order, so the tour walks the workspaces in order."""
        keys: list[str] = []
        pages = [widget for space in self._spaces for widget in _page_views(space)]
        for widget in pages + [widget for space in self._spaces for widget in space.side]:
            key = view_key(widget)
            if key and key not in keys:
                keys.append(key)
        return keys

    def show_widget(self, widget: QWidget) -> bool:
        """Bring `widget` on screen: its workspace, and every tab between the page and it (or its side tab)."""
        if widget is self._roaming and self._roaming_home is not None:
            for space in self._spaces:
                if space.page is self._roaming_home:
                    return self.show_workspace(space.name)
        for space in self._spaces:
            if widget is space.page or space.page.isAncestorOf(widget):
                self.show_workspace(space.name)
                _select_path(space.page, widget)
                return True
        for space in self._spaces:
            for side in space.side:
                if side is widget or side.isAncestorOf(widget):
                    self.show_workspace(space.name)
                    self.side.setCurrentWidget(side)
                    return True
        if self._learn is not None and (widget is self._learn or self._learn.isAncestorOf(widget)):
            self.set_learn_open(True)
            self.side.setCurrentWidget(self._learn)
            return True
        return False

    def show_side(self, key: str) -> bool:
        """Bring the side column's tab keyed `key` forward in the current workspace (False: it has none)."""
        index = _index_of_key(self.side, key)
        if index >= 0:
            self.side.setCurrentIndex(index)
        return index >= 0

    def view_widget(self, key: str) -> QWidget | None:
        """The view keyed `key` (the roaming panel itself for its key), or None."""
        if key == self._roaming_key and self._roaming is not None:
            return self._roaming
        for space in self._spaces:
            for widget in [*_page_views(space), *space.side]:
                if view_key(widget) == key:
                    return widget
        if key == LEARN_KEY:
            return self._learn
        return None

    def on_screen(self, widget: QWidget | None) -> bool:
        """Whether `widget` is the view on show: the current page, its current inner tab (nested tabs too)
        or the side column's current tab, or inside one of these."""
        if widget is None:
            return False
        shown: list[QWidget] = [self.current().page]
        if self.side.isVisibleTo(self) or not self.isVisible():
            side = self.side.currentWidget()
            if side is not None and self.side.count():
                shown.append(side)
        return any(_shows(root, widget) for root in shown)

    def current_view_key(self) -> str:
        """The key of the innermost view on show in the page (for the remembered tab and screenshots)."""
        space = self.current()
        widget: QWidget | None = space.page
        key = space.key
        while widget is not None:
            tabs = widget if isinstance(widget, QTabWidget) else space.views if widget is space.page else None
            if tabs is None or tabs.currentWidget() is None:
                break
            widget = tabs.currentWidget()
            key = view_key(widget) or key
            if not isinstance(widget, QTabWidget):
                break
        return key

    # ----- Learn ----------------------------------------------------------------------------------------------
    @property
    def learn_open(self) -> bool:
        return self._learn_open

    def set_learn_open(self, open_: bool) -> None:
        if self._learn is None or open_ == self._learn_open:
            if open_ and self._learn is not None:
                self.side.setCurrentWidget(self._learn)
            return
        self._learn_open = open_
        if open_:  # asked for: Learn comes forward in every workspace until another side tab is chosen
            self._side_choice = {space.name: LEARN_KEY for space in self._spaces}
        self._fill_side()
        if open_:
            self.side.setCurrentWidget(self._learn)
        self.learn_toggled.emit(open_)
        self.changed.emit()

    # ----- the side column ----------------------------------------------------------------------------------
    def _side_widgets(self, space: Workspace) -> list[QWidget]:
        widgets = []
        for widget in space.side:
            widgets.append(self._roaming_side if view_key(widget) == self._roaming_key and self._roaming_key
                           else widget)
        return widgets

    def _fill_side(self) -> None:
        space = self.current()
        self._place_roaming()
        wanted = self._side_widgets(space)
        if self._learn_open and self._learn is not None:
            wanted.append(self._learn)
        chosen = self._side_choice.get(space.name, "")
        with QSignalBlocker(self.side):
            while self.side.count():
                widget = self.side.widget(0)
                self.side.removeTab(0)
                if widget is not None and widget not in wanted:
                    widget.setParent(self._parking)
            for widget in wanted:
                add_view(self.side, widget)
            index = _index_of_key(self.side, chosen)
            self.side.setCurrentIndex(index if index >= 0 else 0)
        visible = bool(wanted)
        if visible and not self.side.isVisibleTo(self):
            self.side.show()
            self._apply_side_width()
        elif not visible:
            self.side.hide()

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        self._apply_side_width()  # now the splitter has its real width to share

    def _apply_side_width(self) -> None:
        """The side column at the width last chosen (the page keeps at least its minimum)."""
        total = sum(self.split.sizes())
        if total <= 0 or not self.side.isVisibleTo(self):
            return
        room = total - self.stack.minimumSizeHint().width()
        width = min(max(self.side.minimumSizeHint().width(), self._side_width), max(room, 0))
        if width > 0:
            self.split.setSizes([total - width, width])

    def _place_roaming(self) -> None:
        """The roaming panel goes to its own page in its home workspace, else to the side column's scroll area."""
        panel, home = self._roaming, self._roaming_home
        if panel is None or home is None:
            return
        at_home = self.current().page is home
        layout = home.layout()
        if at_home:
            if panel.parentWidget() is not home and layout is not None:
                if self._roaming_side.widget() is panel:
                    self._roaming_side.takeWidget()
                layout.addWidget(panel)
                panel.show()
        elif self._roaming_side.widget() is not panel:
            if layout is not None:
                layout.removeWidget(panel)
            self._roaming_side.setWidget(panel)
            panel.show()

    def _side_tab_changed(self, index: int) -> None:
        key = view_key(self.side.widget(index)) if index >= 0 else ""
        if key:
            self._side_choice[self.current().name] = key
        self.changed.emit()

    def _remember_side_width(self, *_: object) -> None:
        sizes = self.split.sizes()
        if len(sizes) == 2 and sizes[1] > 0:
            self._side_width = sizes[1]

    # ----- texts and settings ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        for number, space in enumerate(self._spaces, start=1):
            keys = f"Ctrl+{number}" if number <= 9 else ""
            tip = tr(space.tip)
            full = tr("{tip} ({keys})").format(tip=tip, keys=keys) if keys else tip
            if space.button is not None:
                space.button.setText(tr(space.key))
                space.button.setToolTip(full)
                space.button.setStatusTip(tip)
            if space.action is not None:
                space.action.setText(tr(space.key))
            if space.views is not None:
                _retitle(space.views)
        _retitle(self.side)

    def save(self, settings: QSettings) -> None:
        settings.setValue(KEY_WORKSPACE, self.current().name)
        settings.setValue(KEY_LEARN, self._learn_open)
        settings.setValue(KEY_SPLIT, self._side_width)
        settings.beginGroup(KEY_SIDE)
        for name, key in self._side_choice.items():
            settings.setValue(name, key)
        settings.endGroup()
        for space in self._spaces:
            if space.views is not None:
                settings.setValue(f"workspace/view/{space.name}", view_key(space.views.currentWidget()))

    def restore(self, settings: QSettings) -> None:
        """What was remembered; values of another version (or of none) are dropped without a word."""
        settings.beginGroup(KEY_SIDE)
        for name in settings.childKeys():
            value = settings.value(name)
            if isinstance(value, str) and self.workspace(name) is not None:
                self._side_choice[name] = value
        settings.endGroup()
        width = settings.value(KEY_SPLIT)
        try:
            self._side_width = max(MIN_SIDE_WIDTH, min(900, int(width))) if width is not None else SIDE_WIDTH
        except (TypeError, ValueError):
            self._side_width = SIDE_WIDTH
        for space in self._spaces:
            key = settings.value(f"workspace/view/{space.name}")
            if space.views is not None and isinstance(key, str):
                _select(space.views, key)
        old_tab = settings.value(OLD_KEY_TAB)
        if old_tab is not None:  # the centre tab of the window before workspaces: its view, once
            settings.remove(OLD_KEY_TAB)
            if isinstance(old_tab, str):
                self.show_view(old_tab)
        name = settings.value(KEY_WORKSPACE)
        if isinstance(name, str):
            self.show_workspace(name)
        learn = settings.value(KEY_LEARN)
        chosen = dict(self._side_choice)
        self.set_learn_open(learn in (True, "true", "1", 1))
        self._side_choice.update(chosen)  # opening Learn brings it forward everywhere: the side tabs chosen win
        self._fill_side()


def _select(tabs: QTabWidget, key: str) -> bool:
    """Select the tab (or nested tab) keyed `key` in `tabs`."""
    for i in range(tabs.count()):
        widget = tabs.widget(i)
        if view_key(widget) == key:
            tabs.setCurrentIndex(i)
            return True
        if isinstance(widget, QTabWidget) and _select(widget, key):
            tabs.setCurrentIndex(i)
            return True
    return False


def _page_views(space: Workspace) -> list[QWidget]:
    """A workspace's page and every widget in it (the views among them carry their keys)."""
    return [space.page, *space.page.findChildren(QWidget)]


def _select_path(root: QWidget, widget: QWidget) -> None:
    """Make every tab widget between `root` and `widget` show the page that holds `widget`."""
    node: QWidget | None = widget
    while node is not None and node is not root:
        parent = node.parentWidget()
        tabs = parent.parentWidget() if isinstance(parent, QStackedWidget) else None
        if isinstance(tabs, QTabWidget) and tabs.indexOf(node) >= 0:
            tabs.setCurrentWidget(node)
        node = parent


def _index_of_key(tabs: QTabWidget, key: str) -> int:
    if not key:
        return -1
    for i in range(tabs.count()):
        if view_key(tabs.widget(i)) == key:
            return i
    return -1


def _shows(root: QWidget, widget: QWidget) -> bool:
    """Whether `widget` is `root` or on show inside it (through the current tab of any tab widgets between)."""
    node: QWidget | None = widget
    while node is not None:
        if node is root:
            return True
        parent = node.parentWidget()
        if isinstance(parent, QStackedWidget):
            if parent.currentWidget() is not node:
                return False
        elif parent is not None and not node.isVisibleTo(parent):
            return False
        node = parent
    return False


def _retitle(tabs: QTabWidget) -> None:
    for i in range(tabs.count()):
        widget = tabs.widget(i)
        key = view_key(widget)
        if key:
            tabs.setTabText(i, tr(key))
            tip = widget.property(TAB_TIP) if widget is not None else None
            if tip:
                tabs.setTabToolTip(i, tr(str(tip)))
        if isinstance(widget, QTabWidget):
            _retitle(widget)
