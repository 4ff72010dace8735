"""The first-run tour: shown once (remembered), never without settings, walks every panel, keys work."""

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget

from playground.ui.shell.run_controls import RunState
from playground.ui.shell.tour import TourOverlay
from playground.ui.shell.window_comfort import KEY_TOUR_SHOWN
from playground.ui.shell.workspaces import view_key

PANEL_TABS = ["Training curves", "Diagram", "Draw", "Inside", "Matrices", "Evaluation", "PyTorch code"]


def views_to_show(window) -> dict[str, QWidget]:
    """Every view the tour brings forward, by key: each workspace's inner tabs (or its page), and the curves."""
    spaces = window.workspaces
    views = {"Training curves": spaces.view_widget("Training curves")}
    for space in spaces.workspaces():
        if space.views is None:
            views[space.key] = space.page
        else:
            views |= {view_key(space.views.widget(i)): space.views.widget(i) for i in range(space.views.count())}
    return views


def centre_in(window, widget: QWidget) -> QPoint:
    return widget.mapTo(window, widget.rect().center())


def test_the_tour_shows_on_the_first_start_only(make_window):
    window = make_window(remember=True)
    assert window.comfort.show_tour_if_first_run()
    tour = window.comfort.tour
    assert isinstance(tour, TourOverlay) and tour.isVisible() and tour.index == 0
    assert tour.geometry() == window.rect()  # it covers the window
    tour.skip()
    assert window.comfort.tour is None
    window.close_discarding()

    again = make_window(remember=True)
    assert not again.comfort.show_tour_if_first_run()
    assert again.comfort.tour is None
    assert again.findChild(TourOverlay) is None


def test_without_remembered_settings_the_tour_never_shows_by_itself(make_window):
    window = make_window()  # as tests and `nn-playground screenshot` open it
    assert not window.comfort.show_tour_if_first_run()
    assert window.findChild(TourOverlay) is None
    assert QSettings().value(KEY_TOUR_SHOWN) is None


def test_the_tour_points_at_every_panel_and_brings_each_view_forward(qtbot, make_window):
    window = make_window()
    window.show_widget(window.diagram)
    window.comfort.tour_action.trigger()  # Help ▸ Tour
    tour = window.comfort.tour
    assert window.comfort.tour_action in window.help_menu.actions()
    spaces = window.workspaces
    views = views_to_show(window)
    assert set(PANEL_TABS) <= set(views)
    shown_at: dict[str, int] = {}  # view key → the first step that brought it on screen and outlined it
    workspaces = []
    for index in range(len(tour.steps)):
        assert tour.index == index
        holes = tour.holes
        assert holes, f"step {index} outlines nothing"
        callout = tour.callout.geometry()
        assert tour.rect().contains(callout), f"step {index}: the callout leaves the window"
        workspaces.append(spaces.current().name)
        for key, view in views.items():
            if window.view_on_screen(view) and any(h.contains(centre_in(window, view)) for h in holes):
                shown_at.setdefault(key, index)
        if index == 0:  # the workspace bar
            assert any(h.contains(centre_in(window, spaces.bar)) for h in holes)
        if index == 1:  # the toolbar's buttons and the training settings beside them
            assert window.view_on_screen(window.panel)
            assert any(h.contains(centre_in(window, window.training_dock)) for h in holes)
        if index == 2:  # the layer stack
            assert any(h.contains(centre_in(window, window.editor)) for h in holes)
        qtbot.mouseClick(tour.next_button, Qt.MouseButton.LeftButton)
    # The steps after the first three brought every view forward, each in its workspace: the panels of the
    # course, and any other; every workspace in the bar's order.
    missing = set(views) - {key for key, index in shown_at.items() if index >= 3}
    assert not missing, f"the tour never shows {missing}"
    assert set(workspaces) == set(spaces.names())
    order = [spaces.names().index(name) for name in workspaces[3:-1]]
    assert order == sorted(order), workspaces
    assert len(tour.steps) <= len(spaces.view_keys()) + 4  # one step a view at most, and the four others
    assert window.comfort.tour is None and not tour.isVisible()
    assert window.view_on_screen(window.diagram)  # the view the user was on comes back


def test_keys_move_through_the_tour_and_escape_only_skips(qtbot, make_window):
    window = make_window()
    window.panel.epochs.setValue(50)
    window.panel.batch_size.setValue(16)
    assert window.start_training()  # a run in progress: Esc is also the Stop shortcut
    qtbot.waitUntil(lambda: window.state == RunState.TRAINING, timeout=30_000)
    tour = window.comfort.start_tour()
    finished = []
    tour.finished.connect(finished.append)
    qtbot.keyClick(QApplication.focusWidget() or tour, Qt.Key.Key_Right)
    assert tour.index == 1
    qtbot.keyClick(QApplication.focusWidget() or tour, Qt.Key.Key_Return)
    assert tour.index == 2
    qtbot.keyClick(QApplication.focusWidget() or tour, Qt.Key.Key_Left)
    assert tour.index == 1
    qtbot.keyClick(QApplication.focusWidget() or tour, Qt.Key.Key_Space)  # next, not pause
    assert tour.index == 2 and window.state == RunState.TRAINING
    qtbot.keyClick(QApplication.focusWidget() or tour, Qt.Key.Key_Escape)
    assert finished == [False]
    assert window.state == RunState.TRAINING  # the overlay took Esc: the run goes on
    window.stop()
    qtbot.waitUntil(lambda: window.state == RunState.IDLE, timeout=60_000)


def test_back_is_disabled_on_the_first_step_and_the_last_says_done(make_window):
    window = make_window()
    tour = window.comfort.start_tour()
    assert not tour.back_button.isEnabled()
    tour.go_to(len(tour.steps) - 1)
    assert tour.next_button.text() == "Done"
    done = []
    tour.finished.connect(done.append)
    tour.next()
    assert done == [True]


@pytest.mark.parametrize("size", [(1024, 700), (1600, 1000)])
def test_the_tour_follows_the_window_size(qtbot, make_window, size):
    window = make_window()
    tour = window.comfort.start_tour()
    window.resize(*size)
    qtbot.waitUntil(lambda: tour.geometry() == window.rect())
    assert tour.rect().contains(tour.callout.geometry())
    tour.skip()


def test_the_tour_finds_tabs_by_key_and_follows_a_language_switch(make_window):
    from i18n_coverage import speak

    window = make_window()
    tour = window.comfort.start_tour()
    step = next(i for i, s in enumerate(tour.steps) if s.title == "The network diagram")
    speak({"Diagram": "网络图", "The network diagram": "网络结构图", "Next": "下一步"})
    try:
        tour.go_to(step)
        assert window.view_on_screen(window.diagram)  # found by its key, not its title
        assert tour.title.text() == "网络结构图" and tour.next_button.text() == "下一步"
    finally:
        speak(None)
    assert tour.title.text() == "The network diagram" and tour.next_button.text() == "Next"  # retranslate()
    tour.skip()
