"""The window's layout: the workspaces, their pages and views, and where each panel goes.

Five workspaces, each about one thing (the README says why these):
- Train: the layer stack, the curves and the epoch table; the training settings and the matrix panel in
  the side column. The toolbar's run controls act on this network.
- Look inside: the same network seen from inside — Draw, Inside (this digit, while it learns), Evaluation,
  Diagram, PyTorch code — with the matrix panel on the side. The run controls act on this network too.
- Matrices: the matrix panel with room of its own. No run controls.
- Playground: the 2-D playground, with its own network, Train button and settings. No run controls.
- Runs: every run kept and compared, and the notes' experiments. The run controls act on the MNIST network.

The torch-backed panels (Draw, Inside, Matrices, Evaluation) are built once torch has loaded
(`install_model_panels`); until then their places say so.

`WindowLayout` is the main window's base class for where things are on screen: it builds the views and
puts them in place (`_build_ui`, `_build_menus`, and `_build_model_panels` once torch has loaded), says
which view is on screen (`view_on_screen`) and signals when that changes (`view_changed`). What the views
do is wired in `main_window.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from playground import APP_NAME, __version__
from playground.core.i18n import N_, tr
from playground.core.model.presets import Preset
from playground.ui.shell.design_controller import LOCK_REASON
from playground.ui.shell.run_controls import RunActions
from playground.ui.shell.workspaces import Workspaces, add_view, replace_view, tag_view, view_tabs
from playground.ui.widgets.message_bar import MessageBar
from playground.ui.widgets.training_status import TrainingStatus
from playground.ui.workspaces.inside.code_view import CodeView
from playground.ui.workspaces.inside.draw_panel import DrawPanel
from playground.ui.workspaces.inside.network_diagram import NetworkDiagram
from playground.ui.workspaces.playground.playground_panel import PlaygroundPanel
from playground.ui.workspaces.train.page import TrainPage

if TYPE_CHECKING:
    from playground.ui.document import Document
    from playground.ui.shell.model_views import ModelViews
    from playground.ui.shell.project_actions import ProjectActions
    from playground.ui.shell.training_controller import TrainingController
    from playground.ui.shell.window_comfort import WindowComfort
    from playground.ui.workspaces.inside.evaluation_panel import EvaluationPanel
    from playground.ui.workspaces.inside.inside_panel import InsidePanel
    from playground.ui.workspaces.inside.learning_panel import LearningPanel
    from playground.ui.workspaces.inside.step_through_panel import StepThroughPanel
    from playground.ui.workspaces.matrices.matrix_panel import MatrixPanel

# View keys: the English titles, the same in every language (settings, the tour, Learn's "Show me" and
# `screenshot --tab` find views by them). Each is shown translated, with its tooltip.
TAB_CURVES, TAB_PLAYGROUND, TAB_DIAGRAM, TAB_DRAW = N_("Training curves"), N_("Playground"), N_("Diagram"), N_("Draw")
TAB_INSIDE, TAB_MATRICES, TAB_EVALUATION, TAB_CODE = N_("Inside"), N_("Matrices"), N_("Evaluation"), N_("PyTorch code")
TAB_SETTINGS, TAB_THIS_DIGIT, TAB_WHILE_LEARNING = N_("Settings"), N_("This digit"), N_("While it learns")
TAB_RUNS, TAB_EXPERIMENTS = N_("Runs"), N_("Experiments")
TAB_FOOL_IT, TAB_PROJECTOR = N_("Fool it"), N_("Projector")
TAB_STEP_THROUGH = N_("Step through")
TAB_TIPS = {
    TAB_CURVES: N_("Loss after every batch, and loss and accuracy after every epoch."),
    TAB_PLAYGROUND: N_("TensorFlow Playground on PyTorch: 2-D data sets, input features, hidden units and the "
                       "decision boundary as a small network learns."),
    TAB_DIAGRAM: N_("The network drawn as columns of units; after training, the weights are coloured by sign and "
                    "drawn thicker the larger they are."),
    TAB_DRAW: N_("Draw a digit (or load one) and see what the network answers."),
    TAB_INSIDE: N_("Every layer's output for the drawn digit, the forward pass step by step, and the weights and "
                   "gradients as the network learns."),
    TAB_MATRICES: N_("Matrix products, laws and tensors; a dense layer of the model as x·Wᵀ + b with its real "
                     "weights."),
    TAB_EVALUATION: N_("Classify the whole test set: confusion matrix, accuracy per class and the digits the network "
                       "gets wrong."),
    TAB_CODE: N_("The same network and training settings as a PyTorch script."),
    TAB_SETTINGS: N_("The training settings: epochs, batch size, learning rate, optimizer, task and loss."),
    TAB_THIS_DIGIT: N_("What each layer makes of the digit on the Draw tab."),
    TAB_WHILE_LEARNING: N_("Weights, gradients, filters and health checks, live while training."),
    TAB_FOOL_IT: N_("The smallest change to the drawn digit that makes the network answer something else."),
    TAB_PROJECTOR: N_("What one layer makes of 2,000 test digits, as points in 2-D coloured by label: watch the "
                      "classes pull apart as the network trains."),
    TAB_STEP_THROUGH: N_("Convolution, pooling, softmax and the loss, and backpropagation, worked out step by step "
                         "with your network's numbers for the drawn digit."),
}
# Workspaces: (name on the command line, English title, English tooltip, run controls shown)
WORKSPACES = (
    ("train", N_("Train"), N_("Build a network for MNIST and train it: the layer stack, the curves and the "
                              "training settings."), True),
    ("inside", N_("Look inside"), N_("The same network from inside: draw a digit, every layer's output, the "
                                     "evaluation, the diagram and the PyTorch code."), True),
    ("matrices", N_("Matrices"), N_("Matrix products, transposes, laws and tensors, and the network's own W and b."),
     False),
    ("playground", N_("Playground"), N_("A small network on 2-D data with its own settings and Train button: "
                                        "watch the decision boundary form."), False),
    ("runs", N_("Runs"), N_("Every run kept with its settings, overlaid and forked; the course notes' claims "
                            "tested on real runs."), True),
)


def placeholder() -> QWidget:
    label = QLabel(tr("Loading PyTorch…"))
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


@dataclass
class Layout:
    workspaces: Workspaces
    train: TrainPage
    inside_views: QTabWidget  # Draw, Inside, Evaluation, Diagram, PyTorch code
    runs_views: QTabWidget  # Runs, Experiments (added by their owners)
    matrices_page: QWidget
    diagram: NetworkDiagram
    code_view: CodeView
    playground: PlaygroundPanel
    draw_holder: QWidget
    inside_holder: QWidget
    evaluation_holder: QWidget
    matrix_holder: QWidget


def build_layout(presets: list[Preset]) -> Layout:
    spaces = Workspaces()
    train = TrainPage(presets)
    tag_view(train.curves, TAB_CURVES, TAB_TIPS[TAB_CURVES])
    tag_view(train.settings, TAB_SETTINGS, TAB_TIPS[TAB_SETTINGS])
    diagram = tag_view(NetworkDiagram(), TAB_DIAGRAM, TAB_TIPS[TAB_DIAGRAM])
    code_view = tag_view(CodeView(), TAB_CODE, TAB_TIPS[TAB_CODE])
    playground = tag_view(PlaygroundPanel(), TAB_PLAYGROUND, TAB_TIPS[TAB_PLAYGROUND])
    draw_holder = tag_view(placeholder(), TAB_DRAW, TAB_TIPS[TAB_DRAW])
    inside_holder = tag_view(placeholder(), TAB_INSIDE, TAB_TIPS[TAB_INSIDE])
    evaluation_holder = tag_view(placeholder(), TAB_EVALUATION, TAB_TIPS[TAB_EVALUATION])
    matrix_holder = tag_view(placeholder(), TAB_MATRICES, TAB_TIPS[TAB_MATRICES])
    inside_views = view_tabs([draw_holder, inside_holder, evaluation_holder, diagram, code_view])
    runs_views = view_tabs([])
    matrices_page = QWidget()
    matrices_layout = QVBoxLayout(matrices_page)
    matrices_layout.setContentsMargins(0, 0, 0, 0)
    side_matrices = tag_view(QWidget(), TAB_MATRICES, TAB_TIPS[TAB_MATRICES])  # stands for the roaming panel
    pages = {"train": (train, None, [train.settings, side_matrices]),
             "inside": (_page(inside_views), inside_views, [side_matrices]),
             "matrices": (matrices_page, None, []),
             "playground": (_page(playground), None, []),
             "runs": (_page(runs_views), runs_views, [])}
    for name, key, tip, run_controls in WORKSPACES:
        page, views, side = pages[name]
        spaces.add(name, key, tip, page, run_controls=run_controls, views=views, side=side)
    spaces.add_roaming(matrix_holder, matrices_page, TAB_MATRICES)
    return Layout(spaces, train, inside_views, runs_views, matrices_page, diagram, code_view, playground,
                  draw_holder, inside_holder, evaluation_holder, matrix_holder)


def install_model_panels(layout: Layout, draw: QWidget, inside: QWidget, learning: QWidget, matrices: QWidget,
                         evaluation: QWidget) -> QTabWidget:
    """Put the torch-backed panels where their placeholders are; returns Inside's own tabs."""
    inside_tabs = view_tabs([tag_view(inside, TAB_THIS_DIGIT, TAB_TIPS[TAB_THIS_DIGIT]),
                             tag_view(learning, TAB_WHILE_LEARNING, TAB_TIPS[TAB_WHILE_LEARNING])])
    replace_view(layout.draw_holder, draw)
    replace_view(layout.inside_holder, inside_tabs)
    replace_view(layout.evaluation_holder, evaluation)
    tag_view(matrices, TAB_MATRICES, TAB_TIPS[TAB_MATRICES])
    layout.workspaces.set_roaming(matrices)
    return inside_tabs


