"""The drawing canvas: strokes from mouse, pen and touch; undo, clear, loaded images, signals."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from playground.core.data.preprocessing import prepare_digit
from playground.ui.workspaces.inside.canvas import CANVAS_PIXELS, MAX_BRUSH, MIN_BRUSH, PAPER, DrawingCanvas

NO_MOD = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def canvas(qtbot):
    widget = DrawingCanvas()
    qtbot.addWidget(widget)
    widget.resize(320, 320)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def widget_point(canvas: DrawingCanvas, x: float, y: float) -> QPoint:
    """Raster coordinates (0..CANVAS_PIXELS) → the widget's pixel under them."""
    rect = canvas.paper_rect()
    s = rect.width() / canvas.pixels()
    return QPoint(round(rect.x() + x * s), round(rect.y() + y * s))


def draw(canvas: DrawingCanvas, points: list[tuple[float, float]]) -> None:
    """One mouse stroke through raster points."""
    pts = [widget_point(canvas, x, y) for x, y in points]
    QTest.mousePress(canvas, LEFT, NO_MOD, pts[0])
    for p in pts[1:]:
        QTest.mouseMove(canvas, p)
    QTest.mouseRelease(canvas, LEFT, NO_MOD, pts[-1])


def line(x0, y0, x1, y1, n=20):
    return [(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t) for t in np.linspace(0, 1, n)]


def ink_at(image: np.ndarray, x: float, y: float, r: int = 2) -> bool:
    y, x = int(round(y)), int(round(x))
    return bool((image[max(0, y - r):y + r + 1, max(0, x - r):x + r + 1] < 128).any())


def count(signal) -> list[int]:
    calls = [0]
    signal.connect(lambda *args: calls.__setitem__(0, calls[0] + 1))
    return calls


def test_a_mouse_stroke_leaves_ink_and_signals(canvas):
    changed, finished = count(canvas.image_changed), count(canvas.stroke_finished)
    assert canvas.is_empty() and (canvas.image() == PAPER).all()
    draw(canvas, line(60, 140, 220, 140))
    image = canvas.image()
    assert image.shape == (CANVAS_PIXELS, CANVAS_PIXELS) and image.dtype == np.uint8
    assert ink_at(image, 60, 140) and ink_at(image, 140, 140) and ink_at(image, 220, 140)
    assert not ink_at(image, 140, 60) and not ink_at(image, 20, 20)
    assert changed[0] >= 2  # at least the first segment and the finished stroke
    assert finished[0] == 1 and canvas.stroke_count == 1 and not canvas.is_empty()


def test_image_changed_is_throttled_while_drawing(canvas, qtbot):
    changed = count(canvas.image_changed)
    points = [widget_point(canvas, x, y) for x, y in line(40, 40, 240, 240, n=120)]
    QTest.mousePress(canvas, LEFT, NO_MOD, points[0])
    for p in points[1:]:
        QTest.mouseMove(canvas, p)
    during = changed[0]
    assert 1 <= during <= 3  # 120 segments within one throttle interval: one signal, not 120
    qtbot.wait(40)  # the throttle interval ends: the folded changes go out once
    assert changed[0] == during + 1
    QTest.mouseRelease(canvas, LEFT, NO_MOD, points[-1])
    assert changed[0] == during + 2  # the end of a stroke is always reported at once


def test_strokes_are_smooth_and_round_capped(canvas):
    canvas.set_brush_size(20)
    draw(canvas, [(60, 200), (140, 60), (220, 200)])  # a sharp corner, sampled coarsely
    image = canvas.image()
    # Round caps: ink a pen-radius beyond the end point along the stroke's direction.
    assert ink_at(image, 60 - 5, 200 + 7, r=1)
    # Smoothing: a quadratic from midpoint to midpoint, bent by the corner sample (its apex is at
    # y = 95), where a polyline would have inked the corner itself (y = 60 ± the pen radius).
    assert ink_at(image, 140, 95, r=1) and not ink_at(image, 140, 72, r=1)


def test_brush_size_sets_the_width_and_is_clamped(canvas):
    canvas.set_brush_size(4)
    draw(canvas, line(40, 80, 240, 80))
    canvas.set_brush_size(40)
    draw(canvas, line(40, 200, 240, 200))
    image = canvas.image()
    thin = (image[:, 140] < 128)[40:120].sum()
    thick = (image[:, 140] < 128)[160:240].sum()
    assert 2 <= thin <= 6 and 36 <= thick <= 44
    canvas.set_brush_size(1000)
    assert canvas.brush_size() == MAX_BRUSH
    canvas.set_brush_size(0)
    assert canvas.brush_size() == MIN_BRUSH


