"""The site's own Python: the pinned Pyodide runtime, our wheels, the standard library cut
to what the builder imports, and the builder's memory snapshot, in `pyodide/<digest>/`.

bundle.py decides what goes in and caches it; wheels.py builds the pure wheels;
files.py writes the cut zips and compressed snapshots; the Node scripts beside them
run Pyodide itself at build time (compile bytecode, find the standard library a start
needs, take the snapshot).
"""

from sitebuild.python_bundle.bundle import (
    BUNDLE_DIRNAME,
    BundleError,
    build_bundle,
    bundle_digest,
    bundle_files,
    runtime_files,
    runtime_version,
)

__all__ = [
    "BUNDLE_DIRNAME",
    "BundleError",
    "build_bundle",
    "bundle_digest",
    "bundle_files",
    "runtime_files",
    "runtime_version",
]
