"""Qt widgets. Each panel in its own module."""
