# The two commands of the README. Both install what they need first (scripts/setup).
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
.PHONY: serve test check build clean

serve:  ## build the site and serve it on http://127.0.0.1:8000, rebuilding on change
	@scripts/setup
	.venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test:   ## run every test (lint, strict build, CPython, browser, Pyodide)
	@scripts/test

check:  ## the everyday loop: lint, then the unit, golden, property and hook tests (no browser, no corpora)
	@scripts/setup
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .
	.venv/bin/pytest -q -p no:cacheprovider -m "not browser and not corpus" tests/unit tests/golden tests/property tests/hooks

build:  ## build the static site into site/
	@scripts/setup
	.venv/bin/mkdocs build --strict --clean

clean:
	rm -rf site .cache .pytest_cache .hypothesis
