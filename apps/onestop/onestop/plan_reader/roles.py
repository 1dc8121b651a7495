"""Who leads a task and who co-operates, read from its words, its heading or a table cell."""

from __future__ import annotations

import re
from dataclasses import dataclass

from onestop.agency_names import PEOPLES_COMMITTEE, Vocabulary, fold, normalise, spaced
from onestop.plan_reader.model import Draft, Roles

# "phối hợp (chặt chẽ) với …", "làm việc với …": the partners follow; not "phối hợp thì / để …"
_COOP = re.compile(
	r"(?:phối hợp(?: chặt chẽ)?(?: với)?|làm việc với)\s+(?!thì\b|để\b|giải quyết\b|trong\b|thực hiện\b)"
)
# Words that open an agency's name when the vocabulary does not know it ("Trung tâm Xúc tiến
# đầu tư, thương mại và du lịch"): a heading made of such a name assigns what is under it.
ORG_WORDS = re.compile(
	r"^(?:Sở|Ban|Bộ|Cục|Chi cục|Trung tâm|Đài|Báo|Công an|Bộ Chỉ huy|Hội|Liên minh|Liên đoàn|Đoàn|Viện|"
	r"Ủy ban|UBND|Văn phòng|Thanh tra|Kho bạc|Ngân hàng|Tòa án|Cổng|Tổng công ty|Công ty|Thuế|Hải quan|"
	r"Bảo hiểm|Trường|Bệnh viện|Quỹ|Tỉnh đoàn|Tỉnh ủy|Đảng ủy|Mặt trận|Cơ quan|Phòng|Học viện|Hiệp hội|"
	r"Tập đoàn|Tòa án|Viện kiểm sát|Bộ đội|Ban Chỉ huy|Chi nhánh|"
	r"[Cc]ác (?i:cơ quan|đơn vị|sở|ban|bộ|tổ chức|doanh nghiệp|hội|đoàn thể|trường|bệnh viện|phòng|trung tâm|"
	r"chi cục|cục|ủy ban|ngân hàng|công ty|tập đoàn|tổng công ty|báo|đài|lực lượng|hợp tác xã|nhà|chủ))\b"
)
_HEADING_PREFIX = re.compile(
	r"^(?:(?:trách nhiệm|nhiệm vụ(?:, quyền hạn)?|phân công)(?: của| cho)?|đề nghị|giao|yêu cầu)\s+", re.I
)
_VERBISH = re.compile(
	r"\b(?:chủ trì|tham mưu|thực hiện|triển khai|tổ chức|xây dựng|phối hợp|chỉ đạo|rà soát|hướng dẫn|"
	r"kiểm tra|theo dõi|báo cáo|đẩy mạnh|tăng cường|nghiên cứu|bảo đảm|đảm bảo|có trách nhiệm)\b",
	re.I,
)


def roles_in(text: str, vocabulary: Vocabulary) -> Roles:
	"""Lead agencies named as the subject of `text` and co-operating agencies after
	"phối hợp (với)". "Sở TT&TT và Sở KH&CN phối hợp." names co-operators only."""
	leads, end = vocabulary.leading(text)
	folded = fold(text)
	co: list[str] = []
	if leads and re.match(r"\s*phối hợp\W*$", folded[end:]):
		return Roles([], leads)
	for m in _COOP.finditer(folded):
		names, end = vocabulary.leading(spaced(text)[m.end() :])
		clause = re.split(r"[;.:]", folded[m.end() :], maxsplit=1)[0]
		verb = _VERBISH.search(clause)
		clause = clause[: verb.start()] if verb else clause
		for hit in vocabulary.pattern.finditer(clause):
			if hit.start() < end:
				continue  # read with the list above ("các địa phương (Ninh Bình, …)")
			before = clause[: hit.start()].split()
			name = vocabulary.aliases[hit.group(1)]
			if (before and before[-1] in _OBJECT_WORDS) or name == PEOPLES_COMMITTEE:
				continue  # "… tham mưu UBND tỉnh": the object of a verb, not a partner
			if hit.group(1) in _BARE and before and before[-1] not in ("và", "với", "hợp", "các", "cùng"):
				continue  # "các doanh nghiệp địa phương": a word of another name
			names.extend(vocabulary.expand(name))
		co.extend(n for n in names if n not in co)
	return Roles(leads, [c for c in co if c not in leads])


# Aliases of a single common word: an agency only where a list or a partner clause puts them.
_BARE = {"địa phương", "chính quyền địa phương"}
_OBJECT_WORDS = {
	"tại",
	"về",
	"cho",
	"của",
	"đến",
	"trình",
	"mưu",
	"gửi",
	"từ",
	"qua",
	"giúp",
	"đề nghị",
	"nghị",
	"hướng",
	"dẫn",
	"đạo",
}


