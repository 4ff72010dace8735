"""Guided learning and comfort, installed into the main window by one object.

- Edit ▸ Preferences… (Ctrl+,): theme, language, default device, CPU threads (`preferences.py`).
- View ▸ Learn (F1): the Learn sidebar (a tab of the side column in every workspace), whose "Show me" runs
  the window's `demo_<name>` methods.
- Help ▸ Tour: the first-run tour, shown once on the first start of the real app (`run_gui`), never
  under tests or `nn-playground screenshot` unless asked.
- Keyboard: Edit ▸ Add Layer (every layer type, for those who do not drag), View ▸ workspaces with
  Ctrl+1…Ctrl+5 (shown in their tooltips), no dead tab stops.
- Remembered with the window: the sizes of named splitters, the workspace and its views, Learn open or
  not (the window already keeps its geometry).

The window creates `WindowComfort(window, settings)` after its menus, workspaces and worker exist, calls
`save(settings)`
when it saves its own settings and `panels_built()` when the torch-backed panels replace their
placeholders.
"""

from __future__ import annotations

from typing import Any, TypeAlias

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QScrollArea, QSplitter, QWidget

from playground.core.explain.learn_topics import topic
from playground.core.i18n import tr
from playground.core.model.layers import LAYER_TYPES
from playground.ui.dialogs.preferences import PreferencesManager
from playground.ui.shell.learn_sidebar import LearnSidebar, run_demo
from playground.ui.shell.tour import TourOverlay, main_window_steps
from playground.ui.widgets.theme import plot_colours, restyle_plots
from playground.ui.workspaces.train.layer_palette import CATEGORIES

# The main window, typed loosely: importing its class here would close an import circle (a protocol
# of what this module uses of it is the lasting fix).
MainWindow: TypeAlias = Any

KEY_TOUR_SHOWN = "tour/shown"
KEY_SPLITTERS = "window/splitters"  # group: one saveState per named splitter
LEARN_MIN_WIDTH = 248  # narrower, its texts wrap every few words


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
        self.learn.setMinimumWidth(LEARN_MIN_WIDTH)
        window.workspaces.set_learn(self.learn)  # a side-column tab while open, in every workspace
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

        self.learn_action = QAction(tr("&Learn"), w)
        self.learn_action.setCheckable(True)
        self.learn_action.setShortcut(QKeySequence(Qt.Key.Key_F1))
        self.learn_action.setStatusTip(tr("The course's ideas, each with a demo (F1)."))
        self.learn_action.setToolTip(tr("The course's ideas, each with a demo (F1)."))
        self.learn_action.toggled.connect(w.workspaces.set_learn_open)
        w.workspaces.learn_toggled.connect(self.learn_action.setChecked)
        w.addAction(self.learn_action)
        w.view_menu.addAction(self.learn_action)
        w.view_menu.addSeparator()
        self.workspace_actions: list[QAction] = []
        for space in w.workspaces.workspaces():  # Ctrl+1…Ctrl+5, made with the workspace bar
            if space.action is not None:
                w.addAction(space.action)
                w.view_menu.addAction(space.action)
                self.workspace_actions.append(space.action)

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

    def retranslate(self) -> None:
        """The texts built here from values: the workspaces' buttons, actions and tooltips with their keys."""
        self.learn_action.setText(tr("&Learn"))
        self.learn_action.setToolTip(tr("The course's ideas, each with a demo (F1)."))
        self.window.workspaces.retranslate()

    # ----- preferences -----------------------------------------------------------------------------------
    def open_preferences(self):
        from playground.ui.dialogs.preferences_dialog import PreferencesDialog

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
        from playground.ui.shell.i18n import apply_language, last_error

        app = QApplication.instance()
        if app is not None and not apply_language(app, locale):
            self.window.show_status(tr("The translation could not be loaded: {reason}").format(reason=last_error()))

    def _system_theme_changed(self, _scheme) -> None:
        self.preferences.system_theme_changed()

    def _device_changed(self, device: str) -> None:
        """A new default device is also the device now, unless a run is in progress."""
        from playground.ui.shell.run_controls import RUNNING

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
        self.window.workspaces.set_learn_open(True)
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
        spaces = self.window.workspaces
        current = spaces.current_view_key()
        self.tour = TourOverlay(self.window, main_window_steps(self.window),
                                restore=lambda: spaces.show_view(current))
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
        self.window.workspaces.save(settings)
        settings.beginGroup(KEY_SPLITTERS)
        for splitter in self.window.findChildren(QSplitter):
            if splitter.objectName():
                settings.setValue(splitter.objectName(), splitter.saveState())
        settings.endGroup()

    def _restore(self, settings: QSettings) -> None:
        self.window.workspaces.restore(settings)  # an old window's remembered tab is read once, then dropped
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
    window.workspaces.show_workspace("train")
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
