"""No module of pharmadesk uses another module's ``_private`` name: ledger postings and validators
that other modules need are public ("call inside a transaction; no permission check of its own")."""

from __future__ import annotations

import ast
from pathlib import Path

import pharmadesk

ROOT = Path(pharmadesk.__file__).parent


def _own_private_names(tree: ast.AST) -> set[str]:
    """The ``_names`` a module defines itself: functions, classes, methods and attributes it assigns."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return {name for name in names if name.startswith("_")}


def foreign_private_uses(source: str) -> list[str]:
    """``obj._name`` (obj not self/cls) and ``from m import _name`` where this module does not define ``_name``."""
    tree = ast.parse(source)
    own = _own_private_names(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found += [f"line {node.lineno}: from {node.module} import {alias.name}" for alias in node.names
                      if alias.name.startswith("_") and not alias.name.startswith("__")]
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.startswith("__"):
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            if node.attr not in own:
                found.append(f"line {node.lineno}: {ast.unparse(node)}")
    return found


def test_the_check_finds_a_foreign_private_name():
    assert foreign_private_uses("store.members._row(1)\n") == ["line 1: store.members._row"]
    assert foreign_private_uses("from pharmadesk.core.stock import _move\n") == [
        "line 1: from pharmadesk.core.stock import _move"]
    assert foreign_private_uses("class A:\n    def _x(self):\n        return other._x\n") == []


def test_no_module_uses_another_modules_private_names():
    problems = {}
    for path in sorted(ROOT.rglob("*.py")):
        found = foreign_private_uses(path.read_text(encoding="utf-8"))
        if found:
            problems[str(path.relative_to(ROOT))] = found
    assert problems == {}