def heading_roles(text: str, vocabulary: Vocabulary) -> Roles:
	"""The agencies a heading assigns its items to: "1. Sở Nội vụ:", "Điều 9. Trách nhiệm
	của Sở Tư pháp", "8. Đề nghị Liên minh Hợp tac xã tỉnh, Hội Nông dân tỉnh", and a name
	the vocabulary does not know when the heading is only that name ("7. Trung tâm Xúc tiến
	đầu tư, thương mại và du lịch")."""
	roles = roles_in(text, vocabulary)
	stripped = _HEADING_PREFIX.sub("", normalise(text).rstrip(" :.")).strip()
	names_only = bool(stripped) and not _VERBISH.search(stripped) and len(stripped) <= 200
	if roles and names_only:
		names = named_list(stripped, vocabulary)  # "Báo …, Cổng Thông tin điện tử tỉnh": every name
		if len(names) > len(roles.leads) and names[0] == roles.leads[0]:
			return Roles(names[:1], unique([*names[1:], *roles.co]))
	if roles:
		return roles
	stripped = stripped[:1].upper() + stripped[1:]
	if stripped != normalise(text).rstrip(" :."):
		roles = roles_in(stripped, vocabulary)
		if roles:
			return roles
	if stripped and ORG_WORDS.match(stripped) and len(stripped) <= 160 and not _VERBISH.search(stripped):
		names = named_list(stripped, vocabulary)
		return Roles(names[:1], names[1:])
	return Roles([], roles.co)  # "a) Chủ trì, phối hợp với các sở, …": partners for the items under it


def named_list(text: str, vocabulary: Vocabulary) -> list[str]:
	"""Agencies listed in a field or heading ("Bộ Công an, Bộ Tư pháp và các cơ quan báo chí"),
	known ones by their canonical names, unknown ones as written when they start with a word
	that opens an agency's name ("Viện kiểm sát nhân dân tỉnh")."""
	names: list[str] = []
	rest = re.sub(r"\s*\([^()]*\)", "", spaced(text)).strip(" .;:")  # "(VNPT, Viettel, …)"
	sep = ","
	while rest:
		known, end = vocabulary.leading(rest)
		if known:
			names.extend(known)
			rest = rest[end:]
		else:
			m = _NEXT_NAME.search(rest)
			piece = rest[: m.start()] if m else rest
			piece = piece.strip(" .;:,")
			piece = piece[:1].upper() + piece[1:] if piece.startswith("các ") else piece
			if ORG_WORDS.match(piece) and len(piece.split()) <= 14:
				names.append(
					re.split(r"\s+(?:chủ trì|phối hợp|thực hiện|tiến hành|rà soát|có trách nhiệm)\b", piece)[
						0
					]
				)
			elif (
				names
				and piece[:1].isupper()
				and len(piece.split()) <= 4
				and names[-1] not in vocabulary.kinds
			):
				# "Báo và Phát thanh, Truyền hình …", "Viện Văn hóa, Nghệ thuật, Thể thao và Du lịch"
				names[-1] = f"{names[-1]}, {piece}" if sep != "và" else f"{names[-1]} và {piece}"
			rest = rest[m.end() :] if m else ""
			sep = m.group(0).strip() if m else ","
		lead = re.match(r"^\s*(,|;|\bvà\b|\bcùng\b)?\s*", rest)
		if lead.group(1):
			sep = lead.group(1)
		rest = rest[lead.end() :]
	return list(dict.fromkeys(n.strip() for n in names if n.strip()))


_NEXT_NAME = re.compile(r"\s*(?:[;,]|\bvà\b)\s*(?=[A-ZĐÀ-Ỹ]|các\b)")


# A subject named after an opening phrase: "Hàng năm, Văn phòng UBND tỉnh rà soát …",
# "Trường hợp … thì sở, ban, ngành, UBND cấp xã chủ động giải quyết", "…, đề nghị các bộ, ngành
# và địa phương kịp thời phản ánh …". The names must be followed by a verb of doing, unless an
# assigning word or "thì" introduces them.
_BOUNDARY = re.compile(r"(?:[,;:.]|\bthì\b|\bnhưng\b)\s+")
_ASSIGN = re.compile(r"(?:giao(?: cho)?|đề nghị|yêu cầu)\s+")
_ACTS = re.compile(
	r"\s*(?:\([^)]*\)\s*)?(?:chủ động|có trách nhiệm|chịu trách nhiệm|phải|cần|khẩn trương|tiếp tục|tổ chức|"
	r"thực hiện|triển khai|chủ trì|phối hợp|rà soát|tổng hợp|báo cáo|tham mưu|xây dựng|kiểm tra|hướng dẫn|"
	r"theo dõi|đôn đốc|có văn bản|gửi|cung cấp|trả lời|xem xét|kịp thời|đẩy nhanh|quyết liệt|bố trí|nghiên cứu|"
	r"đề xuất|căn cứ|lập|ban hành|cập nhật|thông báo|tăng cường|đẩy mạnh|chỉ đạo|bảo đảm|đảm bảo|xử lý|"
	r"giải quyết|quán triệt|niêm yết|tiếp nhận|thẩm định|trình|nghiêm túc|sớm|thường xuyên|định kỳ|"
	r"có (?:báo cáo|kế hoạch|ý kiến)|"
	r"h[àằ]ng (?:năm|quý|tháng|tuần))\b"
)
# Words that open a sentence with a condition or a time before its subject.
OPENING = re.compile(
	r"^(?:đối với|trường hợp|trong trường hợp|khi|nếu|trong quá trình|trong thời hạn|trong vòng|trong \d|"
	r"chậm nhất|h[àằ]ng năm|h[àằ]ng quý|h[àằ]ng tháng|định kỳ|căn cứ|trên cơ sở|sau khi|với|để|từ|đến)\b",
	re.I,
)


