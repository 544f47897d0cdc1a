"""What a host sends with the site, described once and written for each kind of host.

The policy (`headers_for`): every response carries the Content-Security-Policy the pages
already carry as a `<meta>` tag (read from overrides/main.html, not restated here) plus
`frame-ancestors`, which a `<meta>` policy cannot carry, from one setting:
`extra.hosting.frame_ancestors` in mkdocs.yml (which sites may frame the builder for
`?embed`). Digest-named files (the Python bundle under `pyodide/<digest>/`, Material's
`*.<hash>.min.js|css`) are cached for a year as immutable; everything else, pages and
`sw.js` first, is revalidated (`no-cache`). `.wasm` is `application/wasm`, `.mjs`
`text/javascript`. The 404 page gets the same headers.

Written three ways from that one description, so they cannot drift:

- `_headers` (Netlify, Cloudflare Pages): written into the built site by the build
  (overrides/hooks/publish.py), listing the digest-named files it finds there;
- `hosting/nginx.conf` and `hosting/Caddyfile`: checked in, rewritten by
  `python sitebuild/hosting.py` (a test fails when they differ from what it writes). The
  browser tests run both on real servers from these same functions.

Hosts that serve precompressed files (sitebuild/precompress.py) are told to do so, except
for the snapshot: `builder.snapshot` (xz) has a file of its own named `builder.snapshot.gz`
(the gzip variant the worker may choose), which a static-gzip host would otherwise send
in its place.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
MAIN_TEMPLATE = ROOT / "overrides" / "main.html"
HOSTING_DIR = ROOT / "hosting"
DEFAULT_FRAME_ANCESTORS = "'self'"

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Below the site's root: the Python bundle's digest folder, Material's hashed assets
# (and their source maps). No braces: nginx would need the pattern quoted, and Caddy
# reads braces as placeholders.
# Material's hashes are 8 hex digits (so `lunr.de.min.js` is not one).
HASH = "[0-9a-f]" * 8
DIGEST_NAMED = rf"(pyodide/[0-9a-f]+/|assets/.+\.{HASH}\.min\.(js|css)(\.map)?$)"
SNAPSHOT = r"pyodide/[0-9a-f]+/builder\.snapshot$"
# Content types by extension: the servers are given this whole table (nginx and Caddy
# guess .mjs differently, or not at all).
TYPES = {
    "html": "text/html",
    "css": "text/css",
    "js": "text/javascript",
    "mjs": "text/javascript",
    "json": "application/json",
    "map": "application/json",
    "wasm": "application/wasm",
    "svg": "image/svg+xml",
    "png": "image/png",
    "ico": "image/x-icon",
    "txt": "text/plain",
    "xml": "application/xml",
    "zip": "application/zip",
    "whl": "application/zip",
    "webmanifest": "application/manifest+json",
    "snapshot": "application/octet-stream",
    "gz": "application/gzip",  # builder.snapshot.gz, fetched and decoded by the worker
}


def page_policy(template: Path = MAIN_TEMPLATE) -> str:
    """The Content-Security-Policy the built pages carry in their `<meta>` tag."""
    html = template.read_text(encoding="utf-8")
    found = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    if not found:
        raise RuntimeError(f"{template} has no Content-Security-Policy meta tag")
    # The dev server's addition (`{% if config.extra.dev_server %}…{% endif %}`) is not
    # in the built site.
    return re.sub(r"\{%.*?%\}.*?\{%\s*endif\s*%\}", "", found.group(1))


def header_policy(frame_ancestors: str = DEFAULT_FRAME_ANCESTORS) -> str:
    """The pages' policy as a header: the meta one plus `frame-ancestors`."""
    if not frame_ancestors.strip() or re.search(r"[;\"\n,]", frame_ancestors):
        raise ValueError(f"frame_ancestors must be a CSP source list: {frame_ancestors!r}")
    return f"{page_policy()}; frame-ancestors {frame_ancestors.strip()}"


