"""What every call of the open API goes through: who may call (an integration user and its
agencies), the idempotency key of a creating call, and the log of calls.

An integration client is a User holding the role "Integration Client", listed as a member of
the agencies whose dossiers its system exchanges (the Agency's Members table, as for officers;
core/permissions.py). It authenticates with the User's API key and secret
(`Authorization: token <api_key>:<api_secret>`, Frappe's token auth). Its agencies are its
scope: it reads, changes and lists only dossiers one of those agencies is on (competent agency,
or an agency with a stage), and creates dossiers only of procedures they are on.
"""

from __future__ import annotations

import functools
import hashlib
import inspect
import json
import re
import time

import frappe
from frappe import _

from onestop.core.clock import now
from onestop.core.permissions import DOSSIER, record_agencies, user_agencies

ROLE = "Integration Client"
KEY_HEADER = "Idempotency-Key"
KEY_PATTERN = re.compile(r"[A-Za-z0-9._:~-]{8,100}")


class IdempotencyConflictError(frappe.ValidationError):
	"""The same idempotency key sent again with a different request (HTTP 409)."""

	http_status_code = 409


class ScopeError(frappe.DoesNotExistError):
	"""A dossier that does not exist or lies outside the client's agencies (HTTP 404: the
	client cannot tell the two apart)."""


# ------------------------------------------------------------------ who calls
def client_agencies() -> set[str]:
	"""The agencies the calling integration user acts for (with the offices under them and
	the collectives above, as core.permissions.user_agencies reads the Agency tree).
	Raises frappe.PermissionError (HTTP 403) for a caller without the Integration Client role
	or in no agency."""
	user = frappe.session.user
	if user == "Guest" or ROLE not in frappe.get_roles(user):
		frappe.throw(
			_(
				"This API is for integration users: log in with the API key of a user holding the role {0}."
			).format(_(ROLE)),
			frappe.PermissionError,
		)
	agencies = user_agencies(user)
	if not agencies:
		frappe.throw(
			_("The integration user {0} acts for no agency: add it to the Members of its agencies.").format(
				user
			),
			frappe.PermissionError,
		)
	return agencies


def dossier_in_scope(name: str, agencies: set[str], for_update: bool = False) -> str:
	"""The dossier `name` when one of `agencies` is on it; ScopeError (HTTP 404) otherwise,
	the same for a dossier of another agency as for none at all."""
	name = (name or "").strip()
	row = name and frappe.db.get_value("Dossier", name, "name", for_update=for_update)
	if not row or not record_agencies(frappe._dict(name=row), DOSSIER) & agencies:
		raise ScopeError(_("No dossier {0} is open to this integration user.").format(name or "-"))
	return row


# ------------------------------------------------------------------ idempotency
def request_key(argument: str | None) -> str:
	"""The idempotency key of a creating call: the Idempotency-Key header, else the
	`idempotency_key` argument. 8 to 100 characters of letters, digits and . _ : ~ -
	(a UUID fits). Raises frappe.ValidationError (HTTP 417) when missing or malformed."""
	key = (
		frappe.get_request_header(KEY_HEADER) if getattr(frappe.local, "request", None) else None
	) or argument
	key = (key or "").strip()
	if not key:
		frappe.throw(_("Send an idempotency key (the Idempotency-Key header) with every dossier you create."))
	if not KEY_PATTERN.fullmatch(key):
		frappe.throw(_("The idempotency key must be 8 to 100 letters, digits or . _ : ~ - (a UUID fits)."))
	note(idempotency_key=key)
	return key


def key_name(client: str, key: str) -> str:
	"""The record name of `client`'s idempotency key `key`: its primary key is the uniqueness."""
	return hashlib.sha256(f"{client}\n{key}".encode()).hexdigest()


def fingerprint(payload: dict) -> str:
	"""A digest of a request's meaning (its normalised arguments): the same key must come with
	the same request."""
	text = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
	return hashlib.sha256(text.encode()).hexdigest()


