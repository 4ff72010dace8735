"""Guided learning and comfort, installed into the main window by one object.

- Edit ▸ Preferences… (Ctrl+,): theme, language, default device, CPU threads (`preferences.py`).
- View ▸ Learn (F1): the Learn sidebar, whose "Show me" runs the window's `demo_<name>` methods.
- Help ▸ Tour: the first-run tour, shown once on the first start of the real app (`run_gui`), never
  under tests or `nn-playground screenshot` unless asked.
- Keyboard: Edit ▸ Add Layer (every layer type, for those who do not drag), View ▸ Go To Tab with
  Ctrl+1…Ctrl+9 for the first nine tabs (shown in their tooltips), no dead tab stops.
- Remembered with the window: the sizes of named splitters and the current tab (the window already
  keeps its geometry, docks and toolbar state).

The window creates `WindowComfort(window, settings)` after its menus, docks and worker exist and
before it restores its dock state (the Learn dock must exist to be restored), calls `save(settings)`
when it saves its own settings and `panels_built()` when the torch-backed panels replace their
placeholders.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea, QSplitter, QTabWidget, QWidget

from playground.core.i18n import tr
from playground.core.layers import LAYER_TYPES
from playground.core.learn_topics import topic
from playground.ui.layer_palette import CATEGORIES
from playground.ui.learn_sidebar import LearnSidebar, make_learn_dock, run_demo
from playground.ui.preferences import PreferencesManager
from playground.ui.theme import plot_colours, restyle_plots
from playground.ui.tour import TourOverlay, main_window_steps

if TYPE_CHECKING:
    from playground.ui.main_window import MainWindow

KEY_TOUR_SHOWN = "tour/shown"
KEY_TAB = "window/tab"  # the current centre tab, by its key (its English title)
KEY_SPLITTERS = "window/splitters"  # group: one saveState per named splitter
LEARN_WIDTH = 310
TRAINING_WIDTH = 300  # the training dock's width when the Learn dock closes (the window starts with it)
# Properties of each centre tab's page (set by the window): its key, the English title, which stays the same
# whatever language the tab's title is shown in, and its English tooltip (shown translated).
TAB_KEY = "tabKey"
TAB_TIP = "tabTip"


def tab_key(tabs: QTabWidget, index: int) -> str:
    """The key of tab `index`: its English title (a page without one: the title shown, without '&')."""
    page = tabs.widget(index)
    key = page.property(TAB_KEY) if page is not None else None
    return str(key) if key else tabs.tabText(index).replace("&", "")


def tab_index(tabs: QTabWidget, key: str) -> int:
    """The index of the tab whose key is `key` (its English title); -1 when there is none."""
    for i in range(tabs.count()):
        if tab_key(tabs, i) == key:
            return i
    return -1


class WindowComfort(QObject):
    def __init__(self, window: MainWindow, settings: QSettings | None):
        super().__init__(window)
        self.window = window
        self._remember = settings is not None
        self.tour: TourOverlay | None = None
        self._pending_splitters: dict[QSplitter, object] = {}  # splitter → state to restore when shown

        self.preferences = PreferencesManager(settings, self)
        window.preferences = self.preferences  # the hook for translations: window.preferences.language_changed
        self.preferences.theme_changed.connect(self._restyle)
        self.preferences.device_changed.connect(self._device_changed)
        self.preferences.cpu_threads_changed.connect(window.worker.set_cpu_threads)
        self.preferences.language_changed.connect(self._language_changed)
        window.worker.set_cpu_threads(self.preferences.current.cpu_threads)
        if self.preferences.apply_theme():
            self._restyle(True)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # A method, not a lambda: the application's style hints outlive every window, and a lambda
            # connected to them would keep a closed window (and its trainer) alive.
            app.styleHints().colorSchemeChanged.connect(self._system_theme_changed)

        self.learn = LearnSidebar()
        self.learn_dock = make_learn_dock(window, self.learn)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.learn_dock)
        # Beside the training settings, not under them: a demo changes them while its text stays in view.
        window.splitDockWidget(window.training_dock, self.learn_dock, Qt.Orientation.Horizontal)
        self.learn_dock.hide()  # until View ▸ Learn (a remembered dock state may show it)
        self.learn.show_me_requested.connect(self.show_me)
        self._build_actions()
        _no_dead_tab_stops(window)
        if settings is not None:
            self._restore(settings)

    # ----- menus and keys --------------------------------------------------------------------------------
    def _build_actions(self) -> None:
        w = self.window
        self.preferences_action = QAction(tr("&Preferences…"), w)
        self.preferences_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
                                             or [QKeySequence("Ctrl+,")])
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.preferences_action.setStatusTip(tr("Theme, language, default device and CPU threads."))
        self.preferences_action.triggered.connect(self.open_preferences)
        w.addAction(self.preferences_action)

        self.add_layer_menu = QMenu(tr("&Add Layer"), w)
        self.add_layer_menu.setToolTipsVisible(True)
        self.add_layer_actions = _fill_add_layer_menu(self.add_layer_menu, w)
        w.edit_menu.addSeparator()
        w.edit_menu.addMenu(self.add_layer_menu)
        w.edit_menu.addSeparator()
        w.edit_menu.addAction(self.preferences_action)

        self.learn_action = self.learn_dock.toggleViewAction()
        self.learn_action.setText(tr("&Learn"))
        self.learn_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.learn_action.setStatusTip(tr("The course's ideas, each with a demo (F1)."))
        self.learn_dock.visibilityChanged.connect(self._learn_visibility)
        w.addAction(self.learn_action)
        w.view_menu.addAction(self.learn_action)
        go_to = w.view_menu.addMenu(tr("&Go To Tab"))
        self.tab_actions: list[QAction] = []
        self._tab_keys: list[str] = []  # of the tab each of `tab_actions` goes to
        for i in range(w.tabs.count()):
            key = tab_key(w.tabs, i)
            action = QAction(w.tabs.tabText(i), w)
            if i < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
                self._show_tab_shortcut(i, action)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _=False, k=key: self._go_to_tab(k))
            w.addAction(action)
            go_to.addAction(action)
            self.tab_actions.append(action)
            self._tab_keys.append(key)

        self.tour_action = QAction(tr("&Tour"), w)
        self.tour_action.setStatusTip(tr("A walk past every part of the window."))
        self.tour_action.triggered.connect(self.start_tour)
        actions = w.help_menu.actions()
        if actions:
            w.help_menu.insertAction(actions[0], self.tour_action)
        else:
            w.help_menu.addAction(self.tour_action)
        actions = w.help_menu.actions()
        if len(actions) > 1:
            w.help_menu.insertSeparator(actions[1])
        else:
            w.help_menu.addSeparator()

    def _show_tab_shortcut(self, index: int, action: QAction) -> None:
        """Tab `index`'s tooltip with the keys of its Go To Tab action."""
        tabs = self.window.tabs
        page = tabs.widget(index)
        source = page.property(TAB_TIP) if page is not None else None
        tip = tr(str(source)) if source else tabs.tabToolTip(index)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tabs.setTabToolTip(index, tr("{tip} ({keys})").format(tip=tip, keys=keys) if tip else keys)

    def _go_to_tab(self, key: str) -> None:
        index = tab_index(self.window.tabs, key)
        if index >= 0:
            self.window.tabs.setCurrentIndex(index)

    def retranslate(self) -> None:
        """The texts built here from values: Go To Tab's actions, the tabs' tooltips with their keys."""
        tabs = self.window.tabs
        # The Learn dock's toggle action takes the dock's title when that changes: its own text again.
        self.learn_action.setText(tr("&Learn"))
        for i in range(tabs.count()):  # from their keys: another text may share a title's translation
            page = tabs.widget(i)
            if page is not None and page.property(TAB_KEY):
                tabs.setTabText(i, tr(str(page.property(TAB_KEY))))
        for action, key in zip(self.tab_actions, self._tab_keys):
            action.setText(tr(key))
            index = tab_index(tabs, key)
            page = tabs.widget(index) if index >= 0 else None
            # (A page without its English tooltip keeps the one it has: its keys are in it already.)
            if page is not None and page.property(TAB_TIP) and not action.shortcut().isEmpty():
                self._show_tab_shortcut(index, action)

    def _learn_visibility(self, visible: bool) -> None:
        w = self.window
        if visible and self.learn_dock.width() < self.learn_dock.minimumWidth() + 10:
            w.resizeDocks([self.learn_dock], [LEARN_WIDTH], Qt.Orientation.Horizontal)
        elif not visible and not self.learn_dock.isFloating() and w.training_dock.isVisible():
            # The dock area would keep the Learn dock's width for the training settings: give it back.
            width = max(TRAINING_WIDTH, w.training_dock.minimumSizeHint().width())
            w.resizeDocks([w.training_dock], [width], Qt.Orientation.Horizontal)

    # ----- preferences -----------------------------------------------------------------------------------
    def open_preferences(self):
        from playground.ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.preferences, self.window.data_info.get("cuda_available"), self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal, not blocking: tests and the event loop carry on
        return dialog

    def _restyle(self, dark: bool) -> None:
        restyle_plots(self.window, plot_colours(dark))
        # Style sheets resolve palette(...) colours when a widget is polished: polish the ones on screen again,
        # once the new palette has reached them (it is passed on through posted events).
        QTimer.singleShot(0, self._repolish_palette_sheets)

    def _repolish_palette_sheets(self) -> None:
        for widget in self.window.findChildren(QWidget):
            sheet = widget.styleSheet()
            if "palette(" in sheet:
                widget.setStyleSheet(sheet)

    def _language_changed(self, locale: str) -> None:
        """Speak `locale` from now on: every open window is re-translated in place (nothing is rebuilt)."""
        from playground.ui.i18n import apply_language, last_error

        app = QApplication.instance()
        if app is not None and not apply_language(app, locale):
            self.window.show_status(tr("The translation could not be loaded: {reason}").format(reason=last_error()))

    def _system_theme_changed(self, _scheme) -> None:
        self.preferences.system_theme_changed()

    def _device_changed(self, device: str) -> None:
        """A new default device is also the device now, unless a run is in progress."""
        from playground.ui.run_controls import RUNNING

        panel = self.window.panel
        if self.window.state not in RUNNING and panel.device.findData(device) >= 0:
            panel.device.setCurrentIndex(panel.device.findData(device))

    def panels_built(self) -> None:
        """The torch-backed panels were just built (in the light colours): recolour them if needed."""
        if self.preferences.dark:
            self._restyle(True)
        _no_dead_tab_stops(self.window)

    # ----- Learn --------------------------------------------------------------------------------------
    def show_learn(self, key: str | None = None) -> None:
        self.learn_dock.show()
        self.learn_dock.raise_()
        if key is not None:
            self.learn.select_topic(key)

    def show_me(self, key: str) -> str:
        """Set up the demo of topic `key`; the sentence it returns goes under the button and to the status bar."""
        text = run_demo(self.window, topic(key))
        self.learn.set_result(text)
        if text:
            self.window.show_status(text)
        return text

    # ----- tour ----------------------------------------------------------------------------------------
    def start_tour(self) -> TourOverlay:
        if self.tour is not None:
            self.tour.skip()
        tabs = self.window.tabs
        current = tabs.currentIndex()
        self.tour = TourOverlay(self.window, main_window_steps(self.window),
                                restore=lambda: tabs.setCurrentIndex(current))
        self.tour.finished.connect(self._tour_finished)
        self.tour.start()
        return self.tour

    def _tour_finished(self, _completed: bool) -> None:
        self.tour = None

    def show_tour_if_first_run(self) -> bool:
        """The tour, if this is the first start (remembered): True when it was started. A window that
        does not remember settings (tests, screenshots) never shows it by itself."""
        if not self._remember:
            return False
        settings = QSettings()
        if _as_bool(settings.value(KEY_TOUR_SHOWN, False)):
            return False
        settings.setValue(KEY_TOUR_SHOWN, True)
        self.start_tour()
        return True

    # ----- remembered layout -----------------------------------------------------------------------------
    def save(self, settings: QSettings) -> None:
        settings.setValue(KEY_TAB, tab_key(self.window.tabs, self.window.tabs.currentIndex()))
        settings.beginGroup(KEY_SPLITTERS)
        for splitter in self.window.findChildren(QSplitter):
            if splitter.objectName():
                settings.setValue(splitter.objectName(), splitter.saveState())
        settings.endGroup()

    def _restore(self, settings: QSettings) -> None:
        key = settings.value(KEY_TAB)
        if key:
            index = tab_index(self.window.tabs, str(key))
            if index >= 0:
                self.window.tabs.setCurrentIndex(index)
        settings.beginGroup(KEY_SPLITTERS)
        for splitter in self.window.findChildren(QSplitter):
            state = settings.value(splitter.objectName()) if splitter.objectName() else None
            if state is not None:
                # When it is first shown, at its real size: restored now, the window's own resizing while
                # it opens would share the difference out by stretch factors and change the proportions.
                self._pending_splitters[splitter] = state
                splitter.installEventFilter(self)
        settings.endGroup()

    def eventFilter(self, watched, event) -> bool:  # Qt override
        if event.type() == QEvent.Type.Show and watched in self._pending_splitters:
            watched.removeEventFilter(self)
            watched.restoreState(self._pending_splitters.pop(watched))
        return False


