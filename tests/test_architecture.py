"""The layers stay apart: every module imports, and its static imports (those inside functions too) respect
the direction of the layers: no cycle among cli, analytics, ui and reports; nothing but the entry points
reaches into the CLI; only the UI and the entry points reach into pharmadesk.ui; the domain and the
analytics are free of Qt."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "pharmadesk"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imported(module: str, path: Path) -> set[str]:
    """Every module ``module`` imports anywhere in its source (absolute names; ``from a import b`` counts as
    ``a.b`` when that is a module of ours, else ``a``)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return found


# Imports that break a rule and are being removed by a change under way. Left out of the checks below;
# delete an entry with its import.
PENDING: set[tuple[str, str]] = set()
FOUND = {module: _imported(module, path) for module, path in MODULES.items()}
GRAPH = {module: {name for name in names if (module, name) not in PENDING} for module, names in FOUND.items()}


def _layer(module: str) -> str | None:
    """The top-level part of pharmadesk a module of ours belongs to (``pharmadesk.ui.app`` -> ``ui``)."""
    parts = module.split(".")
    return parts[1] if parts[0] == "pharmadesk" and len(parts) > 1 else None


def _reaches(start: str, goal: str, edges: dict[str, set[str]]) -> bool:
    seen, todo = {start}, [start]
    while todo:
        for nxt in edges.get(todo.pop(), ()):
            if nxt == goal:
                return True
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return False


def _offenders(under: str, forbidden: str) -> list[str]:
    return sorted(f"{module} imports {name}" for module, names in GRAPH.items()
                  if module == f"pharmadesk.{under}" or module.startswith(f"pharmadesk.{under}.")
                  for name in names if name == forbidden or name.startswith(forbidden + "."))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_imports(module):
    importlib.import_module(module)


def test_pending_exceptions_are_still_there():
    """An exception to the rules goes from ``PENDING`` as soon as its import goes."""
    assert sorted(pair for pair in PENDING if pair[1] not in FOUND.get(pair[0], ())) == []


def test_the_graph_sees_imports_inside_functions_and_relative_ones():
    assert "pharmadesk.ui.app" in GRAPH["pharmadesk.cli.main"]            # inside a function
    assert "pharmadesk.reports.document" in GRAPH["pharmadesk.cli.report_commands"]
    assert "pharmadesk.i18n" in GRAPH["pharmadesk.ui.app"]


def test_no_cycle_among_cli_analytics_ui_and_reports():
    layers: dict[str, set[str]] = {}
    for module, names in GRAPH.items():
        for name in names:
            if _layer(name) and _layer(module) and _layer(name) != _layer(module):
                layers.setdefault(_layer(module), set()).add(_layer(name))
    watched = ("analytics", "cli", "reports", "ui")
    cycles = sorted((a, b) for a in watched for b in watched
                    if a < b and _reaches(a, b, layers) and _reaches(b, a, layers))
    assert cycles == []


def test_the_main_window_does_not_import_the_program_start():
    """ui/app.py starts the program and opens the main window; nothing the window imports leads back."""
    assert _reaches("pharmadesk.ui.app", "pharmadesk.ui.main_window", GRAPH)
    assert not _reaches("pharmadesk.ui.main_window", "pharmadesk.ui.app", GRAPH)


@pytest.mark.parametrize("under", ["analytics", "ui", "reports", "core"])
def test_nothing_but_the_entry_points_imports_the_cli(under):
    assert _offenders(under, "pharmadesk.cli") == []


@pytest.mark.parametrize("under", ["core", "analytics", "reports"])
def test_only_the_ui_imports_the_ui(under):
    assert _offenders(under, "pharmadesk.ui") == []


@pytest.mark.parametrize("under", ["core", "analytics"])
def test_domain_and_analytics_are_free_of_qt(under):
    assert _offenders(under, "PySide6") == []


def test_documents_are_not_widgets():
    """reports/ prints through QTextDocument, QPrinter and QPainter; windows and dialogs stay in ui/."""
    assert _offenders("reports", "PySide6.QtWidgets") == []
    assert _offenders("i18n", "PySide6.QtWidgets") == []
