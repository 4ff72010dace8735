"""Edit ▸ Preferences…: theme, language, default device and CPU threads, with OK, Cancel, Apply and
Restore Defaults. The dialog only edits values; `PreferencesManager.apply` stores and applies them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget,
)

from playground.ui.preferences import (
    DEVICE_NAMES, LANGUAGE_NAMES, THEME_NAMES, Preferences, PreferencesManager, max_cpu_threads,
)

THEME_TIP = ("The colours of the window and its plots. “Follow the system” uses the desktop's light or dark "
             "setting, and changes with it.")
LANGUAGE_TIP = "The language of the window's texts. “System language” follows the desktop's language."
DEVICE_TIP = ("The device the training settings start with when the app opens. The Device choice in the "
              "Training panel still changes it for this session.")
NO_CUDA_NOTE = " No CUDA GPU was found on this computer: a run asked to use CUDA trains on the CPU and says so."
THREADS_TIP = ("How many CPU threads PyTorch uses for training. Automatic uses every core, with training at a "
               "lower priority so the window stays responsive. Takes effect from the next run.")


class PreferencesDialog(QDialog):
    """Modal or not: OK and Apply call `manager.apply`; Cancel leaves everything as it was."""

    def __init__(self, manager: PreferencesManager, cuda_available: bool | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setObjectName("preferencesDialog")
        self.manager = manager

        self.theme = _combo(THEME_NAMES, THEME_TIP)
        self.language = _combo(LANGUAGE_NAMES, LANGUAGE_TIP)
        self.device = _combo(DEVICE_NAMES, DEVICE_TIP + (NO_CUDA_NOTE if cuda_available is False else ""))
        self.cpu_threads = QSpinBox()
        self.cpu_threads.setRange(0, max_cpu_threads())
        self.cpu_threads.setSpecialValueText("Automatic")
        self.cpu_threads.setSuffix(" threads")
        self.cpu_threads.setToolTip(THREADS_TIP)
        self.cpu_threads.setAlignment(Qt.AlignmentFlag.AlignRight)

        form = QFormLayout()
        for text, field in (("&Theme", self.theme), ("&Language", self.language), ("Default &device", self.device),
                            ("CPU t&hreads", self.cpu_threads)):
            label = QLabel(text)
            label.setBuddy(field)  # Alt+letter moves the focus to the field
            label.setToolTip(field.toolTip())
            form.addRow(label, field)

        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(buttons.Ok | buttons.Cancel | buttons.Apply | buttons.RestoreDefaults)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.apply_button = self.buttons.button(buttons.Apply)
        self.apply_button.clicked.connect(self.apply)
        self.defaults_button = self.buttons.button(buttons.RestoreDefaults)
        self.defaults_button.setToolTip("Put every choice back to its default (OK or Apply saves them).")
        self.defaults_button.clicked.connect(lambda: self.show_preferences(Preferences()))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        for combo in (self.theme, self.language, self.device):
            combo.currentIndexChanged.connect(self._update_buttons)
        self.cpu_threads.valueChanged.connect(self._update_buttons)
        self.show_preferences(manager.current)

    def show_preferences(self, preferences: Preferences) -> None:
        """Put `preferences` into the fields (nothing is applied yet)."""
        self.theme.setCurrentIndex(max(0, self.theme.findData(preferences.theme)))
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))
        self.device.setCurrentIndex(max(0, self.device.findData(preferences.device)))
        self.cpu_threads.setValue(preferences.cpu_threads)
        self._update_buttons()

    def preferences(self) -> Preferences:
        """The preferences the fields show."""
        self.cpu_threads.interpretText()
        return Preferences(self.theme.currentData(), self.language.currentData(), self.device.currentData(),
                           self.cpu_threads.value()).checked()

    def apply(self) -> None:
        self.manager.apply(self.preferences())
        self._update_buttons()

    def accept(self) -> None:  # noqa: D102 (Qt override)
        self.apply()
        super().accept()

    def _update_buttons(self) -> None:
        shown = self.preferences()
        self.apply_button.setEnabled(shown != self.manager.current)
        self.defaults_button.setEnabled(shown != Preferences())


def _combo(names: dict[str, str], tip: str) -> QComboBox:
    combo = QComboBox()
    for key, name in names.items():
        combo.addItem(name, key)
    combo.setToolTip(tip)
    return combo
