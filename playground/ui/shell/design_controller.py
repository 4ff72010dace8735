"""The design: the network and its settings — presets, the editor's edits, projects opened and new ones.

The editor proposes a network with every edit; `DesignController` accepts it into the document (asking
first when that throws trained weights away, and taking the edit back when the answer is no), tells the
worker, and updates the views that show the design: the preset box, the PyTorch code, the diagram and the
check of the network's output against the task. It also puts presets and opened projects into the
editor and the training panel, and locks both while a run is in progress.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, QSettings, QTimer

from playground.core.files.project_file import Project
from playground.core.i18n import N_, tr
from playground.core.model.presets import DEFAULT_PRESET, Preset, load_preset, preset_names
from playground.core.model.spec import ModelSpec, SpecError
from playground.core.training.training_config import ConfigError, TrainingConfig
from playground.ui.dialogs.preferences import load_preferences
from playground.ui.document import RUNNING, RunState

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from playground.ui.document import Document
    from playground.ui.shell.data_actions import DataActions
    from playground.ui.shell.head_check import HeadCheck
    from playground.ui.shell.model_views import ModelViews
    from playground.ui.shell.training_controller import TrainingController
    from playground.ui.workers.worker import TrainingWorker
    from playground.ui.workspaces.inside.code_view import CodeView
    from playground.ui.workspaces.inside.network_diagram import NetworkDiagram
    from playground.ui.workspaces.train.layer_editor import LayerStackEditor
    from playground.ui.workspaces.train.training_panel import TrainingPanel

SETTINGS_PRESET = "training/preset"
SETTINGS_CONFIG = "training/config"  # the panel's TrainingConfig as JSON
LOCK_REASON = N_("Stop training to change the network.")
PRESET_LOCK_REASON = N_("Stop training to load a preset.")


class DesignHost(Protocol):
    """What the design needs from the window."""

    def confirm(self, title: str, text: str) -> bool:
        """Ask a yes/no question; True for yes."""

    def set_modified(self) -> None:
        """The project has changed since it was saved."""


class ProjectRuns(Protocol):
    """The runs kept with the project (run_tracking.py), as used here."""

    def load_project(self, project: Project) -> None: ...
    def clear(self) -> None: ...


class DesignController(QObject):
    def __init__(self, document: Document, worker: TrainingWorker, editor: LayerStackEditor, panel: TrainingPanel,
                 code_view: CodeView, diagram: NetworkDiagram, head: HeadCheck, data: DataActions,
                 training: TrainingController, models: ModelViews, runs: ProjectRuns,
                 preset_actions: dict[str, QAction], host: DesignHost, parent: QObject | None = None):
        super().__init__(parent)
        self.document = document
        self.worker = worker
        self.editor = editor
        self.panel = panel
        self.code_view = code_view
        self.diagram = diagram
        self.head = head
        self.data = data
        self.training = training
        self.models = models
        self.runs = runs
        self.preset_actions = preset_actions
        self.host = host
        self._loading = False  # open/new set the editor and panel: not user edits
        document.spec_changed.connect(self._show_spec)

    def start(self, config: TrainingConfig) -> None:
        """Show the first design; from here on, changes in the editor and the panel are the user's."""
        self.load_design(self.document.spec, config)
        self.panel.preset_chosen.connect(self.choose_preset)
        self.panel.settings_changed.connect(self._on_settings_changed)
        self.editor.spec_changed.connect(self._on_spec_changed)
        self.editor.validity_changed.connect(self._on_validity_changed)

    # ----- presets and projects ----------------------------------------------------------------------
    def choose_preset(self, name: str) -> None:
        """Load a preset's network into the editor (one undo step) and its settings into the panel."""
        document = self.document
        if name not in document.presets:
            return
        if document.running:  # the box and the menu are disabled then; a stray call changes nothing
            self.show_matching_preset()
            return
        preset = document.presets[name]
        self.editor.set_spec(preset.spec, clear_undo=False)  # asks first if that discards trained weights
        if not document.is_current(preset.spec):  # the user kept the trained network
            self.show_matching_preset()
            return
        document.preset = preset
        document.base_config = preset.training
        self.show_matching_preset()
        self.panel.load_config(self.data.fitting_config(preset.training.replace(device=self.panel.device.currentData())))

    def show_project(self, project: Project) -> None:
        """Show an opened (or recovered) project: its network, settings, curves and weights."""
        document = self.document
        document.pending_project = project
        document.replace_extra(project.extra)
        self.runs.load_project(project)
        document.base_config = project.training
        self.load_design(project.spec, project.training, clear_undo=True)  # the preset box follows its network
        self.training.clear_history_views()
        if self.data.project_opened(project):
            pass  # its data is being read (or re-split) first; then the project's weights are loaded
        elif self.editor.report().ok and document.state != RunState.UNAVAILABLE:
            if document.worker_started:
                self.worker.request_load_project(project)
            # The curves are filled when the worker has the weights (`project_loaded`), after any
            # `history_cleared` still on its way from an earlier request.
        else:
            self.training.fill_history(project.history, project.global_step)
        self.models.refresh_weights()
        self.models.push_model()

    def new_design(self) -> None:
        """The default preset, untrained, with its settings."""
        document = self.document
        preset = document.presets.get(DEFAULT_PRESET) or document.preset
        document.preset = preset
        document.pending_project = None
        document.replace_extra({})
        self.runs.clear()
        document.base_config = preset.training
        self.load_design(preset.spec, self.data.fitting_config(
            preset.training.replace(device=self.panel.device.currentData())), clear_undo=True)
        self.training.clear_history_views()
        if document.worker_started and document.state != RunState.UNAVAILABLE:
            self.worker.request_reset(document.spec, document.config(fallback=True))
        self.models.refresh_weights()
        self.models.push_model()

    def export_inputs(self) -> tuple[ModelSpec, TrainingConfig, str, dict[str, Any] | None]:
        document = self.document
        return (document.spec.copy(), document.config(fallback=True), document.data_info.get("dataset", "MNIST"),
                document.current_weights())

    # ----- the design: editor → document → worker and views -----------------------------------------------
    def load_design(self, spec: ModelSpec, config: TrainingConfig, clear_undo: bool = True) -> None:
        """Put a design into the editor and the panel as the program's doing, not as a user edit."""
        self._loading = True
        try:
            self.editor.set_spec(spec, clear_undo=clear_undo)
            self.document.set_spec(self.editor.spec())
            self.panel.load_config(config)
        finally:
            self._loading = False
        self.show_matching_preset()
        errors = self.editor.report().errors
        self._on_validity_changed(self.editor.report().ok, errors[0] if errors else "")
        self._training_context_changed()
        self.update_design_views()

    def _on_spec_changed(self, spec: ModelSpec) -> None:
        document = self.document
        if self._loading or document.is_current(spec):
            return  # a load (handled by its caller), or the undo of an edit the user declined
        steps = document.trained_steps()
        if steps and not self.host.confirm(
                tr("Edit the network?"),
                tr("Editing the network resets its trained weights ({steps:,} steps of training). "
                   "Continue?").format(steps=steps)):
            # Back to the undo step the trained network is at: the change may have been an edit or a redo
            # (undone) or an undo (redone). Later, not now: the stack moves its index after this signal.
            index = self.editor.undo_stack.index()
            QTimer.singleShot(0, lambda: self._take_back_edit(index))
            return
        document.set_spec(spec)
        document.pending_project = None  # those weights belonged to the old network
        if self.editor.report().ok and document.worker_started and document.state != RunState.UNAVAILABLE:
            self.worker.request_configure(spec, document.config(fallback=True))
        self.host.set_modified()
        self.update_design_views()
        self.models.refresh_weights()
        self.models.push_model()

    def _take_back_edit(self, index: int) -> None:
        """Return the editor to undo step `index`, where it showed the network that keeps its weights."""
        stack = self.editor.undo_stack
        if stack.index() != index:
            stack.setIndex(index)  # one step, back to the document's network: no new question
        elif not self.document.is_current(self.editor.spec()):
            self.editor.undo()  # merged into the last command (typing): undo takes that command back

    def _show_spec(self, spec: ModelSpec) -> None:
        self.diagram.set_spec(spec, self.editor.report())  # well under a millisecond
        self.show_matching_preset()

    def show_matching_preset(self) -> None:
        """The preset box names a preset only while the network is exactly that preset's (else "(custom)"):
        after edits, undo and redo, fixes for imported data, opened projects."""
        self.panel.set_preset(self.document.matching_preset())

    def _on_validity_changed(self, ok: bool, message: str) -> None:
        self.document.spec_problem = "" if ok else message
        self.training.refresh_blocked()

    def _on_settings_changed(self) -> None:
        if not self._loading:
            self.host.set_modified()
        self._training_context_changed()
        self.update_design_views()

    def _training_context_changed(self) -> None:
        self.editor.set_training_context(self.panel.batch_size.value(), self.panel.optimizer.currentData())

    def update_design_views(self) -> None:
        """The code follows the spec and the settings (it regenerates when shown); the output check too."""
        document = self.document
        self.code_view.set_design(document.spec, document.config(fallback=True),
                                  document.data_info.get("dataset", "MNIST"))
        self.head.refresh()

    def lock(self, state: RunState) -> None:
        """Settings, network and presets apply when a run starts: locked while one is in progress."""
        locked = state in RUNNING
        self.panel.set_editable(not locked)
        if locked != self.editor.is_locked():
            self.editor.set_locked(locked, tr(LOCK_REASON))
        for name, action in self.preset_actions.items():  # like the preset box, which set_editable disables
            action.setEnabled(not locked)
            tip = tr(PRESET_LOCK_REASON) if locked else tr(self.document.presets[name].description)
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def save_settings(self, settings: QSettings) -> None:
        settings.setValue(SETTINGS_PRESET, self.document.preset.name)
        try:
            # JSON text: every QSettings back end (INI, registry, plist) keeps it exactly.
            settings.setValue(SETTINGS_CONFIG, json.dumps(self.document.config().to_json()))
        except ConfigError:
            pass  # an out-of-range value is not worth remembering


