"""File ▸ Open Recent: the last projects opened or saved, newest first, kept in QSettings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from playground.core.i18n import tr

SETTINGS_RECENT = "files/recent"
MAX_RECENT = 8


class RecentFiles:
    """The list, and a menu that shows it. Without `settings` the list lives only as long as the window."""

    def __init__(self, menu: QMenu, open_path: Callable[[Path], object], report_missing: Callable[[str], None],
                 settings: QSettings | None = None):
        self.menu = menu
        self._open_path = open_path
        self._report_missing = report_missing
        self._settings = settings
        self._paths: list[str] = []
        if settings is not None:
            value = settings.value(SETTINGS_RECENT, [])
            # QSettings gives a str for a one-item list in some back ends, None for an empty one.
            stored = [value] if isinstance(value, str) else list(value) if isinstance(value, (list, tuple)) else []
            self._paths = [str(p) for p in stored if p][:MAX_RECENT]
        menu.aboutToShow.connect(self._fill)

    def paths(self) -> list[Path]:
        return [Path(p) for p in self._paths]

    def add(self, path: Path) -> None:
        """Put `path` first (moving it up if it is already listed)."""
        text = str(Path(path).resolve())
        self._paths = [text] + [p for p in self._paths if p != text]
        del self._paths[MAX_RECENT:]
        self._store()
        self._fill()

    def prune(self) -> list[Path]:
        """Drop the files that no longer exist; returns them."""
        missing = [p for p in self._paths if not Path(p).is_file()]
        if missing:
            self._paths = [p for p in self._paths if p not in missing]
            self._store()
        return [Path(p) for p in missing]

    def _store(self) -> None:
        if self._settings is not None:
            self._settings.setValue(SETTINGS_RECENT, self._paths)

    def _fill(self) -> None:
        missing = self.prune()
        if missing:
            names = ", ".join(p.name for p in missing)
            self._report_missing(tr("Removed from Open Recent (moved or deleted): {names}.").format(names=names))
        self.menu.clear()
        for number, path in enumerate(self.paths(), start=1):
            # "&1" gives the first eight entries a keyboard accelerator; "&&" keeps a literal "&" in a name.
            action = QAction(f"&{number}  {path.name.replace('&', '&&')}", self.menu)
            action.setToolTip(str(path))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self._open_path(p))
            self.menu.addAction(action)
        if not self._paths:
            empty = self.menu.addAction(tr("No recent projects"))
            empty.setEnabled(False)
        else:
            self.menu.addSeparator()
            self.menu.addAction(tr("Clear List"), self._clear)

    def _clear(self) -> None:
        self._paths = []
        self._store()
        self._fill()
