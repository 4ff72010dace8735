"""Toy datasets generated from a seed, never downloaded: TensorFlow-Playground-style 2-D
classification (circle, XOR, two Gaussians, spiral, moons), 1-D regression functions and 2-D
surfaces, and the input features a learner can switch on (x1, x2, x1², x2², x1·x2, sin x1, sin x2).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from playground.core.i18n import N_, tr

CLASSIFICATION_SHAPES = ("circle", "xor", "gaussians", "spiral", "moons")
# The shapes as a sentence names them ("circle (2-D points): …"); show them with tr(SHAPE_NAMES[shape]).
SHAPE_NAMES = {"circle": N_("circle"), "xor": N_("xor"), "gaussians": N_("gaussians"), "spiral": N_("spiral"),
               "moons": N_("moons")}
REGRESSION_FUNCTIONS = ("sine", "polynomial", "step", "abs")
SURFACES = ("plane", "bowl", "saddle", "ripple")
FEATURES = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1^2": lambda x1, x2: x1 ** 2,
    "x2^2": lambda x1, x2: x2 ** 2,
    "x1*x2": lambda x1, x2: x1 * x2,
    "sin(x1)": lambda x1, x2: np.sin(x1),
    "sin(x2)": lambda x1, x2: np.sin(x2),
}
MAX_POINTS = 100_000
EXTENT = 6.0  # points lie in [-6, 6]², as in TensorFlow Playground


class ToyDataError(ValueError):
    """A generator setting is out of range; the message says which and what is allowed."""


@dataclass(frozen=True)
class TableDataset:
    """Rows of numeric features with a class label (int) or a target value (float) each."""

    x: np.ndarray  # N × features, float32
    y: np.ndarray  # N (int64 classes) or N × targets (float32)
    feature_names: tuple[str, ...]
    task: str  # "classification" | "regression"
    classes: tuple[str, ...] = ()
    name: str = "data"

    def __len__(self) -> int:
        return len(self.x)


def _require(name: str, options: tuple[str, ...], message: str) -> None:
    """`message` (translated, with {name} and {options}) when `name` is not one of `options`."""
    if name not in options:
        raise ToyDataError(message.format(name=name, options=", ".join(options)))


def _check(n_points: int, noise: float, test_fraction: float) -> None:
    if not isinstance(n_points, int) or not 10 <= n_points <= MAX_POINTS:
        raise ToyDataError(tr("Number of points must be a whole number from 10 to {most:,} (got {got}).")
                           .format(most=MAX_POINTS, got=repr(n_points)))
    if not 0.0 <= noise <= 1.0:
        raise ToyDataError(tr("Noise must be between 0 and 1 (got {got}).").format(got=repr(noise)))
    if not 0.05 <= test_fraction <= 0.9:
        raise ToyDataError(tr("The test share must be between 5 % and 90 % (got {share:.0%}).")
                           .format(share=test_fraction))


def make_classification(shape: str, n_points: int = 500, noise: float = 0.1, seed: int = 0,
                        n_classes: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Points (N×2, in [-6, 6]²) and labels for one of CLASSIFICATION_SHAPES.

    `noise` is the fraction of the extent used as Gaussian jitter; spiral and gaussians take
    `n_classes` (2–5), the others are two-class by nature.
    """
    _require(shape, CLASSIFICATION_SHAPES, tr("Unknown data set '{name}'. Choose one of: {options}."))
    if not 2 <= n_classes <= 5:
        raise ToyDataError(tr("Number of classes must be 2 to 5 (got {got}).").format(got=n_classes))
    _check(n_points, noise, 0.5)
    rng = np.random.default_rng(seed)
    jitter = noise * EXTENT / 2
    if shape == "circle":
        inner = n_points // 2
        r = np.concatenate([rng.uniform(0, EXTENT * 0.5, inner), rng.uniform(EXTENT * 0.7, EXTENT, n_points - inner)])
        angle = rng.uniform(0, 2 * np.pi, n_points)
        x = np.stack([r * np.cos(angle), r * np.sin(angle)], 1)
        y = (np.arange(n_points) >= inner).astype(np.int64)
        x += rng.normal(0, jitter, x.shape)
    elif shape == "xor":
        x = rng.uniform(-EXTENT, EXTENT, (n_points, 2))
        x += np.sign(x) * 0.3  # a small gap at the axes, as in TensorFlow Playground
        y = ((x[:, 0] > 0) ^ (x[:, 1] > 0)).astype(np.int64)
        x += rng.normal(0, jitter, x.shape)
    elif shape == "gaussians":
        centres = [(2.5 * np.cos(a), 2.5 * np.sin(a)) for a in np.linspace(0, 2 * np.pi, n_classes, endpoint=False)]
        y = rng.integers(0, n_classes, n_points)
        x = np.array(centres)[y] + rng.normal(0, 1.0 + jitter, (n_points, 2))
    elif shape == "spiral":
        y = np.arange(n_points) % n_classes
        t = rng.uniform(0.0, 1.0, n_points)
        r = t * EXTENT
        angle = 1.75 * t * 2 * np.pi + y * 2 * np.pi / n_classes
        x = np.stack([r * np.sin(angle), r * np.cos(angle)], 1) + rng.normal(0, jitter + 0.1, (n_points, 2))
    else:  # moons
        half = n_points // 2
        a = rng.uniform(0, np.pi, n_points)
        upper = np.stack([np.cos(a[:half]), np.sin(a[:half])], 1)
        lower = np.stack([1 - np.cos(a[half:]), 0.5 - np.sin(a[half:])], 1)
        x = (np.concatenate([upper, lower]) - [0.5, 0.25]) * (EXTENT / 1.8)
        y = (np.arange(n_points) >= half).astype(np.int64)
        x += rng.normal(0, jitter, x.shape)
    order = rng.permutation(n_points)
    return np.clip(x[order], -EXTENT, EXTENT).astype(np.float32), y[order].astype(np.int64)


