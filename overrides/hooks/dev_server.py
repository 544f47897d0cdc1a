"""Let `mkdocs serve` reload pages: its live-reload script is inline.

The published site forbids inline script (see main.html's Content-Security-Policy). The
development server injects one inline script to reload the page on change, so while
serving, and only then, the policy also allows inline script.
"""

from __future__ import annotations

_command = "build"


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_config(config):
    config.extra["dev_server"] = _command == "serve"
    return config
