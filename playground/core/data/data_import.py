"""The learner's own data, ready for the trainer: a CSV table or an image folder split into training,
test and (optionally) validation parts, plus what follows from the data — which learning tasks it can
pose and how many numbers the network must output for each.

Plain numpy; the window imports it before torch is loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, TypeGuard

import numpy as np

from playground.core.data.datasets import AnyDataset, DataSplits, ImageDataset, split_validation
from playground.core.data.toy_data import TableDataset
from playground.core.i18n import tr
from playground.core.model.tasks import DIGIT_ATTRIBUTES, DIGIT_CLASSES_SET

MIN_TABLE_ROWS = 4
DATA_SOURCE_KEY = "data_source"  # in a project's extra: where its data came from (DataSource JSON)


class DataImportError(ValueError):
    """The data cannot be split or used as asked; the message says why."""


@dataclass(frozen=True)
class DataSource:
    """Where a data set came from, as plain JSON for project files ("mnist", "csv" or "folder")."""

    kind: str = "mnist"
    path: str = ""
    options: dict[str, Any] | None = None  # JSON: the import dialog's choices

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": self.path, "options": dict(self.options or {})}

    @staticmethod
    def from_json(data: object) -> DataSource | None:
        if not isinstance(data, dict) or data.get("kind") not in ("mnist", "csv", "folder"):
            return None
        path = data.get("path", "")
        options = data.get("options") or {}
        return DataSource(data["kind"], path if isinstance(path, str) else "",
                          options if isinstance(options, dict) else {})


@dataclass(frozen=True)
class CsvChoices:
    """The import dialog's choices for a CSV file, as a project saved them (`csv_choices`)."""

    target: str | None = None  # the label/target column; None: the last one
    task: str = "auto"  # "auto", "classification" or "regression" (csv_data.read_csv)
    standardise: bool = True
    test_fraction: float = 0.2
    seed: int = 0


def csv_choices(source: DataSource) -> CsvChoices:
    """A CSV source's saved choices; an option a file gets wrong falls back to the default."""
    options = source.options or {}
    target = options.get("target")
    task = options.get("task")
    return CsvChoices(target if isinstance(target, str) else None,
                      task if task in ("auto", "classification", "regression") else "auto",
                      options.get("standardise", True) is not False,
                      saved_number(options.get("test_fraction"), 0.2, 0.05, 0.9),
                      int(saved_number(options.get("seed"), 0, 0, 2**32 - 1)))


def saved_number(value: Any, default: float, low: float, high: float) -> float:
    """`value` when it is a number from `low` to `high` (a saved option), else `default`."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        return default
    return value


def is_table(dataset: object) -> TypeGuard[TableDataset]:
    return isinstance(dataset, TableDataset)


def table_splits(table: TableDataset, test_fraction: float = 0.2, seed: int = 0, standardise: bool = True,
                 name: str | None = None) -> DataSplits[TableDataset]:
    """Shuffle a table's rows with `seed` and split off `test_fraction` as the test part (stratified by
    class for classification). `standardise` scales every feature to mean 0, std 1 by the training
    part's statistics — the test part is scaled the same way, so nothing about it leaks into training."""
    if not 0.05 <= float(test_fraction) <= 0.9:
        raise DataImportError(tr("The test share must be between 5 % and 90 % (got {share:.0%}).").format(
            share=float(test_fraction)))
    n = len(table)
    if n < MIN_TABLE_ROWS:
        raise DataImportError(tr("{name}: {count} row(s) are too few to train and test on; "
                                 "at least {minimum} are needed.").format(name=name or table.name, count=n,
                                                                          minimum=MIN_TABLE_ROWS))
    rng = np.random.default_rng(seed)
    if table.task == "classification":
        from playground.core.data.image_folder import split_per_class

        train_idx, test_idx = split_per_class(np.asarray(table.y), len(table.classes), float(test_fraction), seed)
        if len(test_idx) == 0:  # every class has a single row
            order = rng.permutation(n)
            n_test = min(max(1, int(round(n * test_fraction))), n - 1)  # neither part empty
            test_idx, train_idx = np.sort(order[:n_test]), np.sort(order[n_test:])
    else:
        order = rng.permutation(n)
        n_test = min(max(1, int(round(n * test_fraction))), n - 1)
        test_idx, train_idx = np.sort(order[:n_test]), np.sort(order[n_test:])
    title = name or table.name
    train, test = _rows(table, train_idx, title), _rows(table, test_idx, title)
    if standardise:
        from playground.core.data.training_data import standardize

        train, test = standardize(train, test)
    return DataSplits(train, test, None)


