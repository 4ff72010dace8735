"""Preferences: theme, language, default device and CPU threads, kept in QSettings.

The QSettings organisation and application are both "nn-playground" (set in `app.make_application`).
$NN_PLAYGROUND_SETTINGS_DIR, when set, moves the settings into an INI file in that folder (portable
installs, tests, demos that must not touch a user's real settings): `use_settings_dir_from_env`.

`PreferencesManager` holds the current preferences of a window, applies the theme app-wide and says
what changed through signals. The language is only stored and announced (`language_changed`, and
`chosen_locale()` for code that runs before a window exists); translations hook in there.
The CPU thread count is handed to the training worker, which applies it in its own thread
(OpenMP's thread count belongs to the thread that sets it); torch is never imported for it here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QSettings, Signal
from PySide6.QtWidgets import QApplication

from playground.core.i18n import N_
from playground.ui.widgets.theme import THEMES, apply_theme, is_dark, theme_was_applied

SETTINGS_DIR_ENV = "NN_PLAYGROUND_SETTINGS_DIR"
KEY_THEME = "preferences/theme"
KEY_LANGUAGE = "preferences/language"
KEY_DEVICE = "preferences/device"
KEY_CPU_THREADS = "preferences/cpu_threads"

# The names shown for each choice (marked: show them with tr()).
THEME_NAMES = {"system": N_("Follow the system"), "light": N_("Light"), "dark": N_("Dark")}
# Each language in its own words, so it can be found whatever language the window speaks ("System language"
# alone is translated).
LANGUAGE_NAMES = {"system": N_("System language"), "en": "English", "zh_CN": "简体中文"}
LANGUAGES = tuple(LANGUAGE_NAMES)
LOCALES = ("en", "zh_CN")  # what "system" resolves to: one of these
DEVICE_NAMES = {"auto": N_("Automatic (a CUDA GPU if there is one)"), "cpu": "CPU", "cuda": N_("CUDA GPU")}
DEVICES = tuple(DEVICE_NAMES)


def max_cpu_threads() -> int:
    return max(1, os.cpu_count() or 1)


def _as_int(value: object) -> int:
    """A stored whole number (QSettings may give it back as text); 0 when it is not one."""
    if isinstance(value, (int, float, str)):
        try:
            return int(value)
        except (ValueError, OverflowError):
            pass
    return 0


@dataclass(frozen=True)
class Preferences:
    theme: str = "system"
    language: str = "system"
    device: str = "auto"  # the device the training controls start with
    cpu_threads: int = 0  # threads for training on the CPU; 0: automatic

    def checked(self) -> Preferences:
        """A copy in which every unknown or out-of-range value is replaced by its default."""
        default = Preferences()
        threads = _as_int(self.cpu_threads)
        return Preferences(
            theme=self.theme if self.theme in THEMES else default.theme,
            language=self.language if self.language in LANGUAGES else default.language,
            device=self.device if self.device in DEVICES else default.device,
            cpu_threads=threads if 0 <= threads <= max_cpu_threads() else 0,
        )

    def replace(self, **changes) -> Preferences:
        return replace(self, **changes).checked()


def load_preferences(settings: QSettings) -> Preferences:
    """The stored preferences; anything missing, unknown or damaged gets its default."""
    default = Preferences()
    return Preferences(
        theme=str(settings.value(KEY_THEME, default.theme)),
        language=str(settings.value(KEY_LANGUAGE, default.language)),
        device=str(settings.value(KEY_DEVICE, default.device)),
        cpu_threads=_as_int(settings.value(KEY_CPU_THREADS, default.cpu_threads)),
    ).checked()


def save_preferences(settings: QSettings, preferences: Preferences) -> None:
    prefs = preferences.checked()
    settings.setValue(KEY_THEME, prefs.theme)
    settings.setValue(KEY_LANGUAGE, prefs.language)
    settings.setValue(KEY_DEVICE, prefs.device)
    settings.setValue(KEY_CPU_THREADS, int(prefs.cpu_threads))


def use_settings_dir_from_env() -> Path | None:
    """With $NN_PLAYGROUND_SETTINGS_DIR set, QSettings() reads and writes INI files in that folder
    (call before the first QSettings is made); returns the folder, or None when the variable is unset."""
    folder = os.environ.get(SETTINGS_DIR_ENV)
    if not folder:
        return None
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
    return Path(folder)


def resolve_locale(language: str, system: QLocale | None = None) -> str:
    """"en" or "zh_CN" for a language preference; "system" follows the system's language."""
    if language in LOCALES:
        return language
    system = system or QLocale.system()
    return "zh_CN" if system.language() == QLocale.Language.Chinese else "en"


def chosen_locale(settings: QSettings | None = None) -> str:
    """The locale the user chose ("en" or "zh_CN"), read from the settings (default: QSettings())."""
    return resolve_locale(load_preferences(settings if settings is not None else QSettings()).language)


class PreferencesManager(QObject):
    """A window's preferences: applied (theme) and announced (all) when they change.

    Without `settings` (screenshots, tests) nothing is read or written: the defaults apply, and
    `apply` changes them for the session only.
    """

    changed = Signal(object)  # the new Preferences
    theme_changed = Signal(bool)  # True when the palette is dark now
    language_changed = Signal(str)  # the chosen locale: "en" or "zh_CN"
    device_changed = Signal(str)
    cpu_threads_changed = Signal(int)  # 0: automatic

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings
        self._current = load_preferences(settings) if settings is not None else Preferences()
        self._dark = is_dark()

    @property
    def current(self) -> Preferences:
        return self._current

    @property
    def dark(self) -> bool:
        """Whether the palette is dark (after the last theme applied)."""
        return self._dark

    def locale(self) -> str:
        return resolve_locale(self._current.language)

    def apply_theme(self) -> bool:
        """Apply the current theme app-wide (the window does this once at start); True when dark.
        The default, "system", leaves the palette alone unless another theme was applied before."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):  # none yet (or a core application without a GUI)
            return self._dark
        if self._current.theme != "system" or theme_was_applied(app):
            self._dark = apply_theme(app, self._current.theme)
        else:
            self._dark = is_dark()
        return self._dark

    def apply(self, preferences: Preferences) -> None:
        """Make `preferences` current: store them, apply the theme if it changed, emit what changed."""
        new, old = preferences.checked(), self._current
        self._current = new
        if self._settings is not None:
            save_preferences(self._settings, new)
        if new.theme != old.theme:
            self.apply_theme()
            self.theme_changed.emit(self._dark)
        if resolve_locale(new.language) != resolve_locale(old.language):
            self.language_changed.emit(resolve_locale(new.language))
        if new.device != old.device:
            self.device_changed.emit(new.device)
        if new.cpu_threads != old.cpu_threads:
            self.cpu_threads_changed.emit(new.cpu_threads)
        if new != old:
            self.changed.emit(new)

    def system_theme_changed(self, _scheme: object = None) -> None:
        """The desktop switched between light and dark: follow it if the theme is "system"."""
        if self._current.theme == "system":
            self._dark = is_dark()
            self.theme_changed.emit(self._dark)
