"""What every ``pharmadesk`` command shares: the common options, defined once, and opening the store.

Secrets never go on the command line: the recovery passphrase comes from ``$PHARMADESK_PASSPHRASE``
or a prompt, a user's password from ``$PHARMADESK_PASSWORD`` or a prompt.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import date
from pathlib import Path

from pharmadesk import env
from pharmadesk.errors import StoreLockedError
from pharmadesk.paths import default_store_dir

FORMATS = ("table", "csv", "json")


def iso_date(text: str) -> date:
    """argparse type: a calendar date written YYYY-MM-DD."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date as YYYY-MM-DD") from None


def add_store(parser: argparse.ArgumentParser) -> None:
    """``--store DIR``: the store folder (default ``$PHARMADESK_STORE`` or the user's data folder)."""
    default = os.environ.get(env.STORE) or str(default_store_dir())
    parser.add_argument("--store", default=default, help="store folder (default: %(default)s)")


def add_user(parser: argparse.ArgumentParser, role: str = "owner") -> None:
    """``--user NAME``: who runs the command; the password comes from ``$PHARMADESK_PASSWORD`` or a prompt."""
    parser.add_argument("--user", default="owner",
                        help=f"who runs it (needs the {role} role; default %(default)s; "
                             f"password from ${env.PASSWORD} or a prompt)")


def add_format(parser: argparse.ArgumentParser, choices: tuple[str, ...] = FORMATS) -> None:
    """``--format``: how a table is printed."""
    parser.add_argument("--format", choices=choices, default=choices[0], help="output format (default %(default)s)")


def add_folder_run(parser: argparse.ArgumentParser, flag: str, folder_help: str, remember_help: str) -> None:
    """The options of a command that writes into a folder it can remember (``backup``, ``export
    headoffice``): the folder ``flag``, ``--remember``, ``--user`` and ``--quiet``; see :func:`run_into_folder`."""
    parser.add_argument(flag, help=folder_help)
    parser.add_argument("--remember", action="store_true", help=remember_help)
    add_user(parser)
    parser.add_argument("--quiet", action="store_true", help="no progress line")


def add_as_of(parser: argparse.ArgumentParser) -> None:
    """``--as-of YYYY-MM-DD``: compute as if today were that date (how analyses are backtested)."""
    parser.add_argument("--as-of", type=iso_date, default=None,
                        help="compute as if today were this date, using only data from before it (default: today)")


def secret(variable: str, prompt: str, confirm: bool = False, hint: str = "") -> str:
    """A secret from the environment variable, else asked in the terminal (twice with ``confirm``); ``hint``
    is added to the message when neither is possible."""
    value = os.environ.get(variable)
    if value:
        return value
    if not sys.stdin.isatty():
        raise SystemExit(f"pharmadesk: set {variable} or run this command in a terminal to be asked.{hint}")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Type it again: ") != value:
        raise SystemExit("pharmadesk: the two entries differ; nothing was changed.")
    return value


def open_store(args, login: bool = False):
    """Open ``args.store`` (keyring, ``$PHARMADESK_PASSPHRASE`` or a prompt) and log ``args.user`` in."""
    from pharmadesk.core.store import Store

    try:
        store = Store.open(args.store)
    except StoreLockedError as exc:
        if os.environ.get(env.PASSPHRASE) or not sys.stdin.isatty():
            raise
        print(exc, file=sys.stderr)
        store = Store.open(args.store, passphrase=getpass.getpass("Recovery passphrase: "))
    if login:
        try:
            store.login(args.user, secret(env.PASSWORD, f"Password for {args.user}: ", hint=(
                f" The command runs as user {args.user!r}; choose the user with --user NAME and give that user's "
                f"password in {env.PASSWORD}, e.g. {env.PASSWORD}=... pharmadesk ... --user NAME.")))
        except BaseException:
            store.close()
            raise
    return store


def run_into_folder(args, folder: str | None, flag: str, setting: str, work):
    """Open the store as ``--user`` and return ``work(store, progress)``; with ``--remember`` first save
    ``folder`` (given as ``flag``) as the setting ``setting``. The progress line is ended either way."""
    store = open_store(args, login=True)
    try:
        if args.remember:
            if not folder:
                raise SystemExit(f"pharmadesk: --remember needs {flag} DIR.")
            store.set_setting(setting, str(Path(folder).expanduser().resolve()))
        return work(store, progress_unless(args.quiet))
    finally:
        if not args.quiet:
            print(file=sys.stderr)
        store.close()


def progress(fraction: float, stage: str) -> None:
    """A one-line progress display on stderr."""
    print(f"\r{fraction:6.1%}  {stage:<40}", end="", file=sys.stderr, flush=True)


def progress_unless(quiet: bool):
    """:func:`progress`, or None when the command was asked to be quiet."""
    return None if quiet else progress
