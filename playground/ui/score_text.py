"""A run's score in words, for the status bar and the summary: accuracy for classification, F1 and
per-label accuracy for multi-label, R² and MAE for regression (read from the trainer's epoch and
evaluation rows, whose keys say which task they come from)."""

from __future__ import annotations

from typing import Any


def has_score(row: dict[str, Any] | None, prefix: str = "test") -> bool:
    return bool(row) and any(row.get(f"{prefix}_{k}") is not None for k in ("accuracy", "r2"))


def score_phrase(row: dict[str, Any] | None, prefix: str = "test") -> str | None:
    """'test accuracy 97.1%', 'test F1 0.93', 'test R² 0.912' — None when the row has no score."""
    if not row:
        return None
    if row.get(f"{prefix}_r2") is not None:
        return f"{prefix} R² {row[f'{prefix}_r2']:.3f}"
    if row.get(f"{prefix}_f1") is not None and row.get(f"{prefix}_exact_match") is not None:
        return f"{prefix} F1 {row[f'{prefix}_f1']:.3f}"
    if row.get(f"{prefix}_accuracy") is not None:
        return f"{prefix} accuracy {row[f'{prefix}_accuracy']:.1%}"
    return None


def score_html(row: dict[str, Any] | None, where: str = "") -> str | None:
    """One sentence of HTML for the summary panel, e.g. 'Test accuracy <b>97.12%</b> (loss 0.093) after …'."""
    if not has_score(row):
        return None
    loss = row.get("test_loss")
    loss_text = f" (loss {loss:.3f})" if loss is not None else ""
    where = f" {where}" if where else ""
    if row.get("test_r2") is not None:
        mae = row.get("test_mae")
        mae_text = f", mean absolute error {mae:.4g}" if mae is not None else ""
        text = f"Test R² <b>{row['test_r2']:.3f}</b>{mae_text}{loss_text}{where}."
    elif row.get("test_f1") is not None and row.get("test_exact_match") is not None:
        text = (f"Test F1 <b>{row['test_f1']:.3f}</b>, labels right {row['test_accuracy']:.2%}, every label "
                f"right for {row['test_exact_match']:.1%} of examples{loss_text}{where}.")
    else:
        text = f"Test accuracy <b>{row['test_accuracy']:.2%}</b>{loss_text}{where}."
    if row.get("train_accuracy") is not None:
        text += f"<br>Train accuracy {row['train_accuracy']:.2%}."
    return text
