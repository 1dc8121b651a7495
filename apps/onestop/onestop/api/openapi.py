"""An OpenAPI 3.0 description generated from a module of whitelisted functions, so that the
description cannot drift from the code: each whitelisted function of the module is a path
(/api/method/<module>.<function>), its HTTP methods are those it is whitelisted for, its
parameters come from its signature and type hints, its result from its return type (a
TypedDict becomes an object schema), and its texts from its docstring:

	Summary line.

	Description paragraphs.

	Arguments:
		name: what it is.
		other: …

	Errors: …
"""

from __future__ import annotations

import inspect
import re
import types
import typing

import frappe

ARGUMENTS = re.compile(r"^Arguments:\s*$", re.M)
SECTION = re.compile(r"^(?:Errors|Returns):", re.M)
ARGUMENT = re.compile(r"^\s*(\w+):\s*(.*)$")
ERROR_BODY = {
	"type": "object",
	"properties": {
		"exc_type": {"type": "string", "description": "the error's class, e.g. ValidationError"},
		"_server_messages": {
			"type": "string",
			"description": "a JSON list of JSON objects, each with the translated message",
		},
	},
}
ERRORS = {
	"401": "No credentials, or a wrong API key or secret.",
	"403": "Not allowed to this caller (role or agency scope).",
	"404": "Not found among the records open to the caller.",
	"409": "Conflict: an idempotency key already used for another request.",
	"417": "A bad argument, or a step the record's rules refuse (the message says which).",
}


def whitelisted_functions(module) -> list[tuple[str, typing.Callable]]:
	"""(name, function) of the module's own whitelisted functions, in their order in the file."""
	found = []
	for name, value in vars(module).items():
		if name.startswith("_") or value not in frappe.whitelisted:
			continue
		original = inspect.unwrap(value)
		if original.__module__ != module.__name__:
			continue
		found.append((name, value))
	return sorted(found, key=lambda item: inspect.unwrap(item[1]).__code__.co_firstlineno)


def schema_of(hint) -> dict:
	"""The JSON schema (OpenAPI 3.0 dialect) of a type hint."""
	if hint is None or hint is type(None):
		return {"nullable": True}
	origin = typing.get_origin(hint)
	args = typing.get_args(hint)
	if origin in (typing.Union, types.UnionType):
		present = [a for a in args if a is not type(None)]
		schema = schema_of(present[0]) if len(present) == 1 else {"oneOf": [schema_of(a) for a in present]}
		if len(present) < len(args):
			schema = {**schema, "nullable": True}
		return schema
	if origin is typing.Literal:
		return {"type": "string", "enum": list(args)}
	if origin in (list, tuple, set) or hint in (list, tuple, set):
		return {"type": "array", "items": schema_of(args[0]) if args else {}}
	if typing.is_typeddict(hint):
		hints = typing.get_type_hints(hint)
		return {
			"type": "object",
			"properties": {key: schema_of(value) for key, value in hints.items()},
			"required": sorted(hint.__required_keys__),
		}
	if origin is dict or hint is dict:
		return {"type": "object"}
	simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
	if hint in simple:
		return {"type": simple[hint]}
	return {}


def read_docstring(fn) -> tuple[str, str, dict[str, str]]:
	"""(summary, description, {argument: description}) of a function's docstring."""
	doc = inspect.getdoc(fn) or ""
	head, _sep, rest = doc.partition("\n\n")
	summary = " ".join(head.split())
	arguments: dict[str, str] = {}
	description = rest
	found = ARGUMENTS.search(rest)
	if found:
		before = rest[: found.start()]
		block = rest[found.end() :]
		end = SECTION.search(block)
		after = block[end.start() :] if end else ""
		block = block[: end.start()] if end else block
		current = None
		for line in block.splitlines():
			match = ARGUMENT.match(line)
			if match:
				current = match.group(1)
				arguments[current] = match.group(2).strip()
			elif current and line.strip():
				arguments[current] += " " + line.strip()
		description = (before.strip() + "\n\n" + after.strip()).strip()
	return (
		summary,
		" ".join(p for p in description.split("\n") if p.strip()) if description else "",
		arguments,
	)


def operation(module_name: str, name: str, fn) -> tuple[dict, dict, list[str]]:
	"""The OpenAPI operation object of one whitelisted function (without its HTTP method or
	parameters), its parameters' schemas (with their descriptions) and the required ones."""
	original = inspect.unwrap(fn)
	hints = typing.get_type_hints(original, vars(inspect.getmodule(original)))
	summary, description, described = read_docstring(original)
	properties, required = {}, []
	for param in inspect.signature(original).parameters.values():
		schema = schema_of(hints.get(param.name))
		if param.default is not inspect.Parameter.empty and param.default is not None:
			schema = {**schema, "default": param.default}
		if param.default is inspect.Parameter.empty:
			required.append(param.name)
		properties[param.name] = {**schema, "description": described.get(param.name, "")}
	guest = fn in frappe.guest_methods
	op = {
		"operationId": name,
		"summary": summary,
		"description": description,
		"tags": [module_name],
		"responses": {
			"200": {
				"description": "Success: the result is under `message` (`data` through /api/v2).",
				"content": {
					"application/json": {
						"schema": {
							"type": "object",
							"properties": {"message": schema_of(hints.get("return"))},
						}
					}
				},
			},
			**{
				code: {"description": text, "content": {"application/json": {"schema": ERROR_BODY}}}
				for code, text in ERRORS.items()
				if not guest or code == "417"
			},
		},
	}
	if guest:
		op["security"] = []
	return op, properties, required


def describe(module, title: str, version: str) -> dict:
	"""The OpenAPI 3.0 document of the module's whitelisted functions."""
	paths = {}
	for name, fn in whitelisted_functions(module):
		methods = frappe.allowed_http_methods_for_whitelisted_func.get(fn) or ["GET", "POST"]
		op, properties, required = operation(module.__name__, name, fn)
		path = {}
		for method in methods:
			this = dict(op)
			if method in ("GET", "DELETE"):
				this["parameters"] = [
					{
						"name": param,
						"in": "query",
						"required": param in required,
						"description": schema.get("description", ""),
						"schema": {k: v for k, v in schema.items() if k != "description"},
					}
					for param, schema in properties.items()
				]
			else:
				body = {"type": "object", "properties": properties}
				if required:
					body["required"] = required
				this["requestBody"] = {
					"required": bool(required),
					"content": {"application/json": {"schema": body}},
				}
				if "idempotency_key" in properties:
					this["parameters"] = [
						{
							"name": "Idempotency-Key",
							"in": "header",
							"required": False,
							"description": properties["idempotency_key"]["description"],
							"schema": {"type": "string", "minLength": 8, "maxLength": 100},
						}
					]
			path[method.lower()] = this
		paths[f"/api/method/{module.__name__}.{name}"] = path
	return {
		"openapi": "3.0.3",
		"info": {
			"title": title,
			"version": version,
			"description": "\n\n".join(
				" ".join(paragraph.split()) for paragraph in (inspect.getdoc(module) or "").split("\n\n")
			),
		},
		"servers": [{"url": frappe.utils.get_url()}],
		"components": {
			"securitySchemes": {
				"token": {
					"type": "apiKey",
					"in": "header",
					"name": "Authorization",
					"description": "token <api_key>:<api_secret> of an integration user (User → API Access → Generate Keys)",
				}
			}
		},
		"security": [{"token": []}],
		"paths": paths,
	}
