"""The open API's documentation for the integration platform's developers: /api-docs.

Made from the same OpenAPI description the API serves as JSON
(/api/method/onestop.api.v1.openapi), itself generated from the API's code, so the page and
the API cannot disagree. Public, like the JSON: it holds no data, only how to call.
"""

import json

import frappe
from frappe import _

from onestop.api import v1
from onestop.api.openapi import describe

no_cache = 1


def get_context(context):
	context.no_cache = 1
	context.title = _("Open API for Integration")
	spec = describe(v1, title="onestop API", version=v1.VERSION)
	context.spec = spec
	context.spec_url = "/api/method/onestop.api.v1.openapi"
	context.operations = [
		{
			"path": path,
			"method": method.upper(),
			"op": op,
			"body": json.dumps(
				op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema"),
				ensure_ascii=False,
				indent=1,
			)
			if op.get("requestBody")
			else None,
			"result": json.dumps(
				op["responses"]["200"]["content"]["application/json"]["schema"],
				ensure_ascii=False,
				indent=1,
			),
		}
		for path, methods in spec["paths"].items()
		for method, op in methods.items()
	]
	return context
