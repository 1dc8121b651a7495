"""The administrative-reform index (Chỉ số cải cách hành chính, PAR index) in a task's text:
the criterion code it names ("tại tiêu chí thành phần số I.1.5.1"), and the score and rank it
states ("đạt 85,620 điểm, xếp thứ 11 trong 21 Sở, Ngành"). Plain Python (no Frappe).

The codes are those of the provinces' PAR index decisions (e.g. Decision 3241/QĐ-UBND of
26/10/2020, Bà Rịa – Vũng Tàu): a Roman field number then one to four numbered levels. A code
is read only where the text calls it a criterion ("tiêu chí", "chỉ số thành phần"), never from
a bare section reference such as "II.1.a".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CODE = r"(?:X{0,3}(?:IX|IV|V?I{0,3}))(?:\.\d{1,2}){1,4}"
_CRITERION = re.compile(
	rf"\b(?:tiêu\s+chí|chỉ\s+số)(?:\s+(?:thành\s+phần|con))?(?:\s+(?:số|mã))?\s*:?\s*({_CODE})(?!\.?\d)",
	re.IGNORECASE,
)
_SCORE = re.compile(r"\bđạt\s+(\d{1,3}(?:[.,]\d{1,3})?)\s*điểm\b", re.IGNORECASE)
_RANK = re.compile(r"\bxếp\s+(?:thứ|hạng)(?:\s+thứ)?\s+(\d{1,3})\b", re.IGNORECASE)


@dataclass(frozen=True)
class ParIndex:
	"""criterion: the criterion codes the text names, in order, joined by ", " (None when it
	names none); score: points (a float: "85,620" is 85.62, the comma being the decimal mark);
	rank: the place (1 is first)."""

	criterion: str | None = None
	score: float | None = None
	rank: int | None = None


def par_index(text: str | None) -> ParIndex:
	"""The PAR-index criterion, score and rank that `text` states; ParIndex() for none."""
	text = text or ""
	codes: list[str] = []
	for match in _CRITERION.finditer(text):
		code = match.group(1)
		if code.split(".")[0] and code not in codes:
			codes.append(code)
	score = _SCORE.search(text)
	rank = _RANK.search(text)
	return ParIndex(
		criterion=", ".join(codes) or None,
		score=float(score.group(1).replace(",", ".")) if score else None,
		rank=int(rank.group(1)) if rank else None,
	)
