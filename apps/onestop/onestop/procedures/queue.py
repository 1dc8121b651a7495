"""Queue numbers at the centre's hall: the kiosk gives a number, the counters call it, the hall's
screen shows it (Decree 61/2018/NĐ-CP, Art. 13 and Decree 118/2025/NĐ-CP: the one-stop unit
arranges the reception of citizens in order at its counters; Decision 766/QĐ-TTg measures
the waiting it costs them).

- A citizen takes a number for a procedure field at the kiosk (/lay-so, take_ticket: no login,
  rate-limited per address). Numbers are the field's prefix and the ticket's place in the day's
  line: "A012". Two takes at once never get the same number: the field's row is locked while
  the next place is read and the ticket written (SELECT … FOR UPDATE), and the ticket's name
  (20261202-A012) and a unique index (day, prefix, place) hold it in the database as well.
- A counter calls the next waiting ticket of the fields it serves (call_next: the officer at
  the counter, a receiving officer or a system manager). The oldest waiting ticket is taken
  with SELECT … FOR UPDATE SKIP LOCKED, so two counters calling at once take two tickets.
  Calling the next number finishes the one at the counter (served from its call when the
  officer never pressed "start serving"); recall, start_serving, finish and no_show act on
  the ticket at the counter.
- The hall's screen (/man-hinh-goi-so) reads display_state (cached, rate-limited) and receives
  every change through Frappe's realtime (socket.io): event EVENT in Frappe's "website" room,
  which every visitor's socket joins, Guest included (sent once the change is committed).
- A dossier received from a ticket is linked to it (Dossier after_insert: the ticket named in
  the dossier's `queue_ticket` value, else the ticket at the receiving officer's counter).

Times come from onestop.core.clock (the real time, or the moment a test sets).
"""

from __future__ import annotations

import datetime as dt

import frappe
from frappe import _
from frappe.rate_limiter import rate_limit

from onestop.core import clock
from onestop.queue_numbers import next_free_prefix, ticket_number

EVENT = "onestop_queue"
ROOM = "website"  # every socket joins it, the Guest's on a public page too (frappe realtime)
CALLERS = frozenset({"System Manager", "Receiving Officer"})  # may call at any counter
OPEN = ("Called", "Serving")  # a ticket at a counter
TAKES = 60  # tickets one address may take a minute: a busy kiosk's, not a script's
LOOKUPS = 60  # ticket views one address may make a minute (a phone following its ticket)
DISPLAY_READS = 300  # reads of the screen's state one address may make a minute
RECENT = 8  # the last numbers called, shown on the screen
DISPLAY_CACHE = "onestop_queue_display"
DISPLAY_SECONDS = 30  # the screen's state is kept this long unless a change clears it


class QueueError(frappe.ValidationError):
	"""A queue call that cannot be done (HTTP 417, with a translated message)."""


# ------------------------------------------------------------------ fields and prefixes
def ensure_prefixes(fields: list[str]) -> dict[str, str]:
	"""Give each of `fields` (Procedure Field names) a queue prefix if it has none: the first
	free letter, in the order of the fields' names. Returns {field: prefix}."""
	rows = frappe.get_all("Procedure Field", fields=["name", "queue_prefix"], order_by="name asc")
	used = {r.queue_prefix for r in rows if r.queue_prefix}
	wanted = set(fields)
	result = {}
	for row in rows:
		if row.name in wanted and not row.queue_prefix:
			row.queue_prefix = next_free_prefix(used)
			used.add(row.queue_prefix)
			frappe.db.set_value("Procedure Field", row.name, "queue_prefix", row.queue_prefix)
		if row.name in wanted:
			result[row.name] = row.queue_prefix
	return result


def check_counter(doc, method=None) -> None:
	"""Service Counter validate (hooks.py): each field called there once, and each given its
	queue prefix when first served; the officer an active user; the ticket at the counter set by
	the queue's own calls only (a form's save keeps the stored one)."""
	seen = set()
	for row in doc.get("fields") or []:
		if row.field in seen:
			frappe.throw(_("The field {0} is listed twice.").format(row.field), QueueError)
		seen.add(row.field)
	fields = counter_fields(doc)
	if fields:
		ensure_prefixes(fields)
	if doc.officer and not frappe.db.get_value("User", doc.officer, "enabled"):
		frappe.throw(_("The officer {0} is not an active user.").format(doc.officer), QueueError)
	doc.current_ticket = (
		None if doc.is_new() else frappe.db.get_value("Service Counter", doc.name, "current_ticket")
	)


