"""docs/user-guide.md stays true to the program: its links resolve and its key table matches the keys."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "user-guide.md"


def test_every_local_link_and_picture_exists():
    text = GUIDE.read_text(encoding="utf-8")
    targets = [t for t in re.findall(r"\]\(([^)#\s]+)", text) if not t.startswith("http")]
    assert any(t.startswith("screenshots/") for t in targets)
    for target in targets:
        assert (GUIDE.parent / target).exists(), target


def test_till_function_keys_are_in_the_shortcut_table():
    source = (ROOT / "pharmadesk" / "ui" / "till" / "till_page.py").read_text(encoding="utf-8")
    keys = set(re.findall(r'\("(F\d+)", self\.tr\(', source))
    assert keys == {"F3", "F4", "F5", "F6", "F7", "F8", "F9", "F12"}
    table = {row.split("|")[1].strip() for row in GUIDE.read_text(encoding="utf-8").splitlines()
             if row.startswith("| ") and row.count("|") == 4}
    assert keys <= table
    assert {"F1", "Ctrl+L", "Ctrl+,"} <= table


def test_the_guide_covers_care_reorder_and_head_office():
    text = GUIDE.read_text(encoding="utf-8")
    assert "**Care**" in text and "**Reorder**" in text
    assert "## Head-office export" in text and "Settings → Head-office export" in text
    assert "Store → Staff" in text
