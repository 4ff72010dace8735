"""Data ▸ Import CSV… and Import Image Folder…: the two dialogs and the background job that reads the data.

Each dialog shows what it found before anything is trained on — the first rows of the CSV, the class
folders and how many images each holds — and the choices that matter: the target column and the task,
standardising the features, the image size, the test share. Reading runs off the GUI thread with progress
and Cancel; a file that can't be used is named in the dialog (the CSV row, the broken image), and the
dialog stays open so the user can change a choice and try again.

Decoding images goes through QImage (`image_io.read_grayscale`, `image_io.read_rgb` for colour), so the core
loader stays Qt-free.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from playground.core.data.data_import import DataSource, saved_number
from playground.core.data.datasets import DataSplits
from playground.core.i18n import N_, tr
from playground.ui.widgets.notice_box import NoticeBox
from playground.ui.workers.background import JobThread

PREVIEW_ROWS = 8
PREVIEW_BYTES = 64 * 1024
DEFAULT_TEST_SHARE = 20.0
CSV_TASKS = {
    "auto": N_("Automatic (decimal numbers → regression)"),
    "classification": N_("Classification (the target names a class)"),
    "regression": N_("Regression (the target is a number)"),
}
STANDARDISE_TIP = N_("Scale every feature column to mean 0 and standard deviation 1, using the training rows' "
                     "statistics (the test rows are scaled the same way, so nothing about them leaks into training). "
                     "Features on very different scales (metres and millimetres) otherwise make gradient descent "
                     "crawl along the large ones.")
TEST_SHARE_TIP = N_("The share of the data kept aside as the test set: never trained on, it gives the honest score.")
FOLDER_TEST_SHARE_TIP = N_("The share of the data kept aside as the test set: never trained on, it gives the honest "
                           "score. It is taken from every class.")
COLOUR_TIP = N_("Grayscale converts colour images to gray (luma): one channel, 1×H×W inputs, as MNIST. RGB keeps "
                "the colour: three channels, 3×H×W inputs — the network's input is adapted to it (a Conv2d's "
                "in_channels follow the input), and the first layer gets three times the weights.")


@dataclass(frozen=True)
class ImportedData:
    """What an import produced: train/test parts (no validation part yet), where from, and a note."""

    splits: DataSplits
    source: DataSource
    note: str = ""


class ImportJob(QObject):
    """Runs `work(progress)` on a thread of its own; `progress(done, total)` returns False once cancelled."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[Callable[[int, int], bool]], Any]):
        super().__init__()
        self._work = work
        self._jobs = JobThread("data-import", idle_exit=True)
        self.error: BaseException | None = None  # the exception behind `failed` (a CsvError knows its row)

    def start(self) -> None:
        self._jobs.submit(self._run)

    def cancel(self) -> None:
        self._jobs.cancel()

    @property
    def running(self) -> bool:
        return self._jobs.busy

    def _report(self, done: int, total: int) -> bool:
        self._jobs.emit(self.progress, done, total)
        return not self._jobs.cancelled()

    def _run(self) -> None:
        from playground.core.data.image_folder import ImportCancelled

        emit = self._jobs.emit
        try:
            result = self._work(self._report)
        except ImportCancelled:
            emit(self.cancelled)
        except (ValueError, OSError) as exc:  # CsvError, ImageFolderError, DataImportError are ValueErrors
            self.error = exc
            emit(self.failed, str(exc))
        except MemoryError:
            emit(self.failed, tr("Not enough memory for this data: choose a smaller image size or fewer images."))
        except Exception as exc:  # noqa: BLE001 — never a traceback: a message
            emit(self.failed, tr("Import failed: {error}").format(error=f"{type(exc).__name__}: {exc}"))
        else:
            if self._jobs.cancelled():
                emit(self.cancelled)
            else:
                emit(self.finished, result)


