"""The first-run wizard: shown by :func:`pharmadesk.ui.app.run` when the store folder holds no store.

    wizard = FirstRunWizard(store_dir)
    if wizard.exec() == QDialog.DialogCode.Accepted:
        store = wizard.store                  # open, the new owner logged in

Pages (:mod:`pharmadesk.ui.wizard_pages`): store name and address, the owner's account, the recovery
passphrase (shown once, typed back), language / receipt header / backup folder, and how to start
(empty, CSV import of products and members, or the demo store). The last page creates the store in a
worker thread with progress; an import there can be cancelled (the importer then undoes it) and its
row errors are listed.

Tests fill the pages' fields and call :meth:`FirstRunWizard.create_store`, which does the same work in
the calling thread and returns the open store. Secrets (password, PIN, passphrase) are never logged.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWizard, QWizardPage

from pharmadesk.errors import QT_TRANSLATE_NOOP
from pharmadesk.ui.common import ErrorLabel, error_text
from pharmadesk.ui.widgets.list_model import ListTable
from pharmadesk.ui.widgets.paged_model import Column
from pharmadesk.ui.widgets.worker import Cancelled, ProgressPanel, TaskRunner
from pharmadesk.ui.wizard_pages import OwnerPage, PassphrasePage, PreferencesPage, StartPage, StorePage

log = logging.getLogger(__name__)

CREATING = QT_TRANSLATE_NOOP("progress", "Creating the store")     # ProgressPanel translates in "progress"


@dataclass
class FirstRunChoices:
    """Everything the wizard asked, read from the pages in the GUI thread (the work may run in another)."""

    store_name: str
    address: str
    owner_username: str
    owner_name: str
    owner_password: str = field(repr=False)
    owner_pin: str | None = field(repr=False)
    passphrase: str = field(repr=False)
    language: str = "en"
    receipt_header: str = ""
    backup_dir: str = ""
    start: str = "empty"                        # "empty", "import" or "demo"
    products_csv: str = ""
    members_csv: str = ""

    def settings(self) -> dict[str, str]:
        return {"store_name": self.store_name, "store_address": self.address, "language": self.language,
                "receipt_header": self.receipt_header, "backup_dir": self.backup_dir}


@dataclass
class FirstRunResult:
    store: object
    reports: list = field(default_factory=list)      # ImportReport per imported file
    cancelled: bool = False


def create_first_store(directory: Path, choices: FirstRunChoices, *, use_keyring: bool = True,
                       kdf: dict | None = None, demo_options: dict | None = None,
                       progress=None) -> FirstRunResult:
    """Create the store ``choices`` describe in ``directory``; the owner is logged in on the returned store.
    A :class:`Cancelled` raised by ``progress`` during an import undoes that import and skips the rest."""
    from pharmadesk.core.store import Store

    report = progress or (lambda fraction, message="": None)
    if choices.start == "demo":
        from pharmadesk.demo.build import build_demo_store

        # In Chinese the demo is a Chinese pharmacy under China GSP (its catalogue, members, address, profile).
        options = {"locale": "zh_CN" if choices.language == "zh_CN" else "en", **(demo_options or {})}
        store = build_demo_store(directory, passphrase=choices.passphrase, use_keyring=use_keyring, kdf=kdf,
                                 progress=report, **options)
        try:
            store.users.create(choices.owner_username, choices.owner_name, "owner", choices.owner_password,
                               choices.owner_pin)
            store.login(choices.owner_username, choices.owner_password)
        except BaseException:
            store.close()
            raise
    else:
        report(0.0, CREATING)
        store = Store.create(directory, passphrase=choices.passphrase, store_name=choices.store_name,
                             owner_username=choices.owner_username, owner_name=choices.owner_name,
                             owner_password=choices.owner_password, owner_pin=choices.owner_pin,
                             use_keyring=use_keyring, kdf=kdf)
    result = FirstRunResult(store)
    try:
        current = store.settings
        for name, value in choices.settings().items():
            if choices.start == "demo" and name == "store_address" and not value:
                continue                    # the demo store's own address stays unless the owner typed one
            if value != current.text(name):
                store.set_setting(name, value)
        if choices.start == "import":
            _import_files(store, choices, report, result)
    except BaseException:
        store.close()
        raise
    log.info("first run: store %s created (start: %s)", store.store_id, choices.start)
    return result


def _import_files(store, choices: FirstRunChoices, report, result: FirstRunResult) -> None:
    files = [(kind, path) for kind, path in (("products", choices.products_csv), ("members", choices.members_csv))
             if path.strip()]
    for number, (kind, path) in enumerate(files):
        def part(fraction: float, message: str = "", _n=number) -> None:
            report((_n + max(0.0, min(1.0, fraction))) / len(files), message)

        try:
            result.reports.append(store.imports.csv(kind, path.strip(), progress=part))
        except Cancelled:
            result.cancelled = True
            return


class WorkPage(QWizardPage):
    """Creates the store in a worker thread when shown; Finish is enabled once the store is open."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Creating the store"))
        self.runner: TaskRunner | None = None
        self.status = QLabel(self.tr("Encrypting and preparing the store…"))
        self.status.setWordWrap(True)
        self.progress = ProgressPanel()
        self.message = ErrorLabel()
        self.errors = ListTable([
            Column("kind", self.tr("File")),
            Column("line", self.tr("Line"), numeric=True),
            Column("column", self.tr("Column")),
            Column("message", self.tr("Problem"), lambda e: QCoreApplication.translate("import", e.message)),
        ])
        self.errors.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.errors, 1)

    def initializePage(self) -> None:  # noqa: N802
        wizard = self.wizard()
        if self.runner is not None or wizard.store is not None:
            return
        self.runner = wizard.creation_runner(self)
        self.runner.succeeded.connect(self.show_result)
        self.runner.failed.connect(self._failed)
        self.runner.finished.connect(self.completeChanged)
        self.progress.attach(self.runner)
        self.progress.cancel_button.setVisible(wizard.choices().start == "import")
        wizard.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.runner.start()

    def _failed(self, exc) -> None:
        self.status.setText(self.tr("The store could not be created."))
        self.message.show_error(error_text(exc))
        self.wizard().button(QWizard.WizardButton.CancelButton).setEnabled(True)

    def show_result(self, result: FirstRunResult) -> None:
        """Reopen the store in this thread and say what happened, row errors included."""
        wizard = self.wizard()
        try:
            wizard.reopen(result)
        except Exception as exc:  # noqa: BLE001 - shown to the owner
            self._failed(exc)
            return
        self.status.setText(self.tr("Your store is ready. Press Finish to start."))
        rows = []
        lines = []
        for report in result.reports:
            kind = self.tr("Products") if report.kind == "products" else self.tr("Members")
            if report.applied:
                lines.append(self.tr("{0}: {1} rows imported.").format(kind, report.imported))
            else:
                lines.append(self.tr("{0}: nothing imported, {1} problem(s) in the file; import it again later "
                                     "under Stock → Catalogue.").format(kind, len(report.errors)))
            rows += [_Row(kind, e.line, e.column, e.message) for e in report.errors]
        if result.cancelled:
            lines.append(self.tr("The import was cancelled; the store was created without it."))
        if lines:
            (self.message.show_info if not rows and not result.cancelled else self.message.show_error)("\n".join(lines))
        if rows:
            self.errors.set_rows(rows)
            self.errors.show()

    def isComplete(self) -> bool:  # noqa: N802
        return self.wizard() is not None and self.wizard().store is not None


