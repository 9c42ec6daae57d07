"""Printable documents and files, no widgets (Qt printing, matplotlib, openpyxl): the owner's reports, pane
exports, purchase orders, receipts (page and ESC/POS), X/Z reports; their chart style, labels and number
formats. Imports neither pharmadesk.ui nor pharmadesk.cli (tests/test_architecture.py)."""
