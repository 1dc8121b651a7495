"""The procedure catalogue on the real site: the sample catalogue through Data Import's parser,
all or nothing; stages that must add up; versions that dossiers keep."""

import csv
import datetime as dt
import json
from pathlib import Path

import frappe
import pytest

from onestop.planning.register_import import load_register
from onestop.procedures.catalogue_import import CatalogueImportError, import_catalogue
from onestop.procedures.doctype.administrative_procedure.administrative_procedure import (
	ProcedureVersionError,
	new_version,
	version_in_force,
)

from .factories import agency, dossier, procedure

ROOT = Path(__file__).resolve().parents[2] / "fixtures"
FIELDS = ROOT / "procedures" / "procedure_fields.csv"
CATALOGUE = ROOT / "procedures" / "administrative_procedures.csv"


def procedures_of(code_prefix="1.0010"):
	return frappe.db.count("Administrative Procedure", {"procedure_code": ("like", f"{code_prefix}%")})


@pytest.fixture
def register():
	load_register(json.loads((ROOT / "agencies" / "ba-ria-vung-tau.json").read_text(encoding="utf-8")))
	import_catalogue("Procedure Field", str(FIELDS))


def rows_of(path):
	with open(path, encoding="utf-8", newline="") as f:
		return list(csv.reader(f))


def write(rows, tmp_path, name="catalogue.csv"):
	path = tmp_path / name
	with open(path, "w", encoding="utf-8", newline="") as f:
		csv.writer(f).writerows(rows)
	return str(path)


def test_the_sample_catalogue_imports_once(register):
	before = procedures_of()
	result = import_catalogue("Administrative Procedure", str(CATALOGUE))
	assert len(result["created"]) == 38 and result["existing"] == []
	assert procedures_of() == before + 38
	spots = frappe.get_all(
		"Administrative Procedure", {"procedure_code": ("like", "1.0010%"), "on_the_spot": 1}
	)
	assert len(spots) == 7
	fields = frappe.get_all(
		"Administrative Procedure", {"procedure_code": ("like", "1.0010%")}, pluck="field", distinct=True
	)
	agencies = frappe.get_all(
		"Administrative Procedure",
		{"procedure_code": ("like", "1.0010%")},
		pluck="competent_agency",
		distinct=True,
	)
	assert len(fields) >= 5 and len(agencies) >= 5
	record = frappe.get_doc("Administrative Procedure", "1.001001-v1")
	assert (record.field, record.competent_agency, record.legal_days, record.online_level) == (
		"Lý lịch tư pháp",
		"Sở Tư pháp",
		10,
		"Full Online",
	)
	assert [(s.stage_name, s.working_days) for s in record.stages] == [
		("Tiếp nhận", 0.5),
		("Thẩm định", 8),
		("Phê duyệt", 1),
		("Trả kết quả", 0.5),
	]
	again = import_catalogue("Administrative Procedure", str(CATALOGUE))
	assert again["created"] == [] and len(again["existing"]) == 38


def test_one_bad_row_names_itself_and_nothing_is_written(register, tmp_path):
	rows = rows_of(CATALOGUE)
	# the first procedure's appraisal stage (file row 3) now takes 9 days: 0.5 + 9 + 1 + 0.5 ≠ 10
	assert rows[2][14] == "Thẩm định"
	rows[2][16] = "9"
	before = procedures_of()
	with pytest.raises(CatalogueImportError, match=r"Row 2, 3, 4, 5: .*11.*10"):
		import_catalogue("Administrative Procedure", write(rows, tmp_path))
	assert procedures_of() == before

	rows = rows_of(CATALOGUE)
	last = max(i for i, r in enumerate(rows) if r[0])
	rows[last][3] = "Sở Không Có Thật"  # the last procedure's agency is unknown
	with pytest.raises(CatalogueImportError, match="Sở Không Có Thật"):
		import_catalogue("Administrative Procedure", write(rows, tmp_path))
	assert procedures_of() == before


