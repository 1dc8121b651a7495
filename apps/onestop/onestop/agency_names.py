"""Names of the agencies that plans assign tasks to, and how to recognise them in text.

Plain Python (no Frappe): used by the plan parser, which must run anywhere, and by the
Agency register on a site. Plans write the same agency many ways ("Sở Thông tin và truyền
thông", "Sở TT&TT", "Sở Thông tin và Truyền thông"); every way resolves to one canonical name
here. Collective owners ("Các Sở, ban, ngành", "UBND cấp huyện") are names like any other.

The vocabulary is the standard organisation of a province (Decree 24/2014/NĐ-CP and
Decree 107/2020/NĐ-CP on provincial departments; Decree 37/2014/NĐ-CP on district offices),
so it holds for any province; a province's own register (its Agency records and their
aliases) extends it on the site.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

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


COLLECTIVE_DEPARTMENTS = "Các Sở, ban, ngành"
COLLECTIVE_DISTRICTS = "UBND cấp huyện"
COLLECTIVE_COMMUNES = "UBND cấp xã"
COLLECTIVE_CENTRAL = "Các cơ quan Trung ương đóng trên địa bàn"
COLLECTIVE_RELATED = "Các cơ quan liên quan"
COLLECTIVE_UNITS = "Các phòng chuyên môn"
COLLECTIVE_PRESS = "Các cơ quan báo chí"
PEOPLES_COMMITTEE = "UBND tỉnh"
PROVINCIAL_OFFICE = "Văn phòng UBND tỉnh"

KNOWN: tuple[KnownAgency, ...] = (
	# Collectives
	KnownAgency(
		COLLECTIVE_DEPARTMENTS,
		"Sở, ban, ngành",
		"Collective",
		(
			"các sở, ban, ngành",
			"các sở, ban, ngành tỉnh",
			"sở, ban, ngành tỉnh",
			"sở, ban, ngành",
			"các sở, ban, ngành thuộc ubnd tỉnh",
			"các sở, ban, ngành và đơn vị trực thuộc",
			"các sở, ban, ngành có liên quan",
			"các sở, ban, ngành liên quan",
			"các sở, ban ngành tỉnh",
			"các sở, ban ngành",
			"các sở, ngành liên quan",
			"các sở, ngành",
			"các sở ngành",
			"sở, ngành",
			"các sở",
			"các ban, ngành thuộc ubnd tỉnh",
			"các ban, ngành",
			"các sở, ban, ngành có liên quan",
		),
	),
	KnownAgency(
		COLLECTIVE_DISTRICTS,
		"UBND cấp huyện",
		"Collective",
		(
			"ubnd các huyện, thị xã, thành phố",
			"ubnd các huyện, tx, tp",
			"ubnd các huyện, thành phố",
			"ubnd các huyện",
			"ủy ban nhân dân các huyện, thị xã, thành phố",
			"ủy ban nhân dân cấp huyện",
			"ubnd các địa phương",
			"các địa phương",
			"địa phương",
		),
	),
	KnownAgency(
		COLLECTIVE_COMMUNES,
		"UBND cấp xã",
		"Collective",
		("ubnd các xã, phường, thị trấn", "ủy ban nhân dân cấp xã"),
	),
	KnownAgency(
		COLLECTIVE_CENTRAL,
		"Cơ quan TW trên địa bàn",
		"Collective",
		(
			"các cơ quan hành chính nhà nước trung ương đóng trên địa bàn",
			"các cơ quan hành chính nhà nước trung ương",
			"cơ quan hành chính nhà nước trung ương",
			"các cơ quan hcnn tw đóng trên địa bàn tỉnh",
			"các cơ quan hcnn tw đóng trên địa bàn",
			"cơ quan hcnn tw đóng trên địa bàn",
			"các cơ quan hcnn tw và các cơ quan ngành dọc cấp tỉnh đóng trên địa bàn cấp huyện, cấp xã",
			"các cơ quan hcnn tw",
			"cơ quan hcnn tw",
			"các cơ quan ngành dọc cấp tỉnh",
			"các cơ quan ngành dọc",
			"các cơ quan tw đóng trên địa bàn",
			"các cơ quan trung ương đóng trên địa bàn",
		),
	),
	KnownAgency(
		COLLECTIVE_RELATED,
		"Cơ quan liên quan",
		"Collective",
		(
			"các cơ quan liên quan",
			"các cơ quan có liên quan",
			"các cơ quan, đơn vị liên quan",
			"các cơ quan, đơn vị, địa phương",
			"các đơn vị liên quan",
			"đơn vị có liên quan",
			"các đơn vị có liên quan",
		),
	),
	KnownAgency(
		COLLECTIVE_UNITS,
		"Các phòng",
		"Collective",
		(
			"các phòng chuyên môn có liên quan",
			"các phòng chuyên môn",
			"các phòng ban chuyên môn",
			"phòng chuyên môn",
			"các phòng ban",
			"các phòng",
		),
		scoped=True,
	),
	KnownAgency(
		COLLECTIVE_PRESS,
		"Báo chí",
		"Collective",
		(
			"các cơ quan báo chí đóng trên địa bàn tỉnh",
			"các cơ quan báo chí trên địa bàn tỉnh",
			"các cơ quan báo chí",
		),
	),
	# The province's People's Committee and its office
	KnownAgency(PEOPLES_COMMITTEE, "UBND tỉnh", "People's Committee", ("ủy ban nhân dân tỉnh", "ubnd tỉnh")),
	KnownAgency(
		PROVINCIAL_OFFICE,
		"VP UBND tỉnh",
		"Office",
		(
			"văn phòng ủy ban nhân dân tỉnh",
			"văn phòng ubnd tỉnh",
			"vp ubnd tỉnh",
			"vpubnd tỉnh",
			"chánh văn phòng ubnd tỉnh",
		),
		parent=COLLECTIVE_DEPARTMENTS,
	),
	KnownAgency(
		"Bộ phận tiếp nhận và trả kết quả tập trung cấp tỉnh",
		"Bộ phận một cửa tập trung",
		"Centre",
		(
			"bộ phận tiếp nhận và trả kết quả tập trung cấp tỉnh",
			"bộ phận tiếp nhận và trả kết quả tập trung",
			"bộ phận một cửa tập trung",
		),
		parent=PROVINCIAL_OFFICE,
	),
	KnownAgency(
		"Trung tâm Phục vụ hành chính công",
		"TT PVHCC",
		"Centre",
		("trung tâm phục vụ hành chính công tỉnh", "trung tâm phục vụ hành chính công", "tt pvhcc"),
		parent=PROVINCIAL_OFFICE,
	),
	KnownAgency(
		"Trung tâm Hành chính công tỉnh",
		"Trung tâm HCC",
		"Centre",
		(
			"trung tâm hành chính công của tỉnh",
			"trung tâm hành chính công tỉnh",
			"trung tâm hành chính công",
			"trung tâm hc công của tỉnh",
			"trung tâm hc công",
			"trung tâm hcc tỉnh",
		),
		parent=PROVINCIAL_OFFICE,
	),
	KnownAgency(
		"Phòng Kiểm soát thủ tục hành chính",
		"Phòng KSTTHC",
		"Unit",
		("phòng ks tthc", "phòng kiểm soát tthc", "phòng kiểm soát thủ tục hành chính"),
		parent=PROVINCIAL_OFFICE,
	),
	# Departments (Sở) and bodies of the same rank
	*(
		KnownAgency(name, short, "Department", aliases, parent=COLLECTIVE_DEPARTMENTS)
		for name, short, aliases in (
			("Sở Nội vụ", "SNV", ("sở nội vụ",)),
			("Sở Tư pháp", "STP", ("sở tư pháp",)),
			("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT", ("sở kế hoạch và đầu tư", "sở kh&đt", "skhđt", "sở khđt")),
			("Sở Tài chính", "STC", ("sở tài chính",)),
			("Sở Công Thương", "SCT", ("sở công thương",)),
			(
				"Sở Nông nghiệp và Phát triển nông thôn",
				"Sở NN&PTNT",
				("sở nông nghiệp và phát triển nông thôn", "sở nn&ptnt", "sở nông nghiệp và ptnt"),
			),
			("Sở Giao thông vận tải", "Sở GTVT", ("sở giao thông vận tải", "sở gtvt")),
			("Sở Xây dựng", "SXD", ("sở xây dựng",)),
			(
				"Sở Tài nguyên và Môi trường",
				"Sở TN&MT",
				("sở tài nguyên và môi trường", "sở tn&mt", "sở tnmt"),
			),
			(
				"Sở Thông tin và Truyền thông",
				"Sở TT&TT",
				("sở thông tin và truyền thông", "sở thông tin - truyền thông", "sở tt&tt", "sở tttt"),
			),
			(
				"Sở Lao động - Thương binh và Xã hội",
				"Sở LĐ-TB&XH",
				(
					"sở lao động - thương binh và xã hội",
					"sở lao động thương binh và xã hội",
					"sở lao động - tbxh",
					"sở lđ - tb&xh",
					"sở lđtbxh",
					"lao động - tbxh",
					"lao động - thương binh và xã hội",
				),
			),
			(
				"Sở Văn hóa, Thể thao và Du lịch",
				"Sở VHTTDL",
				(
					"sở văn hóa, thể thao và du lịch",
					"sở vh, tt&dl",
					"sở vhttdl",
					"sở văn hóa - thể thao và du lịch",
				),
			),
			("Sở Khoa học và Công nghệ", "Sở KH&CN", ("sở khoa học và công nghệ", "sở kh&cn", "sở khcn")),
			("Sở Giáo dục và Đào tạo", "Sở GD&ĐT", ("sở giáo dục và đào tạo", "sở gd&đt", "sở gdđt")),
			("Sở Y tế", "SYT", ("sở y tế",)),
			("Sở Ngoại vụ", "SNgV", ("sở ngoại vụ",)),
			("Sở Du lịch", "SDL", ("sở du lịch",)),
			("Thanh tra tỉnh", "TTr tỉnh", ("thanh tra tỉnh",)),
			("Ban Dân tộc", "BDT", ("ban dân tộc tỉnh", "ban dân tộc")),
			(
				"Ban Quản lý các Khu công nghiệp",
				"BQL các KCN",
				("ban quản lý các khu công nghiệp", "ban quản lý các kcn", "bql các kcn"),
			),
		)
	),
	# Central agencies located in the province
	*(
		KnownAgency(name, short, "Central Agency", aliases, parent=COLLECTIVE_CENTRAL)
		for name, short, aliases in (
			("Công an tỉnh", "CA tỉnh", ("công an tỉnh",)),
			("Cục Thuế tỉnh", "Cục Thuế", ("cục thuế tỉnh", "cục thuế")),
			(
				"Kho bạc Nhà nước tỉnh",
				"KBNN tỉnh",
				("kho bạc nhà nước tỉnh", "kho bạc nhà nước", "kbnn tỉnh"),
			),
			("Bảo hiểm xã hội tỉnh", "BHXH tỉnh", ("bảo hiểm xã hội tỉnh", "bhxh tỉnh")),
			("Cục Hải quan tỉnh", "Cục Hải quan", ("cục hải quan tỉnh",)),
		)
	),
	KnownAgency("Ban Tổ chức Tỉnh ủy", "BTC Tỉnh ủy", "Party Body", ("ban tổ chức tỉnh ủy",)),
	KnownAgency(
		"Đài Phát thanh - Truyền hình tỉnh",
		"Đài PT-TH",
		"Media",
		(
			"đài phát thanh - truyền hình tỉnh",
			"đài phát thanh - truyền hình",
			"đài phát thanh truyền hình tỉnh",
			"đài pt - th tỉnh",
			"đài pt - th",
		),
	),
	KnownAgency("Bưu điện tỉnh", "Bưu điện", "Enterprise", ("bưu điện tỉnh", "tổng công ty bưu chính")),
	# Offices inside a department (seed: the Department of Planning and Investment)
	*(
		KnownAgency(name, short, "Unit", aliases, scoped=True)
		for name, short, aliases in (
			("Văn phòng Sở", "VP Sở", ("văn phòng sở",)),
			("Phòng Thanh tra", "P. Thanh tra", ("phòng thanh tra",)),
			("Phòng Đầu tư phát triển", "P. ĐTPT", ("phòng đầu tư phát triển",)),
			("Phòng Đăng ký kinh doanh", "P. ĐKKD", ("phòng đăng ký kinh doanh",)),
			(
				"Phòng Đấu thầu và Giám sát đầu tư",
				"P. ĐT&GSĐT",
				(
					"phòng đấu thầu và giám sát đầu tư",
					"phòng đấu thầu, thẩm định và giám sát đầu tư",
					"đấu thầu và giám sát đầu tư",
				),
			),
			("Phòng Tổng hợp, quy hoạch", "P. TH-QH", ("phòng tổng hợp, quy hoạch", "tổng hợp, quy hoạch")),
			(
				"Phòng Kế hoạch phát triển kinh tế",
				"P. KHPTKT",
				("phòng kế hoạch phát triển kinh tế", "kế hoạch phát triển kinh tế"),
			),
			(
				"Phòng Kế hoạch phát triển xã hội",
				"P. KHPTXH",
				("phòng kế hoạch phát triển xã hội", "kế hoạch phát triển xã hội"),
			),
		)
	),
)

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
	"""The vocabulary of every province: KNOWN with its aliases."""
	vocabulary = Vocabulary()
	for agency in KNOWN:
		vocabulary.add(agency.name, agency.kind, agency.short, *agency.aliases)
	return vocabulary


# Provinces and centrally run cities (before the 2025 merger: the seeds' period), to read
# the province a plan belongs to.
PROVINCES = (
	"An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
	"Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng",
	"Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
	"Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên",
	"Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
	"Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
	"Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
	"Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Hồ Chí Minh",
	"Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip


def find_provinces(text: str) -> list[str]:
	"""Provinces named in `text`, most often named first."""
	folded = fold(text)
	counts = {
		p: len(re.findall(r"(?<![\wÀ-ỹ])" + re.escape(fold(p)) + r"(?![\wÀ-ỹ])", folded)) for p in PROVINCES
	}
	return [p for p, n in sorted(counts.items(), key=lambda kv: -kv[1]) if n]
