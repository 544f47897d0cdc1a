"""The built site's precompressed copies (sitebuild/precompress.py) and host file, as
the build leaves them: beside the files, never in the service worker's lists."""

from __future__ import annotations

import re
from pathlib import Path


def test_the_built_sites_service_worker_lists_no_compressed_copy(site_dir: Path) -> None:
    site = site_dir
    listed = re.findall(r'"([^"]+\.(?:br|gz))"', (site / "sw.js").read_text(encoding="utf-8"))
    assert listed == ["builder.snapshot.gz"]  # the snapshot's own gzip file, not a copy
    assert (site / "_headers").is_file()
    assert (site / "index.html.br").is_file()
