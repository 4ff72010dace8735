"""Train / Pause / Step / Stop / Reset as QActions with shortcuts, enabled by the run's state."""

from __future__ import annotations

import html

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar, QWidget

from playground.core.i18n import N_, tr
from playground.ui.document import RUNNING, RunState


class RunActions(QObject):
    """The actions live on the window (so shortcuts work wherever the focus is) and in its toolbar."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        style = window.style()
        icon = style.standardIcon
        # action → (English text, English tip, keys shown in the tooltip): the tooltips are built from them.
        self._sources: dict[QAction, tuple[str, str, str]] = {}
        self.train = self._make(window, N_("Train"), icon(QStyle.StandardPixmap.SP_MediaPlay), "Ctrl+Return",
                                N_("Start training for the chosen number of epochs, or resume a paused run. "
                                   "Training again later continues from the current weights."))
        self.pause = self._make(window, N_("Pause"), icon(QStyle.StandardPixmap.SP_MediaPause), None,
                                N_("Pause after the current batch; the weights and the plots stay as they are. "
                                   "Space pauses and resumes."), keys_hint="Space")
        self.step = self._make(window, N_("Step"), icon(QStyle.StandardPixmap.SP_MediaSkipForward), "Ctrl+Right",
                               N_("Train on exactly one batch, then stay paused: watch a single gradient step."))
        self.stop = self._make(window, N_("Stop"), icon(QStyle.StandardPixmap.SP_MediaStop), "Esc",
                               N_("End this run after the current batch. The weights are kept: Train continues "
                                  "from them."))
        self.reset = self._make(window, N_("Reset"), icon(QStyle.StandardPixmap.SP_BrowserReload), "Ctrl+R",
                                N_("Throw the learned weights away: new random weights from the seed, empty curves."))
        # Space toggles: pause while training, resume while paused. Not shown in the toolbar.
        self.pause_resume = QAction(tr("Pause / resume"), window)
        self.pause_resume.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.pause_resume.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.pause_resume)
        self._tips = {action: self._tooltip(action) for action in self.buttons()}
        self._blocked = ""
        self._available = True  # the workspace on show has this training (else hidden, keys off)
        self._toolbar: QToolBar | None = None
        self.set_state(RunState.LOADING)

    def _make(self, window: QWidget, text: str, icon, shortcut: str | None, tip: str,
              keys_hint: str | None = None) -> QAction:
        """`keys_hint`: keys to show in the tooltip when another action owns the shortcut."""
        action = QAction(icon, tr(text), window)
        keys = keys_hint or shortcut
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self._sources[action] = (text, tip, keys or "")
        action.setToolTip(self._tooltip(action))
        window.addAction(action)
        return action

    def _tooltip(self, action: QAction) -> str:
        """The action's name and keys in bold and code, then what it does (in the current language)."""
        text, tip, keys = self._sources[action]
        # The keys' names as the platform and language call them (Qt translates "Space", "Return", ...).
        shown_keys = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        shown = f" &nbsp;<code>{shown_keys}</code>" if shown_keys else ""
        return f"<b>{tr(text)}</b>{shown}<br>{tr(tip)}"

    def retranslate(self) -> None:
        """The tooltips (built from several texts) and the Train/Resume text, in the current language."""
        for action, (text, _tip, _keys) in self._sources.items():
            action.setText(tr(text))
        self.pause_resume.setText(tr("Pause / resume"))
        if self._toolbar is not None:
            self._toolbar.setWindowTitle(tr("Training"))
        self._tips = {action: self._tooltip(action) for action in self.buttons()}
        for action, tip in self._tips.items():
            action.setToolTip(tip)
        self._refresh()  # Train's text and the tooltips of blocked actions

    def buttons(self) -> list[QAction]:
        return [self.train, self.pause, self.step, self.stop, self.reset]

    def set_state(self, state: RunState) -> None:
        self.state = state
        self._refresh()

    def set_blocked(self, reason: str) -> None:
        """A reason ("" for none) why no new run can start, e.g. the network is invalid: Train, Step and
        Reset are disabled from idle with the reason as their tooltip. A paused run can still resume."""
        self._blocked = reason
        self._refresh()

    @property
    def blocked(self) -> str:
        return self._blocked

    def set_available(self, available: bool) -> None:
        """Shown and working only in workspaces about this training: in the 2-D playground Space must not
        pause the MNIST run, and a Train button there would read as the playground's."""
        self._available = available
        if self._toolbar is not None:
            self._toolbar.setVisible(available)
        self._refresh()

    @property
    def available(self) -> bool:
        return self._available

    def _refresh(self) -> None:
        state, free, on = self.state, not self._blocked, self._available
        self.train.setEnabled(on and (state == RunState.PAUSED or (state == RunState.IDLE and free)))
        self.train.setText(tr("Resume") if state == RunState.PAUSED else tr("Train"))
        self.pause.setEnabled(on and state in (RunState.STARTING, RunState.TRAINING))
        self.step.setEnabled(on and (state == RunState.PAUSED or (state == RunState.IDLE and free)))
        self.stop.setEnabled(on and state in (RunState.STARTING, RunState.TRAINING, RunState.PAUSED))
        self.reset.setEnabled(on and state == RunState.IDLE and free)
        self.pause_resume.setEnabled(on and state in (RunState.STARTING, RunState.TRAINING, RunState.PAUSED))
        reason = html.escape(self._blocked, quote=False)
        unavailable = tr("<b>{action}</b> is not available: {reason}")
        for action in (self.train, self.step, self.reset):
            blocked = self._blocked and state != RunState.PAUSED
            tip = unavailable.format(action=action.text(), reason=reason) if blocked else self._tips[action]
            action.setToolTip(tip)

    def make_toolbar(self, parent: QWidget) -> QToolBar:
        bar = self._toolbar = QToolBar(tr("Training"), parent)
        bar.setObjectName("trainingToolBar")
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        for action in self.buttons():
            if action is self.reset:
                bar.addSeparator()
            bar.addAction(action)
        return bar


__all__ = ["RUNNING", "RunActions", "RunState"]  # RunState and RUNNING live in the document
