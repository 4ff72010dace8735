"""The window's language: Qt translators installed on the application, and live re-translation.

`apply_language(app, "zh_CN")` loads Qt's own strings (qtbase: the buttons of standard dialogs) and
the app's `.qm`, routes `playground.core.i18n.tr` through `QCoreApplication.translate`, then
re-translates every open window in place, so nothing a learner built or trained is lost:

1. Texts set from `tr(...)` as they are — labels, buttons, tool tips, tabs, combo and list items,
   headers, menus, actions, pyqtgraph titles, axis labels and legends — are looked up in the
   catalogue (shown text -> English source, taken before the switch) and set again.
2. Then every object with a `retranslate()` method gets it called: the texts built from values
   (`tr("Epoch {epoch}").format(...)`) or rich text are rebuilt by their owner.

The `.qm` is built from the `.ts` (`python -m playground.i18n_tool build`; CI and the bundle do it).
A checkout that has not built it gets one compiled into the user's cache the first time Chinese is
chosen, so the README's first command is enough.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QStandardPaths, Qt, QTranslator
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QSpinBox,
    QStatusBar,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QToolBox,
    QTreeWidget,
    QWidget,
)

from playground.core import i18n
from playground.core.i18n import CONTEXT, N_
from playground.ui.shell.cjk_font import ensure_cjk_font

ENGLISH = "en"
# pyqtgraph translates its menus with QCoreApplication.translate under its own contexts; the texts
# it shows in this app's plots are in the app's catalogue (marked here) and reached through
# `_PyqtgraphTexts`, so its right-click menus speak the window's language too.
PYQTGRAPH_CONTEXTS = frozenset({"GraphicsScene", "ViewBox", "PlotItem", "Exporter"})
PYQTGRAPH_TEXTS = (
    N_("Export..."), N_("Export"), N_("View All"), N_("Mouse Mode"), N_("3 button"), N_("1 button"),
    N_("Plot Options"), N_("Transforms"), N_("Downsample"), N_("Average"), N_("Alpha"), N_("Grid"), N_("Points"),
)
_WIDGET_TEXTS = ("windowTitle", "toolTip", "statusTip", "whatsThis", "accessibleName", "accessibleDescription")
_ACTION_TEXTS = ("text", "iconText", "toolTip", "statusTip", "whatsThis")


class _Installed:
    """The translators currently installed on the application (kept alive here: Qt does not own them)."""
    locale = ENGLISH
    translators: list[QTranslator] = []
    sources: list[str] | None = None
    last_error: str | None = None


class _PyqtgraphTexts(QTranslator):
    """Answers pyqtgraph's contexts from the app's catalogue (one context for everything)."""

    def __init__(self, catalogue: QTranslator, parent: QObject):
        super().__init__(parent)
        self._catalogue = catalogue

    def translate(self, context, source, disambiguation=None, n=-1):  # Qt override
        # None reaches Qt as a null string, "not translated here": an empty string would be an answer.
        if context in PYQTGRAPH_CONTEXTS:
            return self._catalogue.translate(CONTEXT, source, disambiguation, n) or None
        return None

    def isEmpty(self) -> bool:  # Qt override
        return False


def current_language() -> str:
    return _Installed.locale


def last_error() -> str | None:
    """Why the last language could not be loaded fully (None when it could)."""
    return _Installed.last_error


def catalogue_sources() -> list[str]:
    """Every English text the app may show (read once from the `.ts`)."""
    if _Installed.sources is None:
        from playground.i18n_tool import TRANSLATED_LOCALES, read_ts, ts_path
        sources: dict[str, None] = {}
        for locale in TRANSLATED_LOCALES:
            sources.update(dict.fromkeys(read_ts(ts_path(locale))))
        _Installed.sources = list(sources)
    return _Installed.sources


def qm_file(locale: str) -> Path:
    """The compiled catalogue for `locale`: the shipped `.qm` when it is at least as new as the `.ts`,
    else one compiled into the cache now (raises with the reason when that is impossible)."""
    from playground.i18n_tool import build_qm, ts_path
    ts = ts_path(locale)
    shipped = ts.with_suffix(".qm")
    frozen = getattr(sys, "frozen", False)  # a bundle ships the .qm it was built with, and no lrelease
    if shipped.exists() and (frozen or not ts.exists() or shipped.stat().st_mtime >= ts.stat().st_mtime):
        return shipped
    if not ts.exists():
        raise FileNotFoundError(f"no translation for {locale}: {ts} is missing")
    cache = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)) / "i18n" / shipped.name
    if cache.exists() and cache.stat().st_mtime >= ts.stat().st_mtime:
        return cache
    return build_qm(ts, cache)


def apply_language(app: QCoreApplication, locale: str) -> bool:
    """Speak `locale` ("en" or "zh_CN") from now on and re-translate the open windows.

    Returns False (English stays, `last_error()` says why) when the translation cannot be loaded.
    """
    i18n.set_translator(lambda text: QCoreApplication.translate(CONTEXT, text),
                        lambda text, n: QCoreApplication.translate(CONTEXT, text, None, n))
    _Installed.last_error = None
    if locale == _Installed.locale:
        return True
    shown_to_source = sources_by_shown_text(catalogue_sources())
    new: list[QTranslator] = []
    if locale != ENGLISH:
        try:
            path = qm_file(locale)
        except (OSError, RuntimeError) as exc:
            _Installed.last_error = str(exc)
            return False
        translator = QTranslator(app)
        if not translator.load(str(path)):
            _Installed.last_error = f"{path} could not be read"
            return False
        qt_own = QTranslator(app)
        if qt_own.load(f"qtbase_{locale}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            new.append(qt_own)
        new += [translator, _PyqtgraphTexts(translator, app)]
        if isinstance(app, QGuiApplication):
            ensure_cjk_font()  # the shipped Chinese font, if the system has none
    for old in _Installed.translators:
        app.removeTranslator(old)
    for translator in new:
        app.installTranslator(translator)
    _Installed.translators = new
    _Installed.locale = locale
    QLocale.setDefault(QLocale(locale if locale != ENGLISH else "en_US"))
    if isinstance(app, QApplication):
        retranslate_windows(shown_to_source)
    return True


# ----------------------------------------------------------------------------- re-translation

# Which English source each shown text came from, per object and slot: (id, slot) -> (source, shown).
# Several sources may share a translation ("Epoch" and "epoch" are both 轮次); the first switch away
# from English sees the sources themselves, so later switches know which one each slot holds. An
# entry only counts while the slot still shows the text it was made for (ids are reused).
_MEMORY: dict[tuple[int, str], tuple] = {}


# Qt's own widgets name some of their parts once, when they are made (qtbase's catalogue has them).
QT_OWN_TEXTS = (("QTabBar", "Scroll Left"), ("QTabBar", "Scroll Right"), ("QDockWidget", "Float"),
                ("QDockWidget", "Close"), ("QDockWidget", "Undocks and re-attaches the dock widget"),
                ("QDockWidget", "Closes the dock widget"))


def _translated(source) -> str:
    if isinstance(source, tuple):
        return QCoreApplication.translate(*source)
    return i18n.tr(source)


def sources_by_shown_text(sources: list) -> dict[str, list]:
    """Shown text (in the current language) -> the English sources that read so."""
    out: dict[str, list] = {}
    for source in (*sources, *QT_OWN_TEXTS):
        out.setdefault(_translated(source), []).append(source)
    return out


class _Again:
    """The text a slot should show in the new language, or None when it did not come from the catalogue."""

    def __init__(self, shown_to_source: Mapping[str, str | list[str]]):
        self.candidates = {k: (list(v) if isinstance(v, list) else [v]) for k, v in shown_to_source.items()}
        self.memory: dict[tuple[int, str], tuple] = {}

    def __call__(self, obj: object, slot: str, text: str) -> str | None:
        if not isinstance(text, str) or not text:
            return None
        key = (id(obj), slot)
        remembered = _MEMORY.get(key)
        candidates = self.candidates.get(text)
        if remembered is not None and remembered[1] == text:
            source = remembered[0]
        elif candidates:
            source = text if text in candidates else _likeliest(obj, candidates)
        else:
            return None
        new = _translated(source)
        self.memory[key] = (source, new)
        return new


def _likeliest(obj: object, candidates: list):
    """Of several sources with the same translation and nothing remembered (a window that has only
    spoken Chinese), the one that fits the slot: axis labels are lower case ("epoch", "learning rate"),
    titles, buttons and items capitalised ("Epoch", "Learning rate")."""
    if len(candidates) == 1:
        return candidates[0]
    lower = isinstance(obj, pg.AxisItem)

    def fits(source) -> bool:
        text = source[1] if isinstance(source, tuple) else source
        return bool(text) and text[0].islower() == lower
    return next((c for c in candidates if fits(c)), candidates[0])


def retranslate_windows(shown_to_source: Mapping[str, str | list[str]]) -> None:
    """Set again every text that came from the catalogue, then let owners rebuild the rest.

    `shown_to_source`: what each catalogue text reads as in the language being left -> its source(s).
    """
    again = _Again(shown_to_source)
    for top in QApplication.topLevelWidgets():
        slots = [slot for widget in (top, *top.findChildren(QWidget)) for slot in text_slots(widget)]
        slots += [slot for action in top.findChildren(QAction) for slot in action_text_slots(action)]
        for owner, name, text, put in slots:
            new = again(owner, name, text)
            if new is not None:
                put(new)
            elif name == "message" and isinstance(owner, QStatusBar):
                # A passing message ("Finished: 469 steps …") built from values: take it down rather than
                # leave it in the old language.
                owner.clearMessage()
    _MEMORY.clear()
    _MEMORY.update(again.memory)
    owners: dict[int, Callable[[], object]] = {}  # each owner's `retranslate`, once
    for top in QApplication.topLevelWidgets():
        for obj in (top, *top.findChildren(QObject)):
            retranslate = getattr(obj, "retranslate", None)
            if callable(retranslate):
                owners.setdefault(id(obj), retranslate)
    for retranslate in owners.values():
        retranslate()


def _properties(obj: QObject, names: tuple[str, ...]):
    for name in names:
        getter = getattr(obj, name, None)
        if getter is not None:
            yield obj, name, getter(), getattr(obj, "set" + name[0].upper() + name[1:])


def action_text_slots(action: QAction):
    """The texts of an action: text, icon text, tool tip, status tip, What's This."""
    yield from _properties(action, _ACTION_TEXTS)


