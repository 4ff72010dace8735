"""The status bar's progress: set without the synchronous repaint QProgressBar.setValue does, and
still painted with the next frame."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow

from playground.core.model.spec import LayerSpec, ModelSpec
from playground.core.training.events import Paused, RunStarted, RunSummary, StepDone
from playground.core.training.training_config import TrainingConfig
from playground.ui.widgets.training_status import PROGRESS_STEPS, TrainingStatus


def started(epoch: int = 0) -> RunStarted:
    return RunStarted("cpu", None, 64, 32, epoch, 32 * epoch, ModelSpec([LayerSpec("Flatten")]), TrainingConfig())


def step(number: int = 10, rate: float | None = 1000.0, progress: float = 0.25) -> StepDone:
    return StepDone(number, 0, number, 32, 0.5, rate, 0.001, progress, 5.0)


def summary(rate: float | None, reason: str = "completed", steps: int = 64) -> RunSummary:
    return RunSummary(reason, steps, 2, rate, 0.3, 0.9, 0.35, 0.88)


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event):  # Qt override
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_progress_is_painted_with_the_next_frame_not_inside_the_update(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    status = TrainingStatus(window.statusBar())
    window.resize(900, 200)
    window.show()
    qtbot.waitExposed(window)
    counter = PaintCounter()
    status.progress.installEventFilter(counter)
    status.show_started(started(), target_epoch=2)
    qtbot.wait(20)
    for progress in (0.25, 0.5):
        painted_before = counter.paints
        status.show_step(step(progress=progress), force=True)
        assert counter.paints == painted_before  # nothing painted inside the call (QProgressBar.setValue would)
        assert status.progress.value() == int(progress * PROGRESS_STEPS)
        qtbot.waitUntil(lambda before=painted_before: counter.paints > before, timeout=2000)


def test_samples_per_second_is_the_runs_own_average_or_nothing(qtbot):
    """Never a figure from a short stretch or from an earlier run: while a run trains, its average so far once
    the trainer measures one; when it has ended, that run's average, or "–" (too short to measure, or failed)."""
    window = QMainWindow()
    qtbot.addWidget(window)
    status = TrainingStatus(window.statusBar())
    assert status.speed.text() == "– samples/s"
    status.show_started(started(), target_epoch=2)
    status.show_step(step(rate=None), force=True)  # the first batches: not measured yet
    assert status.speed.text() == "– samples/s"
    status.show_step(step(number=20, rate=51234.4), force=True)
    assert status.speed.text() == "51,234 samples/s"
    status.show_finished(summary(50000.0))
    assert status.speed.text() == "50,000 samples/s"  # the run's average, kept while nothing trains
    status.show_started(started(epoch=2), target_epoch=3)  # a Step from idle: a run of one batch
    assert status.speed.text() == "– samples/s"
    status.show_step(step(number=65, rate=None), force=True)
    status.show_paused(Paused(65, 2))
    status.show_finished(summary(None, "stopped", steps=65))
    assert status.speed.text() == "– samples/s" and status.step.text() == "Step 65"
    status.show_finished(summary(None, "error", steps=65))
    assert status.speed.text() == "– samples/s"
