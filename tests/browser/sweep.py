"""The sweep's pieces (used by test_sweep.py): which screens each role reaches, a visit of one
screen that records what went wrong on it, the check for English left in the desk, and the
index of screenshots."""

from __future__ import annotations

import html
import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

TIMEOUT = 30_000

# The demo accounts, one per role (fixtures/demo/users.json; Administrator's password is
# ops/sites.py DEMO_ADMIN_PASSWORD)
ROLES = {
	"Plan Coordinator": "coordinator@onestop.localhost",
	"Agency Officer": "officer.snv@onestop.localhost",
	"Agency Head": "head.snv@onestop.localhost",
	"Finance Reviewer": "finance@onestop.localhost",
	"Leadership": "leader@onestop.localhost",
	"Receiving Officer": "receiver@onestop.localhost",
	"Processing Officer": "processor.stp@onestop.localhost",
	"Approving Officer": "approver.stp@onestop.localhost",
	"Administrator": "Administrator",
}

# The views the app defines beside lists (doctype JS: *_calendar.js with gantt: true; the
# Kanban board fixture; the tree of agencies)
VIEWS = {
	"Plan Task": ["view/kanban/Plan Tasks by Status", "view/calendar/default", "view/gantt"],
	"Construction Milestone": ["view/calendar/default", "view/gantt"],
	"Agency": ["view/tree"],
}

# Responses of 400 or more that are meant: (method path or URL pattern, status, why)
REFUSALS: list[tuple[str, int, str]] = [
	(r"^/phieu-so\?so=X999$", 404, "a ticket that does not exist: the page says so, in Vietnamese"),
]

# Console errors that only repeat a response judged above (Chromium logs every failed load)
CONSOLE_ECHO = re.compile(r"^Failed to load resource: the server responded with a status of (\d+)")

# Words of the desk that are not Vietnamese yet are right there: proper names of products,
# file types and views that Vietnamese offices use as they are
ALLOWED_WORDS = {
	"Administrator",  # the site's own administrator account, shown by its name
	"Excel",
	"Kanban",
	"Gantt",
	"Email",  # used as is in Vietnamese administration (thư điện tử in the legal forms)
	"email",
	"onestop",  # the app's name in the navbar logo's alt and the About
	"web",  # Vietnamese as written: "trang web"
	"Asia",  # a time zone's name: Asia/Ho_Chi_Minh
	"Frappe",  # the framework, named in the public pages' footer ("Xây dựng trên nền tảng Frappe")
	# products Frappe's Integrations workspace connects to, by their names (Google Drive, …)
	"Google",
	"Drive",
	"Dropbox",
	"Slack",
	"video",  # written as is in Vietnamese ("Xem video")
	"vest",  # a garment's name in Vietnamese ("Áo vest nữ", the uniform list of the plan)
	"Alt",  # key names, as printed on the keyboard (the reception screen's shortcuts)
	"Ctrl",
	"Enter",
	"ms",  # the unit symbol of milliseconds (an API call's duration)
	"English",  # the public pages' language switch names the language in its own tongue
	"pfx",  # the file type of a PKCS#12 certificate (.pfx), like .p12
	"Webhook",  # the technical term, used as is by Vietnamese integrators (no settled translation)
}

# ASCII words written as Vietnamese syllables in level tone (Vietnamese words without a mark:
# "Thông tin", "ban", "In" for print). A syllable ending in p, t, c or ch always bears a mark,
# so it never appears here.
_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"
_RHYME = r"(?:(?:a|e|i|o|u|y|oa|oe|uy|oo)(?:m|n|ng|nh)?|ai|ao|au|ay|eo|iu|oi|ui|ua|ia|oai|oay|uya|uyu|uay)"
VIETNAMESE_SYLLABLE = re.compile(rf"^{_ONSET}{_RHYME}$", re.IGNORECASE)
# English words that also have that shape, found on Frappe's screens
ENGLISH_LOOKALIKES = {"the", "to", "on", "no", "by", "my", "hi", "me", "go", "be", "he", "via"}
ENGLISH_LOOKALIKES |= {"can", "ten", "man", "pin", "than", "then", "them", "mon", "sun", "none", "via"}