def test_undo_removes_the_last_stroke_and_redo_restores_it(canvas):
    draw(canvas, line(40, 80, 240, 80))
    after_first = canvas.image()
    draw(canvas, line(40, 200, 240, 200))
    assert ink_at(canvas.image(), 140, 200)
    changed = count(canvas.image_changed)
    canvas.undo()
    assert changed[0] == 1 and canvas.stroke_count == 1
    image = canvas.image()
    assert not ink_at(image, 140, 200) and ink_at(image, 140, 80)
    assert (image == after_first).all()  # re-rendered: the very same pixels
    canvas.redo()
    assert ink_at(canvas.image(), 140, 200)


def test_ctrl_z_undoes_and_escape_clears_while_focused(canvas, qtbot):
    draw(canvas, line(40, 80, 240, 80))
    draw(canvas, line(40, 200, 240, 200))
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    QTest.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert canvas.stroke_count == 1
    QTest.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.is_empty() and (canvas.image() == PAPER).all()
    canvas.undo()  # a clear can be taken back too
    assert canvas.stroke_count == 1 and ink_at(canvas.image(), 140, 80)


def test_clear_on_an_empty_canvas_adds_nothing_to_undo(canvas):
    canvas.clear()
    assert canvas.undo_stack.count() == 0


def test_set_image_shows_a_digit_as_dark_ink_on_paper(canvas, small_data):
    digit = small_data.test.images[0]  # white on black, 28×28
    changed = count(canvas.image_changed)
    canvas.set_image(digit)
    image = canvas.image()
    assert changed[0] == 1 and not canvas.is_empty()
    assert image[0].min() > 240 and image[:, 0].min() > 240  # paper at the border
    assert image.min() < 30  # the ink, dark
    # What the network is shown is the digit itself, as prepared from the original.
    assert np.corrcoef(prepare_digit(image).ravel(), prepare_digit(digit).ravel())[0, 1] > 0.9
    canvas.undo()
    assert canvas.is_empty()


def test_set_image_fits_any_shape_and_keeps_the_photo_paper_colour(canvas):
    photo = np.full((300, 600), 180, dtype=np.uint8)  # grey paper, wide
    photo[100:200, 290:310] = 20  # a dark "1"
    canvas.set_image(photo)
    image = canvas.image()
    assert abs(int(image[0, 0]) - 180) <= 2 and abs(int(image[-1, -1]) - 180) <= 2  # margins: the same paper
    ys, xs = np.nonzero(image < 100)
    assert abs(xs.mean() - CANVAS_PIXELS / 2) < 4 and abs(ys.mean() - CANVAS_PIXELS / 2) < 4
    assert (ys.max() - ys.min()) == pytest.approx(100 * CANVAS_PIXELS / 600, abs=3)


@pytest.mark.parametrize("bad", [np.zeros((0, 5)), np.full((5, 5), np.nan), np.zeros((2, 3, 4, 5))])
def test_set_image_rejects_what_is_not_an_image(canvas, bad):
    with pytest.raises(ValueError):
        canvas.set_image(bad)
    assert canvas.is_empty()


def _tablet(canvas, kind, x, y, pressure):
    device = QPointingDevice("test pen", 4242, QInputDevice.DeviceType.Stylus, QPointingDevice.PointerType.Pen,
                             QInputDevice.Capability.Position | QInputDevice.Capability.Pressure, 1, 2)
    pos = QPointF(widget_point(canvas, x, y))
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else LEFT
    event = QTabletEvent(kind, device, pos, QPointF(canvas.mapToGlobal(pos)), pressure, 0, 0, 0, 0, 0,
                         NO_MOD, LEFT, buttons)
    QApplication.sendEvent(canvas, event)


def test_tablet_pressure_sets_the_width(canvas):
    canvas.set_brush_size(30)
    for y, pressure in ((80, 0.05), (200, 1.0)):
        _tablet(canvas, QEvent.Type.TabletPress, 40, y, pressure)
        for x in range(50, 241, 10):
            _tablet(canvas, QEvent.Type.TabletMove, x, y, pressure)
        _tablet(canvas, QEvent.Type.TabletRelease, 240, y, pressure)
    image = canvas.image()
    light = (image[:, 140] < 128)[40:120].sum()
    firm = (image[:, 140] < 128)[150:250].sum()
    assert canvas.stroke_count == 2
    assert 7 <= light <= 13 and 36 <= firm <= 42  # 30 px × (0.3 + pressure), capped at 1.3×


def test_one_finger_draws(canvas):
    device = QTest.createTouchDevice()
    sequence = QTest.touchEvent(canvas, device)
    sequence.press(0, widget_point(canvas, 40, 140), canvas).commit()
    for x in range(60, 241, 20):
        QTest.touchEvent(canvas, device).move(0, widget_point(canvas, x, 140), canvas).commit()
    QTest.touchEvent(canvas, device).release(0, widget_point(canvas, 240, 140), canvas).commit()
    assert canvas.stroke_count == 1
    assert ink_at(canvas.image(), 140, 140)
