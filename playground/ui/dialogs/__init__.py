"""Dialogs and the preferences they edit; import core, widgets and workers."""