_NOT_WORDS = re.compile(
	r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # addresses
	r"|\bhttps?://\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:localhost|vn|com|org|gov)\b"  # links and hosts
	r"|\b[\w-]+\.(?:pdf|docx?|xlsx?|txt|png|jpe?g|csv|zip)\b"  # file names
	r"|(?<!\w)(?:/[\w.-]+){2,}"  # paths of files (/private/files/…)
	r"|_Test[^\n,;:()]*"  # records the tests leave on the demo site (Frappe's "_Test …" convention)
	r"|\{[^{}\s]*\}"  # placeholders typed as they are ({yyyy}, {seq:N} in a naming pattern)
	r"|\w+ ?(?:\.\.+|…)",  # a label cut short by the chart ("Tr..", "Bị tr ..": not a whole word)
	re.IGNORECASE,
)
_RUN = re.compile(r"\w+(?:['’]\w+)?")


def english_words(text: str) -> list[str]:
	"""The words of `text` that are English (or not Vietnamese at all): plain ASCII words that
	are not a Vietnamese syllable in shape, plus the few English words shaped like one. Codes
	(TTHC, KH-2018-002, VND, QĐ-UBND), numbers, addresses and file names are not words here."""
	found = []
	text = unicodedata.normalize("NFC", text)  # Frappe's vi.csv has a few strings decomposed ("Lịch")
	for word in _RUN.findall(_NOT_WORDS.sub(" ", text)):
		if re.search(r"[\d_]", word):  # a code, a number or a generated name (KH-2018-002, ql4mg75v4v)
			continue
		if not word.isascii() or len(word) < 2 or word.isupper() or word in ALLOWED_WORDS:
			continue
		if sum(c.isupper() for c in word) >= 2:  # a code in mixed case: QĐ-TTg (the Prime Minister's)
			continue
		if word.lower() in ENGLISH_LOOKALIKES or not VIETNAMESE_SYLLABLE.match(word):
			found.append(word)
	return found


@dataclass
class Screen:
	kind: str  # workspace, list, new, form, report, view, print, page
	name: str
	path: str  # from the site's root, e.g. /app/plan-task

	@property
	def label(self) -> str:
		return f"{self.kind} {self.name}"


@dataclass
class Shot:
	screen: Screen
	file: str
	problems: list[str] = field(default_factory=list)
	seconds: float = 0.0


def slug(text: str) -> str:
	return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def app_path(*parts: str) -> str:
	return "/app/" + "/".join(quote(p, safe="") if i else p for i, p in enumerate(parts))


# What each role reaches, worked out on the site as that user (conftest.site_python)
PLAN_SCRIPT = r"""
import json
from frappe.desk.desktop import get_workspace_sidebar_items
modules = frappe.get_all("Module Def", filters={"app_name": "onestop"}, pluck="name")
doctypes = frappe.get_all("DocType", filters={"module": ["in", modules], "istable": 0},
	fields=["name", "issingle", "is_tree"], order_by="module, name")
reports = frappe.get_all("Report", filters={"module": ["in", modules]}, fields=["name", "prepared_report"], order_by="module, name")
prints = frappe.get_all("Print Format", filters={"module": ["in", modules], "disabled": 0},
	fields=["name", "doc_type"], order_by="name")
pages = frappe.get_all("Page", filters={"module": ["in", modules]}, pluck="name", order_by="name")
out["reports"] = reports
out["prints"] = prints
out["roles"] = {}
for role, user in ROLES.items():
	frappe.set_user(user)
	r = {"workspaces": [w["name"] for w in get_workspace_sidebar_items()["pages"]],
		"pages": [p for p in pages if frappe.get_doc("Page", p).is_permitted()],
		"singles": [], "lists": [], "new": [], "records": {}, "trees": [], "reports": [], "prints": []}
	for d in doctypes:
		if not frappe.has_permission(d.name, "read"):
			continue
		if d.issingle:
			r["singles"].append(d.name)
			continue
		r["lists"].append(d.name)
		if d.is_tree:
			r["trees"].append(d.name)
		if frappe.has_permission(d.name, "create"):
			r["new"].append(d.name)
		names = frappe.get_list(d.name, pluck="name", limit=1, order_by="modified desc")
		if names:
			r["records"][d.name] = names[0]
	r["reports"] = [x.name for x in reports if frappe.get_doc("Report", x.name).is_permitted()]
	for p in prints:
		name = r["records"].get(p.doc_type)
		if name and frappe.has_permission(p.doc_type, "print", doc=name):
			r["prints"].append([p.name, p.doc_type, name])
	out["roles"][role] = r
frappe.set_user("Administrator")
from onestop.procedures.forms import dossier_status_url
dossier = frappe.get_last_doc("Dossier")
out["status_url"] = dossier_status_url(dossier).split("/", 3)[3]
ticket = frappe.get_all("Queue Ticket", pluck="name", order_by="creation desc", limit=1)
out["ticket"] = ticket[0] if ticket else None
"""


