"""Shared widgets and styles; import only playground.core (and Qt)."""
