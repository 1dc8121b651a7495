"""Install hooks: thin wrappers around onestop.setup."""

import click


def after_install():
	try:
		from onestop.setup import after_install as setup

		setup()
	except Exception:
		click.secho("Installing onestop failed; the traceback follows.", fg="bright_red")
		raise
