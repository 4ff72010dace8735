"""Workspace "Look inside": draw, layers, evaluation, diagram, code."""