def make_regression_1d(function: str, n_points: int = 200, noise: float = 0.1, seed: int = 0
                       ) -> tuple[np.ndarray, np.ndarray]:
    """x in [-6, 6] (N×1) and y = f(x) + noise (N×1) for one of REGRESSION_FUNCTIONS."""
    _require(function, REGRESSION_FUNCTIONS, tr("Unknown function '{name}'. Choose one of: {options}."))
    _check(n_points, noise, 0.5)
    rng = np.random.default_rng(seed)
    x = rng.uniform(-EXTENT, EXTENT, n_points)
    y = {
        "sine": np.sin(x),
        "polynomial": 0.05 * x ** 3 - 0.5 * x,
        "step": np.where(x > 0, 1.0, -1.0),
        "abs": np.abs(x) / 3,
    }[function]
    y = y + rng.normal(0, noise, n_points)
    return x[:, None].astype(np.float32), y[:, None].astype(np.float32)


def make_surface(surface: str, n_points: int = 500, noise: float = 0.05, seed: int = 0
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Points in [-6, 6]² and a height z = f(x1, x2) + noise for one of SURFACES."""
    _require(surface, SURFACES, tr("Unknown surface '{name}'. Choose one of: {options}."))
    _check(n_points, noise, 0.5)
    rng = np.random.default_rng(seed)
    x = rng.uniform(-EXTENT, EXTENT, (n_points, 2))
    a, b = x[:, 0] / EXTENT, x[:, 1] / EXTENT
    z = {"plane": 0.5 * a - 0.3 * b, "bowl": a ** 2 + b ** 2, "saddle": a ** 2 - b ** 2,
         "ripple": np.sin(3 * a) * np.cos(3 * b)}[surface]
    z = z + rng.normal(0, noise, n_points)
    return x.astype(np.float32), z[:, None].astype(np.float32)


def feature_columns(points: np.ndarray, features: tuple[str, ...] | list[str]) -> np.ndarray:
    """The network's inputs for 2-D points: the chosen features, one column each."""
    unknown = [f for f in features if f not in FEATURES]
    if unknown:
        raise ToyDataError(tr("Unknown feature {name}. Choose from: {options}.")
                           .format(name=repr(unknown[0]), options=", ".join(FEATURES)))
    if not features:
        raise ToyDataError(tr("Choose at least one input feature."))
    x1, x2 = points[:, 0], points[:, 1]
    return np.stack([FEATURES[f](x1, x2) for f in features], 1).astype(np.float32)


def split(x: np.ndarray, y: np.ndarray, test_fraction: float, seed: int
          ) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """Train and test parts, shuffled with `seed`; the ratio is the train:test slider."""
    _check(max(len(x), 10), 0.0, test_fraction)
    order = np.random.default_rng(seed + 1).permutation(len(x))
    n_test = max(1, int(round(len(x) * test_fraction)))
    test, train = order[:n_test], order[n_test:]
    return (x[train], y[train]), (x[test], y[test])


def grid(resolution: int = 100) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A resolution² grid over [-6, 6]² for decision-boundary heatmaps: (points, xs, ys)."""
    if not 4 <= resolution <= 1000:
        raise ToyDataError(tr("Grid resolution must be 4 to 1000 (got {got}).").format(got=resolution))
    xs = np.linspace(-EXTENT, EXTENT, resolution, dtype=np.float32)
    gx, gy = np.meshgrid(xs, xs)
    return np.stack([gx.ravel(), gy.ravel()], 1), xs, xs


PROBLEM_KINDS = ("classification", "regression_1d", "surface")
ONE_D_FEATURES = ("x1", "x1^2", "sin(x1)")


@dataclass(frozen=True)
class ToyProblem:
    """Everything that generates a 2-D playground data set; the same settings give the same points."""

    kind: str = "classification"  # one of PROBLEM_KINDS
    name: str = "circle"  # a shape, a function or a surface
    n_points: int = 500
    noise: float = 0.1
    test_fraction: float = 0.5
    seed: int = 0
    n_classes: int = 2
    features: tuple[str, ...] = ("x1", "x2")

    @property
    def task(self) -> str:
        """The learning task this data poses (see core/tasks.py)."""
        if self.kind != "classification":
            return "regression"
        return "binary" if self.n_classes == 2 else "multiclass"


@dataclass(frozen=True)
class ToySplits:
    """Train and test tables (the network's inputs: the chosen features) and the raw points to draw."""

    train: TableDataset
    test: TableDataset
    train_points: np.ndarray  # N × 2 (N × 1 for 1-D regression)
    test_points: np.ndarray
    problem: ToyProblem

    @property
    def validation(self) -> None:  # the trainer's DataSplits interface
        return None


def make_problem(problem: ToyProblem) -> ToySplits:
    """Generate, split and turn into features: what the 2-D playground trains on."""
    _require(problem.kind, PROBLEM_KINDS, tr("Unknown kind of problem '{name}'. Choose one of: {options}."))
    if problem.kind == "classification":
        points, y = make_classification(problem.name, problem.n_points, problem.noise, problem.seed, problem.n_classes)
        classes = tuple(f"class {k}" for k in range(int(y.max()) + 1 if len(y) else problem.n_classes))
        task = "classification"
    elif problem.kind == "regression_1d":
        points, y = make_regression_1d(problem.name, problem.n_points, problem.noise, problem.seed)
        classes, task = (), "regression"
        bad = [f for f in problem.features if f not in ONE_D_FEATURES]
        if bad:
            raise ToyDataError(tr("A 1-D function has only x1: feature {name} is not available "
                                  "(choose from {options}).").format(name=repr(bad[0]),
                                                                     options=", ".join(ONE_D_FEATURES)))
    else:
        points, y = make_surface(problem.name, problem.n_points, problem.noise, problem.seed)
        classes, task = (), "regression"
    (train_pts, train_y), (test_pts, test_y) = split(points, y, problem.test_fraction, problem.seed)
    features = tuple(problem.features)

    def table(pts: np.ndarray, targets: np.ndarray, part: str) -> TableDataset:
        return TableDataset(problem_features(pts, features), targets, features, task, classes,
                            f"{problem.name} ({part})")

    return ToySplits(table(train_pts, train_y, "train"), table(test_pts, test_y, "test"), train_pts, test_pts, problem)


def problem_features(points: np.ndarray, features: tuple[str, ...] | list[str]) -> np.ndarray:
    """Feature columns for 2-D points, or for 1-D points (x2 taken as 0)."""
    if points.shape[1] == 1:
        points = np.concatenate([points, np.zeros_like(points)], 1)
    return feature_columns(points, features)
