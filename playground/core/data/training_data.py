"""Data as the trainer feeds it: every split preloaded as tensors, inputs prepared per batch, targets
shaped for the task.

Two kinds of inputs:
- images (ImageDataset): uint8 rows of H·W pixels, normalised per batch as ToTensor() then
  Normalize(mean, std) would, and shaped N×1×H×W. A batch is an index_select on the flat rows,
  ~7× faster than x[idx] on an N×H×W tensor.
- tables (toy_data.TableDataset: 2-D points, CSV rows): float32 N×F, fed as they are.
Targets: class indices (int64), 0/1 labels (float32 N×1 or N×K), or values (float32 N×D).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeGuard

import numpy as np
import torch

from playground.core.data.datasets import AnyDataset, DataSplits, ImageDataset
from playground.core.data.toy_data import TableDataset, ToySplits
from playground.core.i18n import tr
from playground.core.model.tasks import DIGIT_ATTRIBUTES, DIGIT_CLASSES_SET, TargetInfo, TaskError, digit_attributes

TrainableSplits = DataSplits[AnyDataset] | ToySplits
"""What the trainer learns from: images or table rows, or the 2-D playground's tables (with its points)."""


@dataclass
class SplitTensors:
    x: torch.Tensor  # uint8 N×(H·W) or float32 N×F, on the device
    y: torch.Tensor  # stored targets, on the device

    def __len__(self) -> int:
        return int(self.x.shape[0])


def is_table(dataset: object) -> TypeGuard[TableDataset]:
    return isinstance(dataset, TableDataset)


def input_shape_of(dataset: AnyDataset) -> tuple[int, ...]:
    return (int(dataset.x.shape[1]),) if isinstance(dataset, TableDataset) else dataset.image_shape


def target_array(dataset: AnyDataset, task: str) -> np.ndarray:
    """The task's targets for every example of `dataset`, as numpy (int64 classes or float32 rows)."""
    if isinstance(dataset, TableDataset):
        y = dataset.y
        if task == "regression":
            if dataset.task != "regression":
                raise TaskError(tr("'{name}' has class labels, not numbers: choose a classification task.").format(
                    name=_name(dataset)))
            return np.asarray(y, np.float32).reshape(len(y), -1)
        if dataset.task == "regression":
            raise TaskError(tr("'{name}' has numeric targets: choose the regression task.").format(name=_name(dataset)))
        if task == "multiclass":
            return np.asarray(y, np.int64)
        if task == "binary":
            _require_two_classes(dataset.classes, _name(dataset))
            return np.asarray(y, np.float32).reshape(-1, 1)
        raise TaskError(tr("'{name}' has one label per row: multi-label needs several 0/1 label columns.").format(
            name=_name(dataset)))
    labels = dataset.labels
    if task == "multiclass":
        return labels
    if task == "multilabel":
        if set(dataset.classes) != DIGIT_CLASSES_SET:
            raise TaskError(tr("Multi-label needs the digits 0–9 (their attributes {attributes} are "
                               "the labels); '{name}' has other classes.").format(
                attributes=", ".join(tr(a) for a in DIGIT_ATTRIBUTES), name=dataset.name))
        return digit_attributes(labels)
    if task == "binary":
        _require_two_classes(dataset.classes, dataset.name)
        return labels.astype(np.float32).reshape(-1, 1)
    raise TaskError(tr("'{name}' is a set of labelled images: regression needs numeric targets (a CSV file "
                       "or the 2-D surfaces).").format(name=dataset.name))


def target_info(dataset: AnyDataset, task: str) -> TargetInfo:
    if task == "multiclass":
        return TargetInfo(len(dataset.classes), tuple(dataset.classes))
    if task == "binary":
        return TargetInfo(1, (dataset.classes[1] if len(dataset.classes) == 2 else "yes",))
    if task == "multilabel":
        return TargetInfo(len(DIGIT_ATTRIBUTES), DIGIT_ATTRIBUTES)
    assert isinstance(dataset, TableDataset), "target_array refuses regression on images first"
    width = int(np.asarray(dataset.y).reshape(len(dataset.y), -1).shape[1]) if len(dataset.y) else 1
    return TargetInfo(width, tuple(f"y{k + 1}" for k in range(width)))  # a table keeps no target column names


