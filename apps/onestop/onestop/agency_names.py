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
	# a regional office of a central agency, named by its region ("Kho bạc Nhà nước khu vực XI",
	# "Chi cục Hải quan khu vực XIX", "Ngân hàng Nhà nước khu vực 8")
	(
		re.compile(
			r"(?<!\w)((?:Chi cục Hải quan|Kho bạc [Nn]hà nước|Kiểm toán [Nn]hà nước|Ngân hàng [Nn]hà nước|"
			r"Chi cục Thuế|Thuế|Bảo hiểm [Xx]ã hội|Chi cục Thống kê|Thống kê) khu vực (?:[IVXLC]+|\d+))(?![\wÀ-ỹ])"
		),
		"Central Agency",
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


@functools.lru_cache(maxsize=8192)
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
	"""Canonical agency names and their aliases, matched longest first.

	`groups`: a name that stands for several agencies (a document's own term: "các cơ quan,
	đơn vị" defined as the departments and the communes). `provinces`: a document of a ministry
	or the Government, where a province named as an actor ("các tỉnh Nghệ An, Quảng Ngãi",
	"Thành phố Hà Nội") is its People's Committee.
	"""

	aliases: dict[str, str] = field(default_factory=dict)  # folded alias → canonical name
	kinds: dict[str, str] = field(default_factory=dict)  # canonical name → kind
	groups: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name → the names it stands for
	provinces: bool = False
	_pattern: re.Pattern | None = None

	def add(self, name: str, kind: str, *aliases: str) -> None:
		self.kinds.setdefault(name, kind)
		for alias in (name, *aliases):
			if alias:
				self.aliases.setdefault(fold(alias), name)
		self._pattern = None

	def define(self, term: str, names: list[str]) -> bool:
		"""A document's own term for the agencies it lists ("… (sau đây gọi tắt là các cơ quan,
		đơn vị)"): the term names them from then on. False when it changes nothing."""
		names = _unique(n for name in names for n in self.expand(name))
		if not names or self.expand(self.resolve(term) or "") == names:
			return False
		name = names[0] if len(names) == 1 else normalise(term)
		self.aliases[fold(term)] = name
		if len(names) > 1:
			self.groups[name] = tuple(names)
			self.kinds.setdefault(name, "Collective")
		self._pattern = None
		return True

	def expand(self, name: str) -> list[str]:
		"""The agencies `name` stands for: itself, or the members of a document's term."""
		return list(self.groups.get(name, (name,))) if name else []

	@property
	def pattern(self) -> re.Pattern:
		if self._pattern is None:
			keys = sorted(self.aliases, key=len, reverse=True)
			self._pattern = re.compile(r"(?<![\wÀ-ỹ])(" + "|".join(map(re.escape, keys)) + r")(?![\wÀ-ỹ])")
		return self._pattern

	def _copy(self, aliases: dict[str, str], **changes) -> Vocabulary:
		return replace(
			self, aliases=aliases, kinds=dict(self.kinds), groups=dict(self.groups), _pattern=None, **changes
		)

	def copy(self) -> Vocabulary:
		"""A copy to extend with a document's own terms."""
		return self._copy(dict(self.aliases))

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
		return self._copy({**self.aliases, **moved})

	def central(self) -> Vocabulary:
		"""This vocabulary as a document of a ministry or the Government reads it: "các địa
		phương" are the provinces, not the communes, and a province named as an actor is its
		People's Committee."""
		moved = {fold(alias): name for alias, name in _DATA.get("in_central_documents", {}).items()}
		return self._copy({**self.aliases, **moved}, provinces=True)

	def resolve(self, text: str) -> str | None:
		"""The canonical name for `text` if it is a known name or alias, else None."""
		return self.aliases.get(fold(text))

	def match_at(self, folded: str, pos: int) -> tuple[str, int] | None:
		"""The known agency starting exactly at `pos` of folded text: (name, end) or None."""
		m = self.pattern.match(folded, pos)
		return (self.aliases[m.group(1)], m.end()) if m else None

	def _hits_at(self, folded: str, case_kept: str, pos: int) -> tuple[list[str], int] | None:
		"""The agencies named at `pos` (the longest reading: a known name, a name known by its
		shape, or a list of provinces): (names, end) or None."""
		found = []
		hit = self.match_at(folded, pos)
		if hit:
			found.append((self.expand(hit[0]), hit[1]))
		hit = _generic_at(case_kept, pos, self)
		if hit:
			found.append(([hit[0]], hit[1]))
		if self.provinces:
			hit = province_list_at(folded, pos)
			if hit:
				found.append(hit)
		return max(found, key=lambda f: f[1]) if found else None

	def find_all(self, text: str) -> list[str]:
		"""Every agency named in `text`, in order, without repeats (known and generic)."""
		folded, case_kept = fold(text), spaced(text)
		spans = [(m.start(), m.end(), self.aliases[m.group(1)]) for m in self.pattern.finditer(folded)]
		for pattern, _kind in GENERIC_PATTERNS:
			for m in pattern.finditer(case_kept):
				name = self.resolve(m.group(1)) or normalise(m.group(1))
				overlapping = [s for s in spans if s[0] < m.end() and m.start() < s[1]]
				if all(e - b < m.end() - m.start() for b, e, _ in overlapping):
					spans = [s for s in spans if s not in overlapping] + [(m.start(), m.end(), name)]
		return _unique(n for _, _, name in sorted(spans) for n in self.expand(name))

	def actors(self, text: str) -> list[str]:
		"""Known agencies named in `text` as actors: not right after a preposition or a verb
		that makes them the object ("tại Trung tâm …", "về Văn phòng UBND tỉnh", "trình UBND tỉnh")."""
		folded = fold(text)
		names = []
		for m in self.pattern.finditer(folded):
			before = folded[max(0, m.start() - 12) : m.start()].split()
			if before and before[-1] in _OBJECT_WORDS:
				continue
			names.extend(self.expand(self.aliases[m.group(1)]))
		return _unique(names)

	def leading(self, text: str) -> tuple[list[str], int]:
		"""Agencies named one after another at the very start of `text` (the sentence's subject).

		"Sở Tài chính và Sở Kế hoạch và Đầu tư tham mưu …" → (["Sở Tài chính",
		"Sở Kế hoạch và Đầu tư"], end offset in the folded text). Role words ("Giao",
		"Thủ trưởng"), separators (",", ";", ":", "và", "nhất là") and a parenthesis after a name
		are skipped, and so is a short unknown name inside the list ("Giám đốc các Sở, Thủ trưởng
		các ngành, cơ quan cấp tỉnh, UBND các xã, phường" → the departments and the communes). A
		collective followed by ":" and a list ("Các phòng: Phòng A, Phòng B") gives the list.
		"""
		return self.leading_at(fold(text), spaced(text), 0)

	def leading_at(self, folded: str, case_kept: str, pos: int) -> tuple[list[str], int]:
		"""`leading` at `pos` of a text already folded (and spaced): (names, end offset)."""
		names: list[str] = []
		unknown = 0
		while True:
			pos = _skip(folded, pos, ROLE_PREFIXES)
			hit = self._hits_at(folded, case_kept, pos)
			if hit is None and unknown < 2:
				after, skipped, named = pos, 0, []
				while skipped < 2 - unknown:  # one or two unknown names, then a known one
					jump = _past_unknown_name(folded, after, case_kept if not names else None)
					if jump is None:
						break
					name = _unknown_name(case_kept, after)
					if name:
						named.append(name)
					after, skipped = _skip(folded, jump, ROLE_PREFIXES), skipped + 1
					if self._hits_at(folded, case_kept, after):
						unknown += skipped
						pos = after
						names.extend(named)
						break
				if pos == after and skipped:
					continue
			if hit is None:
				break
			found, end = hit
			if names and folded[pos - 2 : pos].strip() == ":" and self.kinds.get(names[-1]) == "Collective":
				names.pop()
			pos = end
			paren = re.match(r"\s*\(([^)]*)\)", folded[pos:])
			if paren:
				listed = province_list_at(f"tỉnh {paren.group(1).strip()}", 0) if self.provinces else None
				if (
					listed
					and found == [_PROVINCES_COLLECTIVE]
					and listed[1] >= len(paren.group(1).strip()) + 5
				):
					found = listed[0]  # "các địa phương (Ninh Bình, Hải Phòng, …)"
				pos += paren.end()
			names.extend(found)
			tail = _QUALIFIER.match(folded, pos)  # "các Ban, Sở, ngành có liên quan; …"
			if tail:
				pos = tail.end()
			sep = re.match(r"\s*(?:,|;|:|\bvà\b|\bcùng\b)(?:\s*nhất là)?\s*", folded[pos:])
			if not sep:
				if self.provinces and province_list_at(
					folded, pos + len(folded[pos:]) - len(folded[pos:].lstrip())
				):
					pos += len(folded[pos:]) - len(folded[pos:].lstrip())  # "Bộ Quốc phòng các tỉnh …"
					continue
				break
			pos += sep.end()
		return _unique(names), pos


_OBJECT_WORDS = {
	"tại", "về", "cho", "với", "của", "đến", "trình", "đề nghị", "nghị", "mưu", "gửi", "từ", "qua", "giúp", "hợp",
	"thuộc",
}  # fmt: skip

# A short unknown name inside a list of agencies: words of an agency's kind, up to the next
# separator ("các tổ chức thành viên", "cơ quan cấp tỉnh", "đơn vị").
_UNKNOWN_NAME = re.compile(
	r"(?:các |những )?(?:cơ quan|đơn vị|tổ chức|ngành|ban|sở|hội|đoàn thể|doanh nghiệp|lực lượng|thành viên)"
	r"[^,;:()]{0,40}?(?=\s*(?:,|;|\bvà\b)\s*)"
)


# Words after a collective's name that do not end the list ("… có liên quan", "… cấp tỉnh").
_QUALIFIER = re.compile(
	r"\s+(?:có liên quan|liên quan|cấp tỉnh|trên địa bàn(?: tỉnh)?|thuộc ubnd tỉnh|của tỉnh)(?=\s*[,;])"
)

# An agency's proper name the vocabulary does not know ("Hội Cựu chiến binh tỉnh"), up to the
# next separator: kept as written when it stands in a list of known agencies.
_PROPER_NAME = re.compile(
	r"(?:Hội|Ban|Sở|Trung tâm|Viện|Cục|Chi cục|Chi nhánh|Đài|Báo|Liên đoàn|Liên minh|Hiệp hội|Tổng công ty|"
	r"Công ty|Tập đoàn|Đoàn|Ủy ban|Văn phòng|Trường|Bệnh viện|Quỹ|Kho bạc|Ngân hàng|Bảo hiểm|Thanh tra) "
	r"[^,;:()]{2,60}?(?=\s*(?:,|;|\bvà\b)\s*)"
)


def _past_unknown_name(folded: str, pos: int, first: str | None = None) -> int | None:
	"""The position after a short unknown name and its separator at `pos`, or None. At the
	list's start (`first`: the case-kept text) only a proper name counts."""
	m = _PROPER_NAME.match(first, pos) if first is not None else None
	m = m or (_UNKNOWN_NAME.match(folded, pos) if first is None else None)
	if not m or len(m.group(0).split()) > 10:
		return None
	sep = re.match(r"\s*(?:,|;|\bvà\b)\s*", folded[m.end() :])
	return m.end() + sep.end() if sep else None


def _unknown_name(case_kept: str, pos: int) -> str | None:
	"""The proper name at `pos` of case-kept text, as written, or None."""
	m = _PROPER_NAME.match(case_kept, pos)
	return normalise(m.group(0)) if m and len(m.group(0).split()) <= 10 else None


@functools.cache
def _words_pattern(words: tuple[str, ...]) -> re.Pattern:
	return re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?:\s*,)?\s+")


