"""A field that turns a scanned barcode or a typed name into a product, through the catalogue."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCompleter

from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.widgets.search_field import SearchField


class ProductPicker(SearchField):
    """Enter resolves the text (and never presses the dialog's Save): an exact barcode first, else the best
    match of the catalogue's search.
    :attr:`product` is the resolved product (or None); :attr:`failed` carries the domain's error."""

    productChosen = Signal(object)
    failed = Signal(object)

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent=parent)
        self.store = store
        self.product = None
        self.setPlaceholderText(self.tr("Scan a barcode or type a name, then Enter"))
        self._completer = QCompleter([], self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        # The catalogue already chose the matches (any word, pinyin initials): show them all, unfiltered.
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(self._completer)
        self.textEdited.connect(self._suggest)
        self.returnPressed.connect(self.resolve)

    def _suggest(self, text: str) -> None:
        self.product = None
        if len(text.strip()) >= 2 and not text.strip().isdigit():
            names = [p.name for p in self.store.catalog.search(text, limit=15)]
            self._completer.model().setStringList(names)

    def resolve(self):
        text = self.text().strip()
        self.product = None
        if not text:
            return None
        try:
            self.product = self.store.catalog.find(text, limit=1)[0]     # exact barcode, else the best name match
        except PharmaDeskError as exc:
            self.failed.emit(exc)
            return None
        self.setText(self.product.name)
        self.productChosen.emit(self.product)
        return self.product