def counter_fields(counter: str | dict) -> list[str]:
	"""The fields whose tickets a counter calls: those it lists (Fields Called Here), else the
	fields of the current procedures of the agency it serves (Agency Served); [] for none.
	`counter`: a Service Counter name, or a record (a form being saved) with fields and agency."""
	if isinstance(counter, str):
		listed = frappe.get_all(
			"Service Counter Field",
			filters={"parent": counter, "parenttype": "Service Counter"},
			pluck="field",
		)
		agency = None if listed else frappe.db.get_value("Service Counter", counter, "agency")
	else:
		listed = [row.field for row in counter.get("fields") or [] if row.field]
		agency = counter.get("agency")
	if listed or not agency:
		return sorted(set(listed))
	return sorted(
		set(
			frappe.get_all(
				"Administrative Procedure",
				filters={"competent_agency": agency, "is_current": 1, "field": ("is", "set")},
				pluck="field",
			)
		)
	)


def served_fields() -> list[dict]:
	"""The fields some active counter serves, with their prefix and name, in prefix order:
	the kiosk's buttons."""
	named = set()
	for counter in frappe.get_all("Service Counter", filters={"is_active": 1}, pluck="name"):
		named.update(counter_fields(counter))
	if not named:
		return []
	rows = frappe.get_all(
		"Procedure Field",
		filters={"queue_prefix": ("is", "set"), "name": ("in", sorted(named))},
		fields=["name as field", "field_name", "queue_prefix as prefix"],
	)
	return sorted(rows, key=lambda r: (len(r.prefix), r.prefix))


def _today() -> dt.date:
	return clock.now().date()


def waiting_counts(day: dt.date | None = None) -> dict[str, int]:
	"""{field: tickets waiting} for `day` (today by default)."""
	rows = frappe.get_all(
		"Queue Ticket",
		filters={"ticket_date": day or _today(), "status": "Waiting"},
		fields=["field", "count(*) as n"],
		group_by="field",
	)
	return {r.field: int(r.n) for r in rows}


# ------------------------------------------------------------------ the kiosk
@frappe.whitelist(allow_guest=True)
@rate_limit(limit=LOOKUPS, seconds=60)
def kiosk_fields() -> list[dict]:
	"""The kiosk's buttons: [{field, field_name, prefix, waiting}] for each field an active
	counter serves, in prefix order; waiting is the number of tickets of today still waiting.
	No login; at most LOOKUPS calls a minute per address (HTTP 429 beyond)."""
	waiting = waiting_counts()
	return [{**row, "waiting": waiting.get(row.field, 0)} for row in served_fields()]


@frappe.whitelist(allow_guest=True, methods=["POST"])
@rate_limit(limit=TAKES, seconds=60)
def take_ticket(field: str) -> dict:
	"""Take a queue number for the procedure field `field` (its name), now.

	Returns the ticket as ticket_view shows it: {ticket, number ("A012"), field, field_name,
	status "Waiting", taken_at, ahead (tickets of the same field waiting before it)}.
	Raises QueueError (HTTP 417, translated) for a field no active counter serves; more than
	TAKES takes a minute from one address is HTTP 429. No login (the kiosk is public).
	Numbers are unique per day and prefix under parallel takes: the field's row is locked
	until the ticket is committed."""
	field = (field or "").strip()
	row = field and frappe.db.get_value(
		"Procedure Field", field, ["name", "field_name", "queue_prefix"], as_dict=True, for_update=True
	)
	if not row or not row.queue_prefix or field not in {f.field for f in served_fields()}:
		frappe.throw(_("No counter takes numbers for this field today."), QueueError)
	# the moment and the place are read under the field's lock: places and times keep one order
	now = clock.now()
	day = now.date()
	# a locking read: the latest committed tickets, not the request's older snapshot
	last = frappe.db.sql(
		"""select max(seq) from `tabQueue Ticket` where ticket_date = %s and prefix = %s for update""",
		(day, row.queue_prefix),
	)[0][0]
	seq = int(last or 0) + 1
	doc = frappe.get_doc(
		{
			"doctype": "Queue Ticket",
			"ticket_date": day,
			"prefix": row.queue_prefix,
			"seq": seq,
			"ticket_number": ticket_number(row.queue_prefix, seq),
			"field": row.name,
			"status": "Waiting",
			"taken_at": now,
		}
	).insert(ignore_permissions=True)
	_changed("taken", doc)
	view = ticket_view(doc.name)
	# the tickets before it that left the line (the snapshot may not show the newest ones: every
	# place below this one exists, so those not seen leaving are counted as waiting)
	left = frappe.db.count(
		"Queue Ticket",
		{"ticket_date": day, "prefix": row.queue_prefix, "seq": ("<", seq), "status": ("!=", "Waiting")},
	)
	view["ahead"] = seq - 1 - left
	return view


