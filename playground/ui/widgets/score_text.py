"""A run's score in words, for the status bar and the summary: accuracy for classification, F1 and
per-label accuracy for multi-label, R² and MAE for regression (read from the trainer's epoch and
evaluation rows, whose keys say which task they come from)."""

from __future__ import annotations

from typing import Any, TypeGuard

from playground.core.i18n import N_, tr

# prefix of the row's keys → (R², F1, accuracy) phrases; shown with tr()
_PHRASES = {
    "test": (N_("test R² {value:.3f}"), N_("test F1 {value:.3f}"), N_("test accuracy {value:.1%}")),
    "val": (N_("val R² {value:.3f}"), N_("val F1 {value:.3f}"), N_("val accuracy {value:.1%}")),
    "train": (N_("train R² {value:.3f}"), N_("train F1 {value:.3f}"), N_("train accuracy {value:.1%}")),
}


def has_score(row: dict[str, Any] | None, prefix: str = "test") -> TypeGuard[dict[str, Any]]:
    return row is not None and any(row.get(f"{prefix}_{k}") is not None for k in ("accuracy", "r2"))


def score_phrase(row: dict[str, Any] | None, prefix: str = "test") -> str | None:
    """'test accuracy 97.1%', 'test F1 0.93', 'test R² 0.912' — None when the row has no score."""
    if not row:
        return None
    r2, f1, accuracy = _PHRASES.get(prefix, (prefix + " R² {value:.3f}", prefix + " F1 {value:.3f}",
                                             prefix + " accuracy {value:.1%}"))
    if row.get(f"{prefix}_r2") is not None:
        return tr(r2).format(value=row[f"{prefix}_r2"])
    if row.get(f"{prefix}_f1") is not None and row.get(f"{prefix}_exact_match") is not None:
        return tr(f1).format(value=row[f"{prefix}_f1"])
    if row.get(f"{prefix}_accuracy") is not None:
        return tr(accuracy).format(value=row[f"{prefix}_accuracy"])
    return None


def score_html(row: dict[str, Any] | None, where: str = "") -> str | None:
    """One sentence of HTML for the summary panel, e.g. 'Test accuracy <b>97.12%</b> (loss 0.093) after …'.
    `where` ("after the last full epoch") comes translated from the caller."""
    if not has_score(row):
        return None
    loss = row.get("test_loss")
    loss_text = tr(" (loss {loss:.3f})").format(loss=loss) if loss is not None else ""
    where = f" {where}" if where else ""
    if row.get("test_r2") is not None:
        mae = row.get("test_mae")
        mae_text = tr(", mean absolute error {mae:.4g}").format(mae=mae) if mae is not None else ""
        text = tr("Test R² <b>{r2:.3f}</b>{mae}{loss}{where}.").format(
            r2=row["test_r2"], mae=mae_text, loss=loss_text, where=where)
    elif row.get("test_f1") is not None and row.get("test_exact_match") is not None:
        text = tr("Test F1 <b>{f1:.3f}</b>, labels right {accuracy:.2%}, every label right for {exact:.1%} of "
                  "examples{loss}{where}.").format(f1=row["test_f1"], accuracy=row["test_accuracy"],
                                                    exact=row["test_exact_match"], loss=loss_text, where=where)
    else:
        text = tr("Test accuracy <b>{accuracy:.2%}</b>{loss}{where}.").format(
            accuracy=row["test_accuracy"], loss=loss_text, where=where)
    if row.get("train_accuracy") is not None:
        text += tr("<br>Train accuracy {accuracy:.2%}.").format(accuracy=row["train_accuracy"])
    return text
