"""Issue 17 item 5: a cp1252 CSV was imported as GB18030 ('Crème' stored as 'Cr鑝e', exit 0). The encoding is
now detected only when the guess is safe; otherwise the import asks for it, and the preview shows the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pharmadesk import env
from pharmadesk.cli.main import main as cli_main
from pharmadesk.errors import ValidationError
from conftest import PASSPHRASE, PASSWORDS, table_snapshot

DATA = Path(__file__).resolve().parents[1] / "data"
PRODUCTS = ("barcode,name,category,legal_class,price\n"
            "6901234560015,Crème hydratante,otc,otc,12.50\n"
            "6901234560022,Pâte à l'eau,otc,otc,3.00\n")
MEMBERS = "name,phone\n" + "".join(f"Jérôme Dupré {i},1380013{i:04d}\n" for i in range(50))


def _file(tmp_path, name, text, encoding) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture
def cli_env(monkeypatch):
    monkeypatch.setenv(env.PASSPHRASE, PASSPHRASE)
    monkeypatch.setenv(env.PASSWORD, PASSWORDS["owner"])
    monkeypatch.setattr("pharmadesk.db.keys._keyring", lambda: None)


@pytest.mark.parametrize("kind, text", [("products", PRODUCTS), ("members", MEMBERS)])
def test_a_cp1252_file_is_refused_with_a_request_for_the_encoding(store, tmp_path, kind, text):
    before = table_snapshot(store)
    report = store.imports.csv(kind, _file(tmp_path, "legacy.csv", text, "cp1252"), skip_invalid=True)
    assert not report.applied and report.imported == 0
    assert [(e.line, e.column) for e in report.errors] == [(2, None)]
    assert "encoding" in report.errors[0].message and "--encoding" in report.errors[0].message
    assert table_snapshot(store) == before


def test_with_the_encoding_given_the_text_is_kept(store, tmp_path):
    report = store.imports.csv("products", _file(tmp_path, "legacy.csv", PRODUCTS, "cp1252"), encoding="cp1252")
    assert report.applied and report.imported == 2 and report.encoding == "cp1252"
    assert store.catalog.by_barcode("6901234560015").name == "Crème hydratante"
    assert store.catalog.by_barcode("6901234560022").name == "Pâte à l'eau"


def test_the_command_refuses_then_imports_with_encoding(store_dir, tmp_path, cli_env, capsys):
    path = _file(tmp_path, "legacy.csv", PRODUCTS, "cp1252")
    assert cli_main(["import", "products", str(path), "--store", str(store_dir)]) == 1
    err = capsys.readouterr().err
    assert "--encoding" in err and "cannot be read as it is" in err
    assert cli_main(["import", "products", str(path), "--store", str(store_dir), "--encoding", "cp1252"]) == 0
    assert "Imported 2 of 2 products rows" in capsys.readouterr().out
    with pytest.raises(SystemExit):         # not a PharmaDeskError: a plain message and exit status 1
        raise SystemExit(cli_main(["import", "products", str(path), "--store", str(store_dir),
                                   "--encoding", "no-such-codec"]))
    assert "Unknown encoding" in capsys.readouterr().err


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_files_that_imported_before_still_import(store, tmp_path, encoding):
    text = "名称,条码,category,legal_class,售价\n布洛芬缓释胶囊,6901234560015,otc,otc,12.50\nCrème,6901234560022,otc,otc,3\n"
    if encoding == "gb18030":
        text = text.replace("Crème", "阿莫西林胶囊")           # GB18030 files from Chinese Excel hold Chinese text
    report = store.imports.csv("products", _file(tmp_path, "p.csv", text, encoding))
    assert report.applied and report.imported == 2, report.errors
    assert store.catalog.by_barcode("6901234560015").name == "布洛芬缓释胶囊"


def test_a_short_gb18030_member_file_and_the_bundled_sample_import(store, tmp_path):
    assert store.imports.csv("members", _file(tmp_path, "m.csv", "姓名,手机\n陈美,13800138000\n", "gb18030")).applied
    report = store.imports.csv("members", DATA / "members_gb18030.csv")
    assert report.applied and report.encoding == "gb18030"


def test_a_file_that_changes_encoding_after_the_first_megabyte_stops_at_that_line(store, tmp_path):
    # 1.3 MB of plain UTF-8 in 10,000 rows: an old system's export with a wide column the import ignores
    note = "Moved from the old till; loyalty card re-issued at the counter. " * 2
    rows = "".join(f"Member {i:06d},1{i:010d},{note}\n" for i in range(10_000))
    path = tmp_path / "m.csv"
    path.write_bytes(b"name,phone,old_system_note\n" + rows.encode() + "Zoë,13999999999,\n".encode("cp1252"))
    assert len(rows.encode()) > 1_200_000
    before = table_snapshot(store)
    report = store.imports.csv("members", path, skip_invalid=True)
    assert not report.applied and report.errors[-1].line == 10_002
    assert "utf-8" in report.errors[-1].message
    assert table_snapshot(store) == before


def test_preview_shows_the_first_rows_as_they_would_be_imported(store, tmp_path):
    path = _file(tmp_path, "legacy.csv", PRODUCTS, "cp1252")
    unsure = store.imports.preview(path)
    assert unsure.problem is not None and unsure.rows == [] and unsure.detected
    chosen = store.imports.preview(path, "cp1252")
    assert chosen.problem is None and chosen.encoding == "cp1252" and not chosen.detected
    assert chosen.header[:2] == ["barcode", "name"] and [r[1] for r in chosen.rows] == ["Crème hydratante",
                                                                                        "Pâte à l'eau"]
    many = _file(tmp_path, "many.csv", MEMBERS, "utf-8")
    assert len(store.imports.preview(many).rows) == 5
    with pytest.raises(ValidationError):
        store.imports.preview(path, "no-such-codec")


def test_preview_needs_the_import_permission(open_store, tmp_path):
    from pharmadesk.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        open_store("cashier").imports.preview(_file(tmp_path, "m.csv", MEMBERS, "utf-8"))
