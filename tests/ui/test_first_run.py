"""The first-run wizard: passphrase shown once and typed back, store created with its settings,
CSV import in a worker with row errors, the demo start, and no secret in the log."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWizard

from pharmadesk.logs import setup_logging, stop_logging
from pharmadesk.core.store import Store
from pharmadesk.ui.wizard import FirstRunWizard
from tests.conftest import FAST_KDF

PASSWORD = "owner-secret-77"
PRODUCTS_CSV = ("barcode,name,generic_name,category,legal_class,price\n"
                "4006381333948,Ibuprofen 400mg,ibuprofen,otc,otc,15.50\n"
                "IMPORT-2,Vitamin C 500mg,ascorbic acid,supplement,otc,8.00\n")
MEMBERS_CSV = "name,phone\nAnna Berg,13600136001\nBad Phone,12ab\n"


@pytest.fixture
def make_wizard(qtbot, tmp_path):
    def _make(**options) -> FirstRunWizard:
        wizard = FirstRunWizard(tmp_path / "store", use_keyring=False, kdf=FAST_KDF, **options)
        qtbot.addWidget(wizard)
        return wizard
    return _make


def fill(wizard: FirstRunWizard, username: str = "boss") -> None:
    wizard.store_page.store_name.setText("Lotus Pharmacy")
    wizard.store_page.address.setPlainText("1 Renmin Road")
    owner = wizard.owner_page
    owner.username.setText(username)
    owner.full_name.setText("Li Na")
    owner.password.setText(PASSWORD)
    owner.password_again.setText(PASSWORD)
    owner.pin.setText("4321")
    page = wizard.passphrase_page
    page.confirm.setText(page.generated.text())
    prefs = wizard.preferences_page
    prefs.language.setCurrentIndex(prefs.language.findData("zh_CN"))
    prefs.receipt_header.setPlainText("Tel. 0571-1234567")


def test_the_passphrase_must_be_typed_back(make_wizard):
    wizard = make_wizard()
    page = wizard.passphrase_page
    generated = page.generated.text()
    assert len(generated) >= 20 and generated.count("-") == 4
    assert not page.isComplete()
    page.confirm.setText(generated.lower())
    assert not page.isComplete()
    page.confirm.setText(generated)
    assert page.isComplete()
    page.regenerate()                                  # a new one must be typed back again
    assert page.generated.text() != generated and not page.isComplete()
    page.own.setChecked(True)
    page.own_passphrase.setText("short")
    page.confirm.setText("short")
    assert not page.isComplete()
    assert page.strength_problem()
    page.own_passphrase.setText("my own long recovery phrase")
    page.confirm.setText("my own long recovery phrase")
    assert page.isComplete() and page.passphrase() == "my own long recovery phrase"


def test_owner_page_checks_passwords_and_pin(make_wizard):
    wizard = make_wizard()
    fill(wizard)
    owner = wizard.owner_page
    assert owner.problem() is None
    owner.password_again.setText("something-else")
    assert "not the same" in owner.problem()
    owner.password_again.setText(PASSWORD)
    owner.pin.setText("12")
    assert "PIN" in owner.problem()
    assert not owner.validatePage()


def test_create_store_saves_everything_and_logs_the_owner_in(make_wizard, tmp_path):
    log_path = setup_logging(tmp_path / "logs")
    try:
        wizard = make_wizard()
        fill(wizard)
        passphrase = wizard.passphrase_page.passphrase()
        store = wizard.create_store()
    finally:
        stop_logging()
    try:
        assert store.user.username == "boss" and store.user.role == "owner"
        assert store.settings.store_name == "Lotus Pharmacy"
        assert store.settings.store_address == "1 Renmin Road"
        assert store.settings.language == "zh_CN"
        assert store.settings.receipt_header == "Tel. 0571-1234567"
        store.login("boss", "4321")                                      # the PIN works too
    finally:
        store.close()
    reopened = Store.open(tmp_path / "store", passphrase=passphrase, use_keyring=False)   # the written-down phrase
    reopened.close()
    text = log_path.read_text(encoding="utf-8")
    assert "first run" in text
    assert passphrase not in text and PASSWORD not in text and "4321" not in text


def test_import_start_runs_in_a_worker_and_lists_row_errors(make_wizard, qtbot, tmp_path):
    (tmp_path / "products.csv").write_text(PRODUCTS_CSV, encoding="utf-8")
    (tmp_path / "members.csv").write_text(MEMBERS_CSV, encoding="utf-8")
    wizard = make_wizard()
    fill(wizard)
    start = wizard.start_page
    start.import_files.setChecked(True)
    start.products_csv.setText(str(tmp_path / "products.csv"))
    start.members_csv.setText(str(tmp_path / "members.csv"))
    wizard.show()
    while wizard.currentPage() is not wizard.start_page:
        wizard.next()
        assert wizard.currentPage() is not wizard.work_page
    wizard.next()                                                       # "Create the store"
    assert wizard.currentPage() is wizard.work_page
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled() or wizard.store is not None
    qtbot.waitUntil(lambda: wizard.store is not None, timeout=30_000)
    store = wizard.store
    assert wizard.work_page.isComplete()
    assert [r.kind for r in wizard.result_info.reports] == ["products", "members"]
    assert store.catalog.search("Ibuprofen")                             # products applied
    assert not wizard.result_info.reports[1].applied                     # members had a bad row: none imported
    assert not wizard.work_page.errors.isHidden()
    assert wizard.work_page.errors.model.rowCount() >= 1
    assert "Anna Berg" not in wizard.work_page.message.text()
    wizard.accept()


def test_missing_import_file_is_refused_before_anything_is_made(make_wizard, tmp_path):
    wizard = make_wizard()
    fill(wizard)
    wizard.start_page.import_files.setChecked(True)
    wizard.start_page.products_csv.setText(str(tmp_path / "nope.csv"))
    assert "cannot be found" in wizard.start_problem()
    assert not (tmp_path / "store").exists()


def test_demo_start_adds_the_owner_to_a_small_demo_store(make_wizard):
    wizard = make_wizard(demo_options={"members": 20, "years": 0.05})
    fill(wizard, username="owner")
    wizard.start_page.demo.setChecked(True)
    assert "owner" in wizard.start_problem()                            # the demo already has "owner"
    wizard.owner_page.username.setText("boss")
    assert wizard.start_problem() is None
    store = wizard.create_store()
    try:
        assert store.user.username == "boss"
        assert store.settings.store_name == "Lotus Pharmacy"
        assert store.users.count() == 4                                  # the three demo accounts and boss
    finally:
        store.close()


def test_in_chinese_the_demo_start_builds_the_chinese_gsp_store(make_wizard):
    wizard = make_wizard(demo_options={"members": 20, "years": 0.05})
    fill(wizard)                                         # chooses 简体中文
    wizard.store_page.address.setPlainText("")          # no address typed: the demo store's own stays
    wizard.start_page.demo.setChecked(True)
    store = wizard.create_store()
    try:
        settings = store.settings
        assert (settings.language, settings.regulatory_profile, settings.store_name) == \
            ("zh_CN", "china_gsp", "Lotus Pharmacy")
        assert settings.store_address.startswith("浙江省")
        medicines = store.db.scalar("SELECT count(*) FROM products WHERE category IN ('chronic', 'acute', 'otc') "
                                    "AND approval_number LIKE '国药准字%'")
        assert medicines == store.db.scalar("SELECT count(*) FROM products WHERE category IN "
                                            "('chronic', 'acute', 'otc')") > 0
    finally:
        store.close()


def test_in_english_the_demo_start_keeps_the_english_store(make_wizard):
    wizard = make_wizard(demo_options={"members": 20, "years": 0.05})
    fill(wizard)
    prefs = wizard.preferences_page
    prefs.language.setCurrentIndex(prefs.language.findData("en"))
    wizard.start_page.demo.setChecked(True)
    store = wizard.create_store()
    try:
        assert (store.settings.language, store.settings.regulatory_profile) == ("en", "none")
        assert store.db.scalar("SELECT count(*) FROM products WHERE approval_number IS NOT NULL") == 0
    finally:
        store.close()
