"""Progress and evidence are appended by the server, stamped by it, and never rewritten through
the document API (planning/progress.py, PlanTask.keep_history)."""

import frappe
import pytest
from frappe.utils import nowdate

from onestop.planning.progress import ProgressError, add_evidence, add_progress

from .factories import World


@pytest.fixture
def world():
	return World()


def uploaded(owner: str, name: str = "bien-ban.txt") -> str:
	frappe.set_user(owner)
	file = frappe.get_doc(
		{"doctype": "File", "file_name": name, "content": b"bien ban hop", "is_private": 1}
	).insert(ignore_permissions=True)
	return file.file_url


def test_progress_is_appended_and_stamped_by_the_server(world):
	frappe.set_user(world.officer_a)
	first = add_progress(world.task_a, "Đã lấy ý kiến", "30")
	second = add_progress(world.task_a, "Đã trình ký", 80)
	assert (first["progress"], second["progress"]) == (30, 80)
	doc = frappe.get_doc("Plan Task", world.task_a)
	assert [(u.note, u.progress, u.updated_by, str(u.update_date)) for u in doc.updates] == [
		("Đã lấy ý kiến", 30, world.officer_a, nowdate()),
		("Đã trình ký", 80, world.officer_a, nowdate()),
	]
	assert doc.progress == 80
	assert any(
		"Đã trình ký" in c.content
		for c in frappe.get_all("Comment", filters={"reference_name": world.task_a}, fields=["content"])
	)


def test_evidence_is_attached_with_its_update_in_one_step(world):
	url = uploaded(world.officer_a)
	frappe.set_user(world.officer_a)
	result = add_progress(world.task_a, "Đã họp", 50, attachment=url, description="Biên bản họp")
	doc = frappe.get_doc("Plan Task", world.task_a)
	assert result["evidence"] and doc.evidence[-1].attachment == url
	assert doc.evidence[-1].added_by == world.officer_a and doc.evidence[-1].description == "Biên bản họp"
	file = frappe.get_doc("File", {"file_url": url})
	assert (file.attached_to_doctype, file.attached_to_name) == ("Plan Task", world.task_a)


def test_two_officers_may_give_files_of_the_same_content(world):
	"""Frappe keeps identical contents once (one URL for several File records): each officer's
	own upload is theirs to attach, whoever uploaded the same bytes last."""
	mine = uploaded(world.officer_a, "mau-bao-cao.txt")
	theirs = uploaded(world.officer_b, "mau-bao-cao.txt")
	assert mine == theirs
	frappe.set_user(world.officer_a)
	assert add_evidence(world.task_a, mine)
	frappe.set_user(world.officer_b)
	assert add_evidence(world.task_b, theirs)
	attached = frappe.get_all("File", filters={"file_url": mine}, pluck="attached_to_name")
	assert {world.task_a, world.task_b} <= set(attached)


def test_someone_elses_file_cannot_be_given_as_evidence(world):
	url = uploaded(world.officer_b, "cua-so-b.txt")
	frappe.set_user(world.officer_a)
	with pytest.raises(ProgressError):
		add_evidence(world.task_a, url)


def test_a_save_through_the_document_api_keeps_the_history(world):
	frappe.set_user(world.officer_a)
	add_progress(world.task_a, "Ghi nhận của Sở A", 40)
	doc = frappe.get_doc("Plan Task", world.task_a)
	doc.updates[0].note = "đã sửa"  # as a crafted PUT of the table would
	doc.updates[0].updated_by = world.coordinator
	doc.append("updates", {"note": "giả mạo", "progress": 100, "updated_by": world.coordinator})
	doc.progress = 100
	doc.completed_on = "2018-01-01"
	doc.save()
	doc.reload()
	assert [(u.note, u.updated_by) for u in doc.updates] == [("Ghi nhận của Sở A", world.officer_a)]
	assert doc.progress == 40 and doc.completed_on is None
	doc.set("updates", [])  # a PUT without the table's rows
	doc.save()
	assert frappe.db.count("Plan Task Update", {"parent": world.task_a}) == 1


@pytest.mark.parametrize("value", ["abc", -50, 150, "1e25"])
def test_a_progress_figure_outside_0_to_100_is_refused(world, value):
	frappe.set_user(world.officer_a)
	with pytest.raises(ProgressError):
		add_progress(world.task_a, "ghi chú", value)
	assert frappe.db.count("Plan Task Update", {"parent": world.task_a}) == 0


def test_notes_are_plain_text_of_bounded_length(world):
	frappe.set_user(world.officer_a)
	with pytest.raises(ProgressError):
		add_progress(world.task_a, "x" * 200_000, 10)
	with pytest.raises(ProgressError):
		add_progress(world.task_a, "   ", 10)
	add_progress(world.task_a, "<img src=x onerror=alert(1)>Đã <b>xong</b> bước 1", 10)
	assert frappe.get_doc("Plan Task", world.task_a).updates[-1].note == "Đã xong bước 1"


def test_leadership_cannot_record_progress(world):
	frappe.set_user(world.leader)
	with pytest.raises(frappe.PermissionError):
		add_progress(world.task_a, "đọc thôi", 10)
