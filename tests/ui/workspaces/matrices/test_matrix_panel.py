"""The matrix panel shows the core's numbers: typing, bad cells, paste, step-through, laws, loading
from the model, the dense layer as a product, and the PyTorch code."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from playground.core.explain.matrix_ops import (
    check_laws,
    describe_tensor,
    format_matrix,
    matmul_cell,
    matmul_rule,
    parse_matrix,
    tensor_examples,
)
from playground.ui.widgets.palette import CELL_TINT, COLUMN_TINT, ERROR_TINT, ROW_TINT
from playground.ui.workspaces.matrices.matrix_display import fmt
from playground.ui.workspaces.matrices.matrix_panel import TAB_DENSE, TAB_LAWS, TAB_OPERATIONS, TAB_STEP, MatrixPanel


@pytest.fixture
def panel(qtbot) -> MatrixPanel:
    p = MatrixPanel()
    qtbot.addWidget(p)
    p.resize(1000, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def type_into(qtbot, editor, r: int, c: int, text: str) -> None:
    """Type into a cell the way a user does: select it, type, press Enter."""
    grid = editor.grid
    grid.setFocus()
    grid.setCurrentCell(r, c)
    grid.editItem(grid.item(r, c))
    # closed editors linger until deleted later: the open one is the visible one
    lines = [w for w in grid.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert len(lines) == 1
    line = lines[0]
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # the delegate commits through a queued call: let the event loop deliver it
    qtbot.waitUntil(lambda: grid.state() != QAbstractItemView.State.EditingState, timeout=2000)


def shown(grid) -> list[list[str]]:
    return grid.texts()


# ----- typing, results, bad cells -------------------------------------------------------------------------

def test_typed_values_give_the_same_product_as_numpy(panel, qtbot):
    a = np.array([[1.5, -2.0, 3.0], [0.25, 4.0, -1.0]])
    b = np.array([[2.0, 1.0], [-3.0, 0.5], [1.0, 7.0]])
    panel.editor_a.set_shape(2, 3)
    panel.editor_b.set_shape(3, 2)
    for r in range(2):
        for c in range(3):
            type_into(qtbot, panel.editor_a, r, c, str(float(a[r, c])))
    for r in range(3):
        for c in range(2):
            panel.editor_b.set_cell_text(r, c, str(float(b[r, c])))
    assert panel.editor_a.bad_cells() == [], panel.editor_a.cell_texts()
    np.testing.assert_array_equal(panel.editor_a.matrix(), a)
    np.testing.assert_allclose(panel.stepper.result().value, a @ b)
    np.testing.assert_allclose(panel.stepper.result_grid.values(), a @ b)
    assert shown(panel.stepper.result_grid) == [[fmt(v) for v in row] for row in a @ b]
    assert "A is 2×3 and B is 3×2" in panel.stepper.shape_label.text()


def test_fractions_and_pi_are_numbers(panel):
    panel.editor_a.set_cell_text(0, 0, "1/2")
    panel.editor_a.set_cell_text(0, 1, "pi")
    assert panel.editor_a.matrix()[0, 0] == 0.5
    assert panel.editor_a.matrix()[0, 1] == pytest.approx(np.pi)
    assert panel.editor_a.cell_texts()[0][:2] == ["1/2", "pi"]  # the text stays as typed


@pytest.mark.parametrize("text, words", [("abc", "'abc' is not a number"), ("", "the cell is empty"),
                                         ("nan", "not a finite number"), ("1e20", "too large")])
def test_a_bad_entry_turns_red_with_its_message_and_results_say_fix_first(panel, qtbot, text, words):
    before = panel.editor_a.cell_texts()
    type_into(qtbot, panel.editor_a, 1, 1, text)  # row 2, column 2
    editor = panel.editor_a
    assert editor.matrix() is None
    assert editor.bad_cells() == [(1, 1)]
    assert editor.grid.cell_tint(1, 1) == ERROR_TINT
    assert words in editor.grid.item(1, 1).toolTip()
    assert editor.grid.item(1, 1).toolTip().startswith("row 2, column 2:")
    assert editor.message_label.isVisible() and words in editor.message()
    after = editor.cell_texts()
    assert [t for r, row in enumerate(after) for c, t in enumerate(row) if (r, c) != (1, 1)] == \
           [t for r, row in enumerate(before) for c, t in enumerate(row) if (r, c) != (1, 1)]
    # every view that needs A says so instead of showing stale numbers
    assert panel.stepper.message_label.text().startswith("fix A first: row 2, column 2")
    assert panel.stepper.result_grid.rowCount() == 0 and not panel.stepper.result_grid.isVisible()
    panel.tabs.setCurrentIndex(TAB_OPERATIONS)
    assert panel.operations.message_label.text().startswith("fix A first: row 2, column 2")
    assert panel.operations.result_grid.rowCount() == 0
    panel.operations.select("transpose_b")  # Bᵀ does not need A
    assert panel.operations.result().ok
    assert all(isinstance(v, str) and v.startswith("fix A first") for v in panel.laws.checks().values())
    # fixing the cell brings the results back
    panel.editor_a.set_cell_text(1, 1, "4")
    assert panel.stepper.result().ok and panel.editor_a.grid.cell_tint(1, 1) is None
    assert not panel.editor_a.message_label.isVisible()


def test_resizing_keeps_the_numbers_that_fit_and_undo_restores(panel):
    a = panel.editor_a.matrix()
    panel.editor_a.rows_spin.setValue(4)
    m = panel.editor_a.matrix()
    assert m.shape == (4, 2) and np.array_equal(m[:3], a) and not m[3].any()
    panel.editor_a.undo_stack.undo()
    assert np.array_equal(panel.editor_a.matrix(), a)


# ----- paste and copy ---------------------------------------------------------------------------------

def test_ctrl_v_pastes_csv_resizing_the_grid(panel, qtbot):
    QGuiApplication.clipboard().setText("1,2,3,4\n5,6,7,8\n")
    panel.editor_b.grid.setFocus()
    qtbot.keyClick(panel.editor_b.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(panel.editor_b.matrix(), [[1, 2, 3, 4], [5, 6, 7, 8]])
    assert (panel.editor_b.rows_spin.value(), panel.editor_b.cols_spin.value()) == (2, 4)
    assert panel.editor_b.grid.columnCount() == 4
    assert panel.stepper.result().value.shape == (3, 4)


def test_paste_button_reads_a_numpy_literal(panel, qtbot):
    text = "np.array([[1, 2.5], [3, 4], [-1, 0], [2, 2]])"
    QGuiApplication.clipboard().setText(text)
    qtbot.mouseClick(panel.editor_a.paste_button, Qt.MouseButton.LeftButton)
    np.testing.assert_array_equal(panel.editor_a.matrix(), parse_matrix(text))
    assert panel.editor_a.grid.rowCount() == 4


def test_a_malformed_paste_changes_nothing_and_says_why(panel, qtbot):
    before = panel.editor_a.cell_texts()
    text = "1, 2\n3, 4, 5"
    with pytest.raises(Exception) as parse_error:
        parse_matrix(text)
    QGuiApplication.clipboard().setText(text)
    panel.editor_a.grid.setFocus()
    qtbot.keyClick(panel.editor_a.grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert panel.editor_a.cell_texts() == before
    assert str(parse_error.value) in panel.editor_a.message()
    assert panel.editor_a.message_label.isVisible()
    assert panel.stepper.result().ok  # A is still a good matrix
    panel.editor_a.fill("zeros")  # the next change clears the notice
    assert not panel.editor_a.message_label.isVisible()


def test_one_number_pasted_goes_into_the_current_cell(panel, qtbot):
    QGuiApplication.clipboard().setText("42")
    grid = panel.editor_a.grid
    grid.setFocus()
    grid.setCurrentCell(2, 1)
    qtbot.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert panel.editor_a.shape() == (3, 2) and panel.editor_a.matrix()[2, 1] == 42


def test_copy_puts_the_matrix_on_the_clipboard(panel, qtbot):
    qtbot.mouseClick(panel.editor_a.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == format_matrix(panel.editor_a.matrix())


def test_fills(panel):
    e = panel.editor_a
    e.set_shape(3, 3)
    e.fill("identity")
    np.testing.assert_array_equal(e.matrix(), np.eye(3))
    e.fill("zeros")
    np.testing.assert_array_equal(e.matrix(), np.zeros((3, 3)))
    e.fill("counting")
    np.testing.assert_array_equal(e.matrix(), np.arange(1, 10).reshape(3, 3))
    e.fill("random-int")
    m = e.matrix()
    assert np.all(m == np.round(m)) and np.all(np.abs(m) <= 5)
    e.fill("random-decimal")
    assert np.all(np.abs(e.matrix()) <= 1)


# ----- A·B step by step --------------------------------------------------------------------------------

def test_step_through_highlights_row_and_column_and_explains_the_cell(panel):
    a, b = panel.editor_a.matrix(), panel.editor_b.matrix()
    s = panel.stepper
    for _ in range(5):  # cells (0,0) (0,1) (0,2) (1,0) (1,1)
        s.step()
    assert s.position() == (1, 1)
    assert s.explanation() == matmul_cell(a, b, 1, 1).explanation()
    assert panel.editor_a.highlighted() == ({1}, set())
    assert panel.editor_b.highlighted() == (set(), {1})
    assert panel.editor_a.grid.cell_tint(1, 0) == ROW_TINT and panel.editor_a.grid.cell_tint(0, 0) is None
    assert panel.editor_b.grid.cell_tint(0, 1) == COLUMN_TINT and panel.editor_b.grid.cell_tint(0, 0) is None
    grid = s.result_grid
    assert grid.cell_tint(1, 1) == CELL_TINT
    texts = shown(grid)
    c = a @ b
    assert texts[1][0] == fmt(c[1, 0]) and texts[1][1] == fmt(c[1, 1])  # filled so far
    assert texts[1][2] == "" and texts[2] == ["", "", ""]  # not yet
    assert "cell 5 of 9" in s.position_label.text()
    assert "C[1, 1], A[1, :] @ B[:, 1]" in s.code_box.text()
    s.back()
    assert s.position() == (1, 0) and s.explanation() == matmul_cell(a, b, 1, 0).explanation()
    # the highlight belongs to the step-through: another tab clears it
    panel.tabs.setCurrentIndex(TAB_LAWS)
    assert panel.editor_a.highlighted() == (set(), set())
    panel.tabs.setCurrentIndex(TAB_STEP)
    assert panel.editor_a.highlighted() == ({1}, set())
    s.show_all()
    assert s.position() is None and shown(grid) == [[fmt(v) for v in row] for row in c]


def test_clicking_a_result_cell_jumps_to_it(panel, qtbot):
    s = panel.stepper
    grid = s.result_grid
    rect = grid.visualItemRect(grid.item(2, 0))
    qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert s.position() == (2, 0)
    a, b = panel.editor_a.matrix(), panel.editor_b.matrix()
    assert s.explanation() == matmul_cell(a, b, 2, 0).explanation()
    assert panel.editor_a.highlighted() == ({2}, set()) and panel.editor_b.highlighted() == (set(), {0})


def test_play_runs_to_the_last_cell_and_stops(panel, qtbot):
    s = panel.stepper
    s.speed_slider.setValue(s.speed_slider.maximum())
    qtbot.mouseClick(s.play_button, Qt.MouseButton.LeftButton)
    assert s.is_playing() and s.play_button.text() == "Pause"
    qtbot.waitUntil(lambda: not s.is_playing(), timeout=10_000)
    assert s.position() == (2, 2) and s.play_button.text() == "Play"


def test_editing_a_during_the_step_through_updates_the_explanation(panel):
    s = panel.stepper
    s.jump_to(0, 1)
    panel.editor_a.set_cell_text(0, 0, "10")
    assert s.position() == (0, 1)
    assert s.explanation() == matmul_cell(panel.editor_a.matrix(), panel.editor_b.matrix(), 0, 1).explanation()


def test_an_undefined_product_shows_the_rule_in_words(panel):
    a = panel.editor_a.matrix()
    b = np.arange(9.0).reshape(3, 3)
    panel.editor_b.set_matrix(b)
    s = panel.stepper
    assert s.message_label.text() == matmul_rule(a, b)
    assert s.message_label.isVisible() and not s.result_grid.isVisible()
    assert not s.step_button.isEnabled() and not s.play_button.isEnabled()
    assert "mat1 and mat2 shapes cannot be multiplied (3x2 and 3x3)" in s.code_box.text()


# ----- the other operations ---------------------------------------------------------------------------

def test_elementwise_operations_and_transposes_equal_numpy(panel):
    a, b = np.array([[1.0, -2.0], [3.5, 4.0]]), np.array([[0.5, 2.0], [-1.0, 3.0]])
    panel.set_matrices(a, b)
    ops = panel.operations
    expected = {"add": a + b, "hadamard": a * b, "transpose_a": a.T, "transpose_b": b.T}
    for op, value in expected.items():
        ops.select(op)
        np.testing.assert_array_equal(ops.result_grid.values(), value)
    ops.select("scale")
    ops.k_edit.setText("-1/2")
    np.testing.assert_array_equal(ops.result_grid.values(), -0.5 * a)
    assert "-0.5 * A" in ops.code_box.text()
    ops.k_edit.setText("two")
    assert "'two' is not a number" in ops.message_label.text() and not ops.result().ok


def test_elementwise_operations_need_the_same_shape(panel):
    ops = panel.operations
    ops.select("hadamard")  # A is 3×2, B is 2×3
    assert ops.message_label.text() == "A is 3×2 and B is 2×3: the element-wise product needs the same shape."
    assert "RuntimeError" in ops.code_box.text()


# ----- laws -------------------------------------------------------------------------------------------

def test_laws_show_check_marks_on_the_panels_numbers(panel):
    a, b = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.0, 1.0], [1.0, 0.0]])
    panel.set_matrices(a, b)
    panel.tabs.setCurrentIndex(TAB_LAWS)
    rows = panel.laws.rows
    assert "✗" in rows["Not commutative"].mark.text()
    assert "not equal (largest difference 3)" in rows["Not commutative"].detail.text()
    assert "✓" in rows["Transpose of a product"].mark.text()
    assert rows["Transpose of a product"].detail.text() == check_laws(a, b)[1].message
    assert "needs C" in rows["Associative"].detail.text() and "–" in rows["Associative"].mark.text()
    # both sides of the shown law, as numbers
    np.testing.assert_array_equal(panel.laws.left_grid.values(), a @ b)
    np.testing.assert_array_equal(panel.laws.right_grid.values(), b @ a)
    panel.laws.use_c_check.setChecked(True)
    assert panel.c_visible()
    panel.set_matrices(c=np.array([[2.0, 0.0], [1.0, 3.0]]))
    assert "✓" in rows["Associative"].mark.text() and "✓" in rows["Distributive"].mark.text()
    assert "torch.allclose(A @ (B @ C), (A @ B) @ C)" in panel.laws.code_box.text()


def test_a_bad_c_blocks_only_the_laws_that_need_it(panel):
    panel.set_c_visible(True)
    panel.editor_c.set_cell_text(0, 0, "x")
    checks = panel.laws.checks()
    assert checks["Associative"].startswith("fix C first: row 1, column 1")
    assert not isinstance(checks["Transpose of a product"], str)
    assert panel.stepper.result().ok  # A·B does not need C


# ----- the model's matrices ---------------------------------------------------------------------------

def test_loading_from_the_model_crops_to_12_by_12_with_a_note(panel):
    rng = np.random.default_rng(1)
    w = rng.normal(size=(128, 784)).astype(np.float32)
    b = rng.normal(size=128).astype(np.float32)
    sources = {"W^[1] (fc1.weight) 128×784": w, "b^[1]": b, "input x (28×28 digit)": rng.random((28, 28))}
    panel.set_model_sources(sources)
    menu = panel.editor_a.model_menu
    assert [act.text() for act in menu.actions()] == list(sources)
    menu.actions()[0].trigger()
    np.testing.assert_allclose(panel.editor_a.matrix(), w[:12, :12].astype(np.float64))
    assert "showing rows 1–12 of 128, columns 1–12 of 784" in panel.editor_a.note()
    assert panel.editor_a.note_label.isVisible()
    panel.editor_b.load_source("b^[1]")
    assert panel.editor_b.shape() == (1, 12)
    assert "one row" in panel.editor_b.note() and "columns 1–12 of 128" in panel.editor_b.note()
    # 12×12 · 1×12 is undefined, in words
    assert panel.stepper.message_label.text() == matmul_rule(panel.editor_a.matrix(), panel.editor_b.matrix())


def test_no_model_yet_is_said_in_the_menu(panel):
    actions = panel.editor_a.model_menu.actions()
    assert len(actions) == 1 and not actions[0].isEnabled() and "No model yet" in actions[0].text()


def test_dense_layer_view_shows_x_w_transposed_plus_b(panel):
    rng = np.random.default_rng(2)
    x = rng.random((1, 20))
    w, bias = rng.normal(size=(6, 20)), rng.normal(size=6)
    z = x @ w.T + bias
    a = np.maximum(z, 0)
    panel.set_dense_layers([("fc1: W^[1] 6×20", x, w, bias, "ReLU", a),
                            ("fc2: W^[2] 3×6", a, rng.normal(size=(3, 6)), np.zeros(3), "Identity", np.zeros((1, 3)))])
    panel.tabs.setCurrentIndex(TAB_DENSE)
    view = panel.dense
    np.testing.assert_allclose(view.product().z, z)
    assert view.shapes_label.text() == "1×20 · 20×6 + 1×6 → 1×6"
    z_row = [view.numbers.item(2, c).text() for c in range(view.numbers.columnCount())]
    assert z_row == [fmt(v) for v in z[0, :6]] + [""] * (view.numbers.columnCount() - 6)
    assert view.numbers.item(0, 0).text() == fmt(x[0, 0])
    assert "✓" in view.check_label.text()
    assert view.code_box.text().endswith(view.product().torch_code)
    assert "model.fc1.weight.t()" in view.code_box.text() and "torch.relu(z)" in view.code_box.text()
    view.layer_combo.setCurrentIndex(1)
    assert view.shapes_label.text() == "1×6 · 6×3 + 1×3 → 1×3"
    assert "No activation after fc2" in view.activation_label.text()


def test_dense_view_keeps_the_chosen_layer_without_reading_its_shown_text(panel):
    rng = np.random.default_rng(3)
    x, w = rng.random((1, 4)), rng.normal(size=(3, 4))
    layers = [("fc1: W^[1] 3×4", x, w, np.zeros(3), "ReLU", np.maximum(x @ w.T, 0)),
              ("fc2: W^[2] 3×4", x, w, np.zeros(3), "Identity", x @ w.T)]
    panel.set_dense_layers(layers)
    combo = panel.dense.layer_combo
    combo.setCurrentIndex(1)
    combo.setItemText(1, "第 2 层")  # whatever the combo shows, the layer is known by its option
    panel.set_dense_layers(layers)
    assert combo.currentIndex() == 1 and "No activation after fc2" in panel.dense.activation_label.text()


def test_messages_follow_a_language_switch(panel):
    from playground.core import i18n
    panel.editor_a.set_cell_text(1, 1, "x")
    french = {"row {row}, column {col}: ": "ligne {row}, colonne {col} : ",
              "'{text}' is not a number.": "« {text} » n'est pas un nombre.",
              "fix {name} first: {error}": "corrigez d'abord {name} : {error}"}
    try:
        i18n.set_translator(lambda text: french.get(text, text))
        for obj in (panel, panel.editor_a):  # as the language switch does (in any order)
            obj.retranslate()
        assert panel.editor_a.message() == "ligne 2, colonne 2 : « x » n'est pas un nombre."
        assert panel.editor_a.grid.item(1, 1).toolTip() == panel.editor_a.message()
        assert panel.stepper.message_label.text() == ("corrigez d'abord A : ligne 2, colonne 2 : "
                                                      "« x » n'est pas un nombre.")
    finally:
        i18n.set_translator(None)
    panel.retranslate()
    panel.editor_a.retranslate()
    assert panel.editor_a.message() == "row 2, column 2: 'x' is not a number."
    assert panel.stepper.message_label.text() == "fix A first: row 2, column 2: 'x' is not a number."


def test_tabs_are_found_by_name_not_title(panel):
    assert panel.tab_index("matrix_dense") == TAB_DENSE and panel.tab_index("matrix_step") == TAB_STEP
    assert panel.tab_index("nothing") == -1


def test_dense_layer_with_mismatched_arrays_says_so(panel):
    panel.set_dense_layers([("fc1: W^[1] 4×5", np.ones((1, 3)), np.ones((4, 5)), np.ones(4), "ReLU", np.ones(4))])
    assert panel.dense.product() is None
    assert "the input has 3 numbers but W is 4×5" in panel.dense.message_label.text()


# ----- tensors and code --------------------------------------------------------------------------------

def test_tensors_of_rank_0_to_3_with_shapes_and_code(panel):
    examples = tensor_examples()
    cards = panel.tensors.cards
    assert [c.shape_label.text() for c in cards] == [describe_tensor(e.value) for e in examples]
    assert cards[0].code_label.text() == examples[0].torch_code
    assert "[...]" not in cards[1].code_label.text()
    assert "matrix (rank 2), shape (3, 2)" in panel.tensors.yours_label.text()


def test_copy_code_puts_the_code_on_the_clipboard(panel, qtbot):
    QGuiApplication.clipboard().clear()
    box = panel.stepper.code_box
    qtbot.mouseClick(box.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text == box.text() and "C = torch.matmul(A, B)" in text
    assert "A = torch.tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])" in text


def test_ctrl_z_on_the_grid_undoes_a_paste(panel, qtbot):
    before = panel.editor_a.matrix()
    assert panel.editor_a.paste_text("[[9, 8, 7]]")
    grid = panel.editor_a.grid
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    np.testing.assert_array_equal(panel.editor_a.matrix(), before)
    assert panel.editor_a.rows_spin.value() == 3


def test_delete_puts_zero_in_the_selected_cells(panel, qtbot):
    grid = panel.editor_b.grid
    grid.setFocus()
    grid.setCurrentCell(0, 0)
    qtbot.keyClick(grid, Qt.Key.Key_Delete)
    assert panel.editor_b.matrix()[0, 0] == 0 and panel.editor_b.bad_cells() == []