def screens_of(role: str, plan: dict) -> list[Screen]:
	"""The screens `role` reaches, in the order a person would open them."""
	r = plan["roles"][role]
	screens = [Screen("workspace", w, app_path(slug_ws(w))) for w in r["workspaces"]]
	screens += [Screen("desk page", p, app_path(p)) for p in r.get("pages", [])]
	for dt in r["singles"]:
		screens.append(Screen("form", dt, app_path(slug(dt))))
	for dt in r["lists"]:
		screens.append(Screen("list", dt, app_path(slug(dt))))
		if dt in r["new"]:
			screens.append(Screen("new", dt, app_path(slug(dt), "new")))
		if dt in r["records"]:
			screens.append(Screen("form", dt, app_path(slug(dt), r["records"][dt])))
		for view in VIEWS.get(dt, []):
			screens.append(Screen("view", f"{dt} {view.split('/')[1]}", f"/app/{slug(dt)}/{quote(view)}"))
	for report in r["reports"]:
		screens.append(Screen("report", report, app_path("query-report", report)))
	# the desk's print view of a record (the default format), then each format as the print
	# view's preview loads it (/printview, the page its frame shows)
	for i, (name, doctype, record) in enumerate(r["prints"]):
		if not i:
			screens.append(Screen("print view", doctype, app_path("print", doctype, record)))
		query = f"doctype={quote(doctype)}&name={quote(record)}&format={quote(name)}&no_letterhead=0"
		screens.append(Screen("print", name, f"/printview?{query}"))
	return screens


def slug_ws(name: str) -> str:
	"""The route of a workspace (frappe.router.slug of its name)."""
	return name.lower().replace(" ", "-")


class Recorder:
	"""Listens to one page: script errors, console errors and failed responses of the site,
	kept until the screen being visited takes them."""

	def __init__(self, page, base: str):
		self.base = base
		self.events: list[str] = []
		page.on("pageerror", lambda e: self.events.append(f"script error: {e}"))
		page.on("console", self.console)
		page.on("response", self.response)
		page.on("requestfailed", self.failed)

	def console(self, msg) -> None:
		if msg.type != "error":
			return
		text = msg.text
		if CONSOLE_ECHO.match(text):  # the response itself is judged in response()
			return
		self.events.append(f"console error: {text[:300]}")

	def response(self, resp) -> None:
		if not resp.url.startswith(self.base) or resp.status < 400:
			return
		path = resp.url[len(self.base) :]
		for pattern, status, _why in REFUSALS:
			if resp.status == status and re.search(pattern, path):
				return
		detail = ""
		try:
			body = resp.text()
			exc = re.search(r'"exc_type":\s*"([^"]+)"', body)
			msgs = re.search(r'"_server_messages":\s*"(.{0,200})', body)
			detail = (exc.group(1) if exc else "") + (" " + msgs.group(1) if msgs else "")
		except Exception:
			pass
		args = ""
		if resp.request.method == "POST":
			args = (resp.request.post_data or "")[:160]
		self.events.append(f"HTTP {resp.status} {resp.request.method} {path[:160]} {args} {detail}".rstrip())

	def failed(self, request) -> None:
		if request.url.startswith(self.base) and request.failure not in ("net::ERR_ABORTED",):
			self.events.append(f"request failed: {request.url[len(self.base) :][:160]} ({request.failure})")

	def take(self) -> list[str]:
		events, self.events = self.events, []
		return list(dict.fromkeys(events))


# The text a person reads on a desk screen: the navbar, the sidebar, the page head and the main
# section (and an open dialog), text nodes that are rendered and not hidden by CSS, opacity or
# a closed dropdown. Left out: text for screen readers only (.visually-hidden: awesomplete's
# "Begin typing for results." is never on screen), scripts, and the closed options of a select
# (only its chosen option shows). Records' own titles are data, not the desk: the titles of
# list rows, Kanban cards, calendar events and Gantt bars (tasks of real plans name products:
# "website", "iDesk"), a record's initials in place of its image; and records the HTTP tests
# leave on the demo site, named "_Test …" (Frappe's convention for test records).
VISIBLE_TEXT = """() => {
	const SKIP = 'script, style, .visually-hidden, .sr-only, option, .ql-clipboard, .list-subject, .kanban-card-title, '
		+ '.fc-title, .bar-label, .standard-image, .avatar-frame';
	const roots = [...document.querySelectorAll('.navbar, .page-head, .layout-side-section, .layout-main-section, .desk-sidebar, .modal.show, .print-preview-wrapper')]
		.filter((el, i, all) => !all.some((other) => other !== el && other.contains(el)));
	const parts = [];
	for (const root of roots) {
		const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
		let node;
		while ((node = walker.nextNode())) {
			const text = node.textContent.trim();
			const el = node.parentElement;
			if (!text || !el || el.closest(SKIP)) continue;
			if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
			const box = el.getBoundingClientRect();
			if (box.width < 2 || box.height < 2) continue;
			if (text.startsWith('_Test')) continue;
			parts.push(text);
		}
		for (const select of root.querySelectorAll('select')) {
			if (select.checkVisibility() && select.selectedOptions[0]) parts.push(select.selectedOptions[0].text);
		}
	}
	return parts.join('\\n');
}"""

