"""The owner's staff dialog: accounts are created, reset, re-roled and deactivated through store.users."""

from __future__ import annotations

import pytest

from pharmadesk.errors import AuthenticationError
from pharmadesk.ui.staff_dialog import StaffDialog, StaffMemberDialog
from tests.ui.conftest import DialogDriver, accepted


def test_owner_adds_a_cashier_who_can_then_log_in(open_store, qtbot):
    store = open_store("owner")
    dialog = StaffDialog(store)
    qtbot.addWidget(dialog)
    driver = DialogDriver()
    dialog.exec_dialog = driver

    def bad_then_good(member: StaffMemberDialog) -> bool:
        member.username.setText("amy")
        member.name.setText("Amy Assistant")
        member.role.setCurrentIndex(member.role.findData("cashier"))
        member.password.setText("short")
        member.accept()                                        # refused by the domain: too short
        assert member.error.text() and store.db.scalar("SELECT count(*) FROM users WHERE username='amy'") == 0
        member.password.setText("amy-password-1")
        member.pin.setText("4444")
        return accepted(member)

    driver.expect(StaffMemberDialog, bad_then_good)
    dialog.add()
    assert [row["username"] for row in dialog.table.visible_rows()].count("amy") == 1
    other = open_store(None)
    assert other.login("amy", "4444").role == "cashier"

    assert dialog.table.select(lambda row: row["username"] == "amy")
    dialog.role.setCurrentIndex(dialog.role.findData("pharmacist"))
    dialog.set_role()
    assert store.db.scalar("SELECT role FROM users WHERE username = 'amy'") == "pharmacist"
    dialog.deactivate()
    with pytest.raises(AuthenticationError):
        open_store(None).login("amy", "4444")
    assert store.db.scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'user.%'") >= 3


def test_the_last_owner_cannot_be_deactivated_from_the_dialog(open_store, qtbot):
    store = open_store("owner")
    dialog = StaffDialog(store)
    qtbot.addWidget(dialog)
    assert dialog.table.select(lambda row: row["username"] == "owner")
    dialog.deactivate()
    assert "owner" in dialog.error.text()
    assert store.db.scalar("SELECT active FROM users WHERE username = 'owner'") == 1


def test_only_the_owner_sees_the_staff_menu(make_window):
    window, _store, _dialogs = make_window("pharmacist")
    assert not window.staff_action.isVisible()
    owner_window, _store, _dialogs = make_window("owner")
    assert owner_window.staff_action.isVisible()
