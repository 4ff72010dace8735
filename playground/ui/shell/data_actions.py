"""The Data menu and the data the window trains on: MNIST (or the folder given with --data), a CSV table
or an image folder the learner imports, and the validation share carved out of its training part.

The window creates `DataActions(...)` with the document, the views it drives and a `DataHost`; it
- makes the Data menu (Import CSV…, Import Image Folder…, Back to MNIST) and hands it to the host;
- hands imported data to the worker (`request_prepare(spec, config, None, data)`), says in the training
  panel and the status bar which data is loaded, lets the panel offer only the tasks the data can pose,
  and offers to adapt the network to the data's inputs and outputs in one (undoable) click;
- re-splits the validation part when its share (or the seed) changed, on untrained weights or at Reset.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from playground.core.data.data_import import (
    DATA_SOURCE_KEY,
    DataImportError,
    DataSource,
    describe,
    is_digits,
    is_table,
    tasks_for,
    with_validation,
)
from playground.core.i18n import N_, tr
from playground.core.training.training_config import TrainingConfig
from playground.ui.dialogs.data_import import (
    CsvImportDialog,
    FolderImportDialog,
    ImportedData,
    ImportJob,
    work_for_source,
)
from playground.ui.document import RunState

if TYPE_CHECKING:
    from playground.core.data.datasets import DataSplits, ImageDataset
    from playground.core.files.project_file import Project
    from playground.core.model.network_fit import Adaptation
    from playground.core.training.metrics import History
    from playground.ui.document import Document
    from playground.ui.widgets.message_bar import MessageBar
    from playground.ui.widgets.training_status import TrainingStatus
    from playground.ui.workers.worker import TrainingWorker
    from playground.ui.workspaces.train.training_panel import TrainingPanel

MNIST_TIP = N_("Which digit is it? One of ten classes; the network ends with Linear(10) and "
               "nn.CrossEntropyLoss applies the softmax.")


class DataHost(Protocol):
    """What the data actions need from the window."""

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question; True for yes."""

    def show_status(self, text: str) -> None:
        """A passing message (the status bar)."""

    def set_modified(self) -> None:
        """The project has changed since it was saved."""

    def fill_history(self, history: History, global_step: int) -> None:
        """Show a project's past training (curves, epoch table, summary) without its weights."""

    def add_menu(self, menu: QMenu) -> None:
        """Put `menu` in the menu bar."""


class HeadFix(Protocol):
    """The check of the network's output against the task and the data (head_check.py), as used here."""

    @property
    def problem(self) -> str: ...
    @property
    def fit(self) -> Adaptation | None: ...
    @property
    def fix_text(self) -> str: ...
    def refresh(self) -> None: ...
    def apply_fix(self) -> bool: ...


