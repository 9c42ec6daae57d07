"""Where an import's errors go: a CSV file written as they are found, and a bitmap of the bad lines, so a file
of a million bad rows costs disk, not memory.

The errors file (``NAME.errors.csv`` beside the imported file, or in a folder the caller names) holds the
line, the column as headed in the file and the problem: never a cell's content, so it holds no personal
data. When the folder beside the file cannot be written (a read-only share), it goes to the temporary
folder instead, and the report says where.
"""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError
from pharmadesk.io.csv_source import RowError
from pharmadesk.io.safe_cells import neutralise


def errors_file_for(path: str | Path, errors_dir: str | Path | None = None) -> Path:
    """Where the import of ``path`` writes its errors: ``NAME.errors.csv`` beside it, or in ``errors_dir``."""
    path = Path(path)
    return (Path(errors_dir) if errors_dir else path.parent) / f"{path.stem}.errors.csv"


def remove_stale(path: Path) -> None:
    """Delete an errors file an earlier run left: it would describe another version of the file."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


class ErrorSink:
    """The errors file, opened at the first error: one CSV row (line, column, problem) per error."""

    def __init__(self, path: Path, fall_back: bool = True) -> None:
        try:
            self._handle = path.open("w", encoding="utf-8-sig", newline="")
        except OSError:
            if not fall_back:
                raise ValidationError(QT_TRANSLATE_NOOP(
                    "import", "The errors file cannot be written there; choose another folder for it.")) from None
            path = Path(tempfile.gettempdir()) / path.name
            self._handle = path.open("w", encoding="utf-8-sig", newline="")
        self.path = path
        self._writer = csv.writer(self._handle)
        self._writer.writerow(["line", "column", "problem"])

    def write(self, error: RowError) -> None:
        self._writer.writerow([error.line, neutralise(error.column or ""), neutralise(error.message)])

    def close(self) -> None:
        self._handle.close()


class LineSet:
    """A set of line numbers as a bitmap: a million bad lines cost 125 kB, not the 60 MB of a set of ints."""

    def __init__(self) -> None:
        self._bits = bytearray()
        self._count = 0

    def add(self, line: int) -> None:
        index, mask = line >> 3, 1 << (line & 7)
        if index >= len(self._bits):
            self._bits.extend(bytes(index + 1 - len(self._bits) + len(self._bits) // 2))
        if not self._bits[index] & mask:
            self._bits[index] |= mask
            self._count += 1

    def __contains__(self, line: int) -> bool:
        index = line >> 3
        return index < len(self._bits) and bool(self._bits[index] & (1 << (line & 7)))

    def __len__(self) -> int:
        return self._count