def _skip(folded: str, pos: int, words: tuple[str, ...]) -> int:
	"""Past the role words at `pos` ("giao", "thủ trưởng", "bộ trưởng, thủ trưởng"), tried in
	their order."""
	pattern = _words_pattern(words)
	while True:
		m = pattern.match(folded, pos)
		if not m:
			return pos
		pos = m.end()


def _generic_at(case_kept: str, pos: int, vocabulary: Vocabulary) -> tuple[str, int] | None:
	for pattern, _kind in GENERIC_PATTERNS:
		m = pattern.match(case_kept, pos)
		if m:
			return vocabulary.resolve(m.group(1)) or normalise(m.group(1)), m.end()
	return None


_PROVINCES_COLLECTIVE = "UBND các tỉnh, thành phố trực thuộc trung ương"
_CITIES = ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")


@functools.cache
def _province_patterns() -> tuple[re.Pattern, re.Pattern, dict[str, str]]:
	by_fold = {fold(p): p for p in PROVINCES}
	names = "|".join(re.escape(p) for p in sorted(by_fold, key=len, reverse=True))
	one = rf"(?:{names})(?![\wÀ-ỹ])"
	listed = re.compile(
		rf"(?:(?:ubnd|ủy ban nhân dân)\s+)?(?:các\s+)?(?:tỉnh|thành phố|tp\.?)(?:\s*,\s*thành phố)?\s*:?\s*{one}"
		rf"(?:(?:\s*,\s*|\s+và\s+)(?:(?:các\s+)?(?:tỉnh|thành phố|tp\.?)\s+)?{one})*"
	)
	return listed, re.compile(rf"(?<![\wÀ-ỹ]){one}"), by_fold


def province_list_at(folded: str, pos: int) -> tuple[list[str], int] | None:
	"""The People's Committees of the provinces listed at `pos` of folded text ("ủy ban nhân dân
	các tỉnh, thành phố: tuyên quang, đồng nai", "các tỉnh nghệ an, quảng ngãi", "thành phố hà
	nội và các tỉnh bắc ninh, gia lai"): (names, end) or None."""
	listed, one, by_fold = _province_patterns()
	m = listed.match(folded, pos)
	if not m:
		return None
	names = []
	for p in one.finditer(folded, m.start(), m.end()):
		province = by_fold[p.group(0)]
		names.append(f"UBND thành phố {province}" if province in _CITIES else f"UBND tỉnh {province}")
	return _unique(names), m.end()


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
