import numpy as np

from playground.core.model.presets import load_preset
from playground.core.training.evaluation import Evaluation, evaluate_model, overfitting_alert
from playground.core.training.trainer import Trainer


def test_confusion_matrix_and_galleries():
    labels = np.array([0, 0, 1, 1, 2])
    probs = np.array([[.9, .1, 0], [.2, .7, .1], [0, 1, 0], [.6, .3, .1], [0, 0, 1]], np.float32)
    ev = Evaluation(labels, probs, 0.5)
    assert ev.confusion.tolist() == [[1, 1, 0], [1, 1, 0], [0, 0, 1]]
    assert ev.accuracy == 0.6 and np.allclose(ev.per_class_accuracy, [0.5, 0.5, 1])
    assert ev.cell(0, 1).tolist() == [1] and ev.misclassified().tolist() == [1, 3]  # 0.7 before 0.6


def test_evaluate_model_agrees_with_the_trainer(small_mnist):
    preset = load_preset("seed-mlp")
    trainer = Trainer(preset.spec, preset.training.replace(epochs=1), small_mnist)
    trainer.run()
    ev = evaluate_model(trainer.model, small_mnist.test, lock=trainer.lock)
    loss, acc = trainer.evaluate(small_mnist.test)
    assert abs(ev.accuracy - acc) < 1e-9 and abs(ev.loss - loss) < 1e-4
    assert ev.confusion.sum() == len(small_mnist.test)
    seen = []
    assert evaluate_model(trainer.model, small_mnist.test, progress=seen.append) is not None and seen[-1] == 1.0
    assert evaluate_model(trainer.model, small_mnist.test, cancelled=lambda: True) is None


def test_overfitting_alert():
    rows = [{"epoch": i + 1, "train_loss": t, "test_loss": v}
            for i, (t, v) in enumerate([(1.0, 0.9), (0.5, 0.6), (0.3, 0.65), (0.2, 0.7)])]
    alert = overfitting_alert(rows)
    assert "Over-fitting" in alert and "epoch 2" in alert
    assert overfitting_alert(rows[:3]) is None
    healthy = [dict(r, test_loss=1 - 0.1 * i) for i, r in enumerate(rows)]
    assert overfitting_alert(healthy) is None
