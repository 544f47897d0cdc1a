"""The site's build steps as plain code: MkDocs runs them through the thin hooks in
overrides/hooks/, and each step that works on a built folder also runs without MkDocs,
as `python -m sitebuild STEP site/` (see __main__.py):

- python_bundle/: Pyodide, our wheels, the cut standard library and the snapshot;
- page_scripts.py: each page script bundled by esbuild;
- offline.py: the service worker's manifest;
- hosting.py and precompress.py: the headers policy and host files, the .br and .gz
  copies; publish.py writes both into a built site.
"""