def frame_ancestors_setting(config_file: Path = ROOT / "mkdocs.yml") -> str:
    """`extra.hosting.frame_ancestors` from mkdocs.yml, else 'self'."""

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml uses MkDocs' own tags (!ENV): read them as nothing.
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    hosting = (config.get("extra") or {}).get("hosting") or {}
    return hosting.get("frame_ancestors") or DEFAULT_FRAME_ANCESTORS


def headers_for(path: str, frame_ancestors: str = DEFAULT_FRAME_ANCESTORS) -> dict[str, str]:
    """What the host sends with the file at `path` (below the site's root, no leading
    slash): the whole policy, as the tests check it against every server."""
    cache = IMMUTABLE if re.match(DIGEST_NAMED, path) else REVALIDATE
    headers = {"Content-Security-Policy": header_policy(frame_ancestors), "Cache-Control": cache}
    extension = path.rpartition(".")[2] if "." in path.rpartition("/")[2] else ""
    if extension in TYPES:
        headers["Content-Type"] = TYPES[extension]
    return headers


HEADER = (
    "# Short Haul on {host}: written by sitebuild/hosting.py from one description of the\n"
    "# headers (maintainers/publishing.md: The headers a host should send). Change\n"
    "# `extra.hosting.frame_ancestors` in mkdocs.yml, then run\n"
    "# `.venv/bin/python sitebuild/hosting.py` instead of editing this file.\n"
)


def netlify_headers(site: Path, frame_ancestors: str) -> str:
    """`_headers` for Netlify and Cloudflare Pages. Both merge every rule that matches a
    path, and Cloudflare joins a header set twice with a comma, so no header is set by
    two rules: the policy on every path, Cache-Control only where it differs from both
    hosts' default (`max-age=0, must-revalidate`, which revalidates pages) and on sw.js."""
    lines = [HEADER.format(host="Netlify and Cloudflare Pages").rstrip("\n"), ""]
    lines += ["/*", f"  Content-Security-Policy: {header_policy(frame_ancestors)}", ""]
    lines += ["/sw.js", f"  Cache-Control: {REVALIDATE}", ""]
    hashed = sorted(
        p.relative_to(site).as_posix()
        for p in (site / "assets").rglob("*")
        if p.is_file() and re.match(DIGEST_NAMED, p.relative_to(site).as_posix())
    )
    for pattern in ["pyodide/*", *hashed]:
        lines += [f"/{pattern}", f"  Cache-Control: {IMMUTABLE}", ""]
    return "\n".join(lines)


def nginx_server(
    frame_ancestors: str = DEFAULT_FRAME_ANCESTORS,
    *,
    root: str = "/var/www/short-haul",
    prefix: str = "/",
    listen: str = "80",
    brotli: bool = True,
) -> str:
    """An nginx `server` block serving the site from `root` (holding the built site at
    `prefix`), with the precompressed copies. `brotli=False` leaves out `brotli_static`
    (for an nginx without the module)."""
    policy = header_policy(frame_ancestors)

    def headers(cache: str, indent: str = "        ") -> str:
        return (
            f'{indent}add_header Content-Security-Policy "{policy}" always;\n'
            f'{indent}add_header Cache-Control "{cache}" always;\n'
        )

    types = "".join(f"        {kind} {ext};\n" for ext, kind in TYPES.items())
    # Vary: Accept-Encoding, so a cache between keeps the encodings apart.
    static = "    gzip_static on;\n    gzip_vary on;\n"
    static += "    brotli_static on;\n" if brotli else ""
    return (
        HEADER.format(host="nginx")
        + "# Needs `gzip_static` (in Debian's nginx); `brotli_static` needs the module\n"
        + "# (Debian: libnginx-mod-http-brotli-static): without it, drop that line.\n"
        + "server {\n"
        + f"    listen {listen};\n"
        + f"    root {root};  # the built site is {root}{prefix}\n"
        + "    index index.html;\n"
        + static
        + f"    types {{\n{types}    }}\n"
        + "    default_type application/octet-stream;\n"
        + f"    error_page 404 {prefix}404.html;\n\n"
        + "    # The xz snapshot has a file of its own named builder.snapshot.gz: as it is.\n"
        + f"    location ~ ^{prefix}{SNAPSHOT} {{\n"
        + "        gzip_static off;\n"
        + ("        brotli_static off;\n" if brotli else "")
        + headers(IMMUTABLE)
        + "    }\n"
        + "    # Digest-named: the Python bundle, Material's hashed scripts and styles.\n"
        + f"    location ~ ^{prefix}{DIGEST_NAMED} {{\n"
        + headers(IMMUTABLE)
        + "    }\n"
        + "    # Pages, sw.js and every other file: revalidated.\n"
        + f"    location {prefix} {{\n"
        + headers(REVALIDATE)
        + "    }\n"
        + "}\n"
    )


