"""Qt-free core: model specs, shape inference, building, data, training, inference.

Nothing in this package may import Qt; tests/core checks that.
"""