class _ImportDialog(QDialog):
    """The part both dialogs share: options above, a notice, progress, Import / Cancel."""

    imported = Signal(object)  # ImportedData

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.result_data: ImportedData | None = None
        self.job: ImportJob | None = None
        self.notice = NoticeBox()
        self.notice.setObjectName("importNotice")
        self.notice.hide()
        self.progress = QProgressBar()
        self.progress.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.notice)
        self.layout_.addWidget(self.progress)
        self.layout_.addWidget(self.buttons)

    # Subclasses: the work to run and the options to lock while it runs.
    def make_work(self) -> Callable[[Callable[[int, int], bool]], Any]:
        raise NotImplementedError

    def option_widgets(self) -> list[QWidget]:
        return []

    def start_import(self) -> None:
        if self.job is not None and self.job.running:
            return
        try:
            work = self.make_work()
        except ValueError as exc:
            self.show_problem(str(exc))
            return
        self.notice.hide()
        self.job = ImportJob(work)
        self.job.progress.connect(self._on_progress)
        self.job.finished.connect(self._on_finished)
        self.job.failed.connect(self._on_failed)
        self.job.cancelled.connect(self._on_cancelled)
        self._set_busy(True)
        self.job.start()

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()  # the thread ends at its next image; its result is ignored
        super().reject()

    def show_problem(self, text: str) -> None:
        self.notice.set_notice(tr("Can't import this"), [text], "error")
        self.notice.show()

    def _set_busy(self, busy: bool) -> None:
        for widget in self.option_widgets():
            widget.setEnabled(not busy)
        self.import_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setRange(0, 0)  # busy until the first report says how many

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress.setFormat(tr("%v of %m images"))

    def _on_finished(self, result: ImportedData) -> None:
        self._set_busy(False)
        if not self.isVisible():
            return  # cancelled by closing
        self.result_data = result
        self.imported.emit(result)
        self.accept()

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self.show_problem(message)

    def _on_cancelled(self) -> None:
        self._set_busy(False)


class CsvImportDialog(_ImportDialog):
    """Choose the target column and the task for a CSV file, with a preview of its first rows."""

    def __init__(self, path: Path, seed: int = 0, parent: QWidget | None = None):
        super().__init__(tr("Import CSV — {name}").format(name=Path(path).name), parent)
        self.path = Path(path)
        self.seed = seed
        header, rows, problem = _preview(self.path)
        self.header = header
        self.preview = QTableWidget(len(rows), len(header))
        self.preview.setObjectName("csvPreview")
        self.preview.setProperty("untranslatable", True)  # the file's own cells and column names
        self.preview.setHorizontalHeaderLabels(header)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setDefaultSectionSize(22)
        self.preview.setVerticalHeaderLabels([str(n) for n in range(2, len(rows) + 2)])  # spreadsheet rows
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.setToolTip(tr("The file's first rows; the numbers on the left are the rows as a spreadsheet "
                                   "counts them (the header is row 1)."))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row[: len(header)]):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.preview.setMinimumHeight(200)
        self.target = QComboBox()
        self.target.setProperty("untranslatable", True)  # the file's column names
        for column in header:
            self.target.addItem(column, column)
        if header:
            self.target.setCurrentIndex(len(header) - 1)
        self.target.setToolTip(tr("The column the network learns to predict; every other column is an input feature "
                                  "and must hold numbers."))
        self.task = QComboBox()
        for key, text in CSV_TASKS.items():
            self.task.addItem(tr(text), key)
        self.task.setToolTip(tr("Classification: the target's values are class names (or whole-number codes). "
                                "Regression: the target is a quantity to predict."))
        self.standardise = QCheckBox(tr("Standardise the features (mean 0, std 1)"))
        self.standardise.setChecked(True)
        self.standardise.setToolTip(tr(STANDARDISE_TIP))
        self.test_share = _share_box(DEFAULT_TEST_SHARE, tr(TEST_SHARE_TIP))
        self.info = QLabel()
        self.info.setObjectName("csvInfo")
        form = QFormLayout()
        form.addRow(tr("Target column"), self.target)
        form.addRow(tr("Task"), self.task)
        form.addRow(tr("Test share"), self.test_share)
        form.addRow(self.standardise)
        self.layout_.addWidget(self.info)
        self.layout_.addWidget(self.preview, 1)
        self.layout_.addLayout(form)
        self.finish_layout()
        self.retranslate()
        if problem:
            self.show_problem(problem)
        self.resize(720, 520)

    def retranslate(self) -> None:
        """The title and the file's line, in the current language."""
        self.setWindowTitle(tr("Import CSV — {name}").format(name=self.path.name))
        self.info.setText(tr("<b>{name}</b> — {size}. The first rows:").format(
            name=self.path.name, size=_size_text(self.path)))

    def option_widgets(self) -> list[QWidget]:
        return [self.target, self.task, self.standardise, self.test_share]

    def _on_failed(self, message: str) -> None:
        super()._on_failed(message)
        error = self.job.error if self.job is not None else None
        row, column = getattr(error, "row", None), getattr(error, "column", None)
        if row is not None and 2 <= row < 2 + self.preview.rowCount() and column in self.header:
            self.mark_cell(row - 2, self.header.index(column))

    def mark_cell(self, row: int, column: int) -> None:
        """Point at the cell the error names, when it is among the rows shown."""
        item = self.preview.item(row, column)
        if item is None:
            return
        item.setBackground(QColor("#FBE6DC"))
        item.setForeground(QColor("#A33A00"))
        self.preview.setCurrentCell(row, column)
        self.preview.scrollToItem(item)

    def make_work(self):
        return work_for_source(DataSource("csv", str(self.path), {
            "target": self.target.currentData() or None, "task": self.task.currentData(),
            "standardise": self.standardise.isChecked(), "test_fraction": self.test_share.value() / 100.0,
            "seed": self.seed}))


