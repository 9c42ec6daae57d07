"""Idle auto-lock: an application-wide event filter notices input; after the idle interval the
main window shows the lock screen, which needs a user's PIN. Nothing behind it is lost."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from pharmadesk.errors import PharmaDeskError
from pharmadesk.ui.common import ErrorLabel

ACTIVITY_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
}


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval_ms`` without keyboard, mouse or touch input anywhere in the program."""

    idle = Signal()
    # Class default: while Python's garbage collector takes a watcher apart (its attributes are gone
    # before Qt drops the filter), events reach eventFilter and must be ignored, not raise.
    paused = True

    def __init__(self, interval_ms: int, parent=None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, int(interval_ms)))
        self.timer.timeout.connect(self.idle)
        self.paused = False

    def start(self, app) -> None:
        app.installEventFilter(self)
        self.timer.start()

    def stop(self, app) -> None:
        app.removeEventFilter(self)
        self.timer.stop()

    def set_paused(self, paused: bool) -> None:
        """While locked, input does not restart the countdown."""
        self.paused = paused
        if paused:
            self.timer.stop()
        else:
            self.timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if not self.paused and event.type() in ACTIVITY_EVENTS:
            self.timer.start()
        return False


class LockScreen(QWidget):
    """Covers the window while locked; emits ``unlocked`` once ``store.login(user, PIN)`` succeeds."""

    unlocked = Signal()

    def __init__(self, store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("lockScreen")
        # A plain QWidget paints no style-sheet background without this: the light labels of the lock
        # screen then stood on the light window colour, nearly invisible.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("Till locked"))
        title.setObjectName("lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        note = QLabel(self.tr("The current sale is kept. Enter your PIN to continue."))
        note.setObjectName("lockNote")
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(note)
        box = QWidget()
        box.setMaximumWidth(360)
        form = QFormLayout(box)
        self.username = QLineEdit()
        self.username.setObjectName("lockUser")
        self.pin = QLineEdit()
        self.pin.setObjectName("lockPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("PIN"), self.pin)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.clicked.connect(self.try_unlock)
        form.addRow(self.button)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        self.error = ErrorLabel()
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.error)
        layout.addStretch(2)
        self.pin.returnPressed.connect(self.try_unlock)
        self.username.returnPressed.connect(self.pin.setFocus)

    def prepare(self) -> None:
        self.username.setText(self.store.user.username if self.store.user else "")
        self.pin.clear()
        self.error.clear_message()
        self.pin.setFocus()

    def set_credentials(self, username: str, pin: str) -> None:
        self.username.setText(username)
        self.pin.setText(pin)

    def try_unlock(self) -> bool:
        try:
            self.store.login(self.username.text().strip(), self.pin.text())
        except PharmaDeskError as exc:
            self.pin.clear()
            self.error.show_error(exc)
            return False
        self.pin.clear()
        self.unlocked.emit()
        return True
