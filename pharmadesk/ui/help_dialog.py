"""F1: the keyboard shortcuts, read from the window's live QAction and QShortcut objects, so the list
cannot drift from what the keys really do. Keys handled inside a widget (the till's + / − / Del)
are not objects; they are listed once in ``FIELD_KEYS``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout

from pharmadesk.errors import QT_TRANSLATE_NOOP

# (key, what it does, where) for keys read by event filters rather than QShortcut/QAction objects.
FIELD_KEYS = (
    ("Enter", QT_TRANSLATE_NOOP("shortcuts", "Add the scanned or typed product"), QT_TRANSLATE_NOOP("pages", "Till")),
    ("+ / −", QT_TRANSLATE_NOOP("shortcuts", "Change the selected line's quantity"), QT_TRANSLATE_NOOP("pages", "Till")),
    ("Del", QT_TRANSLATE_NOOP("shortcuts", "Remove the selected line"), QT_TRANSLATE_NOOP("pages", "Till")),
    ("↑ / ↓", QT_TRANSLATE_NOOP("shortcuts", "Choose a line in the cart"), QT_TRANSLATE_NOOP("pages", "Till")),
    ("Ctrl+1 … Ctrl+9", QT_TRANSLATE_NOOP("shortcuts", "Go to the page in that place of the list"),
     QT_TRANSLATE_NOOP("shortcuts", "Everywhere")),
    ("F1 … F7", QT_TRANSLATE_NOOP("shortcuts", "Pay by cash, card, WeChat Pay, Alipay, insurance (医保), voucher or mixed"),
     QT_TRANSLATE_NOOP("shortcuts", "Payment")),
    ("F9", QT_TRANSLATE_NOOP("shortcuts", "Pay part with the member's points"), QT_TRANSLATE_NOOP("shortcuts", "Payment")),
    ("Enter", QT_TRANSLATE_NOOP("shortcuts", "Complete the sale once the payment is complete"),
     QT_TRANSLATE_NOOP("shortcuts", "Payment")),
)


def _key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def shortcut_rows(window) -> list[tuple[str, str, str]]:
    """(key, description, where) for every shortcut of ``window``: its actions (menus included), the
    QShortcut objects of its pages (described by their whatsThis), then ``FIELD_KEYS``."""
    everywhere = QCoreApplication.translate("shortcuts", "Everywhere")
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()

    def add(key: str, text: str, where: str) -> None:
        if key and (key, where) not in seen:
            seen.add((key, where))
            rows.append((key, text, where))

    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            add(_key_text(sequence), _plain(action.text()), everywhere)
    page_titles = {page: title for page, title in getattr(window, "page_titles", lambda: {})().items()}
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.whatsThis():
            continue
        where, widget = everywhere, shortcut.parent()
        while widget is not None:
            if widget in page_titles:
                where = page_titles[widget]
                break
            widget = widget.parent()
        add(_key_text(shortcut.key()), shortcut.whatsThis(), where)
    for key, text, where in FIELD_KEYS:
        context = "shortcuts" if where == "Everywhere" else "pages"
        add(key, QCoreApplication.translate("shortcuts", text), QCoreApplication.translate(context, where))
    return rows


class ShortcutHelpDialog(QDialog):
    def __init__(self, window, parent=None) -> None:
        super().__init__(parent or window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(560, 480)
        self.rows = shortcut_rows(window)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Key"), self.tr("What it does"), self.tr("Where")])
        for r, row in enumerate(self.rows):
            for c, text in enumerate(row):
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def keys(self) -> list[str]:
        return [key for key, _text, _where in self.rows]
