"""Workspace "Matrices": matrix operations on numbers and on the network's W and b."""
