"""Threads and background jobs; import only playground.core (and Qt)."""