def ticket_view(name: str) -> dict | None:
	"""What a ticket's holder may see of it (no dossier, no officer): {ticket, number, field,
	field_name, status, taken_at, called_at, counter_name, ahead}; ahead counts the tickets of
	the same day and field taken before it and still waiting (0 once it is called). None for
	an unknown ticket."""
	row = frappe.db.get_value(
		"Queue Ticket",
		name,
		[
			"name",
			"ticket_number",
			"ticket_date",
			"prefix",
			"seq",
			"field",
			"status",
			"taken_at",
			"called_at",
			"counter",
		],
		as_dict=True,
	)
	if not row:
		return None
	ahead = 0
	if row.status == "Waiting":
		ahead = frappe.db.count(
			"Queue Ticket",
			{
				"ticket_date": row.ticket_date,
				"prefix": row.prefix,
				"status": "Waiting",
				"seq": ("<", row.seq),
			},
		)
	return {
		"ticket": row.name,
		"number": row.ticket_number,
		"date": row.ticket_date,
		"field": row.field,
		"field_name": frappe.db.get_value("Procedure Field", row.field, "field_name") if row.field else None,
		"status": row.status,
		"taken_at": row.taken_at,
		"called_at": row.called_at,
		"counter_name": row.counter,
		"ahead": ahead,
	}


@frappe.whitelist(allow_guest=True)
@rate_limit(limit=LOOKUPS, seconds=60)
def ticket_status(ticket: str) -> dict:
	"""A ticket as its holder follows it (the printed ticket's QR code opens /phieu-so): see
	ticket_view. Raises QueueError (HTTP 417) for an unknown ticket; at most LOOKUPS a minute
	per address. No login: the ticket shows no personal data."""
	view = ticket_view((ticket or "").strip()) if ticket else None
	if not view:
		frappe.throw(_("No ticket has this number."), QueueError)
	return view


# ------------------------------------------------------------------ the hall's screen
@frappe.whitelist(allow_guest=True)
@rate_limit(limit=DISPLAY_READS, seconds=60)
def display_state() -> dict:
	"""The hall's screen: {counters: [{counter, counter_name, number, status, field_name}],
	recent: [{number, counter_name, field_name, called_at}] (the RECENT last called today,
	newest first), waiting: tickets waiting today, at}. number is the ticket called or being
	served at the counter (None when none). Cached for DISPLAY_SECONDS and cleared by every
	change; no login; at most DISPLAY_READS reads a minute per address (HTTP 429 beyond)."""
	state = frappe.cache.get_value(DISPLAY_CACHE)
	if state is None:
		state = _display_state()
		frappe.cache.set_value(DISPLAY_CACHE, state, expires_in_sec=DISPLAY_SECONDS)
	return state


def _display_state() -> dict:
	field_names = dict(frappe.get_all("Procedure Field", fields=["name", "field_name"], as_list=True))
	counters = frappe.get_all(
		"Service Counter",
		filters={"is_active": 1},
		fields=["name", "counter_name", "current_ticket", "sort_order"],
		order_by="sort_order asc, counter_name asc",
	)
	current = {
		t.name: t
		for t in frappe.get_all(
			"Queue Ticket",
			filters={"name": ("in", [c.current_ticket for c in counters if c.current_ticket] or [""])},
			fields=["name", "ticket_number", "status", "field"],
		)
	}
	today = _today()
	recent = frappe.get_all(
		"Queue Ticket",
		filters={"ticket_date": today, "called_at": ("is", "set")},
		fields=["ticket_number", "counter", "field", "called_at"],
		order_by="called_at desc",
		limit=RECENT,
	)
	return {
		"counters": [
			{
				"counter": c.name,
				"counter_name": c.counter_name,
				"number": current[c.current_ticket].ticket_number if c.current_ticket in current else None,
				"status": current[c.current_ticket].status if c.current_ticket in current else None,
				"field_name": field_names.get(current[c.current_ticket].field)
				if c.current_ticket in current
				else None,
			}
			for c in counters
		],
		"recent": [
			{
				"number": r.ticket_number,
				"counter_name": r.counter,
				"field_name": field_names.get(r.field),
				"called_at": str(r.called_at),
			}
			for r in recent
		],
		"waiting": frappe.db.count("Queue Ticket", {"ticket_date": today, "status": "Waiting"}),
		"at": str(clock.now().replace(microsecond=0)),
	}


