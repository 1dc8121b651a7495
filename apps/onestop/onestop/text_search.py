"""Finding a procedure the way an officer types it at the counter: without accents, in any
case, by a few words or by its code. Plain Python (no Frappe), unit-tested on its own.

"cap giay phep" finds "Cấp giấy phép …", "dang ky khai sinh" finds "Đăng ký khai sinh …"
(đ is folded to d: Unicode gives it no decomposition, so NFD alone would keep it), and
"1.0010" finds the procedures whose national code starts so. Each word typed must begin a word
of the name (in any order); codes are matched from their start.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_NOT_WORD = re.compile(r"[^0-9a-z]+")
_CODE = re.compile(r"^[0-9][0-9.]*$")


def fold(text: str | None) -> str:
	"""`text` without accents, lower-cased, words separated by single spaces.

	>>> fold("Cấp Giấy phép  xây dựng – nhà ở")
	'cap giay phep xay dung nha o'
	>>> fold("ĐĂNG KÝ")
	'dang ky'
	"""
	if not text:
		return ""
	decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
	bare = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
	return _NOT_WORD.sub(" ", bare).strip()


def fold_code(text: str | None) -> str:
	"""A code as typed ("1.001 021 ", "T.ABC") compared without spaces and case."""
	return re.sub(r"\s+", "", text or "").lower()


@dataclass(frozen=True)
class Candidate:
	key: str  # what the caller gets back (a record's name)
	code: str  # the national code
	name: str  # the procedure's name


def score(query: str, candidate: Candidate) -> int:
	"""How well `query` names `candidate`: 0 when it does not, higher when better.

	Exact code 100, code starting with the query 90; the folded query at the start of the
	name 60, inside it 50; every word of the query beginning a word of the name 30 (plus 1 per
	word, so more words matched rank higher).
	"""
	code, typed = fold_code(candidate.code), fold_code(query)
	if typed and code:
		if typed == code:
			return 100
		if _CODE.match(typed) and code.startswith(typed):
			return 90
	words = fold(query).split()
	if not words:
		return 0
	name = fold(candidate.name)
	phrase = " ".join(words)
	if name.startswith(phrase):
		return 60
	if f" {phrase}" in f" {name}":
		return 50
	name_words = name.split()
	if all(any(w.startswith(t) for w in name_words) for t in words):
		return 30 + len(words)
	return 0


def rank(query: str, candidates: Iterable[Candidate], limit: int = 20) -> list[Candidate]:
	"""The candidates `query` names, best first, at most `limit`: codes in their order when
	the query is a code, else shorter names first."""
	scored = [(score(query, c), c) for c in candidates]
	hits = [(s, c) for s, c in scored if s > 0]
	hits.sort(key=lambda sc: (-sc[0], sc[1].code if sc[0] >= 90 else "", len(sc[1].name), sc[1].code))
	return [c for _s, c in hits[: max(0, limit)]]
