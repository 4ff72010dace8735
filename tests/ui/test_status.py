"""The status bar's progress: set without the synchronous repaint QProgressBar.setValue does, and
still painted with the next frame."""

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow

from playground.ui.status import PROGRESS_STEPS, TrainingStatus


class PaintCounter(QObject):
    def __init__(self):
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched, event):  # noqa: N802 (Qt override)
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
    status.show_started({"epoch": 0}, target_epoch=2)
    qtbot.wait(20)
    for progress in (0.25, 0.5):
        painted_before = counter.paints
        status.show_step({"epoch": 0, "step": 10, "samples_per_second": 1000.0, "progress": progress,
                          "eta_seconds": 5.0}, force=True)
        assert counter.paints == painted_before  # nothing painted inside the call (QProgressBar.setValue would)
        assert status.progress.value() == int(progress * PROGRESS_STEPS)
        qtbot.waitUntil(lambda: counter.paints > painted_before, timeout=2000)
