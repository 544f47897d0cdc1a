"""How the Python bundle's derived files are written.

bundle.py decides what goes into the Python bundle and caches it; this module only
writes files: the standard library cut to a list of modules, the snapshot in its two
compressions beside the part of the standard library a restore still needs, a zip's
stored copy, and the size a host's gzip would give a file.
"""

from __future__ import annotations

import functools
import gzip
import json
import lzma
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

# A 4 MiB window: 3.22 MB where 16 MiB gives 3.19, and the worker's decoder then needs
# ~5 MB of memory instead of ~17 (it keeps it for the page's life).
XZ = [{"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME, "dict_size": 4 << 20}]


def module_of(path: str) -> str | None:
    """The module a zip entry holds ("json/decoder.py" -> "json.decoder"), else None."""
    if not path.endswith(".py"):
        return None
    return path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def cut_zip(source: Path, names: list[str], out: Path) -> None:
    """A zip of the files in the standard-library zip `source` for these module names."""
    with zipfile.ZipFile(source) as full:
        present = set(full.namelist())
        stems = [name.replace(".", "/") for name in names]
        candidates = [path for stem in stems for path in (f"{stem}.py", f"{stem}/__init__.py")]
        wanted = [path for path in candidates if path in present]
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as cut:
            for path in sorted(wanted):
                cut.writestr(full.getinfo(path), full.read(path), zipfile.ZIP_DEFLATED, 9)


def stored_copy(source: Path, out: Path) -> None:
    """The zip `source` again with every member stored (not deflated), each with its
    name, date and attributes: what Python reads from it is the same. Deflated member by
    member, a zip gives a host's brotli nothing to find; stored, brotli compresses it
    whole, across members (python_stdlib.zip: 0.57 MB deflated, 0.40 MB stored then
    brotli; the three start wheels 0.54 MB, 0.37 MB)."""
    with zipfile.ZipFile(source) as deflated, zipfile.ZipFile(out, "w") as stored:
        for info in deflated.infolist():
            data = deflated.read(info)
            info.compress_type = zipfile.ZIP_STORED
            stored.writestr(info, data)


def snapshot_files(packed: Path, stdlib: Path, xz: Path, gzipped: Path, after: Path) -> None:
    """From make_snapshot.mjs's output (`packed`, and the modules it holds beside it in
    `packed`.modules.json), which it then removes: the snapshot in xz and in gzip, and
    the modules of the zip `stdlib` the snapshot has not imported."""
    # xz: 3.6 MB where gzip gives 5.1 (measured); the worker decodes xz with
    # xz-decompress (WebAssembly) in ~0.45 s on 2 busy cores, gzip in ~0.1 s, while
    # 1.5 MB less takes 1.2 s less at 10 Mbit/s. Both ship; link.js chooses.
    # The two at once, on two threads (both compressors let go of the GIL): 7 s, not 10.
    raw = packed.read_bytes()
    with ThreadPoolExecutor(2) as pool:
        gzip_done = pool.submit(gzip.compress, raw, 9, mtime=0)
        xz_done = pool.submit(lzma.compress, raw, check=lzma.CHECK_CRC32, filters=XZ)
        gzipped.write_bytes(gzip_done.result())
        xz.write_bytes(xz_done.result())
    packed.unlink()
    loaded_file = Path(f"{packed}.modules.json")
    loaded = set(json.loads(loaded_file.read_text()))
    loaded_file.unlink()
    with zipfile.ZipFile(stdlib) as whole:
        modules = [module_of(name) for name in whole.namelist()]
    cut_zip(stdlib, [m for m in modules if m is not None and m not in loaded], after)


@functools.cache
def gzipped_size(path: Path) -> int:
    """How many bytes `path` takes gzipped at level 6, as hosts compress on the fly."""
    return len(gzip.compress(path.read_bytes(), 6, mtime=0))
