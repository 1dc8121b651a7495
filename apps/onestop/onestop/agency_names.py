"""Names of the agencies that plans assign tasks to, and how to recognise them in text.

Plain Python (no Frappe): used by the plan reader, which must run anywhere, and by the
Agency register on a site. Plans write the same agency many ways ("Sở Thông tin và truyền
thông", "Sở TT&TT", "Sở Thông tin và Truyền thông"); every way resolves to one canonical name
here. Collective owners ("Các Sở, ban, ngành", "UBND các xã, phường, đặc khu") are names like
any other.

The names are data, in `data/agencies.json`: the standard organisation of a province in both
eras of local administration. Before 2025: Decree 24/2014/NĐ-CP and 107/2020/NĐ-CP
(departments), districts and 63 provinces. From 1 March 2025 the merged departments of Decree
45/2025/NĐ-CP (Sở Nông nghiệp và Môi trường, Sở Dân tộc và Tôn giáo, …); from 1 July 2025 two
tiers (province and commune/ward, no district People's Committee) and 34 provinces
(Resolution 202/2025/QH15). An agency that ended carries `until` and its `successor`; one
that began carries `since`. `Vocabulary.dated` reads a document with the era of its date, and
`era_note` says when a document names an agency of the other era. A province's own register
(its Agency records and their aliases) extends the vocabulary on the site.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "agencies.json"
_DATA: dict = json.loads(DATA_FILE.read_text(encoding="utf-8"))

# Agency kinds, as stored on the Agency DocType.
KINDS = (
	"People's Committee",  # UBND tỉnh / huyện / xã
	"Office",  # Văn phòng UBND tỉnh
	"Department",  # Sở and bodies of the same rank (Thanh tra tỉnh, Ban Dân tộc, ...)
	"Centre",  # the one-stop centre itself (Decree 61/2018/NĐ-CP, Art. 7)
	"Unit",  # an office inside an agency (Phòng, Văn phòng Sở)
	"District",  # district-level People's Committee
	"Central Agency",  # central agencies located in the province (Công an tỉnh, Cục Thuế, ...)
	"Party Body",  # Ban Tổ chức Tỉnh ủy
	"Media",  # Đài PT-TH, Báo
	"Enterprise",  # Viễn thông, Bưu điện
	"Collective",  # a group named as one owner
)


@dataclass(frozen=True)
class KnownAgency:
	name: str
	short: str
	kind: str
	aliases: tuple[str, ...] = ()
	parent: str | None = None
	# Units ("Văn phòng Sở", "Phòng Thanh tra") exist inside each department: resolved
	# under the agency that issued the plan.
	scoped: bool = False
	since: dt.date | None = None  # first day it exists (None: before any plan read here)
	until: dt.date | None = None  # first day it no longer exists
	successor: str | None = None  # who took over its functions on `until`
	# Generic words ("các địa phương") that name this agency before `until` and its
	# successor from then on.
	aliases_then_successor: tuple[str, ...] = ()


def _known(entry: dict) -> KnownAgency:
	"""A KnownAgency from one entry of data/agencies.json."""
	day = lambda key: dt.date.fromisoformat(entry[key]) if entry.get(key) else None  # noqa: E731
	return KnownAgency(
		name=entry["name"],
		short=entry["short"],
		kind=entry["kind"],
		aliases=tuple(entry.get("aliases", ())),
		parent=entry.get("parent"),
		scoped=bool(entry.get("scoped")),
		since=day("since"),
		until=day("until"),
		successor=entry.get("successor"),
		aliases_then_successor=tuple(entry.get("aliases_then_successor", ())),
	)


COLLECTIVE_DEPARTMENTS = "Các Sở, ban, ngành"
COLLECTIVE_DISTRICTS = "UBND cấp huyện"
COLLECTIVE_COMMUNES = "UBND cấp xã"
COLLECTIVE_COMMUNES_2025 = "UBND các xã, phường, đặc khu"
COLLECTIVE_CENTRAL = "Các cơ quan Trung ương đóng trên địa bàn"
COLLECTIVE_RELATED = "Các cơ quan liên quan"
COLLECTIVE_UNITS = "Các phòng chuyên môn"
COLLECTIVE_PRESS = "Các cơ quan báo chí"
PEOPLES_COMMITTEE = "UBND tỉnh"
PROVINCIAL_OFFICE = "Văn phòng UBND tỉnh"
PUBLIC_SERVICE_CENTRE = "Trung tâm Phục vụ hành chính công"

KNOWN: tuple[KnownAgency, ...] = tuple(_known(entry) for entry in _DATA["agencies"])

BY_NAME: dict[str, KnownAgency] = {a.name: a for a in KNOWN}

# Words that may stand before an agency named as the subject of a task ("Giao Sở Tư pháp",
# "Thủ trưởng các Sở, ban, ngành", "Chủ tịch UBND cấp huyện").
ROLE_PREFIXES = (
	"giao trách nhiệm cho",
	"giao cho",
	"giao",
	"yêu cầu",
	"đề nghị",
	"thủ trưởng",
	"lãnh đạo",
	"giám đốc",
	"chủ tịch",
	"người đứng đầu",
	"bộ trưởng",
	"thủ trưởng cơ quan",
	"đồng chí bộ trưởng",
	"đề nghị",
)

# Agencies that no plan text writes in the vocabulary's words; found by their shape.
# Each pattern runs on the case-kept text and must capture the whole name.
_CAP = r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*"
GENERIC_PATTERNS = (
	(re.compile(rf"(?<!\w)(Báo (?:{_CAP})(?:(?: - | )(?:{_CAP}))*)"), "Media"),
	(re.compile(rf"(?<!\w)(Viễn thông (?:{_CAP})(?: (?:{_CAP}))*)"), "Enterprise"),
	(
		re.compile(
			rf"(?<!\w)((?:UBND|Ủy ban nhân dân) (?:huyện|thị xã|thành phố) (?:{_CAP})(?: (?:{_CAP}))*)"
		),
		"District",
	),
)

_TONE_FIXES = {
	# old-style tone placement → the placement used in current official texts
	"oà": "òa",
	"oá": "óa",
	"oả": "ỏa",
	"oã": "õa",
	"oạ": "ọa",
	"oè": "òe",
	"oé": "óe",
	"oẻ": "ỏe",
	"oẽ": "õe",
	"oẹ": "ọe",
	"uỳ": "ùy",
	"uý": "úy",
	"uỷ": "ủy",
	"uỹ": "ũy",
	"uỵ": "ụy",
}
# Only open syllables move their tone ("hoà" → "hòa"; "hoàn", "đoạn" stay), and after "q"
# the "u" belongs to the consonant ("quý" keeps its tone on the y).
_TONE_RE = re.compile("(?<![qQ])(?:" + "|".join(_TONE_FIXES) + r")(?![\wÀ-ỹ])", re.I)


def _fix_tone(m: re.Match) -> str:
	s = m.group(0)
	fixed = _TONE_FIXES[s.lower()]
	return fixed.capitalize() if s[0].isupper() else fixed


def normalise(text: str) -> str:
	"""Case-kept normal form of Vietnamese text: NFC, one tone placement, one dash, one space.

	>>> normalise("Uỷ ban  nhân dân – Sở TT & TT")
	'Ủy ban nhân dân - Sở TT&TT'
	"""
	text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("*", "")
	text = _TONE_RE.sub(_fix_tone, text)
	text = re.sub(r"[–—−‐]", "-", text)
	text = re.sub(r"\s*&\s*", "&", text)
	return re.sub(r"\s+", " ", text).strip()


def spaced(text: str) -> str:
	"""`normalise`d text with every dash spaced, so "PT-TH" and "PT - TH" read alike."""
	return re.sub(r"\s*-\s*", " - ", normalise(text))


def fold(text: str) -> str:
	"""Matching key: `spaced` and lower-cased (same length as `spaced`, position for position)."""
	return spaced(text).lower()


@dataclass
class Vocabulary:
	"""Canonical agency names and their aliases, matched longest first."""

	aliases: dict[str, str] = field(default_factory=dict)  # folded alias → canonical name
	kinds: dict[str, str] = field(default_factory=dict)  # canonical name → kind
	_pattern: re.Pattern | None = None

	def add(self, name: str, kind: str, *aliases: str) -> None:
		self.kinds.setdefault(name, kind)
		for alias in (name, *aliases):
			if alias:
				self.aliases.setdefault(fold(alias), name)
		self._pattern = None

	@property
	def pattern(self) -> re.Pattern:
		if self._pattern is None:
			keys = sorted(self.aliases, key=len, reverse=True)
			self._pattern = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(map(re.escape, keys)) + r")(?![\wÀ-ỹ])")
		return self._pattern

	def dated(self, day: dt.date | None) -> Vocabulary:
		"""This vocabulary as a document of `day` reads it: the generic words of an agency that
		had ended by then ("các địa phương" after the districts) name its successor."""
		if day is None:
			return self
		moved = {
			fold(alias): agency.successor
			for agency in KNOWN
			if agency.until and agency.successor and day >= agency.until
			for alias in agency.aliases_then_successor
		}
		if not moved:
			return self
		return replace(self, aliases={**self.aliases, **moved}, kinds=dict(self.kinds), _pattern=None)

	def central(self) -> Vocabulary:
		"""This vocabulary as a document of a ministry or the Government reads it: "các địa
		phương" are the provinces, not the communes."""
		moved = {fold(alias): name for alias, name in _DATA.get("in_central_documents", {}).items()}
		return replace(self, aliases={**self.aliases, **moved}, kinds=dict(self.kinds), _pattern=None)

	def resolve(self, text: str) -> str | None:
		"""The canonical name for `text` if it is a known name or alias, else None."""
		return self.aliases.get(fold(text))

	def match_at(self, folded: str, pos: int) -> tuple[str, int] | None:
		"""The known agency starting exactly at `pos` of folded text: (name, end) or None."""
		m = self.pattern.match(folded, pos)
		return (self.aliases[m.group(1)], m.end()) if m else None

	def find_all(self, text: str) -> list[str]:
		"""Every agency named in `text`, in order, without repeats (known and generic)."""
		spans = [(m.start(), m.end(), self.aliases[m.group(1)]) for m in self.pattern.finditer(fold(text))]
		for pattern, _kind in GENERIC_PATTERNS:
			for m in pattern.finditer(spaced(text)):
				if not any(start < m.end() and m.start() < end for start, end, _ in spans):
					spans.append((m.start(), m.end(), self.resolve(m.group(1)) or normalise(m.group(1))))
		return _unique(name for _, _, name in sorted(spans))

	def actors(self, text: str) -> list[str]:
		"""Known agencies named in `text` as actors: not right after a preposition or a verb
		that makes them the object ("tại Trung tâm …", "về Văn phòng UBND tỉnh", "trình UBND tỉnh")."""
		folded = fold(text)
		names = []
		for m in self.pattern.finditer(folded):
			before = folded[max(0, m.start() - 12) : m.start()].split()
			if before and before[-1] in _OBJECT_WORDS:
				continue
			names.append(self.aliases[m.group(1)])
		return _unique(names)

	def leading(self, text: str) -> tuple[list[str], int]:
		"""Agencies named one after another at the very start of `text` (the sentence's subject).

		"Sở Tài chính và Sở Kế hoạch và Đầu tư tham mưu …" → (["Sở Tài chính",
		"Sở Kế hoạch và Đầu tư"], end offset in the folded text). Role words ("Giao",
		"Thủ trưởng"), separators (",", ";", ":", "và") and a parenthesis after a name are
		skipped. A collective followed by ":" and a list ("Các phòng: Phòng A, Phòng B") gives
		the list.
		"""
		folded = fold(text)
		case_kept = spaced(text)
		names: list[str] = []
		pos = 0
		while True:
			pos = _skip(folded, pos, ROLE_PREFIXES)
			hit = self.match_at(folded, pos)
			if hit is None:
				hit = _generic_at(case_kept, pos, self)
			if hit is None:
				break
			name, end = hit
			if names and folded[pos - 2 : pos].strip() == ":" and self.kinds.get(names[-1]) == "Collective":
				names.pop()
			names.append(name)
			pos = end
			paren = re.match(r"\s*\([^)]*\)", folded[pos:])
			if paren:
				pos += paren.end()
			sep = re.match(r"\s*(?:,|;|:|\bvà\b|\bcùng\b)\s*", folded[pos:])
			if not sep:
				break
			pos += sep.end()
		return _unique(names), pos