# ----- the first design: the preset and settings the window starts with ----------------------------------------

def initial_design(preset: str | None, device: str | None,
                   settings: QSettings | None) -> tuple[dict[str, Preset], Preset, TrainingConfig, list[str]]:
    """(presets, the preset to start with, its settings, problems to tell the user): `preset` if given, else the
    one chosen last time with the settings used then (while valid); the remembered default device, or `device`."""
    problems: list[str] = []
    presets = _load_presets(problems)
    chosen = preset or (settings.value(SETTINGS_PRESET) if settings else None) or DEFAULT_PRESET
    if chosen not in presets:
        if preset:
            problems.append(tr("No preset named '{name}'. Available: {names}.").format(
                name=preset, names=", ".join(presets)))
        chosen = DEFAULT_PRESET if DEFAULT_PRESET in presets else next(iter(presets))
    config = presets[chosen].training
    if settings is not None and settings.value(SETTINGS_PRESET) == chosen:
        config = _restore_config(settings, config)
    if settings is not None:  # Preferences ▸ Default device: the device the window starts with
        config = config.replace(device=load_preferences(settings).device)
    if device:
        config = config.replace(device=device)
    return presets, presets[str(chosen)], config, problems


def remembered_json(settings: QSettings, key: str) -> Any:
    """What was saved under `key` as JSON text; None when there is nothing, or nothing readable."""
    try:
        return json.loads(str(settings.value(key, "")))
    except ValueError:
        return None


def _load_presets(problems: list[str]) -> dict[str, Preset]:
    presets = {}
    for name in preset_names():
        try:
            presets[name] = load_preset(name)
        except (SpecError, ValueError, OSError) as exc:
            problems.append(tr("The preset '{name}' could not be read: {error}").format(name=name, error=exc))
    return presets


def _restore_config(settings: QSettings, base: TrainingConfig) -> TrainingConfig:
    """The settings used last time, as long as they are still valid; else the preset's."""
    saved = remembered_json(settings, SETTINGS_CONFIG)
    if not isinstance(saved, dict):
        return base
    try:
        return TrainingConfig.from_json({**base.to_json(), **saved})
    except (ValueError, TypeError):  # ConfigError is a ValueError
        return base