def test_a_file_that_is_not_the_template_is_refused(register, tmp_path):
	path = write([["Mã", "Tên"], ["1", "Thủ tục"]], tmp_path)
	with pytest.raises(CatalogueImportError, match="template"):
		import_catalogue("Administrative Procedure", path)


def test_a_dry_run_writes_nothing(register):
	before = procedures_of()
	result = import_catalogue("Administrative Procedure", str(CATALOGUE), dry_run=True)
	assert len(result["created"]) == 38 and procedures_of() == before


def test_stages_add_up_to_the_processing_time():
	with pytest.raises(frappe.ValidationError, match="add up to 4"):
		procedure(legal_days=5, stages=[("Tiếp nhận", None, 1), ("Thẩm định", None, 3)])


def test_a_version_in_use_is_changed_by_a_new_version():
	department = agency("_Test Sở Xây dựng")
	v1 = procedure(legal_days=10, agency=department)
	doc = frappe.get_doc("Administrative Procedure", v1)
	doc.legal_days = 8
	doc.stages[1].working_days = 7
	doc.save()  # no dossier yet: corrected in place
	dossier(v1, dt.datetime(2025, 3, 3, 9, 0))
	doc = frappe.get_doc("Administrative Procedure", v1)
	doc.legal_basis = "Luật Xây dựng 2014"
	doc.save()  # what dossiers do not depend on may still change
	doc.legal_days = 6
	doc.stages[1].working_days = 5
	with pytest.raises(ProcedureVersionError):
		doc.save()

	v2 = new_version(v1, "2025-07-01")
	old, new = frappe.get_doc("Administrative Procedure", v1), frappe.get_doc("Administrative Procedure", v2)
	assert v2 == v1.replace("-v1", "-v2") and new.previous_version == v1 and new.version == 2
	assert (str(old.active_to), old.is_current, str(new.active_from), new.is_current) == (
		"2025-06-30",
		0,
		"2025-07-01",
		1,
	)
	new.legal_days = 6
	new.stages[1].working_days = 5
	new.save()
	code = old.procedure_code
	assert (version_in_force(code, "2025-06-30"), version_in_force(code, "2025-07-01")) == (v1, v2)
	assert version_in_force(code, "2017-12-31") is None
	with pytest.raises(frappe.ValidationError, match="after"):
		new_version(v2, "2025-07-01")


def test_a_misspelt_column_is_not_skipped_in_silence(register, tmp_path):
	rows = rows_of(CATALOGUE)
	rows[0][2] = "Field"  # the label is "Procedure Field"
	with pytest.raises(CatalogueImportError, match=r"Field matches no field.*Procedure Field is missing"):
		import_catalogue("Administrative Procedure", write(rows, tmp_path))


def test_a_row_without_a_mandatory_value_says_which(register, tmp_path):
	rows = rows_of(CATALOGUE)
	rows[1][5] = ""  # the first procedure's processing time
	with pytest.raises(CatalogueImportError, match=r"Row 2, 3, 4, 5: no value for Processing Time"):
		import_catalogue("Administrative Procedure", write(rows, tmp_path))


def test_the_desk_imports_an_uploaded_file_for_whoever_may_create_procedures(register):
	from onestop.procedures.catalogue_import import import_catalogue_file

	from .factories import USERS

	uploaded = frappe.get_doc(
		{"doctype": "File", "file_name": "catalogue.csv", "content": CATALOGUE.read_bytes(), "is_private": 1}
	).insert(ignore_permissions=True)
	frappe.set_user(USERS["receiver"][0])
	with pytest.raises(frappe.PermissionError):
		import_catalogue_file("Administrative Procedure", uploaded.file_url)
	frappe.set_user(USERS["coordinator"][0])
	checked = import_catalogue_file("Administrative Procedure", uploaded.file_url, dry_run=1)
	assert len(checked["created"]) == 38 and procedures_of() == 0
	done = import_catalogue_file("Administrative Procedure", uploaded.file_url)
	assert len(done["created"]) == 38 and procedures_of() == 38
