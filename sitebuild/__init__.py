"""The site's build steps as plain code, run by the thin MkDocs hooks in overrides/hooks/
and runnable without MkDocs: page_scripts.py (the page scripts bundled by esbuild),
hosting.py (the headers policy and host files) and precompress.py (the .br and .gz
copies)."""