def text_slots(widget: QWidget):
    """Every text `widget` shows a user, as (owner, slot name, text shown now, a function that shows
    another) — window title and tips, label and button texts,
    titles, placeholders, spin-box affixes, combo/tab/toolbox/list/table/tree items and their tips, a
    status bar's passing message, and in a graphics view pyqtgraph's axis labels, titles, legends and
    text items. The language switch sets them again; tests/ui/i18n_coverage.py reads them."""
    yield from _properties(widget, _WIDGET_TEXTS)
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield from _properties(widget, ("text",))
    if isinstance(widget, (QGroupBox, QMenu)):
        yield from _properties(widget, ("title",))
    if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)):
        yield from _properties(widget, ("placeholderText",))
    if isinstance(widget, QAbstractSpinBox):
        yield from _properties(widget, ("specialValueText",))
    if isinstance(widget, (QSpinBox, QDoubleSpinBox)):
        yield from _properties(widget, ("prefix", "suffix"))
    if isinstance(widget, QComboBox):
        tip = Qt.ItemDataRole.ToolTipRole
        for i in range(widget.count()):
            yield widget, f"item{i}", widget.itemText(i), lambda t, i=i: widget.setItemText(i, t)
            yield widget, f"item{i}.tip", widget.itemData(i, tip), lambda t, i=i: widget.setItemData(i, t, tip)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield widget, f"tab{i}", widget.tabText(i), lambda t, i=i: widget.setTabText(i, t)
            yield widget, f"tab{i}.tip", widget.tabToolTip(i), lambda t, i=i: widget.setTabToolTip(i, t)
    if isinstance(widget, QToolBox):
        for i in range(widget.count()):
            yield widget, f"item{i}", widget.itemText(i), lambda t, i=i: widget.setItemText(i, t)
    if isinstance(widget, QListWidget):
        for i in range(widget.count()):
            yield from _item_slots(widget.item(i))
    if isinstance(widget, QTableWidget):
        for i in range(widget.columnCount()):
            yield from _item_slots(widget.horizontalHeaderItem(i))
        for i in range(widget.rowCount()):
            yield from _item_slots(widget.verticalHeaderItem(i))
            for j in range(widget.columnCount()):
                yield from _item_slots(widget.item(i, j))
    if isinstance(widget, QTreeWidget):
        items = [widget.headerItem()]
        stack = [widget.topLevelItem(i) for i in range(widget.topLevelItemCount())]
        while stack:
            item = stack.pop()
            if item is None:
                continue
            items.append(item)
            stack += [item.child(i) for i in range(item.childCount())]
        for item in items:
            for c in range(widget.columnCount()):
                yield item, f"text{c}", item.text(c), lambda t, item=item, c=c: item.setText(c, t)
                yield item, f"tip{c}", item.toolTip(c), lambda t, item=item, c=c: item.setToolTip(c, t)
    if isinstance(widget, QStatusBar) and widget.currentMessage():
        yield widget, "message", widget.currentMessage(), widget.showMessage
    if isinstance(widget, QGraphicsView) and widget.scene() is not None:
        yield from _graphics_slots(widget)


def _item_slots(item):
    if item is not None:
        yield item, "text", item.text(), item.setText
        yield item, "tip", item.toolTip(), item.setToolTip


def _graphics_slots(view: QGraphicsView):
    """pyqtgraph's texts: axis labels, plot titles and legend entries (LabelItem), TextItems."""
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem):
            yield item, "label", item.labelText or "", \
                lambda t, item=item: item.setLabel(text=t, units=item.labelUnits or None, **item.labelStyle)
        elif isinstance(item, pg.LabelItem):
            yield item, "text", item.text or "", item.setText
        elif isinstance(item, pg.TextItem):
            yield item, "text", item.textItem.toPlainText(), item.setText