def _changed(kind: str, ticket, counter: str | None = None) -> None:
	"""After the transaction commits: the screen's cache cleared, then the change sent to every
	socket of the site's website room (the hall's screen, the counters' panels)."""
	frappe.db.after_commit.add(_clear_display_cache)
	field_name = frappe.db.get_value("Procedure Field", ticket.field, "field_name") if ticket else None
	frappe.publish_realtime(
		EVENT,
		{
			"kind": kind,
			"counter": counter,
			"counter_name": counter,
			"number": ticket.ticket_number if ticket else None,
			"status": ticket.status if ticket else None,
			"field": ticket.field if ticket else None,
			"field_name": field_name,
		},
		room=ROOM,
		after_commit=True,
	)


def _clear_display_cache() -> None:
	frappe.cache.delete_value(DISPLAY_CACHE)


# ------------------------------------------------------------------ the counters
def may_use_counter(counter: dict, user: str | None = None) -> bool:
	"""The officer at the counter, a receiving officer or a system manager."""
	user = user or frappe.session.user
	if user == "Administrator" or (counter.get("officer") and counter.get("officer") == user):
		return True
	return bool(CALLERS & set(frappe.get_roles(user)))


def _lock_counter(counter: str) -> frappe._dict:
	"""The counter's row, locked until the transaction ends; QueueError when it is unknown,
	inactive or not the caller's to use."""
	row = frappe.db.get_value(
		"Service Counter",
		(counter or "").strip(),
		["name", "counter_name", "officer", "is_active", "current_ticket"],
		as_dict=True,
		for_update=True,
	)
	if not row:
		frappe.throw(_("No counter has this name."), QueueError)
	if not may_use_counter(row):
		frappe.throw(
			_("Only the officer at {0} or a receiving officer calls its numbers.").format(row.counter_name),
			frappe.PermissionError,
		)
	if not row.is_active:
		frappe.throw(_("The counter {0} is closed.").format(row.counter_name), QueueError)
	return row


def _ticket(name: str, counter: frappe._dict) -> frappe._dict:
	row = frappe.db.get_value(
		"Queue Ticket",
		name,
		["name", "ticket_number", "status", "counter", "field", "called_at", "served_at", "recalls"],
		as_dict=True,
		for_update=True,
	)
	if not row or row.counter != counter.name or row.status not in OPEN:
		frappe.throw(_("This ticket is not at the counter {0}.").format(counter.counter_name), QueueError)
	return row


def _set_ticket(ticket: frappe._dict, **values) -> None:
	frappe.db.set_value("Queue Ticket", ticket.name, values)
	ticket.update(values)


def _set_current(counter: frappe._dict, ticket: str | None) -> None:
	frappe.db.set_value("Service Counter", counter.name, "current_ticket", ticket, update_modified=False)
	counter.current_ticket = ticket


def _finish(ticket: frappe._dict, now: dt.datetime) -> None:
	"""Done now; served from its call when the officer never started the service."""
	_set_ticket(ticket, status="Done", served_at=ticket.served_at or ticket.called_at, done_at=now)


def _locked_ticket_at(counter_name: str, ticket: str | None) -> tuple[frappe._dict, frappe._dict]:
	"""The counter (locked first, as call_next locks it) and its ticket `ticket` (locked)."""
	name = (ticket or "").strip()
	counter = frappe.db.get_value("Queue Ticket", name, "counter") if name else None
	if not counter:
		frappe.throw(_("This ticket has not been called at a counter."), QueueError)
	counter = _lock_counter(counter if not counter_name else counter_name)
	return counter, _ticket(name, counter)


def _result(counter: frappe._dict, ticket: frappe._dict | None) -> dict:
	return {"counter": counter.name, "ticket": ticket_view(ticket.name) if ticket else None}


CANDIDATES = 50  # waiting tickets tried, oldest first, before a counter is told nobody waits