def claim_key(key: str, digest: str) -> str | None:
	"""Claim `key` for the calling client's request of fingerprint `digest`.

	Returns None when this call is the first with the key (the caller then creates the dossier
	and calls settle_key in the same transaction), or the dossier an earlier call made with it.
	The key's row is inserted first: a parallel call with the same key waits on that row until
	the first call's transaction ends, then finds it (or, if the first failed and rolled back,
	claims the key itself). Raises IdempotencyConflictError (HTTP 409) when the key was used
	for a different request."""
	client = frappe.session.user
	try:
		frappe.get_doc(
			{
				"doctype": "API Idempotency Key",
				"client": client,
				"idempotency_key": key,
				"fingerprint": digest,
				"created_at": now(),
			}
		).insert(ignore_permissions=True, ignore_links=True)
		return None
	except frappe.DuplicateEntryError:
		frappe.clear_messages()  # Frappe's "already exists": expected here, not news to the client
	# a locking read sees the committed row, whatever this transaction read before; a shared
	# lock, as the failed insert already holds: parallel callers waiting on the same key share it
	# (an exclusive lock here would deadlock them against each other)
	row = shared_read("API Idempotency Key", key_name(client, key), ["fingerprint", "dossier"])
	if row.fingerprint != digest:
		frappe.throw(
			_(
				"The idempotency key {0} was already used for a different dossier: send a new key for a new dossier."
			).format(key),
			IdempotencyConflictError,
			title=_("Idempotency Key Reused"),
		)
	return row.dossier


def shared_read(doctype: str, name: str, fields: list[str]) -> frappe._dict | None:
	"""The committed values of a row under a shared lock (LOCK IN SHARE MODE): what another
	transaction committed after this one's first read, without blocking other readers."""
	columns = ", ".join(f"`{field}`" for field in fields)
	rows = frappe.db.sql(
		f"select {columns} from `tab{doctype}` where name = %s lock in share mode", name, as_dict=True
	)
	return rows[0] if rows else None


def settle_key(key: str, dossier: str) -> None:
	"""Record the dossier the call claiming `key` created (same transaction as the claim)."""
	frappe.db.set_value(
		"API Idempotency Key", key_name(frappe.session.user, key), "dossier", dossier, update_modified=False
	)


# ------------------------------------------------------------------ the log
def api_method(fn):
	"""Mark a function of the open API: its call is logged (API Call Log) after the response,
	with its HTTP status and duration. Put it under @frappe.whitelist."""

	signature = inspect.signature(fn)

	@functools.wraps(fn)
	def wrapper(*args, **kwargs):
		if getattr(frappe.local, "request", None):
			frappe.local.onestop_api_call = {
				"method": fn.__name__,
				"started": time.perf_counter(),
				"idempotency_key": None,
				"dossier": None,
			}
		try:
			signature.bind(*args, **kwargs)
		except TypeError:
			missing = [
				name
				for i, (name, param) in enumerate(signature.parameters.items())
				if param.default is inspect.Parameter.empty and i >= len(args) and name not in kwargs
			]
			frappe.throw(_("Missing arguments: {0}.").format(", ".join(missing) or "-"))
		return fn(*args, **kwargs)

	wrapper.onestop_api = True
	return wrapper


def note(**values) -> None:
	"""Add the idempotency key or the dossier to the current call's log entry."""
	call = getattr(frappe.local, "onestop_api_call", None)
	if call is not None:
		call.update(values)


def log_call(response=None, request=None) -> None:
	"""hooks.py after_request: one API Call Log row for a call of the open API, written after
	the call's own transaction ended (committed, or rolled back on an error, which the log then
	records with its status)."""
	call = getattr(frappe.local, "onestop_api_call", None)
	if not call or not frappe.db:
		return
	frappe.local.onestop_api_call = None
	status = getattr(response, "status_code", None) or 500
	if status >= 400:
		frappe.db.rollback()  # nothing of a failed call stays, whatever its HTTP method
	log = frappe.get_doc(
		{
			"doctype": "API Call Log",
			"called_at": frappe.utils.now_datetime(),
			"user": frappe.session.user,
			"method": call["method"],
			"http_method": request.method if request else None,
			"status_code": status,
			"duration_ms": round((time.perf_counter() - call["started"]) * 1000),
			"idempotency_key": call["idempotency_key"],
			"dossier": call["dossier"] if status < 400 else None,
		}
	)
	log.insert(ignore_permissions=True, ignore_links=True)
	frappe.db.commit()  # nosemgrep: the request's own transaction has ended; the log is written after it
