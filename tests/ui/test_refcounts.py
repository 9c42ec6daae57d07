"""PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a void Qt method;
a till making thousands of such calls an hour then dies with 'deallocating None'. This guards
the pinned Qt binding against that regression (Python 3.12+ makes None immortal)."""

import sys

import pytest
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12 on")
def test_qt_calls_do_not_leak_references_to_none(qapp):
    label, items = QLabel(), QListWidget()
    before = sys.getrefcount(None)
    for _ in range(500):
        label.setText("")
        label.hide()
        items.addItem(QListWidgetItem("x"))
        items.setCurrentRow(0)
        items.clear()
    assert sys.getrefcount(None) - before > -100      # 6.12.0 lost about 2,500 here