class FolderImportDialog(_ImportDialog):
    """An image folder with one sub-folder per class: its classes, the image size and the test share."""

    def __init__(self, folder: Path, seed: int = 0, parent: QWidget | None = None):
        super().__init__(tr("Import image folder — {name}").format(name=Path(folder).name), parent)
        from playground.core.data.image_folder import MAX_SIDE, MIN_SIDE, ImageFolderError, scan_folder

        self.folder = Path(folder)
        self.seed = seed
        self.scan = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("folderSummary")
        try:
            self.scan = scan_folder(self.folder)
        except ImageFolderError as exc:
            self.show_problem(str(exc))
        self._show_summary()
        self.side = QSpinBox()
        self.side.setRange(MIN_SIDE, MAX_SIDE)
        self.side.setValue(28)
        self.side.setSuffix(" px")
        self.side.setToolTip(tr("Every image is scaled to this many pixels square (area-averaged, as MNIST's 28×28). "
                                "Larger keeps more detail but trains slower: a 64×64 image is 5× a 28×28 one."))
        self.colour = QComboBox()
        self.colour.addItem(tr("Grayscale (1 channel)"), "gray")
        self.colour.addItem(tr("RGB colour (3 channels)"), "rgb")
        self.colour.setToolTip(tr(COLOUR_TIP))
        self.invert = QCheckBox(tr("Invert (dark shapes on light paper → light on dark, as MNIST)"))
        self.invert.setToolTip(tr("MNIST's digits are white on black. Drawings scanned as black on white train just "
                                  "as well either way, but the Draw tab's canvas sends white on black."))
        self.skip = QCheckBox(tr("Skip images that can't be read (instead of stopping)"))
        self.skip.setToolTip(tr("A damaged file normally stops the import with its name, so you can fix or remove "
                                "it. With this on it is left out and listed afterwards."))
        self.test_share = _share_box(DEFAULT_TEST_SHARE, tr(FOLDER_TEST_SHARE_TIP))
        form = QFormLayout()
        form.addRow(tr("Image size (square)"), self.side)
        form.addRow(tr("Colour"), self.colour)
        form.addRow(tr("Test share"), self.test_share)
        form.addRow(self.invert)
        form.addRow(self.skip)
        self.layout_.addWidget(self.summary)
        self.layout_.addLayout(form)
        self.finish_layout()
        self.import_button.setEnabled(self.scan is not None)
        self.resize(560, 300)

    def option_widgets(self) -> list[QWidget]:
        return [self.side, self.colour, self.invert, self.skip, self.test_share]

    def _show_summary(self) -> None:
        name = self.folder.name
        if self.scan is None:
            self.summary.setText(f"<b>{name}</b>")
            return
        counts = self.scan.counts()
        listed = ", ".join(f"{c} ({n:,})" for c, n in list(zip(self.scan.classes, counts))[:12])
        if len(counts) > 12:
            listed = tr("{listed}, … {more} more").format(listed=listed, more=len(counts) - 12)
        text = tr("<b>{name}</b>: {images:,} images in {classes} classes — {listed}.").format(
            name=name, images=sum(counts), classes=len(counts), listed=listed)
        if self.scan.ignored:
            text = tr("{summary} {count:,} other file(s) are not images and are left out.").format(
                summary=text, count=len(self.scan.ignored))
        self.summary.setText(text)

    def retranslate(self) -> None:
        """The title and the folder's summary, in the current language."""
        self.setWindowTitle(tr("Import image folder — {name}").format(name=self.folder.name))
        self._show_summary()

    def _set_busy(self, busy: bool) -> None:
        super()._set_busy(busy)
        if not busy and self.scan is None:
            self.import_button.setEnabled(False)

    def make_work(self):
        if self.scan is None:
            raise ValueError(tr("The folder can't be imported (see above)."))
        return work_for_source(DataSource("folder", str(self.folder), {
            "size": self.side.value(), "test_fraction": self.test_share.value() / 100.0, "seed": self.seed,
            "invert": self.invert.isChecked(), "skip_unreadable": self.skip.isChecked(),
            "colour": self.colour.currentData()}))