def _fill_add_layer_menu(menu: QMenu, window: MainWindow) -> dict[str, QAction]:
    """Edit ▸ Add Layer ▸ <category> ▸ <type>: inserts after the selected layer, like a double-click."""
    actions: dict[str, QAction] = {}
    by_category: dict[str, list[str]] = {}
    for name, kind in LAYER_TYPES.items():
        by_category.setdefault(kind.category, []).append(name)
    for category in list(CATEGORIES) + [c for c in by_category if c not in CATEGORIES]:
        names = by_category.get(category)
        if not names:
            continue
        sub = menu.addMenu(tr(CATEGORIES.get(category, (category.title(), ""))[0]))
        sub.setToolTipsVisible(True)
        for name in names:
            action = QAction(name, window)
            action.setToolTip(tr(LAYER_TYPES[name].summary))
            action.setStatusTip(tr(LAYER_TYPES[name].summary))
            action.triggered.connect(lambda _=False, n=name: _add_layer(window, n))
            sub.addAction(action)
            actions[name] = action
    return actions


def _add_layer(window: MainWindow, type_name: str) -> None:
    window.network_dock.show()
    if window.editor.add_layer(type_name):
        window.editor.stack_view.setFocus(Qt.FocusReason.ShortcutFocusReason)


def _no_dead_tab_stops(window: MainWindow) -> None:
    """Scroll areas whose contents take the focus themselves need no tab stop of their own (the area
    scrolls to the focused child); a stop that only highlights a frame costs keyboard users a key press."""
    for area in window.findChildren(QScrollArea):
        if type(area) is QScrollArea and area.widget() is not None and _has_focusable_child(area.widget()):
            area.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def _has_focusable_child(widget) -> bool:
    return any(child.focusPolicy() & Qt.FocusPolicy.TabFocus for child in widget.findChildren(QWidget))


def _as_bool(value) -> bool:
    """QSettings gives "true"/"false" strings from INI files, bools from others."""
    return value is True or str(value).lower() in ("true", "1")
