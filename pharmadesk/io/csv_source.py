"""Reading a CSV file for import: its encoding, its delimiter, and its rows one at a time.

The encoding is certain for UTF-16 with a BOM and for UTF-8 (with or without BOM). Anything else is
guessed from the first megabyte with charset-normalizer, and a guess is taken only when it is safe:

- text whose double-byte pairs are nearly all (≥ 90 %) in GB2312's range is Chinese Excel's GB18030
  (a Western file read as GB18030 turned 'Crème' into 'Cr鑝e': an accented letter followed by a plain one
  is never a GB2312 pair);
- otherwise every candidate charset-normalizer finds readable must give the same text.

Any other file is refused with :data:`UNSURE_ENCODING`, which asks for the encoding; a caller then passes
``encoding=`` (``--encoding`` on the command line, the encoding choice in the import dialog).

Rows are read as a stream (a 1,000,000-row file is never held in memory); a byte that the encoding cannot
read, or a quote never closed, stops the reading with a :class:`FileProblem` naming the line.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from pharmadesk.errors import QT_TRANSLATE_NOOP, ValidationError

SAMPLE_BYTES = 1 << 20
DELIMITERS = (",", ";", "\t")
GB_SAMPLE_BYTES = 256 * 1024   # enough pairs to judge, few enough for a quick preview
GB2312_SHARE = 0.9          # share of double-byte pairs in GB2312's range that makes a file Chinese text
MAX_CHAOS = 0.2             # charset-normalizer's "mess" above which a reading is not a candidate
PREVIEW_ROWS = 5
_CHUNK = 1 << 20

UNSURE_ENCODING = QT_TRANSLATE_NOOP(
    "import", "The file is not UTF-8 text (first unreadable byte on this line) and its encoding cannot be told "
              "for sure (it may be {guess}). Choose the encoding it was saved in (the import's encoding choice, or "
              "--encoding): cp1252 for Western European Excel, gb18030 for Chinese Excel.")


@dataclass(frozen=True)
class RowError:
    line: int                 # physical line in the file; the header is line 1
    column: str | None        # the column as headed in the file, or None for the whole row
    message: str              # what is wrong; never the cell's content


class FileProblem(Exception):
    """The file as a whole cannot be read: one error, nothing imported."""

    def __init__(self, line: int, message: str, column: str | None = None) -> None:
        super().__init__(message)
        self.error = RowError(line, column, message)


@dataclass(frozen=True)
class CsvPreview:
    """The first rows of a file as they would be imported, for the import dialog."""

    encoding: str | None          # None: the encoding could not be told (see ``problem``)
    detected: bool                # True: guessed from the bytes, False: chosen by the caller
    header: list[str]
    rows: list[list[str]]
    problem: RowError | None


def codec_name(encoding: str) -> str:
    """The codec's canonical name; an unknown encoding is refused."""
    try:
        return codecs.lookup(encoding.strip()).name
    except (LookupError, AttributeError):
        raise ValidationError(QT_TRANSLATE_NOOP(
            "import", "Unknown encoding; use a name such as utf-8, gb18030 or cp1252.")) from None


def _gb2312_share(sample: bytes) -> float:
    """The share of the sample's non-ASCII byte pairs that fall in GB2312's range (both bytes 0xA1-0xFE)."""
    pairs = gb2312 = 0
    i, end = 0, len(sample) - 1
    while i < end:
        byte = sample[i]
        if byte < 0x80:
            i += 1
            continue
        pairs += 1
        if 0xA1 <= byte <= 0xF7 and 0xA1 <= sample[i + 1] <= 0xFE:
            gb2312 += 1
        i += 4 if 0x30 <= sample[i + 1] <= 0x39 else 2       # GB18030's four-byte form
    return gb2312 / pairs if pairs else 0.0


def _first_bad_line(sample: bytes) -> int:
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return 1
    except UnicodeDecodeError as exc:
        return sample.count(b"\n", 0, exc.start) + 1