def _rows(table: TableDataset, index: np.ndarray, name: str) -> TableDataset:
    return TableDataset(np.ascontiguousarray(table.x[index]), np.ascontiguousarray(np.asarray(table.y)[index]),
                        table.feature_names, table.task, table.classes, name)


def with_validation(splits: DataSplits[AnyDataset], fraction: float, seed: int) -> DataSplits[AnyDataset]:
    """`splits` (without a validation part) with `fraction` of its training part held out for validation,
    the same way `datasets.load_data` does it for MNIST (same seed, same split)."""
    if not 0.0 <= float(fraction) <= 0.9:
        raise DataImportError(tr("The validation share must be between 0 and 90 % (got {share:.0%}).").format(
            share=float(fraction)))
    train = splits.train
    if fraction == 0:
        return DataSplits(train, splits.test, None)
    if isinstance(train, ImageDataset):
        try:
            train, validation = split_validation(train, fraction, seed)
        except ValueError as exc:
            raise DataImportError(str(exc)) from None
        return DataSplits(train, splits.test, validation)
    n = len(train)
    if n < 2:
        raise DataImportError(tr("{name}: {count} training row(s) cannot be split into training and validation; "
                                 "use more rows or hold out no validation set.").format(name=train.name, count=n))
    n_val = min(max(1, round(n * fraction)), n - 1)
    order = np.random.default_rng(seed).permutation(n)
    return DataSplits(_rows(train, np.sort(order[n_val:]), train.name), splits.test,
                      _rows(train, np.sort(order[:n_val]), train.name))


def is_digits(dataset: object) -> bool:
    """MNIST-like: images labelled with the ten digits (the multi-label attributes need them)."""
    return isinstance(dataset, ImageDataset) and set(dataset.classes) == DIGIT_CLASSES_SET


def tasks_for(dataset: AnyDataset) -> tuple[str, ...]:
    """The learning tasks this data can pose (core/tasks.py), the usual one first."""
    if isinstance(dataset, TableDataset):
        if dataset.task == "regression":
            return ("regression",)
        return ("multiclass", "binary") if len(dataset.classes) == 2 else ("multiclass",)
    tasks = ["multiclass"]
    if is_digits(dataset):
        tasks.append("multilabel")
    if len(dataset.classes) == 2:
        tasks.append("binary")
    return tuple(tasks)


def output_size(dataset: AnyDataset, task: str) -> int:
    """How many numbers the network must output per example for `task` on this data (numpy only;
    the same answer as training_data.target_info)."""
    if task == "multiclass":
        return len(dataset.classes)
    if task == "binary":
        return 1
    if task == "multilabel":
        return len(DIGIT_ATTRIBUTES)
    assert isinstance(dataset, TableDataset), "tasks_for offers regression only for tables"
    y = np.asarray(dataset.y)
    return int(y.reshape(len(y), -1).shape[1]) if len(y) else 1


def input_shape(dataset: AnyDataset) -> tuple[int, ...]:
    return (int(dataset.x.shape[1]),) if isinstance(dataset, TableDataset) else dataset.image_shape


def describe(splits: DataSplits[AnyDataset], kind: str = "mnist") -> str:
    """One line for the panel and the status bar: "housing.csv: 8 features → price (regression) · 400/100 rows"."""
    train = splits.train
    validation = splits.validation
    if isinstance(train, TableDataset):
        if train.task == "classification":
            if validation is not None:
                text = tr("{name}: {features} features, {classes} classes · {train:,} training, {test:,} test rows, "
                          "{validation:,} validation")
            else:
                text = tr("{name}: {features} features, {classes} classes · {train:,} training, {test:,} test rows")
        elif validation is not None:
            text = tr("{name}: {features} features, regression · {train:,} training, {test:,} test rows, "
                      "{validation:,} validation")
        else:
            text = tr("{name}: {features} features, regression · {train:,} training, {test:,} test rows")
        return text.format(name=train.name, features=len(train.feature_names), classes=len(train.classes or ()),
                           train=len(train), test=len(splits.test),
                           validation=len(validation) if validation is not None else 0)
    c, h, w = train.image_shape
    if validation is not None:
        text = tr("{name}: {classes} classes, {height}×{width} images · {train:,} training, {test:,} test images, "
                  "{validation:,} validation")
    else:
        text = tr("{name}: {classes} classes, {height}×{width} images · {train:,} training, {test:,} test images")
    return text.format(name=train.name, classes=len(train.classes), height=h, width=w, train=len(train),
                       test=len(splits.test), validation=len(validation) if validation is not None else 0)


def renamed(splits: DataSplits[AnyDataset], name: str) -> DataSplits[AnyDataset]:
    """The same splits under another display name."""
    validation = splits.validation
    return DataSplits(replace(splits.train, name=name), replace(splits.test, name=name),
                      None if validation is None else replace(validation, name=name))