def work_for_source(source: DataSource) -> Callable[[Callable[[int, int], bool]], ImportedData]:
    """The import a DataSource describes, as work for an ImportJob: the dialogs' choices, or a project's
    saved ones when it is opened again. Options a file gets wrong fall back to the defaults."""
    options = dict(source.options or {})
    path = Path(source.path)
    share = saved_number(options.get("test_fraction"), 0.2, 0.05, 0.9)
    seed = int(saved_number(options.get("seed"), 0, 0, 2**32 - 1))
    if source.kind == "csv":
        from playground.core.data.csv_data import read_csv
        from playground.core.data.data_import import csv_choices, table_splits

        choices = csv_choices(source)
        target = choices.target

        def work(progress):
            table = read_csv(path, target, choices.task)
            splits = table_splits(table, choices.test_fraction, choices.seed, choices.standardise, name=path.name)
            if table.task == "regression":
                text = tr("{rows:,} rows, target '{column}' (regression)")
            else:
                text = tr("{rows:,} rows, target '{column}' ({classes} classes)")
            note = text.format(rows=len(table), column=target or tr("the last column"), classes=len(table.classes))
            return ImportedData(splits, source, note)

        return work
    if source.kind == "folder":
        from playground.core.data.image_folder import MAX_SIDE, MIN_SIDE, load_image_folder
        from playground.ui.widgets.image_io import read_grayscale, read_rgb

        side = int(saved_number(options.get("size"), 28, MIN_SIDE, MAX_SIDE))
        colour = "rgb" if options.get("colour") == "rgb" else "gray"
        decode = read_rgb if colour == "rgb" else read_grayscale
        invert, skip = options.get("invert") is True, options.get("skip_unreadable") is True

        def work(progress):
            data = load_image_folder(path, (side, side), share, seed, decode=decode, invert=invert,
                                     skip_unreadable=skip, progress=progress, colour=colour)
            note = ""
            if data.unreadable:
                names = ", ".join(str(p.relative_to(path)) for p, _ in data.unreadable[:3])
                if len(data.unreadable) > 3:
                    note = tr("{count} unreadable image(s) left out: {names} and {more} more").format(
                        count=len(data.unreadable), names=names, more=len(data.unreadable) - 3)
                else:
                    note = tr("{count} unreadable image(s) left out: {names}").format(
                        count=len(data.unreadable), names=names)
            return ImportedData(data.splits, source, note)

        return work
    raise ValueError(tr("Unknown kind of data '{kind}'.").format(kind=source.kind))


def _share_box(value: float, tip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(5.0, 90.0)
    box.setDecimals(0)
    box.setSingleStep(5.0)
    box.setSuffix(" %")
    box.setValue(value)
    box.setToolTip(tip)
    return box


def _size_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return tr("unreadable")
    if size >= 2**20:
        return f"{size / 2**20:.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else tr("{size} bytes").format(size=size)


def _preview(path: Path) -> tuple[list[str], list[list[str]], str | None]:
    """(header, first rows, a problem) from the start of the file, parsed the way csv_data parses it."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(PREVIEW_BYTES)
    except OSError as exc:
        return [], [], tr("{name}: cannot be read ({error}).").format(name=path.name,
                                                                       error=exc.strerror or type(exc).__name__)
    if b"\x00" in raw:
        return [], [], tr("{name}: contains NUL bytes; this is not a CSV text file.").format(name=path.name)
    text = raw.decode("utf-8-sig", errors="replace")
    if len(raw) == PREVIEW_BYTES and "\n" in text:
        text = text[: text.rfind("\n")]  # no half row at the end of the preview
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        rows = []
        for row in csv.reader(io.StringIO(text), dialect):
            if row and any(c.strip() for c in row):
                rows.append(row)
            if len(rows) > PREVIEW_ROWS:
                break
    except csv.Error as exc:
        return [], [], f"{path.name}: {exc}."
    if not rows:
        return [], [], tr("{name}: the file is empty; it needs a header row and data rows.").format(name=path.name)
    header = [h.strip() for h in rows[0]]
    return header, rows[1:], None