def _take_oldest_waiting(fields: list[str], day: dt.date) -> frappe._dict | None:
	"""The oldest ticket of `day` still waiting for one of `fields`, locked for this transaction;
	None when there is none. The line is read in order without locks, then each candidate is
	locked by its primary key with SKIP LOCKED and checked to be still waiting (a locking read
	sees the latest committed row): a ticket another counter is calling is passed over, and
	only the ticket taken is locked (a sorted locking read would lock every row it sorts, and
	leave nothing to the counters calling at the same moment)."""
	if not fields:
		return None
	candidates = frappe.get_all(
		"Queue Ticket",
		filters={"ticket_date": day, "status": "Waiting", "field": ("in", fields)},
		pluck="name",
		order_by="taken_at asc, seq asc",
		limit=CANDIDATES,
	)
	for name in candidates:
		row = frappe.db.sql(
			"""select name, ticket_number, field from `tabQueue Ticket`
			where name = %s and status = 'Waiting' for update skip locked""",
			name,
			as_dict=True,
		)
		if row:
			return row[0]
	return None


@frappe.whitelist(methods=["POST"])
def call_next(counter: str) -> dict:
	"""Call the next number at `counter` (a Service Counter name): the oldest ticket of today
	still waiting, of the fields the counter calls (counter_fields).

	The ticket at the counter before is finished first (Done; served from its call if the
	service was never started). Returns {counter, ticket: ticket_view or None when nobody is
	waiting}. Raises frappe.PermissionError (HTTP 403) unless the caller is the officer at the
	counter, a receiving officer or a system manager; QueueError (HTTP 417) for an unknown or
	closed counter. The counter's row and the ticket's are locked (SELECT … FOR UPDATE; SKIP
	LOCKED on each ticket of the waiting line: _take_oldest_waiting), so counters calling at
	once never take the same ticket."""
	c = _lock_counter(counter)
	now = clock.now()
	if c.current_ticket:
		current = frappe.db.get_value(
			"Queue Ticket",
			c.current_ticket,
			["name", "ticket_number", "status", "field", "called_at", "served_at"],
			as_dict=True,
			for_update=True,
		)
		if current and current.status in OPEN:
			_finish(current, now)
	found = _take_oldest_waiting(counter_fields(c.name), now.date())
	if not found:
		_set_current(c, None)
		_changed("cleared", None, c.name)
		return _result(c, None)
	ticket = found
	_set_ticket(ticket, status="Called", counter=c.name, called_at=now, called_by=frappe.session.user)
	_set_current(c, ticket.name)
	_changed("called", ticket, c.name)
	return _result(c, ticket)


@frappe.whitelist(methods=["POST"])
def recall(ticket: str) -> dict:
	"""Call the ticket at its counter again (the citizen did not come up yet): the screen shows
	it again. Returns {counter, ticket}. Same permission and errors as call_next; QueueError
	when the ticket is not called or served at a counter."""
	c, t = _locked_ticket_at(None, ticket)
	_set_ticket(t, recalls=(t.recalls or 0) + 1)
	_changed("recalled", t, c.name)
	return _result(c, t)


@frappe.whitelist(methods=["POST"])
def start_serving(ticket: str) -> dict:
	"""The citizen of `ticket` is at the counter: service starts now (served_at). Returns
	{counter, ticket}. QueueError unless the ticket is Called at a counter; permission as
	call_next."""
	c, t = _locked_ticket_at(None, ticket)
	if t.status != "Called":
		frappe.throw(_("The service of this ticket has started already."), QueueError)
	_set_ticket(t, status="Serving", served_at=clock.now())
	_changed("serving", t, c.name)
	return _result(c, t)


@frappe.whitelist(methods=["POST"])
def finish(ticket: str) -> dict:
	"""The service of `ticket` is over (done_at now; served from its call when never started);
	the counter is free. Returns {counter, ticket}. QueueError unless the ticket is Called or
	Serving at a counter; permission as call_next."""
	c, t = _locked_ticket_at(None, ticket)
	_finish(t, clock.now())
	if c.current_ticket == t.name:
		_set_current(c, None)
	_changed("done", t, c.name)
	return _result(c, t)


@frappe.whitelist(methods=["POST"])
def no_show(ticket: str) -> dict:
	"""The holder of `ticket` did not come when called: No-show, the counter is free. Returns
	{counter, ticket}. QueueError unless the ticket is Called (not yet served) at a counter;
	permission as call_next."""
	c, t = _locked_ticket_at(None, ticket)
	if t.status != "Called":
		frappe.throw(_("Only a called ticket whose holder has not come is marked absent."), QueueError)
	_set_ticket(t, status="No-show")
	if c.current_ticket == t.name:
		_set_current(c, None)
	_changed("no_show", t, c.name)
	return _result(c, t)


