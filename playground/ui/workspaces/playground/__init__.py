"""Workspace "2-D playground": a small network on toy 2-D data."""
