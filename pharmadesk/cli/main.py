"""The ``pharmadesk`` command: the same use cases as the program, for scripts and schedulers.

Every command takes ``--store DIR`` (default: the store in the user's data folder, or
``$PHARMADESK_STORE``); the options every command shares are defined once in
:mod:`pharmadesk.cli.options`, and each subject's commands live in a module of their own.
Secrets never go on the command line. Errors print a plain message, no traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from pharmadesk import __version__
from pharmadesk.cli import (
    analytics, data_commands, headoffice_commands, promotion_commands, quality_commands, report_commands,
    store_commands,
)
from pharmadesk.cli.options import add_store
from pharmadesk.errors import PharmaDeskError
from pharmadesk.paths import demo_store_dir


def cmd_gui(args) -> int:
    """Start the desktop program on the store (or, with --demo, on the demo store built on first use)."""
    from pharmadesk.ui.app import run

    if args.demo:
        return run(demo_store_dir(), demo=True)
    return run(Path(args.store))


def cmd_self_test(args) -> int:
    """Check this installation (Qt, SQLCipher, translations, style, a sale, the audit) on a throwaway store."""
    from pharmadesk.cli.selftest import run_self_test

    return run_self_test()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pharmadesk", description="PharmaDesk pharmacy store program.")
    parser.add_argument("--version", action="version", version=f"PharmaDesk {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the demo store (built on first use)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation on a throwaway demo store and exit (0: all good)")
    add_store(parser)
    sub = parser.add_subparsers(dest="command")
    for module in (store_commands, data_commands, report_commands, analytics, headoffice_commands,
                   promotion_commands, quality_commands):
        module.add_commands(sub)
    return parser


def _start_logging() -> None:
    """The rotating log file in the platform's log folder (see pharmadesk.logs); a command still runs
    when that folder cannot be written."""
    from pharmadesk.logs import setup_logging

    try:
        setup_logging()
    except OSError:
        pass


def _stop_logging() -> None:
    from pharmadesk.logs import stop_logging

    stop_logging()


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    func = cmd_self_test if args.self_test else getattr(args, "func", cmd_gui)
    _start_logging()
    try:
        return func(args)
    except PharmaDeskError as exc:
        logging.getLogger(__name__).warning("command %s failed: %s", args.command, type(exc).__name__)
        print(f"pharmadesk: {exc}", file=sys.stderr)
        if getattr(exc, "latest_backup", None):
            print(f"pharmadesk: to restore it: pharmadesk restore {exc.latest_backup} --store {args.store}",
                  file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\npharmadesk: interrupted; nothing half-written was kept.", file=sys.stderr)
        return 130
    finally:
        _stop_logging()


if __name__ == "__main__":
    sys.exit(main())
