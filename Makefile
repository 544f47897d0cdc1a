# The two commands of the README. Both install what they need first (scripts/setup).
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
.PHONY: serve test build clean

serve:  ## build the site and serve it on http://127.0.0.1:8000, rebuilding on change
	@scripts/setup
	.venv/bin/mkdocs serve --dev-addr 127.0.0.1:8000

test:   ## run every test (lint, strict build, CPython, browser, Pyodide)
	@scripts/test

build:  ## build the static site into site/
	@scripts/setup
	.venv/bin/mkdocs build --strict --clean

clean:
	rm -rf site .cache .pytest_cache .hypothesis