@frappe.whitelist()
def counter_panel(counter: str | None = None) -> dict:
	"""The reception screen's queue panel: {counters: [{counter, counter_name, officer}] the
	caller may use (active ones), counter: the chosen one (`counter`, else the one whose
	officer is the caller, else the first), ticket: ticket_view of its current ticket or None,
	waiting: tickets waiting today for its fields}; counters is empty (and counter None) when
	the caller may use no open counter."""
	rows = frappe.get_all(
		"Service Counter",
		filters={"is_active": 1},
		fields=["name as counter", "counter_name", "officer", "current_ticket"],
		order_by="sort_order asc, counter_name asc",
	)
	usable = [r for r in rows if may_use_counter(r)]
	if not usable:
		return {"counters": [], "counter": None, "ticket": None, "waiting": 0}
	user = frappe.session.user
	chosen = (
		next((r for r in usable if r.counter == counter), None)
		or next((r for r in usable if r.officer == user), None)
		or usable[0]
	)
	fields = counter_fields(chosen.counter)
	waiting = waiting_counts()
	return {
		"counters": [
			{"counter": r.counter, "counter_name": r.counter_name, "officer": r.officer} for r in usable
		],
		"counter": chosen.counter,
		"ticket": ticket_view(chosen.current_ticket) if chosen.current_ticket else None,
		"waiting": sum(n for f, n in waiting.items() if f in fields),
	}


# ------------------------------------------------------------------ dossiers received from tickets
@frappe.whitelist(methods=["POST"])
def link_dossier(ticket: str, dossier: str) -> dict:
	"""Record that `dossier` was received from `ticket` (when the dossier was saved before the
	ticket was called, or from another screen). Returns ticket_view with the link stored.
	Raises frappe.PermissionError unless the caller may read the dossier and use the ticket's
	counter; QueueError when the ticket was never called or is linked to another dossier."""
	frappe.has_permission("Dossier", "read", doc=dossier, throw=True)
	row = frappe.db.get_value(
		"Queue Ticket", ticket, ["name", "counter", "dossier"], as_dict=True, for_update=True
	)
	if not row or not row.counter:
		frappe.throw(_("This ticket has not been called at a counter."), QueueError)
	counter = frappe.db.get_value("Service Counter", row.counter, ["name", "officer"], as_dict=True)
	if not may_use_counter(counter):
		frappe.throw(
			_("Only the officer at {0} or a receiving officer calls its numbers.").format(row.counter),
			frappe.PermissionError,
		)
	if row.dossier and row.dossier != dossier:
		frappe.throw(_("This ticket is linked to the dossier {0} already.").format(row.dossier), QueueError)
	frappe.db.set_value("Queue Ticket", row.name, "dossier", dossier)
	return ticket_view(row.name)


def link_received_dossier(doc, method=None) -> None:
	"""Dossier after_insert (hooks.py): a dossier received at a counter is linked to its ticket:
	the one the dossier names (`queue_ticket`, as the reception screen sends it), else the
	ticket called or served now at the counter the receiving user called it from, if it has no
	dossier yet. A named ticket that is unknown or linked elsewhere stops the receipt
	(QueueError)."""
	named = (doc.get("queue_ticket") or "").strip() if isinstance(doc.get("queue_ticket"), str) else None
	if named:
		row = frappe.db.get_value("Queue Ticket", named, ["name", "dossier"], as_dict=True, for_update=True)
		if not row:
			frappe.throw(_("No ticket has this number."), QueueError)
		if row.dossier and row.dossier != doc.name:
			frappe.throw(
				_("This ticket is linked to the dossier {0} already.").format(row.dossier), QueueError
			)
		frappe.db.set_value("Queue Ticket", row.name, "dossier", doc.name)
		return
	if doc.get("channel") not in (None, "", "Direct"):
		return
	found = frappe.get_all(
		"Queue Ticket",
		filters={
			"ticket_date": _today(),
			"called_by": frappe.session.user,
			"status": ("in", OPEN),
			"dossier": ("is", "not set"),
		},
		pluck="name",
		order_by="called_at desc",
		limit=1,
	)
	if found and frappe.db.exists("Service Counter", {"current_ticket": found[0]}):
		frappe.db.set_value("Queue Ticket", found[0], "dossier", doc.name)
