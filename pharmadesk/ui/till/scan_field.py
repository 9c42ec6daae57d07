"""The scan field: a barcode scanner is a keyboard, so a burst of keys ending in Enter is a barcode;
typed words (any word of the name, generic name or manufacturer, pinyin initials, Chinese characters) show a
type-ahead list from ``store.catalog.search`` (20 at most), chosen with ↓ and Enter.

Enter on text that is not a barcode searches by name (``store.catalog.find``): one match is added, several
open the list to choose from; a pack's traceability code goes to ``code_reader`` first (the till: one look-up
identifies the product); with none, ``fallback`` (the till: a coupon's code) may take the text, else the
field says "No product matches …"."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from pharmadesk.errors import NotFound
from pharmadesk.ui.common import money

SUGGESTIONS = 20


class ScanField(QLineEdit):
    """Emits ``productChosen(Product)`` for a scanned barcode or a chosen suggestion,
    and ``failed(PharmaDeskError)`` when nothing matches."""

    productChosen = Signal(object)
    failed = Signal(object)

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("scanField")
        self.setPlaceholderText(self.tr("Scan a barcode or type a product name…"))
        self.setClearButtonEnabled(True)
        self._suggestions: dict[str, object] = {}
        self.fallback = None          # callable(text) -> bool: takes text no product matches (True: taken)
        self.code_reader = None       # callable(text) -> bool: takes a traceability code before any search
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setMaxVisibleItems(SUGGESTIONS)
        self.setCompleter(self.completer_)
        self.completer_.activated.connect(self._on_activated)
        self.textEdited.connect(self._update_suggestions)
        self.returnPressed.connect(self._on_return)

    @staticmethod
    def label(product) -> str:
        detail = " ".join(x for x in (product.strength, product.form) if x)
        maker = product.manufacturer
        if maker and maker.casefold() not in product.name.casefold():     # which maker's, when the name is silent
            detail = f"{detail} · {maker}" if detail else maker
        return f"{product.name}{' · ' + detail if detail else ''} — {money(product.price)}  [{product.barcode}]"

    def suggestions(self) -> list[str]:
        return list(self._suggestions)

    def _update_suggestions(self, text: str) -> None:
        text = text.strip()
        # Digits are a scan in progress: do not query on every key. One Latin letter finds too much to help;
        # one Chinese character (布) is already a word.
        if text.isdigit() or (len(text) < 2 and text.isascii()):
            self._show_suggestions([])
            return
        self._show_suggestions(self.store.catalog.search(text, limit=SUGGESTIONS))

    def _show_suggestions(self, products) -> None:
        self._suggestions = {self.label(p): p for p in products}
        self._model.setStringList(list(self._suggestions))
        if products:
            self.completer_.complete()
        else:
            self.completer_.popup().hide()

    def _on_activated(self, text: str) -> None:
        product = self._suggestions.get(text)
        if product is not None:
            self._emit(product)

    def _on_return(self) -> None:
        self.submit(self.text())

    def submit(self, text: str) -> None:
        """What Enter does: a suggestion's label, a barcode, or a name search — one match is added, several
        open the list to choose from, none reports the catalogue's message."""
        text = text.strip()
        if not text:
            return
        product = self._suggestions.get(text)
        if product is None and self.code_reader is not None and self.code_reader(text):
            self.clear()
            self._show_suggestions([])
            return
        if product is None:
            try:
                matches = self.store.catalog.find(text, limit=SUGGESTIONS)
            except NotFound as exc:
                self._show_suggestions([])
                if self.fallback is not None and self.fallback(text):
                    self.clear()
                    return
                self.selectAll()
                self.failed.emit(exc)
                return
            if len(matches) != 1:
                self._show_suggestions(matches)
                return
            product = matches[0]
        self._emit(product)

    def _emit(self, product) -> None:
        self.clear()
        self._suggestions = {}
        self._model.setStringList([])
        self.completer_.popup().hide()
        self.productChosen.emit(product)
