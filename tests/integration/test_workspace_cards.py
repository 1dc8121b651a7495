"""The number cards of the app's workspaces reach the users they are for. Frappe shows a card to
anyone but a System Manager only when the user can read the card's document type or report
(frappe.desk.doctype.number_card.number_card.has_permission): a Custom card naming neither was
silently left out of every officer's workspace."""

import json
from pathlib import Path

import frappe
import pytest
from frappe.desk.desktop import get_desktop_page

from .factories import user

APP = Path(frappe.get_app_path("onestop"))
CARDS = sorted(APP.glob("*/number_card/*/*.json"))


@pytest.mark.parametrize("path", CARDS, ids=lambda p: p.parent.name)
def test_every_card_names_what_its_readers_must_be_able_to_read(path):
	card = json.loads(path.read_text(encoding="utf-8"))
	if card["type"] == "Report":
		assert card.get("report_name"), f"{card['name']}: a report card without its report"
	else:
		assert card.get("document_type"), (
			f"{card['name']}: no document type, so only System Managers would see it"
		)


@pytest.mark.parametrize(
	"workspace, role",
	[("Dossiers", "Receiving Officer"), ("Dossiers", "Leadership"), ("Coordination", "Plan Coordinator")],
)
def test_a_role_sees_every_card_of_its_workspace(workspace, role):
	listed = [c.number_card_name for c in frappe.get_doc("Workspace", workspace).number_cards]
	email = user(f"cards.{frappe.scrub(role)}@onestop.localhost", role)
	frappe.set_user(email)
	try:
		page = get_desktop_page(json.dumps({"name": workspace, "title": workspace}))
	finally:
		frappe.set_user("Administrator")
	shown = [c.number_card_name for c in page["number_cards"]["items"]]
	assert listed and shown == listed
