"""Training ▸ Write TensorBoard Logs: the window's runs write TensorBoard event files (core/tensorboard_log.py).

A checkable action and a "TensorBoard Folder…" action in the Training menu. Switched on, each run the window
trains writes its event files into a folder of its own under the chosen folder (the training worker attaches the
logger to its trainer); `tensorboard --logdir FOLDER` shows them. The switch and the folder are remembered in
QSettings. Switching on with no folder chosen yet asks for one first.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from playground.core.i18n import tr
from playground.ui.workers.worker import TrainingWorker

SETTINGS_ON = "tensorboard/enabled"
SETTINGS_FOLDER = "tensorboard/folder"


class TensorBoardSwitch(QObject):
    """The two actions, added to `menu`; `set_logging(on, folder)` is what they do (tests call it)."""

    def __init__(self, window: QWidget, worker: TrainingWorker, menu: QMenu, settings: QSettings | None,
                 parent: QObject | None = None):
        super().__init__(parent)
        self._window = window
        self._worker = worker
        self._settings = settings
        self.folder: Path | None = None
        self.action = QAction(tr("Write &TensorBoard Logs"), window)
        self.action.setCheckable(True)
        self.action.toggled.connect(self._toggled)
        self.folder_action = QAction(tr("TensorBoard &Folder…"), window)
        self.folder_action.triggered.connect(lambda: self.choose_folder())
        menu.addSeparator()
        menu.addAction(self.action)
        menu.addAction(self.folder_action)
        if settings is not None:
            folder = settings.value(SETTINGS_FOLDER, "")
            on = str(settings.value(SETTINGS_ON, "false")).lower() == "true"
            if isinstance(folder, str) and folder:
                self.set_logging(on, Path(folder))
        self._update_tips()

    @property
    def enabled(self) -> bool:
        return self.action.isChecked()

    def set_logging(self, on: bool, folder: Path | None = None) -> None:
        """Switch the logs on (into `folder`, or the one chosen before) or off."""
        if folder is not None:
            self.folder = folder
        on = on and self.folder is not None
        self.action.blockSignals(True)
        self.action.setChecked(on)
        self.action.blockSignals(False)
        self._worker.set_tensorboard_dir(self.folder if on else None)
        if self._settings is not None:
            self._settings.setValue(SETTINGS_ON, "true" if on else "false")
            if self.folder is not None:
                self._settings.setValue(SETTINGS_FOLDER, str(self.folder))
        self._update_tips()

    def choose_folder(self) -> bool:
        """Ask for the folder; choosing one switches the logs on."""
        start = str(self.folder) if self.folder is not None else ""
        chosen = QFileDialog.getExistingDirectory(self._window, tr("Folder for TensorBoard logs"), start)
        if not chosen:
            return False
        self.set_logging(True, Path(chosen))
        return True

    def _toggled(self, on: bool) -> None:
        if on and self.folder is None:
            if not self.choose_folder():
                self.set_logging(False)
            return
        self.set_logging(on)

    def _update_tips(self) -> None:
        if self.folder is None:
            tip = tr("Each run writes TensorBoard event files (loss, scores, weight histograms, the graph, its "
                     "settings) into a folder you choose.")
        else:
            tip = tr("Each run writes TensorBoard event files into a folder of its own under {folder}; open them with "
                     "tensorboard --logdir {folder}.").format(folder=self.folder)
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.folder_action.setStatusTip(tr("Choose where the TensorBoard logs go."))

    def retranslate(self) -> None:
        self._update_tips()