def detect_encoding(sample: bytes) -> str:
    """The encoding of a file starting with ``sample``; a :class:`FileProblem` when it cannot be told safely."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8-sig"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(sample) if m.chaos <= MAX_CHAOS]
    names = {codec_name(m.encoding) for m in matches}
    if names & {"gb18030", "gbk", "gb2312"} and _gb2312_share(sample[:GB_SAMPLE_BYTES]) >= GB2312_SHARE:
        return "gb18030"
    if matches and len({sample.decode(m.encoding, errors="replace") for m in matches}) == 1:
        return codec_name(matches[0].encoding)
    guess = ", ".join(sorted(names)[:3]) or "unknown"
    raise FileProblem(_first_bad_line(sample), UNSURE_ENCODING.format(guess=guess))


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the header line most often (comma on a tie)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    return max(DELIMITERS, key=lambda d: (unquoted.count(d), d == ","))


def _read_sample(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(SAMPLE_BYTES)


class CsvSource:
    """A CSV file read row by row: ``with CsvSource(path) as source: for line, cells in source.rows()``.

    Opening it reads only the first megabyte (encoding and delimiter); :meth:`scan` reads the whole file once.
    """

    def __init__(self, path: str | Path, encoding: str | None = None) -> None:
        self.path = Path(path)
        sample = _read_sample(self.path)
        self.detected = encoding is None
        self.encoding = detect_encoding(sample) if encoding is None else codec_name(encoding)
        if self.encoding in ("utf-8", "utf_8") and sample.startswith(codecs.BOM_UTF8):
            self.encoding = "utf-8-sig"
        text = codecs.getincrementaldecoder(self.encoding)(errors="replace").decode(sample, final=False)
        if not text.lstrip("\ufeff").strip():
            raise FileProblem(1, QT_TRANSLATE_NOOP("import", "The file is empty."))
        self.delimiter = sniff_delimiter(text.lstrip("\ufeff"))
        self._binary = None
        self._reader = None

    def scan(self) -> tuple[str, int]:
        """The file's SHA-256 and its number of data lines (an estimate for progress: a quoted value may
        span lines), in one streaming pass."""
        digest, lines, last = hashlib.sha256(), 0, b"\n"
        with self.path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                lines += chunk.count(b"\n")
                last = chunk[-1:]
        return digest.hexdigest(), max(0, lines + (last != b"\n") - 1)

    def __enter__(self) -> "CsvSource":
        self._binary = self.path.open("rb")
        text = io.TextIOWrapper(self._binary, encoding=self.encoding, errors="strict", newline="")
        self._reader = csv.reader(text, delimiter=self.delimiter, strict=True)
        return self

    def __exit__(self, *exc) -> None:
        self._binary.close()

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        """(first physical line, cells) of every row that is not blank, the header included."""
        reader = self._reader
        while True:
            start = reader.line_num + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error:
                raise FileProblem(reader.line_num, QT_TRANSLATE_NOOP(
                    "import", "This line cannot be read as CSV (a quote is not closed, or a value is far too long)."
                )) from None
            except UnicodeDecodeError:
                raise FileProblem(self._first_undecodable_line(), QT_TRANSLATE_NOOP(
                    "import", "From this line on the file cannot be read in the encoding chosen or detected "
                              "({encoding}); choose the encoding it was saved in.").format(
                    encoding=self.encoding)) from None
            if any(cell.strip() for cell in cells):
                yield start, cells


    def _first_undecodable_line(self) -> int:
        """The line of the first byte the encoding cannot read (the text layer reads ahead, so the CSV
        reader's line is not it)."""
        decoder = codecs.getincrementaldecoder(self.encoding)()
        lines = 1
        with self.path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    return lines + chunk.count(b"\n", 0, max(0, exc.start))
                lines += chunk.count(b"\n")
        return lines


def preview(path: str | Path, encoding: str | None = None, rows: int = PREVIEW_ROWS) -> CsvPreview:
    """The header and the first ``rows`` rows of ``path`` in the encoding chosen or detected."""
    path = Path(path)
    try:
        source = CsvSource(path, encoding)
    except FileProblem as problem:
        return CsvPreview(None if encoding is None else codec_name(encoding), encoding is None, [], [],
                          problem.error)
    text = codecs.getincrementaldecoder(source.encoding)(errors="replace").decode(_read_sample(path), final=False)
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=source.delimiter)
    found: list[list[str]] = []
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                found.append(cells)
            if len(found) > rows:
                break
    except csv.Error:
        pass                        # the import reports the line; the preview shows what came before
    return CsvPreview(source.encoding, source.detected, found[0] if found else [], found[1:], None)