@dataclass
class _Row:
    kind: str
    line: int
    column: str | None
    message: str


class FirstRunWizard(QWizard):
    """``use_keyring`` and ``kdf`` are passed to the store (tests use no keyring and a fast KDF);
    ``demo_options`` to :func:`build_demo_store` (tests make a small one)."""

    def __init__(self, store_dir: Path, *, use_keyring: bool = True, kdf: dict | None = None,
                 demo_options: dict | None = None, parent=None) -> None:
        super().__init__(parent)
        self.store_dir = Path(store_dir)
        self.use_keyring = use_keyring
        self.kdf = kdf
        self.demo_options = demo_options or {}
        self.store = None
        self.result_info: FirstRunResult | None = None
        self.setWindowTitle(self.tr("Welcome to PharmaDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.resize(680, 520)
        self.store_page = StorePage()
        self.owner_page = OwnerPage()
        self.passphrase_page = PassphrasePage()
        self.preferences_page = PreferencesPage()
        self.start_page = StartPage()
        self.work_page = WorkPage()
        for page in (self.store_page, self.owner_page, self.passphrase_page, self.preferences_page,
                     self.start_page, self.work_page):
            self.addPage(page)

    def choices(self) -> FirstRunChoices:
        owner, start = self.owner_page, self.start_page
        return FirstRunChoices(
            store_name=self.store_page.store_name.text().strip(),
            address=self.store_page.address.toPlainText().strip(),
            owner_username=owner.username.text().strip(), owner_name=owner.full_name.text().strip(),
            owner_password=owner.password.text(), owner_pin=owner.pin.text().strip() or None,
            passphrase=self.passphrase_page.passphrase().strip(),
            language=self.preferences_page.language.currentData(),
            receipt_header=self.preferences_page.receipt_header.toPlainText().strip(),
            backup_dir=self.preferences_page.backup_dir.text().strip(),
            start=start.start(), products_csv=start.products_csv.text().strip(),
            members_csv=start.members_csv.text().strip(),
        )

    def start_problem(self) -> str | None:
        """Why the chosen start cannot work, checked before anything is created; None if it can."""
        choices = self.choices()
        if choices.start == "demo":
            from pharmadesk.demo.build import DEMO_USERS

            if choices.owner_username in DEMO_USERS:
                return self.tr("The demo store already has a user called {0}. Go back and choose another "
                               "user name for yourself.").format(choices.owner_username)
        if choices.start == "import":
            for path in (choices.products_csv, choices.members_csv):
                if path and not Path(path).is_file():
                    return self.tr("The file {0} cannot be found.").format(path)
        return None

    def create_store(self, progress=None):
        """Create the store from the pages' fields in this thread; returns it open, the owner logged in."""
        self.result_info = create_first_store(self.store_dir, self.choices(), use_keyring=self.use_keyring,
                                              kdf=self.kdf, demo_options=self.demo_options, progress=progress)
        self.store = self.result_info.store
        return self.store

    def creation_runner(self, parent=None) -> TaskRunner:
        """A worker creating the store; the store is closed in that thread (SQLite connections stay in
        their thread) and :meth:`reopen` opens it again in the GUI thread."""
        choices = self.choices()
        directory, use_keyring, kdf, demo = self.store_dir, self.use_keyring, self.kdf, self.demo_options

        def task(progress):
            result = create_first_store(directory, choices, use_keyring=use_keyring, kdf=kdf, demo_options=demo,
                                        progress=progress)
            result.store.close()
            return result

        return TaskRunner(task, parent)

    def reopen(self, result: FirstRunResult):
        from pharmadesk.core.store import Store

        choices = self.choices()
        store = Store.open(self.store_dir, passphrase=choices.passphrase, use_keyring=self.use_keyring)
        store.login(choices.owner_username, choices.owner_password)
        result.store = store
        self.result_info = result
        self.store = store
        return store

    def reject(self) -> None:
        runner = self.work_page.runner
        if runner is not None and runner.isRunning():
            return                              # the store is being written; wait for it
        if self.store is not None:              # created already: leaving keeps it
            self.accept()
            return
        super().reject()
