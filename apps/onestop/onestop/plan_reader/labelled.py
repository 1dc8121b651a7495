"""Labelled fields of a task: "Cơ quan chủ trì: …", "Thời gian thực hiện: …", on lines of
their own ("- Cơ quan phối hợp: …") or one after another in a paragraph."""

from __future__ import annotations

import re

from onestop.agency_names import normalise

# field → the labels that introduce it (folded to lower case before matching)
LABELS = {
	"content": r"nhiệm vụ|nội dung(?: công việc| thực hiện)?|công việc|tên nhiệm vụ",
	"lead": r"(?:cơ quan|đơn vị)(?:,? (?:cơ quan|đơn vị))? chủ trì(?: [\wÀ-ỹ]+){0,2}|chủ trì(?: thực hiện)?"
	r"|(?:cơ quan|đơn vị)(?:,? (?:cơ quan|đơn vị))? thực hiện|cơ quan được giao|trách nhiệm thực hiện",
	"co": r"(?:cơ quan|đơn vị)(?:,? (?:cơ quan|đơn vị|tổ chức))? phối hợp(?: thực hiện)?|phối hợp(?: thực hiện)?",
	"time": r"thời gian(?: [\wÀ-ỹ]+){0,3}|thời hạn(?: [\wÀ-ỹ]+){0,3}|tiến độ(?: [\wÀ-ỹ]+){0,2}",
	"product": r"sản phẩm(?: dự kiến| đầu ra)?|kết quả(?: dự kiến| đầu ra)?|hình thức văn bản",
	"budget": r"kinh phí(?: thực hiện)?|nguồn kinh phí",
}
_LABEL = re.compile(
	r"(?:^|(?<=[.;])\s+|(?<=\s)-\s+)(?:" + "|".join(f"(?P<{k}>{v})" for k, v in LABELS.items()) + r")\s*:\s*",
	re.I,
)


def starts_with_label(text: str) -> str | None:
	"""The field a line's label names ("- Cơ quan chủ trì: Bộ Công an." → "lead"), or None."""
	m = _LABEL.match(normalise(text).lstrip("-+• "))
	return m.lastgroup if m else None


def split_fields(text: str) -> tuple[str, dict[str, str]]:
	"""(the text before the first label, {field: value}) of a paragraph with labelled fields.
	A field named twice keeps both values, joined by "; "."""
	text = normalise(text)
	matches = list(_LABEL.finditer(text))
	if not matches:
		return text, {}
	fields: dict[str, str] = {}
	for m, nxt in zip(matches, [*matches[1:], None], strict=True):
		value = text[m.end() : nxt.start() if nxt else len(text)].strip(" -;")
		name = m.lastgroup
		fields[name] = f"{fields[name]}; {value}" if name in fields else value
	return text[: matches[0].start()].strip(" -;"), fields
