"""The deadline words of a task's text: which part of the text states when it is due."""

from __future__ import annotations

import re

from onestop.deadlines import INLINE_DEADLINE
from onestop.plan_reader.text import tidy

_ITALIC = re.compile(r"\(?\*([^*]+)\*\)?")
_CLOSING_SENTENCE = re.compile(
	r"(?:(?<=[.;:])\s+|^)((?:Thời gian|Thời hạn|Bắt đầu thực hiện|Tiến độ)[^.]*(?:\.|$))\s*$"
)
_TIME_WORDS = re.compile(r"thời gian|quý|tháng|năm|ngày|thường xuyên|h[àằ]ng|từ|giai đoạn", re.I)
# Recurrence words inside a sentence, strongest first: a stated rhythm ("ít nhất 01 lần/tuần")
# beats "thường xuyên", which is an adverb of frequency only before a verb of doing, not
# before "có" / "bị" ("các bộ phận thường xuyên có hồ sơ trễ hẹn" describes, it does not schedule).
_CUES = (
	re.compile(
		r"h[àằ]ng (?:tuần|tháng|quý|năm)|\d+\s*lần\s*/\s*(?:tuần|tháng|quý|năm)|mỗi (?:tuần|tháng)", re.I
	),
	re.compile(r"thường xuyên(?!\s+(?:có|bị|để|xảy ra|trễ|chậm|vi phạm|không))", re.I),
)


def split_deadline(raw: str) -> tuple[str, str, bool]:
	"""(text without its deadline sentence, the deadline as written, whether it was stated
	as a deadline) for a task's text. Recurrence words inside the sentence ("hàng tuần",
	"thường xuyên") are a weak deadline: a "Thời gian …" line after the item overrides them."""
	for m in _ITALIC.finditer(raw):
		if _TIME_WORDS.search(m.group(1)):
			deadline = m.group(1).strip()
			rest = (raw[: m.start()] + raw[m.end() :]).strip()
			return tidy(rest), tidy(deadline), True
	text = tidy(raw)
	m = _CLOSING_SENTENCE.search(text)
	if m and m.start(1) > 0:
		return text[: m.start(1)].strip(), m.group(1).strip(), True
	for m in INLINE_DEADLINE.finditer(text):
		if not re.search(r"20\d{2}|này", m.group(0)) and _CUES[0].search(text):
			continue  # "hàng năm (trong quý IV …)": a quarter of every year
		return text, m.group(0).strip(), True
	for cue in _CUES:
		m = cue.search(text)
		if m:
			return text, m.group(0), False
	return text, "", False
