"""Train / Pause / Step / Stop / Reset as QActions with shortcuts, enabled by the run's state."""

from __future__ import annotations

import html
from enum import Enum

from PySide6.QtCore import QObject, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QStyle, QToolBar, QWidget


class RunState(Enum):
    LOADING = "loading"          # data and torch still loading
    UNAVAILABLE = "unavailable"  # the data could not be loaded: nothing to train on
    IDLE = "idle"
    STARTING = "starting"        # a run was asked for; the trainer has not reported "started" yet
    TRAINING = "training"
    PAUSED = "paused"
    STOPPING = "stopping"


RUNNING = (RunState.STARTING, RunState.TRAINING, RunState.PAUSED, RunState.STOPPING)


class RunActions(QObject):
    """The actions live on the window (so shortcuts work wherever the focus is) and in its toolbar."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        style = window.style()
        icon = style.standardIcon
        self.train = self._make(window, "Train", icon(QStyle.StandardPixmap.SP_MediaPlay), "Ctrl+Return",
                                "Start training for the chosen number of epochs, or resume a paused run. "
                                "Training again later continues from the current weights.")
        self.pause = self._make(window, "Pause", icon(QStyle.StandardPixmap.SP_MediaPause), None,
                                "Pause after the current batch; the weights and the plots stay as they are. "
                                "Space pauses and resumes.", keys_hint="Space")
        self.step = self._make(window, "Step", icon(QStyle.StandardPixmap.SP_MediaSkipForward), "Ctrl+Right",
                               "Train on exactly one batch, then stay paused: watch a single gradient step.")
        self.stop = self._make(window, "Stop", icon(QStyle.StandardPixmap.SP_MediaStop), "Esc",
                               "End this run after the current batch. The weights are kept: Train continues from them.")
        self.reset = self._make(window, "Reset", icon(QStyle.StandardPixmap.SP_BrowserReload), "Ctrl+R",
                                "Throw the learned weights away: new random weights from the seed, empty curves.")
        # Space toggles: pause while training, resume while paused. Not shown in the toolbar.
        self.pause_resume = QAction("Pause / resume", window)
        self.pause_resume.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.pause_resume.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(self.pause_resume)
        self._tips = {action: action.toolTip() for action in self.buttons()}
        self._blocked = ""
        self.set_state(RunState.LOADING)

    @staticmethod
    def _make(window: QWidget, text: str, icon, shortcut: str | None, tip: str,
              keys_hint: str | None = None) -> QAction:
        """`keys_hint`: keys to show in the tooltip when another action owns the shortcut."""
        action = QAction(icon, text, window)
        keys = keys_hint or shortcut
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown_keys = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
        action.setToolTip(f"<b>{text}</b>" + (f" &nbsp;<code>{shown_keys}</code>" if shown_keys else "") + f"<br>{tip}")
        window.addAction(action)
        return action

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

    def _refresh(self) -> None:
        state, free = self.state, not self._blocked
        self.train.setEnabled(state == RunState.PAUSED or (state == RunState.IDLE and free))
        self.train.setText("Resume" if state == RunState.PAUSED else "Train")
        self.pause.setEnabled(state in (RunState.STARTING, RunState.TRAINING))
        self.step.setEnabled(state == RunState.PAUSED or (state == RunState.IDLE and free))
        self.stop.setEnabled(state in (RunState.STARTING, RunState.TRAINING, RunState.PAUSED))
        self.reset.setEnabled(state == RunState.IDLE and free)
        self.pause_resume.setEnabled(state in (RunState.STARTING, RunState.TRAINING, RunState.PAUSED))
        reason = html.escape(self._blocked, quote=False)
        for action in (self.train, self.step, self.reset):
            blocked = self._blocked and state != RunState.PAUSED
            action.setToolTip(f"<b>{action.text()}</b> is not available: {reason}" if blocked else self._tips[action])

    def make_toolbar(self, parent: QWidget) -> QToolBar:
        bar = QToolBar("Training", parent)
        bar.setObjectName("trainingToolBar")
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        bar.setMovable(False)
        for action in self.buttons():
            if action is self.reset:
                bar.addSeparator()
            bar.addAction(action)
        return bar
