"""F6 at the till: type or scan a coupon's code, Enter. A refusal (unknown, used, expired, another member's) is
said in the dialog, which stays open for another try; Esc closes it. When the sale holds coupons, the dialog
lists them and "Take the coupons off" (Alt+T) removes them."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QPushButton, QVBoxLayout

from pharmadesk.ui.common import ErrorLabel


class CouponDialog(QDialog):
    """``add(code)`` adds the coupon to the sale and returns None, or returns the domain's refusal; ``remove()``
    takes the sale's ``current`` coupons off."""

    def __init__(self, add, parent=None, current: list[str] | None = None, remove=None) -> None:
        super().__init__(parent)
        self._add = add
        self._remove = remove
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
        self.remove_button = None
        if current and remove is not None:
            layout.addWidget(QLabel(self.tr("In this sale: {0}").format(", ".join(current))))
            self.remove_button = QPushButton(self.tr("&Take the coupons off"))
            self.remove_button.setObjectName("removeCoupons")
            self.remove_button.setAutoDefault(False)
            self.remove_button.clicked.connect(self.remove_coupons)
            buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        self.code.setFocus()

    def remove_coupons(self) -> None:
        self._remove()
        super().accept()

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