LOADING = re.compile(r"Đang tải|Loading|Đang xử lý\.\.\.")


def settle(page) -> None:
	"""Wait until the page is idle: no request in flight for half a second, Frappe's own count
	of calls at zero, no freeze."""
	try:  # the print view's frame never lets the network rest: the checks below decide then
		page.wait_for_load_state("networkidle", timeout=8_000)
	except Exception:
		pass
	deadline = time.time() + TIMEOUT / 1000
	while time.time() < deadline:
		try:
			busy = page.evaluate(
				"() => !!(window.frappe && ((frappe.request && frappe.request.ajax_count) || [...document.querySelectorAll('#freeze')].some((e) => e.checkVisibility())))"
			)
		except Exception:  # a navigation under way
			busy = True
		if not busy:
			break
		page.wait_for_timeout(200)
	page.wait_for_timeout(600)
	# a widget still loading (a chart waiting for its data behind the others on a loaded machine)
	# is given the rest of the time; one still loading after that is reported by still_loading
	try:
		page.wait_for_function(
			"() => !/Đang tải|Loading|Đang xử lý\\.\\.\\./.test(document.body.innerText)",
			timeout=max(1_000, int((deadline - time.time()) * 1000)),
		)
	except Exception:
		pass


def evaluate(page, script: str, arg=None):
	"""page.evaluate, tried again once the page settles when a navigation (a redirect, the
	desk's own reload) replaced the document under it."""
	for attempt in range(3):
		try:
			return page.evaluate(script, arg)
		except Exception as exc:
			if attempt == 2 or ("context was destroyed" not in str(exc) and "navigat" not in str(exc)):
				raise
			settle(page)


def still_loading(page) -> list[str]:
	text = evaluate(page, "() => document.body.innerText")
	return sorted({m.group(0) for m in LOADING.finditer(text)})


def write_index(directory: Path, shots: dict[str, list[Shot]]) -> Path:
	"""One page linking every screenshot, each under its role and screen, with its problems."""
	rows = []
	total = sum(len(s) for s in shots.values())
	bad = sum(1 for s in shots.values() for x in s if x.problems)
	rows.append(f"<h1>Duyệt toàn bộ màn hình: {total} màn hình, {bad} có lỗi</h1>")
	for role, items in shots.items():
		rows.append(f"<h2 id='{slug(role)}'>{html.escape(role)} ({len(items)})</h2><div class='grid'>")
		for s in items:
			problems = "".join(f"<li>{html.escape(p)}</li>" for p in s.problems)
			rows.append(
				f"<figure class='{'bad' if s.problems else 'ok'}'><a href='{html.escape(s.file)}'>"
				f"<img loading='lazy' src='{html.escape(s.file)}'></a><figcaption>"
				f"<b>{html.escape(s.screen.kind)}</b> {html.escape(s.screen.name)} "
				f"<small>{s.seconds:.1f} s</small><ul>{problems}</ul></figcaption></figure>"
			)
		rows.append("</div>")
	nav = " · ".join(f"<a href='#{slug(r)}'>{html.escape(r)}</a>" for r in shots)
	page = (
		"<!doctype html><meta charset='utf-8'><title>onestop: sweep</title><style>"
		"body{font:14px sans-serif;margin:1em}.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}"
		"figure{margin:0;border:2px solid #cde;padding:4px}figure.bad{border-color:#d33}img{width:100%;height:200px;"
		"object-fit:cover;object-position:top}ul{color:#b00;margin:0;padding-left:1.2em;font-size:12px}</style>"
		f"<p>{nav}</p>" + "\n".join(rows)
	)
	index = directory / "index.html"
	index.write_text(page, encoding="utf-8")
	return index