def _require_two_classes(classes: Sequence[str], name: str) -> None:
    if len(classes) != 2:
        raise TaskError(tr("Binary classification needs exactly two classes; '{name}' has {count}: "
                           "choose multi-class.").format(name=name, count=len(classes)))


def _name(dataset: AnyDataset) -> str:
    return dataset.name or tr("the data")


class TrainingData:
    """All splits of one data set on one device, ready for batches."""

    def __init__(self, splits: TrainableSplits, task: str, device: torch.device,
                 normalize_mean: float = 0.5, normalize_std: float = 0.5) -> None:
        self.splits = splits
        self.task = task
        self.device = device
        self.kind = "table" if is_table(splits.train) else "image"
        self.input_shape = input_shape_of(splits.train)
        test_shape = input_shape_of(splits.test)
        if test_shape != self.input_shape:
            raise TaskError(tr("The test set's inputs are {test} but the training set's are {train}.").format(
                test="×".join(map(str, test_shape)), train="×".join(map(str, self.input_shape))))
        self.set_normalisation(normalize_mean, normalize_std)
        self.train = self._tensors(splits.train)  # first: it says when the data doesn't fit the task
        self.info = target_info(splits.train, task)
        self.test = self._tensors(splits.test)
        self.validation = self._tensors(splits.validation) if splits.validation is not None else None

    def set_normalisation(self, mean: float, std: float) -> None:
        self._scale = 1.0 / (255.0 * std)
        self._shift = mean / std

    def _tensors(self, dataset: AnyDataset) -> SplitTensors:
        if isinstance(dataset, TableDataset):
            x = torch.from_numpy(np.ascontiguousarray(dataset.x, dtype=np.float32))
        else:
            x = torch.from_numpy(np.ascontiguousarray(dataset.images)).flatten(1)
        y = torch.from_numpy(np.ascontiguousarray(target_array(dataset, self.task)))
        return SplitTensors(_to_device(x, self.device), _to_device(y, self.device))

    def inputs(self, rows: torch.Tensor) -> torch.Tensor:
        """Stored rows → what the network takes (images: normalised floats N×1×H×W)."""
        if self.kind == "table":
            return rows
        return rows.to(torch.float32).mul_(self._scale).sub_(self._shift).view(-1, *self.input_shape)

    def batch(self, split: SplitTensors, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return self.inputs(split.x.index_select(0, idx)), split.y.index_select(0, idx)

    def add_examples(self, images: np.ndarray, labels: np.ndarray) -> None:
        """Append labelled images to the training split (image data, class labels)."""
        train = self.splits.train
        assert isinstance(train, ImageDataset), "Trainer.add_training_examples refuses other data"
        merged = ImageDataset(np.concatenate([train.images, images]), np.concatenate([train.labels, labels]),
                              train.name, train.classes)
        self.splits = DataSplits(merged, self.splits.test, self.splits.validation)
        self.train = self._tensors(merged)


def _to_device(t: torch.Tensor, device: torch.device) -> torch.Tensor:
    """To the device; on CUDA through pinned memory so the copy runs asynchronously."""
    if device.type == "cuda":
        return t.pin_memory().to(device, non_blocking=True)
    return t.to(device)


def feature_scaling(train: TableDataset) -> tuple[np.ndarray, np.ndarray]:
    """(mean, std) per feature column of the training part, as `standardize` uses them (a constant
    column keeps std 1); an exported network carries them (core/model/onnx_export.py)."""
    mean = train.x.mean(0)
    std = train.x.std(0)
    return mean, np.where(std > 1e-12, std, 1.0).astype(np.float32)


def standardize(train: TableDataset, *others: TableDataset) -> tuple[TableDataset, ...]:
    """Scale every feature column to mean 0, std 1 using the training part's statistics only
    (using the test part's would leak it into training)."""
    mean, std = feature_scaling(train)
    return tuple(TableDataset(((d.x - mean) / std).astype(np.float32), d.y, d.feature_names, d.task, d.classes, d.name)
                 for d in (train, *others))
