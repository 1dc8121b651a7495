"""The sample procedure catalogue (fixtures/procedures/administrative_procedures.csv) now lists
each procedure's dossier components (thành phần hồ sơ), which the reception screen ticks. A site
that imported the catalogue before gets them on the procedures it holds with the same code and
name and no components yet; any other procedure is left alone (a real catalogue lists its own)."""

import csv
from pathlib import Path

import frappe

COLUMNS = ("Component (Components)", "Kind (Components)", "Quantity (Components)", "Optional (Components)")


def catalogue() -> Path:
	return (
		Path(frappe.get_app_path("onestop")).resolve().parents[2]
		/ "fixtures"
		/ "procedures"
		/ ("administrative_procedures.csv")
	)


def components_by_procedure(path: Path) -> dict[tuple[str, str], list[dict]]:
	"""(national code, name) → [{"component", "copy_kind", "quantity", "optional"}] as the file
	lists them."""
	with path.open(encoding="utf-8", newline="") as f:
		rows = list(csv.DictReader(f))
	out: dict[tuple[str, str], list[dict]] = {}
	key = None
	for row in rows:
		if row.get("National Code"):
			key = (row["National Code"].strip(), row["Procedure Name"].strip())
			out[key] = []
		component = (row.get(COLUMNS[0]) or "").strip()
		if key and component:
			out[key].append(
				{
					"component": component,
					"copy_kind": (row.get(COLUMNS[1]) or "Original").strip(),
					"quantity": int(row.get(COLUMNS[2]) or 1),
					"optional": int(row.get(COLUMNS[3]) or 0),
				}
			)
	return out


def execute():
	path = catalogue()
	if not path.exists():
		return
	for (code, name), components in components_by_procedure(path).items():
		if not components:
			continue
		for version in frappe.get_all(
			"Administrative Procedure", filters={"procedure_code": code, "procedure_name": name}, pluck="name"
		):
			doc = frappe.get_doc("Administrative Procedure", version)
			if doc.components:
				continue
			for row in components:
				doc.append("components", row)
			doc.flags.ignore_permissions = True
			doc.save()
