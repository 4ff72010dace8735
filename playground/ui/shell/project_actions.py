"""The File menu: new, open, save, export, recent files and autosave, and the document they act on.

`ProjectActions` keeps the file the window is showing (`path`, None while untitled) and whether
there are changes since it was last saved (`modified`); the window marks changes as they happen
and shows `title()`. What a project *is* comes from the window (`ProjectHost`): this module only
moves projects between the window and files, asking the user where needed. Every problem a user
can meet (a damaged file, a full disk, a design that cannot be exported) becomes a message, and
leaves what is open untouched.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from playground import APP_NAME
from playground.core.data.data_import import DATA_SOURCE_KEY, DataSource
from playground.core.files.atomic_io import write_text_atomically
from playground.core.files.project_file import PROJECT_SUFFIX, Project, ProjectError, load_project, save_project
from playground.core.files.weights_io import WeightsError, load_weights
from playground.core.i18n import N_, tr
from playground.core.model.code_export import ExportError, export_script, write_weights
from playground.core.model.spec import ModelSpec
from playground.core.training.metrics import History
from playground.core.training.training_config import ConfigError, TrainingConfig
from playground.ui.shell.autosave import INTERVAL_MS, Autosave
from playground.ui.shell.recent_files import RecentFiles
from playground.ui.workers.background import LatestJobRunner

PROJECT_FILTER = N_("nn-playground projects (*{suffix})")  # shown with project_filter()
SCRIPT_FILTER = N_("Python scripts (*.py)")
ONNX_FILTER = N_("ONNX models (*.onnx)")
WEIGHTS_FILTER = N_("Weights (*.safetensors *.pt *.pth)")
UNTITLED = N_("Untitled")  # the window title's name for a project never saved (shown translated)
SETTINGS_LAST_DIR = "files/lastDirectory"
Button = QMessageBox.StandardButton


class ProjectHost(Protocol):
    """What the File menu needs from the window."""

    def current_project(self) -> Project:
        """The design, the settings and — where they belong to this design — the weights and history."""

    def show_project(self, project: Project) -> None:
        """Replace what is open by `project`."""

    def new_design(self) -> None:
        """Replace what is open by the default preset, untrained."""

    def export_inputs(self) -> tuple[ModelSpec, TrainingConfig, str, dict[str, Any] | None]:
        """(spec, settings, dataset name, trained weights or None) for File ▸ Export."""

    def save_blocker(self) -> str:
        """Why the project cannot be read for saving right now ("" when it can)."""

    def replace_blocker(self) -> str:
        """Why the open project cannot be replaced right now ("" when it can)."""

    def show_status(self, text: str) -> None:
        """A passing message (the status bar)."""


class ProjectActions(QObject):
    # The window title to show: the project's name, with "•" while there are unsaved changes.
    title_changed = Signal(str)
    onnx_finished = Signal(bool)  # an ONNX export ended: True when the file was written

    def __init__(self, window: QWidget, host: ProjectHost, settings: QSettings | None = None,
                 autosave: Autosave | None = None):
        super().__init__(window)
        self._window = window
        self._host = host
        self._settings = settings
        self.path: Path | None = None
        self.modified = False
        self.autosave = autosave
        self._autosave_failed = False

        self._tip_sources: dict[QAction, str] = {}  # action → its English tooltip
        self.new_action = self._make(tr("&New"), "Ctrl+N", N_("Start again from the default network, untrained."),
                                     self.new)
        self.open_action = self._make(tr("&Open…"), "Ctrl+O", N_("Open a saved project (.nnp)."), self.open_dialog)
        self.save_action = self._make(tr("&Save"), "Ctrl+S", N_("Save the network, settings, weights and curves."),
                                      self.save)
        self.save_as_action = self._make(tr("Save &As…"), "Ctrl+Shift+S", N_("Save the project under a new name."),
                                         self.save_as)
        self.export_action = self._make(
            tr("&PyTorch Script…"), "Ctrl+E",
            N_("Write the network and its training settings as a standalone PyTorch script; "
               "a trained network's weights can go next to it as a .pt state_dict."), self.export)
        self.export_onnx_action = self._make(
            tr("&ONNX…"), "",
            N_("Write the network as an ONNX model that other tools can run and show: input in [0, 1] (images) "
               "or the raw features, the normalisation inside, outputs logits and probabilities."),
            self.export_onnx)
        self.export_menu = QMenu(tr("&Export"), window)  # File ▸ Export ▸ PyTorch Script…, ONNX…
        self.export_menu.addActions([self.export_action, self.export_onnx_action])
        self._onnx_jobs: LatestJobRunner | None = None  # writes ONNX files off the GUI thread; made when first used
        self._onnx_target = Path()  # the file it writes
        self.import_weights_action = self._make(
            tr("&Import Weights…"), "",
            N_("Load weights from a .safetensors file or a PyTorch state_dict (.pt) into the network shown; "
               "every tensor's name and shape must match it."), self.import_weights_dialog)
        self.recent_menu = QMenu(tr("Open &Recent"), window)
        self.recent = RecentFiles(self.recent_menu, self.open_path, host.show_status, settings)
        self._tips = self._translated_tips()

        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.autosave_now)
        if autosave is not None:
            self._timer.start()

    def _make(self, text: str, keys: str, tip: str, slot) -> QAction:
        """`text` translated, `tip` in English (kept, so the tooltip can follow a language switch)."""
        action = QAction(text, self._window)
        action.setShortcut(QKeySequence(keys))
        self._tip_sources[action] = tip
        action.setToolTip(tr(tip))
        action.setStatusTip(tr(tip))
        action.triggered.connect(lambda: slot())  # drop `checked`: the slots take their own arguments
        self._window.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def fill_menu(self, menu: QMenu) -> None:
        menu.addAction(self.new_action)
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.save_as_action)
        menu.addSeparator()
        menu.addAction(self.import_weights_action)
        menu.addSeparator()
        menu.addMenu(self.export_menu)

    def _translated_tips(self) -> dict[QAction, str]:
        """The tooltips `update_enabled` gives back when an action is possible again."""
        return {a: tr(self._tip_sources[a]) for a in (self.new_action, self.open_action, self.save_action,
                                                        self.save_as_action, self.import_weights_action)}

    def retranslate(self) -> None:
        """The language changed: the window title and the tooltips kept here, in the new one."""
        self._tips = self._translated_tips()
        self.update_enabled()
        self._emit_title()

    # ----- the document's state ------------------------------------------------------------------------
    def title(self) -> str:
        name = self.path.stem if self.path is not None else tr(UNTITLED)
        return f"{'• ' if self.modified else ''}{name} — {APP_NAME}"

    def set_modified(self, modified: bool = True) -> None:
        if modified != self.modified:
            self.modified = modified
            self._emit_title()

    def _set_document(self, path: Path | None, modified: bool) -> None:
        self.path = path
        self.modified = modified
        if path is not None:
            self.recent.add(path)
            self._remember_folder(path)
        self._emit_title()

    def _emit_title(self) -> None:
        self.title_changed.emit(self.title())

    def update_enabled(self) -> None:
        """Grey out what cannot be done now (a run is active), with the reason as the tooltip."""
        save_blocker, replace_blocker = self._host.save_blocker(), self._host.replace_blocker()
        for action, blocker in ((self.save_action, save_blocker), (self.save_as_action, save_blocker),
                                (self.new_action, replace_blocker), (self.open_action, replace_blocker),
                                (self.import_weights_action, replace_blocker)):
            action.setEnabled(not blocker)
            action.setToolTip(blocker or self._tips[action])
        self.recent_menu.setEnabled(not replace_blocker)

    # ----- new and open -------------------------------------------------------------------------------
    def new(self) -> bool:
        if self._refused(self._host.replace_blocker()) or not self.maybe_save(tr("starting a new project")):
            return False
        self._host.new_design()
        self._set_document(None, False)
        self._discard_autosave()
        return True

    def open_dialog(self) -> bool:
        if self._refused(self._host.replace_blocker()):
            return False
        name, _ = QFileDialog.getOpenFileName(self._window, tr("Open project"), str(self._folder()), project_filter())
        return bool(name) and self.open_path(Path(name))

    def open_path(self, path: Path) -> bool:
        """Open `path` (menu, recent list, drag and drop). A file that cannot be read changes nothing."""
        path = Path(path)
        if self._refused(self._host.replace_blocker()):
            return False
        try:
            project = load_project(path)  # first, so a damaged file never costs a question
        except ProjectError as exc:
            if not path.is_file():
                self.recent.prune()
            QMessageBox.warning(self._window, tr("Cannot open project"),
                                tr("{error}\n\nNothing was changed: the project that is open stays as it is.").format(
                                    error=exc))
            return False
        if not self.maybe_save(tr("opening {name}").format(name=path.name)):
            return False
        self._host.show_project(project)
        self._set_document(path, False)
        self._discard_autosave()
        self._host.show_status(tr("Opened {name}.").format(name=path.name))
        return True

    # ----- import weights -----------------------------------------------------------------------------
    def import_weights_dialog(self) -> bool:
        if self._refused(self._host.replace_blocker()):
            return False
        name, _ = QFileDialog.getOpenFileName(self._window, tr("Import weights"), str(self._folder()),
                                              tr(WEIGHTS_FILTER))
        return bool(name) and self.import_weights(Path(name))

    def import_weights(self, path: Path) -> bool:
        """Load `path`'s weights into the network shown, through the worker as an opened project's are.
        A file that does not fit (a tensor's name or shape) is named in a message and changes nothing."""
        path = Path(path)
        if self._refused(self._host.replace_blocker()):
            return False
        project = self._host.current_project()
        try:
            weights = load_weights(path, project.spec)  # first, so a file that does not fit never costs a question
        except WeightsError as exc:
            QMessageBox.warning(self._window, tr("Cannot import weights"),
                                tr("{error}\n\nNothing was changed: the network keeps its weights.").format(error=exc))
            return False
        # New weights: the curves and the optimizer's moments of the old ones no longer describe them.
        return self.take_over(replace(project, state_dict=weights.state_dict, optimizer_state=None, history=History(),
                                      epochs_done=0, global_step=0), tr("importing weights"),
                              tr("Imported the weights from {name}.").format(name=path.name), project)

    def take_over(self, project: Project, doing: str, done: str, current: Project | None = None) -> bool:
        """Show `project` in place of the open one's network and weights (the file stays the same, now modified).
        Trained weights that would be lost are offered for saving first (`doing`, translated, names why);
        `done` is the status message after. False: refused or cancelled, nothing changed."""
        if self._refused(self._host.replace_blocker()):
            return False
        current = current or self._host.current_project()
        trained = current.state_dict is not None and (current.global_step > 0 or bool(current.history.epochs))
        if trained and not self.maybe_save(doing):  # the trained weights would be lost
            return False
        self._host.show_project(project)
        self.set_modified(True)
        self._host.show_status(done)
        return True

    # ----- save ---------------------------------------------------------------------------------------
    def save(self) -> bool:
        return self.save_as() if self.path is None else self._write(self.path)

    def save_as(self) -> bool:
        if self._refused(self._host.save_blocker()):
            return False
        suggestion = self.path or self._folder() / f"{UNTITLED.lower()}{PROJECT_SUFFIX}"
        name, _ = QFileDialog.getSaveFileName(self._window, tr("Save project as"), str(suggestion), project_filter())
        if not name:
            return False
        return self._write(_with_suffix(Path(name), PROJECT_SUFFIX))

    def _write(self, path: Path) -> bool:
        if self._refused(self._host.save_blocker()):
            return False
        try:
            save_project(path, self._host.current_project())
        except (OSError, RuntimeError) as exc:  # torch reports some write failures as RuntimeError
            QMessageBox.warning(self._window, tr("Could not save"),
                                tr("{name} could not be written: {reason}\n\nNothing was lost: the project is still "
                                   "open, and an earlier version of the file, if any, is unchanged.").format(
                                    name=path.name, reason=_reason(exc)))
            return False
        self._set_document(path, False)
        self._discard_autosave()
        self._host.show_status(tr("Saved {path}.").format(path=path))
        return True

    def maybe_save(self, doing: str) -> bool:
        """Before `doing` something that replaces the project: Save / Discard / Cancel. True: go ahead.
        `doing` is translated, e.g. tr("closing")."""
        answer = self.ask_unsaved(doing)
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def ask_unsaved(self, doing: str) -> Button:
        """Save, Discard or Cancel; Discard without asking when nothing is unsaved."""
        if not self.modified:
            return Button.Discard
        name = self.path.name if self.path is not None else tr("The untitled project")
        answer = QMessageBox.question(
            self._window, tr("Save changes?"),
            tr("{name} has changes that are not saved. Save them before {doing}?").format(name=name, doing=doing),
            Button.Save | Button.Discard | Button.Cancel, Button.Save)
        return answer if answer in (Button.Save, Button.Discard) else Button.Cancel

    # ----- export -------------------------------------------------------------------------------------
    def export(self) -> bool:
        spec, config, dataset, weights = self._host.export_inputs()
        try:
            source = export_script(spec, config, dataset)
        except (ExportError, ConfigError) as exc:
            QMessageBox.warning(self._window, tr("Cannot export"), str(exc))
            return False
        stem = self.path.stem if self.path is not None else spec.name
        name, _ = QFileDialog.getSaveFileName(self._window, tr("Export PyTorch script"),
                                              str(self._folder() / f"{stem}.py"), tr(SCRIPT_FILTER))
        if not name:
            return False
        script = _with_suffix(Path(name), ".py")
        written = [script.name]
        try:
            write_text_atomically(script, source)
            self._remember_folder(script)
            weights_path = script.with_suffix(".pt")
            if weights is not None and QMessageBox.question(
                    self._window, tr("Export the trained weights too?"),
                    tr("The network is trained. Also save its weights as {name} next to the script?\n\n"
                       "The script loads them with  {code}").format(
                        name=weights_path.name, code=f"model.load_state_dict(torch.load({weights_path.name!r}))"),
                    Button.Yes | Button.No, Button.Yes) == Button.Yes:
                write_weights(weights_path, weights)
                written.append(weights_path.name)
        except (OSError, RuntimeError) as exc:
            QMessageBox.warning(self._window, tr("Could not export"),
                                tr("Writing {files} failed: {reason}").format(files=_and(written), reason=_reason(exc)))
            return False
        self._host.show_status(tr("Exported {files} to {folder}.").format(files=_and(written), folder=script.parent))
        return True

    def export_onnx(self) -> bool:
        """File ▸ Export ▸ ONNX…: ask where, then write the file off the GUI thread; the status bar says when it
        is written, a message why not. True when the writing started."""
        if self._onnx_jobs is not None and self._onnx_jobs.busy:
            self._host.show_status(tr("An ONNX file is being written; try again when it is done."))
            return False
        spec, config, dataset, weights = self._host.export_inputs()
        problem = _design_problem(spec)
        if problem:
            QMessageBox.warning(self._window, tr("Cannot export"), problem)
            return False
        stem = self.path.stem if self.path is not None else spec.name
        name, _ = QFileDialog.getSaveFileName(self._window, tr("Export ONNX model"),
                                              str(self._folder() / f"{stem}.onnx"), tr(ONNX_FILTER))
        if not name:
            return False
        path = _with_suffix(Path(name), ".onnx")
        # A CSV network's standardisation comes from its CSV, read again there.
        source = DataSource.from_json(self._host.current_project().extra.get(DATA_SOURCE_KEY))
        state = {key: np.array(value) for key, value in weights.items()} if weights else None  # the thread's copy
        if self._onnx_jobs is None:
            self._onnx_jobs = LatestJobRunner("onnx-export", self, idle_exit=True)
            self._onnx_jobs.result.connect(self._onnx_written)
            self._onnx_jobs.error.connect(  # not a user's error: a bug, said as what it is
                lambda message: self._onnx_written(_OnnxOutcome(self._onnx_target, failed=message)))
        self._onnx_target = path
        self._onnx_jobs.submit(lambda _runner: _write_onnx(path, spec, config, state, source, dataset))
        self._host.show_status(tr("Writing {name}…").format(name=path.name))
        return True

    def _onnx_written(self, outcome: _OnnxOutcome) -> None:
        if outcome.refused:
            QMessageBox.warning(self._window, tr("Cannot export"),
                                tr("{error}\n\nNothing was written.").format(error=outcome.refused))
        elif outcome.failed:
            QMessageBox.warning(self._window, tr("Could not export"),
                                tr("Writing {files} failed: {reason}").format(files=outcome.path.name,
                                                                             reason=outcome.failed))
        else:
            self._remember_folder(outcome.path)
            self._host.show_status(tr("Exported {files} to {folder}.").format(files=outcome.path.name,
                                                                              folder=outcome.path.parent))
        self.onnx_finished.emit(not (outcome.refused or outcome.failed))

    # ----- autosave and recovery ----------------------------------------------------------------------
    def autosave_now(self) -> bool:
        """Copy the project to the autosave file if it has unsaved changes (and can be read now)."""
        if self.autosave is None or not self.modified or self._host.save_blocker():
            return False
        try:
            self.autosave.write(self._host.current_project())
        except (OSError, RuntimeError) as exc:
            if not self._autosave_failed:  # say it once, not every two minutes
                self._host.show_status(tr("Automatic backup failed ({reason}). Save the project to keep it.").format(
                    reason=_reason(exc)))
            self._autosave_failed = True
            return False
        self._autosave_failed = False
        return True

    def offer_recovery(self) -> bool:
        """After a crash: offer the newest autosave left behind. Yes opens it untitled and modified."""
        if self.autosave is None:
            return False
        orphans = self.autosave.orphans()
        if not orphans:
            return False
        orphan = orphans[0]
        when = _dt.datetime.fromtimestamp(orphan.stat().st_mtime).strftime("%Y-%m-%d %H:%M")
        answer = QMessageBox.question(
            self._window, tr("Recover unsaved work?"),
            tr("{app} did not close properly last time. A copy of the project that was open then was saved "
               "automatically at {when}.\n\nRecover it? (No deletes the copy.)").format(app=APP_NAME, when=when),
            Button.Yes | Button.No, Button.Yes)
        if answer != Button.Yes:
            Autosave.remove_orphan(orphan)
            return False
        try:
            project = load_project(orphan)
        except ProjectError as exc:
            Autosave.remove_orphan(orphan)
            QMessageBox.warning(self._window, tr("Cannot recover"),
                                tr("The automatic copy cannot be read: {error}").format(error=exc))
            return False
        self._host.show_project(project)
        self._set_document(None, True)
        try:
            self.autosave.adopt(orphan)  # the recovered work stays protected until it is saved
        except OSError:
            self.autosave_now()
        self._host.show_status(tr("Recovered the automatic copy. Save it to keep it."))
        return True

    def end_session(self) -> None:
        """A clean exit: the autosave file is no longer needed."""
        self._timer.stop()
        self._discard_autosave()

    def keep_for_recovery(self) -> None:
        """An abrupt exit (the run, if any, has ended): unsaved work is written to the autosave file and
        left there, so the next start offers to recover it."""
        self._timer.stop()
        if self.autosave is None:
            return
        if not self.modified:
            self._discard_autosave()
            return
        try:
            self.autosave.write(self._host.current_project())
        except (OSError, RuntimeError):
            pass  # the copy from the last two minutes, if any, is still there
        self.autosave.release()

    def _discard_autosave(self) -> None:
        if self.autosave is not None:
            try:
                self.autosave.discard()
            except OSError:
                pass  # a leftover copy is offered for recovery next time: harmless

    # ----- helpers ------------------------------------------------------------------------------------
    def _refused(self, blocker: str) -> bool:
        if blocker:
            self._host.show_status(blocker)
        return bool(blocker)

    def _folder(self) -> Path:
        if self.path is not None:
            return self.path.parent
        if self._settings is not None:
            remembered = self._settings.value(SETTINGS_LAST_DIR)
            if remembered and Path(str(remembered)).is_dir():
                return Path(str(remembered))
        return Path.home()

    def _remember_folder(self, path: Path) -> None:
        if self._settings is not None:
            self._settings.setValue(SETTINGS_LAST_DIR, str(path.resolve().parent))


@dataclass(frozen=True)
class _OnnxOutcome:
    path: Path
    refused: str = ""  # why the network or its data cannot be written as ONNX
    failed: str = ""  # why the file could not be written


def _write_onnx(path: Path, spec: ModelSpec, config: TrainingConfig, weights: dict[str, Any] | None,
                source: DataSource | None, dataset: str) -> _OnnxOutcome:
    """In the export thread: torch and onnx load there, not on the GUI thread."""
    from playground.core.model.onnx_export import OnnxExportError, export_onnx

    try:
        export_onnx(path, spec, config, weights, source, dataset)
    except OnnxExportError as exc:
        return _OnnxOutcome(path, refused=str(exc))
    except (OSError, RuntimeError) as exc:  # torch reports some write failures as RuntimeError
        return _OnnxOutcome(path, failed=_reason(exc))
    return _OnnxOutcome(path)


def _design_problem(spec: ModelSpec) -> str:
    """Why the design cannot be exported now ("" when it can): the first shape error."""
    from playground.core.model.shape_inference import infer_shapes

    report = infer_shapes(spec)
    return "" if report.ok else tr("The network cannot be exported yet: {problem}").format(problem=report.errors[0])


def project_filter() -> str:
    """The file dialogs' filter for project files, in the current language."""
    return tr(PROJECT_FILTER).format(suffix=PROJECT_SUFFIX)


def _and(names: list[str]) -> str:
    """'a.py' or 'a.py and a.pt' (translated)."""
    return tr("{first} and {second}").format(first=names[0], second=names[1]) if len(names) == 2 else ", ".join(names)


def _with_suffix(path: Path, suffix: str) -> Path:
    """`path` ending in `suffix` (dialogs on some platforms return the name as typed)."""
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror + "."
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
