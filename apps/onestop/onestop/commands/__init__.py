"""bench commands of onestop.

bench --site SITE onestop-import-plan PLAN.txt [--dry-run]
bench --site SITE onestop-load-fixtures DIR
"""

import json
import sys
from pathlib import Path

import click
from frappe.commands import get_site, pass_context


@click.command("onestop-import-plan")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Print what would change; write nothing.")
@click.option("--year", type=int, help="The plan's year when the document gives none.")
@pass_context
def import_plan_command(context, path, dry_run=False, year=None):
	"""Import a plan (.txt, .docx, .pdf with a text layer, or the JSON the parser prints) into
	the site, in one transaction."""
	import frappe

	from onestop.plan_reader.files import read_document
	from onestop.plan_reader.model import PlanParseError
	from onestop.planning.plan_import import PlanImportError, import_plan, import_plan_text

	frappe.init(site=get_site(context))
	frappe.connect()
	try:
		file = Path(path)
		if file.suffix == ".json":
			report = import_plan(
				json.loads(file.read_text(encoding="utf-8")), source_name=file.name, dry_run=dry_run
			)
		else:
			report = import_plan_text(read_document(file), source_name=file.name, dry_run=dry_run, year=year)
		if dry_run:
			frappe.db.rollback()
		else:
			frappe.db.commit()
		click.echo(report.summary())
	except (PlanImportError, PlanParseError, ValueError, UnicodeDecodeError) as e:
		frappe.db.rollback()
		click.secho(f"{path}: {frappe.utils.strip_html(str(e))}", fg="red", err=True)
		sys.exit(1)
	finally:
		frappe.destroy()


@click.command("onestop-import-catalogue")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option(
	"--doctype", default="Administrative Procedure", help="Administrative Procedure or Procedure Field"
)
@click.option("--dry-run", is_flag=True, help="Check every record; write nothing.")
@pass_context
def import_catalogue_command(context, path, doctype, dry_run=False):
	"""Import a procedure catalogue (a Data Import CSV/XLSX template), all or nothing."""
	import frappe

	from onestop.procedures.catalogue_import import CatalogueImportError, import_catalogue

	frappe.init(site=get_site(context))
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		result = import_catalogue(doctype, str(Path(path).resolve()), dry_run=dry_run)
		frappe.db.commit()
		verb = "would create" if dry_run else "created"
		click.echo(f"{path}: {len(result['created'])} {verb}, {len(result['existing'])} already there")
	except (CatalogueImportError, frappe.ValidationError) as e:
		frappe.db.rollback()
		click.secho(f"{path}: {frappe.utils.strip_html(str(e))}", fg="red", err=True)
		sys.exit(1)
	finally:
		frappe.destroy()


@click.command("onestop-load-fixtures")
@click.argument("directory", type=click.Path(exists=True, file_okay=False))
@pass_context
def load_fixtures_command(context, directory):
	"""Load the agency registers (agencies/*.json), the demo users (demo/users.json), the plans
	(plans/*.txt), the procedure catalogue (procedures/*.csv), demo dossiers (demo/dossiers.json)
	and demo resources (resources/*.json) of DIRECTORY.
	Loading again updates in place and adds nothing twice."""
	import frappe

	from onestop.demo import load_demo_users
	from onestop.planning.plan_import import import_plan_text
	from onestop.planning.register_import import load_register
	from onestop.procedures.catalogue_import import import_catalogue
	from onestop.procedures.demo_dossiers import make_demo_dossiers
	from onestop.resources.demo import load_resources

	frappe.init(site=get_site(context))
	frappe.connect()
	frappe.set_user("Administrator")
	# what the loader's saves write in words (a budget charge's description, a uniform issue's
	# entitlement note) reads in the site's language, as a user's save would write it
	frappe.local.lang = frappe.get_system_settings("language") or frappe.local.lang
	root = Path(directory)
	try:
		for file in sorted((root / "agencies").glob("*.json")):
			result = load_register(json.loads(file.read_text(encoding="utf-8")))
			click.echo(
				f"{file.name}: {len(result['created'])} agencies created, {len(result['updated'])} updated"
			)
		users = root / "demo" / "users.json"
		if users.exists():
			spec = json.loads(users.read_text(encoding="utf-8"))
			emails = load_demo_users(spec["users"], spec["password"])
			click.echo(f"demo users: {', '.join(emails)}")
		for file in sorted((root / "plans").glob("*.txt")):
			report = import_plan_text(file.read_text(encoding="utf-8"), source_name=file.name)
			click.echo(f"{file.name}: {report.summary().splitlines()[1]} ({report.plan})")
		for doctype, file in (
			("Procedure Field", root / "procedures" / "procedure_fields.csv"),
			("Administrative Procedure", root / "procedures" / "administrative_procedures.csv"),
		):
			if file.exists():
				result = import_catalogue(doctype, str(file))
				click.echo(
					f"{file.name}: {len(result['created'])} created, {len(result['existing'])} already there"
				)
		demo = root / "demo" / "dossiers.json"
		if demo.exists():
			made = make_demo_dossiers(json.loads(demo.read_text(encoding="utf-8")))
			click.echo(f"demo dossiers: {made} made")
		for file in sorted((root / "resources").glob("*.json")):
			made = load_resources(json.loads(file.read_text(encoding="utf-8")))
			click.echo(f"{file.name}: " + (", ".join(f"{n} {d}" for d, n in made.items()) or "nothing new"))
		frappe.db.commit()
	except Exception as e:
		frappe.db.rollback()
		click.secho(f"{directory}: {frappe.utils.strip_html(str(e))}", fg="red", err=True)
		sys.exit(1)
	finally:
		frappe.destroy()


@click.command("onestop-rebuild-dossier-counts")
@pass_context
def rebuild_dossier_counts_command(context):
	"""Recompute Dossier Daily Count (the KPIs' counters) from the dossiers, e.g. after a bulk
	load that bypassed the Dossier controller."""
	import frappe

	from onestop.procedures.daily_counts import rebuild

	frappe.init(site=get_site(context))
	frappe.connect()
	try:
		rows = rebuild()
		frappe.db.commit()
		click.echo(f"{rows} counter rows")
	finally:
		frappe.destroy()


@click.command("onestop-setup-site")
@pass_context
def setup_site_command(context):
	"""Make the site onestop's own: Vietnamese desk, time zone, formats, VND, setup wizard done."""
	import frappe

	from onestop.setup import setup_site

	frappe.init(site=get_site(context))
	frappe.connect()
	frappe.set_user("Administrator")
	try:
		setup_site()
		frappe.db.commit()
	finally:
		frappe.destroy()


commands = [
	setup_site_command,
	import_plan_command,
	import_catalogue_command,
	load_fixtures_command,
	rebuild_dossier_counts_command,
]
