"""The wheel must contain every package: pyproject lists them by hand (see the comment there)."""

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "pharmadesk").rglob("__init__.py")
    } | {"pharmadesk.resources"}
    assert on_disk == listed


def test_migrations_and_style_sheet_are_package_data():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    assert "migrations/*.sql" in data["pharmadesk.db"]
    assert any(pattern.endswith(".qss") for pattern in data["pharmadesk.resources"])
    assert (ROOT / "resources" / "style" / "pharmadesk.qss").exists()


def test_the_cjk_font_and_its_licence_are_package_data():
    """Chinese renders from the installed wheel too: every file of resources/fonts matches a package-data pattern."""
    patterns = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"][
        "pharmadesk.resources"]
    files = sorted(path.relative_to(ROOT / "resources").as_posix() for path in (ROOT / "resources" / "fonts").iterdir())
    assert any(name.endswith(".ttf") for name in files) and "fonts/OFL.txt" in files
    assert [name for name in files if not any(fnmatch.fnmatch(name, pattern) for pattern in patterns)] == []