@dataclass
class Subject:
	"""Agencies named as the subject of a clause that is not the text's first: `at` is where
	the clause starts (its partners are read from there); `strong` when an assigning word or
	"thì" introduces them (they then outrank the heading's agencies)."""

	names: list[str]
	at: int
	strong: bool


def clause_subject(text: str, vocabulary: Vocabulary) -> Subject | None:
	"""The first clause of `text` after its opening words whose subject is an agency, or None."""
	folded = fold(text)
	case_kept = spaced(text)
	partners = []
	for m in _COOP.finditer(folded):
		_, end = vocabulary.leading_at(folded, case_kept, m.end())
		partners.append((m.end(), end))
	names_at = [(m.start(), m.end()) for m in vocabulary.pattern.finditer(folded)]
	sentence = 0
	for m in _BOUNDARY.finditer(folded):
		pos = m.end()
		if m.group(0).strip() == ".":
			sentence = pos
		if any(start <= pos < end for start, end in partners):
			continue  # a name in a list of partners
		if any(start < m.start() < end for start, end in names_at):
			continue  # the comma inside a name ("các bộ, cơ quan liên quan")
		names, end = vocabulary.leading_at(folded, case_kept, pos)
		names = [n for n in names if n != PEOPLES_COMMITTEE]
		if not names:
			continue
		# "…, đề nghị các bộ, ngành …" assigns after an opening phrase or at a sentence's start,
		# not in a run of verbs ("Rà soát, đề nghị Bộ phận một cửa mở rộng …")
		opened = m.group(0).strip() == "." or bool(OPENING.match(folded, sentence))
		strong = m.group(0).strip() == "thì" or (opened and bool(_ASSIGN.match(folded, pos)))
		if strong or _ACTS.match(folded, end):
			return Subject(names, pos, strong)
	return None


def roles_of_cell(cell: str, vocabulary: Vocabulary) -> Roles:
	"""Agencies of a table cell: "- Sở TT&TT chủ trì tham mưu; - Các sở, ban, ngành phối hợp."."""
	leads: list[str] = []
	co: list[str] = []
	others: list[str] = []
	for item in re.split(r"\n\s*-\s*|;\s*|^\s*-\s*|\s+-\s+(?=[A-ZĐ])", cell.strip()):
		item = item.strip(" -.;\n")
		if not item:
			continue
		names, _ = vocabulary.leading(item)
		if not names:
			names = named_list(item, vocabulary)
		if not names:
			continue
		low = fold(item)
		if "chủ trì" in low:
			leads.extend(names)
		elif "phối hợp" in low:
			co.extend(names)
		else:
			others.extend(names)
	if not leads:
		leads, others = others[:1], others[1:]
	co = [*others, *co]
	return Roles(unique(leads), [c for c in unique(co) if c not in leads])


def unique(items) -> list:
	"""Items without repeats, in their first order."""
	return list(dict.fromkeys(items))


def resolve_roles(
	drafts: list[Draft], vocabulary: Vocabulary
) -> list[tuple[str | None, list[str], list[str]]]:
	"""(lead, co, notes) of each draft: its own subject, else its heading's, else the subject
	of a later clause of its text. A dash item that names none takes the lead of the item before
	it under the same heading (flagged); an agency the text only mentions is never a lead."""
	out = []
	previous: dict[str, str] = {}
	for d in drafts:
		notes: list[str] = []
		parent = d.ref if re.search(r"-\d+$", d.key) else None  # a dash item under its heading
		if d.roles.leads:
			lead, co = d.roles.leads[0], [*d.roles.leads[1:], *d.roles.co]
		elif d.heading.leads:
			lead = d.heading.leads[0]
			co = [*d.heading.leads[1:], *(d.roles.co or d.heading.co)]
		elif d.subject.leads:
			lead, co = d.subject.leads[0], [*d.subject.leads[1:], *d.subject.co]
		else:
			lead = previous.get(parent) if parent and not d.labelled else None
			co = list(d.roles.co)
			if lead is None:
				notes.append("lead agency not found in the text")
			else:
				notes.append("lead agency inferred (the item before it names it; this one names none)")
		if lead and not notes and parent and (d.roles.leads or d.subject.leads):
			previous[parent] = lead
		out.append((lead, [c for c in unique(co) if c != lead], notes))
	return out
