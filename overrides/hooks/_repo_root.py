"""Puts the repository's root on `sys.path`, so a hook can import the build steps.

MkDocs loads each hook by its path, with only the hooks' folder on `sys.path` while it
runs; the steps live in the `sitebuild` package at the root. A hook imports this module
first (`import _repo_root  # noqa: F401`), then `from sitebuild import …`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