def caddyfile(
    frame_ancestors: str = DEFAULT_FRAME_ANCESTORS,
    *,
    root: str = "/var/www/short-haul",
    prefix: str = "/",
    address: str = ":80",
    global_options: str = "",
) -> str:
    """A Caddyfile serving the site from `root` (holding the built site at `prefix`),
    with the precompressed copies."""
    policy = header_policy(frame_ancestors)

    # Caddy's own guesses miss .mjs and .whl; the 404 page keeps its own type.
    types = "".join(
        f"\t@type_{ext} path *.{ext}\n\theader @type_{ext} Content-Type {kind}\n"
        for ext, kind in TYPES.items()
        if ext != "html"
    )
    serve = "file_server {\n\t\t\tprecompressed br gzip\n\t\t}\n"
    return (
        (global_options and f"{{\n{global_options}}}\n\n")
        + HEADER.format(host="Caddy")
        + "# Use your domain instead of :80 for Caddy's automatic HTTPS.\n"
        + f"{address} {{\n"
        + f"\troot * {root}  # the built site is {root}{prefix}\n"
        + f'\theader Content-Security-Policy "{policy}"\n'
        + "\t# Exclusive matchers: Caddy does not promise which of two `header` lines runs last.\n"
        + f"\t@immutable path_regexp ^{prefix}{DIGEST_NAMED}\n"
        + f'\theader @immutable Cache-Control "{IMMUTABLE}"\n'
        + f"\t@revalidate not path_regexp ^{prefix}{DIGEST_NAMED}\n"
        + f'\theader @revalidate Cache-Control "{REVALIDATE}"\n'
        + types
        + "\t# The xz snapshot has a file of its own named builder.snapshot.gz: as it is.\n"
        + f"\t@snapshot path_regexp ^{prefix}{SNAPSHOT}\n"
        + "\troute {\n"
        + "\t\tfile_server @snapshot\n"
        + f"\t\t{serve}"
        + "\t}\n"
        + "\thandle_errors {\n"
        + f"\t\trewrite * {prefix}404.html\n"
        + "\t\t# The page's own headers, whatever the missing file's address matched.\n"
        + f'\t\theader Content-Security-Policy "{policy}"\n'
        + f'\t\theader Cache-Control "{REVALIDATE}"\n'
        + '\t\theader Content-Type "text/html; charset=utf-8"\n'
        + f"\t\t{serve}"
        + "\t}\n"
        + "}\n"
    )


def checked_in(frame_ancestors: str) -> dict[Path, str]:
    """The files of hosting/ as they should read for this setting."""
    return {
        HOSTING_DIR / "nginx.conf": nginx_server(frame_ancestors),
        HOSTING_DIR / "Caddyfile": caddyfile(frame_ancestors),
    }


def main(argv: list[str] | None = None) -> None:
    """Rewrites hosting/ for the setting in mkdocs.yml; with --out, writes both server
    files for another root or sub-path into that folder instead."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--prefix", default="/", help="the sub-path, as /short-haul/")
    parser.add_argument("--root", default="/var/www/short-haul", help="the folder served")
    parser.add_argument("--out", type=Path, help="write here instead of hosting/")
    args = parser.parse_args(argv)
    prefix = "/" + args.prefix.strip("/") + "/" if args.prefix.strip("/") else "/"
    setting = frame_ancestors_setting()
    if args.out is None:
        files = checked_in(setting)
    else:
        place = {"root": args.root, "prefix": prefix}
        files = {
            args.out / "nginx.conf": nginx_server(setting, **place),
            args.out / "Caddyfile": caddyfile(setting, **place),
        }
    for out, text in files.items():
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