def add_explain_views(layout: Layout, inside: QWidget, fool_it: QWidget, projector: QWidget) -> None:
    """Fool it and the projector: views of the Look inside workspace, after `inside` (Inside's tabs)."""
    tabs = layout.inside_views
    for offset, (widget, key) in enumerate(((fool_it, TAB_FOOL_IT), (projector, TAB_PROJECTOR))):
        add_view(tabs, tag_view(widget, key, TAB_TIPS[key]), tabs.indexOf(inside) + 1 + offset)


def add_runs_view(layout: Layout, widget: QWidget, key: str, tip: str) -> None:
    """Runs and Experiments are built by their owners (run_tracking, experiments_panel) into the Runs page."""
    add_view(layout.runs_views, tag_view(widget, key, tip))


def _page(widget: QWidget) -> QWidget:
    page = QWidget()
    box = QVBoxLayout(page)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(widget)
    return page


class WindowLayout(QMainWindow):
    """The main window's views and where they are; `MainWindow` derives from it and wires them."""

    view_changed = Signal()  # another view came on screen (a workspace, an inner tab, a side tab)

    if TYPE_CHECKING:  # made by MainWindow before `_build_menus` and `_build_model_panels` run
        document: Document
        training: TrainingController
        models: ModelViews
        project_actions: ProjectActions
        comfort: WindowComfort
        _remember: bool

        def train(self) -> None: ...
        def pause(self) -> None: ...
        def step(self) -> None: ...
        def stop(self) -> None: ...
        def reset(self) -> None: ...
        def choose_preset(self, name: str) -> None: ...

    def _build_ui(self) -> None:
        self.run_actions = RunActions(self)
        self.addToolBar(self.run_actions.make_toolbar(self))
        self.setup_message = MessageBar()  # data, device and settings problems
        self.training_message = MessageBar()  # divergence and run errors
        layout = self.layout_parts = build_layout(list(self.document.presets.values()))
        self.workspaces = layout.workspaces
        train = layout.train
        self.editor, self.panel, self.plots = train.editor, train.panel, train.plots
        self.epoch_table, self.label_scores = train.epoch_table, train.label_scores
        # The views Learn's demos open (they were docks before workspaces).
        self.network_dock: QWidget = train.curves
        self.training_dock: QWidget = train.settings
        self.diagram, self.code_view, self.playground = layout.diagram, layout.code_view, layout.playground
        self.runs_views = layout.runs_views
        # The Inside, Matrices and Evaluation panels import torch: they are built when the worker has
        # loaded it (data_ready), so the window paints first. Until then their places say so.
        self.draw_panel: DrawPanel | None = None
        self.inside_panel: InsidePanel | None = None
        self.learning_panel: LearningPanel | None = None
        self.matrix_panel: MatrixPanel | None = None
        self.evaluation_panel: EvaluationPanel | None = None
        self.inside_tabs: QTabWidget | None = None  # This digit, While it learns: once built
        self.step_through_panel: StepThroughPanel | None = None  # Step through: once built
        self.workspaces.changed.connect(self.view_changed)
        self.workspaces.workspace_changed.connect(self._workspace_changed)
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(4, 4, 4, 0)
        box.addWidget(self.setup_message)
        box.addWidget(self.training_message)
        box.addWidget(self.workspaces, 1)
        self.setCentralWidget(central)
        self.status = TrainingStatus(self.statusBar())

        self.run_actions.train.triggered.connect(self.train)
        self.run_actions.pause.triggered.connect(self.pause)
        self.run_actions.step.triggered.connect(self.step)
        self.run_actions.stop.triggered.connect(self.stop)
        self.run_actions.reset.triggered.connect(self.reset)
        self.run_actions.pause_resume.triggered.connect(lambda: self.training.toggle_pause())

    def _workspace_changed(self, _name: str) -> None:
        """The toolbar's run controls act on the MNIST network: shown where a workspace is about it."""
        self.run_actions.set_available(self.workspaces.current().run_controls)

    def add_runs_view(self, widget: QWidget, key: str, tip: str) -> None:
        add_runs_view(self.layout_parts, widget, key, tip)

    def view_on_screen(self, widget: QWidget | None) -> bool:
        """`widget` is on show: in the workspace on show, its current inner tab, or the side column's tab."""
        return self.workspaces.on_screen(widget)

    def show_widget(self, widget: QWidget) -> bool:
        """Bring `widget` on screen: its workspace and the tabs that hold it."""
        return self.workspaces.show_widget(widget)

    def show_view(self, key: str) -> bool:
        """Show the view called `key` (its English title) in its workspace."""
        return self.workspaces.show_view(key)

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(tr("&File"))
        self.project_actions.fill_menu(file_menu)
        file_menu.addSeparator()
        quit_action = QAction(tr("&Quit"), self)
        # The platform's quit keys; some platforms (Windows) have none, so Ctrl+Q there.
        quit_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.edit_menu = menu.addMenu(tr("&Edit"))
        actions = self.editor.edit_actions()
        # Undo and redo act wherever the focus is (a text field still gets its own undo first: Qt hands
        # it the keys before any shortcut), so Ctrl+Z right after choosing a preset gives the old network
        # back. Delete, Ctrl+D and Alt+arrows stay with the stack, so they never remove a layer by accident.
        for action in actions[:2]:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        edit_menu.addActions(actions[:2])
        edit_menu.addSeparator()
        edit_menu.addActions(actions[2:])

        presets_menu = menu.addMenu(tr("&Presets"))
        self.preset_actions: dict[str, QAction] = {}
        for name, preset in self.document.presets.items():
            action = QAction(tr(preset.title), self)
            action.setToolTip(tr(preset.description))
            action.setStatusTip(tr(preset.description))
            action.triggered.connect(lambda _=False, n=name: self.choose_preset(n))
            presets_menu.addAction(action)
            self.preset_actions[name] = action
        presets_menu.setToolTipsVisible(True)

        train_menu = self.training_menu = menu.addMenu(tr("&Training"))
        for action in self.run_actions.buttons():
            train_menu.addAction(action)
        self.view_menu = menu.addMenu(tr("&View"))  # Learn and the workspaces (window_comfort.py)
        help_menu = self.help_menu = menu.addMenu(tr("&Help"))
        about = self.about_action = QAction(tr("&About {app}").format(app=APP_NAME), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_model_panels(self) -> None:
        """The panels that import torch, once the worker has loaded it (importing is then instant)."""
        if self.evaluation_panel is not None:
            return
        from playground.ui.workspaces.inside.evaluation_panel import EvaluationPanel
        from playground.ui.workspaces.inside.inside_panel import InsidePanel
        from playground.ui.workspaces.inside.learning_panel import LearningPanel
        from playground.ui.workspaces.matrices.matrix_panel import MatrixPanel

        self.draw_panel = DrawPanel(remember=self._remember)
        self.inside_panel = InsidePanel()
        self.learning_panel = LearningPanel()
        self.matrix_panel = MatrixPanel()
        self.evaluation_panel = EvaluationPanel()
        self.models.attach_panels(self.draw_panel, self.inside_panel, self.learning_panel, self.matrix_panel,
                                  self.evaluation_panel)
        with QSignalBlocker(self.workspaces):
            self.inside_tabs = install_model_panels(self.layout_parts, self.draw_panel, self.inside_panel,
                                                    self.learning_panel, self.matrix_panel, self.evaluation_panel)
        self.inside_tabs.currentChanged.connect(self.view_changed)
        self._build_explain_views(self.inside_tabs)
        self._build_step_through(self.inside_tabs)
        self.comfort.panels_built()
        self.view_changed.emit()  # the snapshot rate for the view on screen

    def _build_explain_views(self, inside: QWidget) -> None:
        """Fool it and the projector (their modules import torch, loaded by now)."""
        from playground.ui.workspaces.inside.fool_it_view import FoolItView
        from playground.ui.workspaces.inside.projector_view import ProjectorView

        self.fool_it_view = FoolItView()
        self.projector_view = ProjectorView()
        with QSignalBlocker(self.workspaces):
            add_explain_views(self.layout_parts, inside, self.fool_it_view, self.projector_view)
        self.models.attach_explain_views(self.fool_it_view, self.projector_view)

    def _build_step_through(self, inside: QWidget) -> None:
        """Look inside ▸ Step through, right after Inside; fed by `models` like the other views of the digit."""
        from playground.ui.workspaces.inside.step_through_panel import StepThroughPanel

        self.step_through_panel = StepThroughPanel()
        tabs = self.layout_parts.inside_views
        with QSignalBlocker(self.workspaces):
            add_view(tabs, tag_view(self.step_through_panel, TAB_STEP_THROUGH, TAB_TIPS[TAB_STEP_THROUGH]),
                     tabs.indexOf(inside) + 1)
        self.models.step_through_panel = self.step_through_panel

    def _about(self) -> None:
        QMessageBox.about(
            self, tr("About {app}").format(app=APP_NAME),
            f"<h3>{APP_NAME} {__version__}</h3>"
            + tr("<p>Stack layers, watch a real PyTorch network learn, live.</p>")
            + tr("<p>The MNIST database of handwritten digits is by Yann LeCun, Corinna Cortes and "
                 "Christopher J. C. Burges, distributed under the Creative Commons "
                 "Attribution-Share Alike 3.0 license.</p>"),
        )

    def retranslate(self) -> None:
        """Texts built from values or kept elsewhere, in the language chosen now."""
        parent = getattr(super(), "retranslate", None)
        if callable(parent):
            parent()
        self.about_action.setText(tr("&About {app}").format(app=APP_NAME))
        self.workspaces.retranslate()  # again from their keys: another text may share a title's translation
        self.editor.set_lock_reason(tr(LOCK_REASON))

