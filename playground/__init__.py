"""nn-playground: a desktop neural-network playground on PyTorch."""

__version__ = "0.1.0"
APP_NAME = "nn-playground"
