"""Workspace "Build & train": the layer stack, the training settings and the curves."""
