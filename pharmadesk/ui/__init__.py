"""The PharmaDesk desktop program (PySide6, plain Qt widgets).

The UI only calls :class:`pharmadesk.core.store.Store` methods: it issues no SQL and
re-implements no rule. Every visible string goes through ``tr()`` /
``QCoreApplication.translate`` so the program can be translated.

Modules:

- ``app``          :func:`pharmadesk.ui.app.run` — QApplication, translator, unlock, login, main window;
                   builds the demo store in a worker thread on first use.
- ``login``        the login dialog and the recovery-passphrase dialog.
- ``main_window``  the shell: navigation by role, status bar, idle auto-lock.
- ``idle``         the application-wide activity filter and the lock screen.
- ``common``       error messages, money fields, the overridable dialog runner.
- ``approval``     a colleague's user name + PIN, turned into a store ``Approval``.
- ``till/``        the sales counter: scan field, cart, payment, prescription, member,
                   receipt, suspend/resume, returns.
- ``day_close``    the day close (X / Z report) page.

Dialogs are opened through ``page.exec_dialog(dialog) -> bool`` so tests can drive
them (set fields, ``accept()``) without a blocking ``exec()``.
"""
