"""Every PHARMADESK_* environment variable is named once, in pharmadesk/env.py; code elsewhere uses its constants."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from pharmadesk import env

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"PHARMADESK_[A-Z0-9_]+")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def spelled_variables(path: Path) -> list[tuple[int, str]]:
    """String literals in ``path`` that are exactly a PHARMADESK_* name (docstrings and comments may mention them)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
            and NAME.fullmatch(node.value)]


def test_only_env_module_spells_an_environment_variable():
    offenders = [f"{path.relative_to(ROOT)}:{line}: {value}"
                 for folder in ("pharmadesk", "tests", "benchmarks", "scripts")
                 for path in sorted((ROOT / folder).rglob("*.py"))
                 if path != ROOT / "pharmadesk" / "env.py"
                 for line, value in spelled_variables(path)]
    assert offenders == []


def test_the_scan_finds_a_spelled_variable(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('"""Reads $PHARMADESK_STORE."""\nimport os\n# PHARMADESK_STORE in a comment\n'
                      'folder = os.environ.get("PHARMADESK_STORE")\n', encoding="utf-8")
    assert spelled_variables(sample) == [(4, env.STORE)]


def test_env_module_names_each_variable_once():
    names = [value for key, value in vars(env).items() if key.isupper() and isinstance(value, str)]
    assert all(NAME.fullmatch(name) for name in names)
    assert len(names) == len(set(names))
    assert set(env.ALL) <= set(names)