_OBJECT_WORDS = {
	"tại", "về", "cho", "với", "của", "đến", "trình", "đề nghị", "nghị", "mưu", "gửi", "từ", "qua", "giúp", "hợp",
}  # fmt: skip


def _skip(folded: str, pos: int, words: tuple[str, ...]) -> int:
	while True:
		rest = folded[pos:]
		for w in words:
			if rest.startswith(w + " "):
				pos += len(w) + 1
				break
		else:
			return pos


def _generic_at(case_kept: str, pos: int, vocabulary: Vocabulary) -> tuple[str, int] | None:
	for pattern, _kind in GENERIC_PATTERNS:
		m = pattern.match(case_kept, pos)
		if m:
			return vocabulary.resolve(m.group(1)) or normalise(m.group(1)), m.end()
	return None


def _unique(items) -> list[str]:
	seen: dict[str, None] = {}
	for item in items:
		seen.setdefault(item, None)
	return list(seen)


def standard_vocabulary() -> Vocabulary:
	"""The vocabulary of every province: KNOWN with its aliases (a fresh copy each call)."""
	vocabulary = Vocabulary()
	for agency in KNOWN:
		vocabulary.add(
			agency.name, agency.kind, agency.short, *agency.aliases, *agency.aliases_then_successor
		)
	return vocabulary


