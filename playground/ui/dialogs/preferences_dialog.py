"""Edit ▸ Preferences…: theme, language, default device and CPU threads, with OK, Cancel, Apply and
Restore Defaults. The dialog only edits values; `PreferencesManager.apply` stores and applies them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from playground.core.i18n import N_, tr
from playground.ui.dialogs.preferences import (
    DEVICE_NAMES,
    LANGUAGE_NAMES,
    THEME_NAMES,
    Preferences,
    PreferencesManager,
    max_cpu_threads,
)

THEME_TIP = N_("The colours of the window and its plots. “Follow the system” uses the desktop's light or dark "
               "setting, and changes with it.")
LANGUAGE_TIP = N_("The language of the window's texts. “System language” follows the desktop's language.")
DEVICE_TIP = N_("The device the training settings start with when the app opens. The Device choice in the "
                "Training panel still changes it for this session.")
# DEVICE_TIP with a note, when the computer has no CUDA GPU.
DEVICE_TIP_NO_CUDA = N_("The device the training settings start with when the app opens. The Device choice in the "
                        "Training panel still changes it for this session. No CUDA GPU was found on this computer: "
                        "a run asked to use CUDA trains on the CPU and says so.")
THREADS_TIP = N_("How many CPU threads PyTorch uses for training. Automatic uses every core, with training at a "
                 "lower priority so the window stays responsive. Takes effect from the next run.")


class PreferencesDialog(QDialog):
    """Modal or not: OK and Apply call `manager.apply`; Cancel leaves everything as it was."""

    def __init__(self, manager: PreferencesManager, cuda_available: bool | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.manager = manager

        self.theme = _combo(THEME_NAMES)
        self.language = _combo(LANGUAGE_NAMES)
        self.device = _combo(DEVICE_NAMES)
        self._device_tip = DEVICE_TIP_NO_CUDA if cuda_available is False else DEVICE_TIP
        self.cpu_threads = QSpinBox()
        self.cpu_threads.setRange(0, max_cpu_threads())
        self.cpu_threads.setAlignment(Qt.AlignmentFlag.AlignRight)

        form = QFormLayout()
        self._labels: dict[QWidget, QLabel] = {}
        for field in (self.theme, self.language, self.device, self.cpu_threads):
            label = self._labels[field] = QLabel()
            label.setBuddy(field)  # Alt+letter moves the focus to the field
            form.addRow(label, field)

        buttons = QDialogButtonBox.StandardButton
        self.buttons = QDialogButtonBox(buttons.Ok | buttons.Cancel | buttons.Apply | buttons.RestoreDefaults)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.apply_button = self.buttons.button(buttons.Apply)
        self.apply_button.clicked.connect(self.apply)
        self.defaults_button = self.buttons.button(buttons.RestoreDefaults)
        self.retranslate()
        self.defaults_button.clicked.connect(lambda: self.show_preferences(Preferences()))

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        for combo in (self.theme, self.language, self.device):
            combo.currentIndexChanged.connect(self._update_buttons)
        self.cpu_threads.valueChanged.connect(self._update_buttons)
        self.show_preferences(manager.current)

    def retranslate(self) -> None:
        """Every text of the dialog in the current language (from the sources: some texts share a translation)."""
        self.setWindowTitle(tr("Preferences"))
        for combo, names in ((self.theme, THEME_NAMES), (self.language, LANGUAGE_NAMES), (self.device, DEVICE_NAMES)):
            for i in range(combo.count()):
                combo.setItemText(i, tr(names[combo.itemData(i)]))
        self.cpu_threads.setSpecialValueText(tr("Automatic"))
        self.cpu_threads.setSuffix(tr(" threads"))
        for field, text, tip in ((self.theme, tr("&Theme"), THEME_TIP), (self.language, tr("&Language"), LANGUAGE_TIP),
                                 (self.device, tr("Default &device"), self._device_tip),
                                 (self.cpu_threads, tr("CPU t&hreads"), THREADS_TIP)):
            field.setToolTip(tr(tip))
            self._labels[field].setText(text)
            self._labels[field].setToolTip(tr(tip))
        self.defaults_button.setToolTip(tr("Put every choice back to its default (OK or Apply saves them)."))

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

    def accept(self) -> None:  # Qt override
        self.apply()
        super().accept()

    def _update_buttons(self) -> None:
        shown = self.preferences()
        self.apply_button.setEnabled(shown != self.manager.current)
        self.defaults_button.setEnabled(shown != Preferences())


def _combo(names: dict[str, str]) -> QComboBox:
    """A choice of `names` (key → English name, shown translated), the key as each item's data."""
    combo = QComboBox()
    for key, name in names.items():
        combo.addItem(tr(name), key)
    return combo
