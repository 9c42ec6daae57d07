"""The words a product can be found by at the till, and the pinyin behind them.

Counter staff find a product by any word of its brand name, generic name or manufacturer, by its
barcode, and for Chinese names by the characters themselves (布洛), the pinyin initials (the 助记码
"blfhs" for 布洛芬缓释胶囊) or the full pinyin ("buluofen"). This module turns a product's text into
those search terms, all in lower case:

- every word of Latin letters and digits: "Digital Thermometer" -> "digital", "thermometer";
- for every run of Chinese characters, from each character on: the characters, their initials and their
  full pinyin (布洛芬 -> "布洛芬", "洛芬", "芬", "blf", "lf", "f", "buluofen", "luofen", "fen"), so a
  typed "缓释" or "hs" finds 布洛芬缓释胶囊 too;
- the whole text's pinyin initials with its Latin letters and digits kept ("999感冒灵" -> "999gml");
- the barcode.

A typed word matches a term it is a prefix of; the catalogue's search (:meth:`Catalog.search`) needs every
typed word to match and ranks the results. Pinyin comes from the maintained ``pypinyin`` library, which
picks the most common reading of a character with several (a heteronym) from the phrase around it; it is
imported only when a text holds Chinese characters, so an English-only store never loads its dictionaries.

The derived data lives in ``products.pinyin_initials`` and the ``product_search_terms`` table
(migration 0009); :func:`index_product` keeps one product's rows current inside the caller's transaction,
and :func:`index_all` (also the migration's Python step) rebuilds them all.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from pharmadesk.db.connection import Database

# CJK unified ideographs: extension A, the basic block, compatibility ideographs.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_WORD = re.compile(rf"[{_HAN}]+|[^\W_{_HAN}]+")
_HAN_RUN = re.compile(rf"^[{_HAN}]+$")
MAX_TERM = 64           # longer terms are cut: a typed word of 64 characters is a prefix of the cut term


def words(text: str | None) -> list[str]:
    """The lower-case words of ``text``: runs of Chinese characters, and runs of other letters and digits."""
    return [word.casefold() for word in _WORD.findall(text or "")]


def is_chinese(word: str) -> bool:
    return bool(_HAN_RUN.match(word))


def _syllables(run: str) -> list[str]:
    """The full pinyin of each character of a run of Chinese characters (tone marks dropped)."""
    from pypinyin import Style, lazy_pinyin

    syllables = lazy_pinyin(run, style=Style.NORMAL)
    if len(syllables) != len(run):      # a character without pinyin came back merged: go one by one
        syllables = [lazy_pinyin(ch, style=Style.NORMAL)[0] for ch in run]
    return [s.casefold() for s in syllables]


def pinyin_initials(text: str | None) -> str | None:
    """The 助记码 of a text with Chinese characters: each character's pinyin initial, Latin letters and digits
    kept, everything else dropped ("布洛芬缓释胶囊" -> "blfhsjn", "999感冒灵颗粒" -> "999gmlkl"); None for a text
    without Chinese characters, whose words are found as they are."""
    parts = words(text)
    if not any(is_chinese(word) for word in parts):
        return None
    return "".join("".join(s[0] for s in _syllables(word)) if is_chinese(word) else word for word in parts)


def text_terms(text: str | None) -> set[str]:
    """The search terms of one text field (see the module docstring)."""
    terms: set[str] = set()
    for word in words(text):
        if not is_chinese(word):
            terms.add(word)
            continue
        syllables = _syllables(word)
        for i in range(len(word)):
            terms.add(word[i:])
            terms.add("".join(s[0] for s in syllables[i:]))
            terms.add("".join(syllables[i:]))
    initials = pinyin_initials(text)
    if initials:
        terms.add(initials)
    return terms


def product_terms(name: str | None, generic_name: str | None = None, manufacturer: str | None = None,
                  barcode: str | None = None) -> set[str]:
    """Every term a product is found by, each at most :data:`MAX_TERM` characters."""
    terms = text_terms(name) | text_terms(generic_name) | text_terms(manufacturer)
    if barcode:
        terms.add(barcode.strip().casefold())
    return {term[:MAX_TERM] for term in terms if term}


def query_words(text: str | None) -> list[str]:
    """The words a typed query must all match (each a prefix of some term), in order, without repeats."""
    return list(dict.fromkeys(word[:MAX_TERM] for word in words(text)))


# -- keeping the derived rows current ---------------------------------------------------------------------------

_SOURCE = "SELECT id, name, generic_name, manufacturer, barcode FROM products"


def _write(db: "Database", rows: Iterable[dict]) -> int:
    count = 0
    for row in rows:
        db.execute("UPDATE products SET pinyin_initials = ? WHERE id = ?", (pinyin_initials(row["name"]), row["id"]))
        db.execute("DELETE FROM product_search_terms WHERE product_id = ?", (row["id"],))
        db.conn.executemany(
            "INSERT INTO product_search_terms (term, product_id) VALUES (?, ?)",
            [(term, row["id"]) for term in sorted(product_terms(
                row["name"], row["generic_name"], row["manufacturer"], row["barcode"]))])
        count += 1
    return count


def index_product(db: "Database", product_id: int) -> None:
    """Recompute one product's pinyin initials and search terms; call inside the transaction that changed it."""
    _write(db, db.all(f"{_SOURCE} WHERE id = ?", (product_id,)))


def index_all(db: "Database") -> int:
    """Recompute every product's pinyin initials and search terms (after a bulk load, and as migration 0009's
    Python step, inside the caller's transaction); return how many products were indexed."""
    return _write(db, db.all(f"{_SOURCE} ORDER BY id"))
