"""Every string of the app has a Vietnamese translation (Vietnamese is the desk's language)."""

import json
from pathlib import Path

import frappe
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from frappe.gettext.translate import DEFAULT_KEYWORDS, get_method_map

APP = Path(frappe.get_app_path("onestop"))


def app_messages() -> set[str]:
	"""What `bench generate-pot-file` extracts (DocTypes, workspaces, Python, JS), read now
	from the code rather than from a POT file that may be stale."""
	keywords = {**DEFAULT_KEYWORDS, "_lt": None}
	method_map = [*get_method_map("onestop"), *get_method_map("frappe")]
	found = {
		message
		for _file, _line, message, _comments, _context in extract_from_dir(
			str(APP.parent),
			method_map,
			keywords=keywords,
			directory_filter=lambda d: not Path(d).name.startswith((".", "_")),
		)
		if message and isinstance(message, str)
	}
	return found | fixture_messages()


def fixture_messages() -> set[str]:
	"""Names shown from fixtures: workflow states and actions, roles, the Kanban board."""
	out = set()
	for path in (APP / "fixtures").glob("*.json"):
		for record in json.loads(path.read_text(encoding="utf-8")):
			for key in ("workflow_state_name", "workflow_action_name", "role_name", "kanban_board_name"):
				if record.get(key):
					out.add(record[key])
			for row in record.get("transitions", []):
				out.add(row["action"])
	return out


def test_every_app_string_has_a_vietnamese_translation():
	catalog = read_po((APP / "locale" / "vi.po").open("rb"))
	translated = {m.id for m in catalog if m.id and m.string}
	missing = sorted(app_messages() - translated)
	assert not missing, f"{len(missing)} strings have no Vietnamese translation: {missing}"


def test_the_site_serves_vietnamese():
	frappe.local.lang = "vi"
	try:
		assert frappe._("Plan Task") == "Nhiệm vụ kế hoạch"
		assert frappe._("Submit for Review") == "Gửi báo cáo kết quả"
		assert frappe._("Lead Agency") == "Cơ quan chủ trì"
		assert frappe._("Administrative Procedure") == "Thủ tục hành chính"
		assert frappe._("Late") == "Trễ hẹn"
	finally:
		frappe.local.lang = "en"