class DataActions(QObject):
    """`window` parents the dialogs; `data_dir`: where MNIST is read from (None: the default)."""

    def __init__(self, window: QWidget, document: Document, worker: TrainingWorker, panel: TrainingPanel,
                 status: TrainingStatus, setup_message: MessageBar, head: HeadFix, host: DataHost,
                 data_dir: Path | None = None):
        super().__init__(window)
        self.window = window
        self.document = document
        self.worker = worker
        self.panel = panel
        self.status = status
        self.setup_message = setup_message
        self.head = head
        self.host = host
        self.data_dir = data_dir
        self.source = DataSource("mnist")
        self.base: DataSplits | None = None  # the current data without a validation part (None: reload it)
        self.mnist_base: DataSplits | None = None  # MNIST as first loaded, for "Back to MNIST"
        self._split_key: tuple | None = None  # (validation share, seed) the loaded data was split with
        self.dialog = None  # the import dialog on screen (tests reach it here)
        self.reload_job: ImportJob | None = None  # an opened project's data, being read again
        self._build_menu()

    # ----- menu ------------------------------------------------------------------------------------------
    def _build_menu(self) -> None:
        w = self.window
        menu = QMenu(tr("&Data"), w)
        self.menu = menu
        self.import_csv_action = QAction(tr("Import &CSV…"), w)
        self.import_csv_action.setStatusTip(tr("Train on a table: numeric feature columns and a target column "
                                               "(classification or regression)."))
        self.import_csv_action.triggered.connect(lambda: self.import_csv())
        self.import_folder_action = QAction(tr("Import Image &Folder…"), w)
        self.import_folder_action.setStatusTip(tr("Train on your own images: one sub-folder per class."))
        self.import_folder_action.triggered.connect(lambda: self.import_folder())
        self.mnist_action = QAction(tr("Back to &MNIST"), w)
        self.mnist_action.setStatusTip(tr("Train on the MNIST digits again."))
        self.mnist_action.triggered.connect(self.use_mnist)
        menu.addActions([self.import_csv_action, self.import_folder_action])
        menu.addSeparator()
        menu.addAction(self.mnist_action)
        self.host.add_menu(menu)
        self.panel.mnist_requested.connect(self.use_mnist)
        self.update_enabled()

    def update_enabled(self) -> None:
        free = not self.document.replace_blocker()
        for action in (self.import_csv_action, self.import_folder_action):
            action.setEnabled(free)
        self.mnist_action.setEnabled(free and self.source.kind != "mnist")

    # ----- what the window asks ---------------------------------------------------------------------------
    @property
    def data(self) -> DataSplits | None:
        return self.document.loaded_data()

    @property
    def train(self) -> Any:
        data = self.data
        return None if data is None else data.train

    def expected_train(self) -> Any:
        """The training part the network will train on: what was last sent to the worker, else what it has."""
        return self.document.expected_train()

    def digit_images(self) -> bool:
        """The data is 28×28 digit images, as the Draw and Inside tabs need."""
        train = self.train
        return train is not None and is_digits(train) and train.image_shape == (1, 28, 28)

    def digit_views_ok(self, spec, task: str) -> bool:
        """The Draw, Inside and Evaluation tabs read 28×28 digits and ten class scores: only then."""
        return self.digit_images() and task == "multiclass" and tuple(spec.input_shape) == (1, 28, 28)

    def fitting_config(self, config: TrainingConfig) -> TrainingConfig:
        """`config` with a task the data can pose (a preset's multi-class on a regression table → regression)."""
        offered = self.panel.task_settings.offered_tasks()
        return config if config.task in offered or not offered else config.replace(task=offered[0])

    def data_ready(self, info: dict[str, Any]) -> None:
        """The worker has loaded data (the first MNIST, an import, a re-split): tell the panel and status bar."""
        data = self.data
        if data is None:
            return
        self.document.sent_train = None
        first = self._split_key is None
        if first:  # the window's first prepare
            config = self.document.config(fallback=True)
            self._split_key = _split_key(config)
            if data.validation is None:
                self.base = self.mnist_base = data
        train = data.train
        self._show_data(data)
        self.panel.task_settings.set_train_size(len(train))
        settings = self.panel.task_settings
        settings.set_tasks(tasks_for(train), None if not is_digits(train) else tr(MNIST_TIP))
        if first and settings.task_key not in tasks_for(train):  # a remembered task this data can't pose
            settings.set_task(tasks_for(train)[0])
        self.update_enabled()

    def _show_data(self, data: DataSplits) -> None:
        """Which data is loaded, in the training panel and the status bar."""
        text = describe(data)
        self.panel.set_data_text(text, mnist_link=self.source.kind != "mnist")
        self.status.set_dataset(tr("Data: {name}").format(name=data.train.name), text)

    def retranslate(self) -> None:
        """The language changed: say again which data is loaded."""
        data = self.data
        if data is not None:
            self._show_data(data)
            if is_digits(data.train):  # the multi-class tip for digits, in the new language
                self.panel.task_settings.set_tasks(tasks_for(data.train), tr(MNIST_TIP))

    def ensure_split(self, config: TrainingConfig, trained: bool) -> bool:
        """Re-split the validation part if its share or the seed changed. Only on untrained weights: True
        when the worker is preparing the re-split data (the run request that follows waits for it)."""
        key = _split_key(config)
        if self._split_key is None or key == self._split_key:
            return False
        if trained:
            self.host.show_status(tr("The new validation share applies after Reset (the weights were trained "
                                       "on the current split)."))
            return False
        return self._prepare(config)

    def setup_error_expected(self) -> bool:
        """Whether a worker error only restates what the training panel already shows. Errors that say
        the network does not fit come on the worker's `misfit` signal and are left to the panel; with a
        head problem on screen, any error is a request for a network that has been changed since (a quick
        undo and redo), which may arrive just after the next run has started."""
        return bool(self.head.problem) and not self.document.running

    # ----- imports ----------------------------------------------------------------------------------------
    def import_csv(self, path: str | Path | None = None) -> CsvImportDialog | None:
        """Ask for a CSV file (unless `path`), then show the import dialog (not blocking: `self.dialog`)."""
        if self._refused():
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.window, tr("Import CSV"), str(self._folder()),
                                                  tr("CSV files (*.csv *.tsv *.txt);;All files (*)"))
            if not path:
                return None
        seed = self.document.config(fallback=True).seed
        return self._show(CsvImportDialog(Path(path), seed, self.window))

    def import_folder(self, folder: str | Path | None = None) -> FolderImportDialog | None:
        """Ask for an image folder (unless `folder`), then show the import dialog (`self.dialog`)."""
        if self._refused():
            return None
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self.window, tr("Import image folder (one sub-folder per class)"),
                                                      str(self._folder()))
            if not folder:
                return None
        seed = self.document.config(fallback=True).seed
        return self._show(FolderImportDialog(Path(folder), seed, self.window))

    def _show(self, dialog):
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = dialog
        dialog.imported.connect(self.use_data)
        dialog.open()
        return dialog

    def _folder(self) -> Path:
        path = Path(self.source.path) if self.source.path else None
        return path.parent if path is not None and path.parent.exists() else Path.home()

    def _refused(self) -> bool:
        blocker = self.document.replace_blocker()
        if blocker:
            self.host.show_status(blocker)
        return bool(blocker)

    # ----- switching data -----------------------------------------------------------------------------------
    def use_data(self, imported: ImportedData) -> bool:
        """Train on `imported` from now on: fresh weights, the tasks it allows, an offer to adapt the network."""
        if self._refused() or not self._may_discard(imported.splits.train.name):
            return False
        self.source = imported.source
        self.base = imported.splits
        self.document.extra[DATA_SOURCE_KEY] = imported.source.to_json()  # saved with the project
        self._switched(imported.note)
        return True

    def use_mnist(self) -> bool:
        """Back to the MNIST digits (as the window first loaded them), with the digit tasks."""
        if self.source.kind == "mnist" or self._refused() or not self._may_discard("MNIST"):
            return False
        self.source = DataSource("mnist")
        self.base = self.mnist_base
        self.document.extra.pop(DATA_SOURCE_KEY, None)
        self._switched("")
        return True

    def _switched(self, note: str) -> None:
        self.document.pending_project = None  # its weights belonged to the old data
        train = self.base.train if self.base is not None else _mnist_stand_in()
        tasks = tasks_for(train)
        settings = self.panel.task_settings
        settings.set_tasks(tasks)
        if settings.task_key not in tasks:
            settings.set_task(tasks[0])
        config = self.document.config(fallback=True)
        self._prepare(config)
        self.host.set_modified()
        head = self.head
        head.refresh()
        fit = head.fit
        loaded = tr("Loaded {name}.").format(name=train.name)
        text = tr("Loaded {name} — {note}.").format(name=train.name, note=note) if note else loaded
        if fit is not None:
            text = tr("{loaded} The network doesn't fit it yet: {problem}.").format(loaded=text, problem=fit.summary)
            fix: Callable[[], object] = head.apply_fix
            self.setup_message.show_message(text, "info", action=(head.fix_text, fix))
        else:
            self.setup_message.show_message(text, "info")
        self.host.show_status(loaded)

    def _prepare(self, config: TrainingConfig) -> bool:
        """Send the current data, split by `config`, to the worker (MNIST from disk when there is no base)."""
        if not self.document.worker_started:
            return False
        data: DataSplits | None = None
        if self.base is not None:
            try:
                data = with_validation(self.base, config.validation_fraction, config.seed)
            except DataImportError as exc:
                self.setup_message.show_message(
                    tr("{problem} Training without a validation part.").format(problem=exc), "warning")
                data = self.base
                config = config.replace(validation_fraction=0.0)
        self._split_key = _split_key(config)
        self.document.sent_train = data.train if data is not None else _mnist_stand_in()
        self.worker.request_prepare(self.document.spec, config, self.data_dir if data is None else None, data)
        return True

    # ----- projects -----------------------------------------------------------------------------------------
    def project_opened(self, project: Project) -> bool:
        """An opened project trains on the data it was saved with: its CSV or image folder is read again
        with the saved choices (or MNIST comes back), split as its settings say, and then the project's
        weights are loaded. True when that is under way (the project loads when the data is ready);
        False when the data loaded now is already the project's."""
        if not self.document.worker_started or self.document.state == RunState.UNAVAILABLE:
            return False
        saved = DataSource.from_json(project.extra.get(DATA_SOURCE_KEY)) or DataSource("mnist")
        config = project.training
        if saved.kind == "mnist" or _same(saved, self.source):
            if saved.kind == "mnist" and self.source.kind != "mnist":
                self.source, self.base = saved, self.mnist_base
            elif _split_key(config) == self._split_key:
                return False
            self._prepare(config)
            self._load(project)
            return True
        if not Path(saved.path).exists():
            self.setup_message.show_message(
                tr("This project was trained on {path}, which is not there any more: it can't be trained further "
                   "here until that data is imported again (Data menu).").format(path=saved.path), "warning")
            return False
        try:
            work = work_for_source(saved)
        except ValueError:
            return False
        if self.reload_job is not None:
            self.reload_job.cancel()
        job = self.reload_job = ImportJob(work)
        job.finished.connect(lambda imported: self._reloaded(imported, project))
        job.failed.connect(lambda message: self._reload_failed(message, project))
        job.start()
        self.host.show_status(tr("Reading {name} for the project…").format(name=Path(saved.path).name))
        return True

    def _reloaded(self, imported: ImportedData, project: Project) -> None:
        if self.document.pending_project is not project:  # another project or network since
            return
        self.source, self.base = imported.source, imported.splits
        self._prepare(project.training)
        self._load(project)
        name = imported.splits.train.name
        self.host.show_status(tr("Loaded {name} for the project ({note}).").format(name=name, note=imported.note)
                      if imported.note else tr("Loaded {name} for the project.").format(name=name))

    def _reload_failed(self, message: str, project: Project) -> None:
        self.setup_message.show_message(
            tr("The project's data could not be read again: {error}").format(error=message), "warning")
        if self.document.pending_project is project:  # show what it learned, at least
            self.host.fill_history(project.history, project.global_step)

    def _load(self, project: Project) -> None:
        """After the data the project needs: its weights, optimizer state and history."""
        self.document.pending_project = project
        if self.document.spec_problem == "":
            self.worker.request_load_project(project)
        else:
            self.host.fill_history(project.history, project.global_step)

    def _may_discard(self, name: str) -> bool:
        steps = self.document.trained_steps()
        return not steps or self.host.confirm(
            tr("Switch the data?"), tr("The network has trained for {steps:,} steps on the current data. Training on "
                                       "{name} starts from fresh weights. Switch?").format(steps=steps, name=name))

    def is_table(self) -> bool:
        return self.train is not None and is_table(self.train)




def _same(a: DataSource, b: DataSource) -> bool:
    return a.kind == b.kind and a.path == b.path and (a.options or {}) == (b.options or {})


def _mnist_stand_in() -> ImageDataset:
    """What MNIST looks like to the task checks while it is being loaded again: 1×28×28 digits 0–9."""
    import numpy as np

    from playground.core.data.datasets import ImageDataset

    return ImageDataset(np.zeros((1, 28, 28), np.uint8), np.zeros(1, np.int64), "MNIST", tuple("0123456789"))


def _split_key(config: TrainingConfig) -> tuple:
    fraction = round(float(config.validation_fraction), 6)
    return (fraction, config.seed if fraction > 0 else None)