def era_note(name: str, day: dt.date | None) -> str | None:
	"""Why a document of `day` should not name agency `name` (it had ended, or did not exist
	yet), or None. A note, never a correction: the coordinator decides who takes the task.

	>>> era_note("Sở Kế hoạch và Đầu tư", dt.date(2025, 11, 20))
	'Sở Kế hoạch và Đầu tư no longer exists from 2025-03-01 (its functions went to Sở Tài chính): check the agency'
	"""
	agency = BY_NAME.get(name)
	if agency is None or day is None:
		return None
	if agency.until and day >= agency.until:
		went = f" (its functions went to {agency.successor})" if agency.successor else ""
		return f"{name} no longer exists from {agency.until}{went}: check the agency"
	if agency.since and day < agency.since:
		return f"{name} exists only from {agency.since}: check the agency"
	return None


# Provinces and centrally run cities of both eras (63 before the merger of 1 July 2025, 34
# after it), to read the province a plan belongs to.
PROVINCES_2025: tuple[str, ...] = tuple(_DATA["provinces"]["since_2025_07_01"])
MERGED_PROVINCES: dict[str, str] = dict(_DATA["provinces"]["merged_2025_07_01"])
PROVINCES: tuple[str, ...] = (*PROVINCES_2025, *MERGED_PROVINCES)


def find_provinces(text: str) -> list[str]:
	"""Provinces named in `text`, most often named first."""
	folded = fold(text)
	counts = {
		p: len(re.findall(r"(?<![\wÀ-ỹ])" + re.escape(fold(p)) + r"(?![\wÀ-ỹ])", folded)) for p in PROVINCES
	}
	return [p for p, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n]
