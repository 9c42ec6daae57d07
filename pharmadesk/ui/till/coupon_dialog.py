"""F6 at the till: type or scan a coupon's code, Enter. A refusal (unknown, used, expired, another member's) is
said in the dialog, which stays open for another try; Esc closes it."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from pharmadesk.ui.common import ErrorLabel


class CouponDialog(QDialog):
    """``add(code)`` adds the coupon to the sale and returns None, or returns the domain's refusal."""

    def __init__(self, add, parent=None) -> None:
        super().__init__(parent)
        self._add = add
        self.setWindowTitle(self.tr("Coupon"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Type or scan the coupon's code:")))
        self.code = QLineEdit()
        self.code.setObjectName("couponCode")
        self.code.setMaxLength(40)
        layout.addWidget(self.code)
        self.error = ErrorLabel()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.code.setFocus()

    def accept(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.error.show_error(self.tr("Type the coupon's code."))
            return
        refusal = self._add(code)
        if refusal is not None:
            self.error.show_error(refusal)
            self.code.selectAll()
            self.code.setFocus()
            return
        super().accept()
