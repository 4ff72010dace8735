"""Workspace "Runs & experiments": every run kept and compared; the notes' claims tested."""
