"""The site's languages: which exist, which a program offers, and how each is built.

English is the site's root (`mkdocs.yml`, `docs/`): its addresses are a public contract.
Each other language is a folder, `languages/<code>/`, holding `language.yml` (its name
and whether it is finished) and `docs/` (its pages, at the same paths as the English
ones, with the same heading ids), and a configuration beside `mkdocs.yml`,
`mkdocs.<code>.yml`, that inherits everything from it (`INHERIT`, as Material for MkDocs
recommends) and sets the language, the pages and their navigation.

The English build builds every other offered language after its own pages, into
`<site>/<code>/` (`build_inside`), before the steps that work on the whole site (the
page scripts, the service worker, the headers and precompressed copies) run once over
all of it. A language build inside it makes no Python bundle, page scripts or assets of
its own: its pages load the root's (`inside()` tells the hooks), so a reader who
switches language downloads nothing twice and the service worker keeps one copy.

Which languages a site offers is a program setting, `extra.program.languages` in
mkdocs.yml: English and every finished language unless it says otherwise. An
unfinished language is built only when named, there or in `SHORTHAUL_LANGUAGES` (a
comma-separated list, for previewing one: `SHORTHAUL_LANGUAGES=en,es make serve`).
"""

from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import yaml

ROOT = Path(__file__).resolve().parents[1]
PRIMARY = "en"
FOLDER = "languages"
ENVIRONMENT = "SHORTHAUL_LANGUAGES"


PSEUDO_ENVIRONMENT = "SHORTHAUL_PSEUDO"


def text_language(config) -> str:
    """The language of the site's own texts in a build (`t()` in the templates, the
    forms, the page scripts' words): the theme's, or the tests' pseudo-language when
    `SHORTHAUL_PSEUDO=1` (the English pages, every text of ours accented and bracketed,
    so a text that comes from no table stands out: tests/site/test_pseudo_build.py)."""
    if os.environ.get(PSEUDO_ENVIRONMENT) == "1" and inside() is None:
        from builder.wording.catalog import PSEUDO

        return PSEUDO
    return config.theme["language"]


class LanguageError(ValueError):
    """The languages setting cannot be used; the message says why, for a coordinator."""


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # in the language itself: "Español"
    finished: bool

    @property
    def config_file(self) -> Path:
        return ROOT / ("mkdocs.yml" if self.code == PRIMARY else f"mkdocs.{self.code}.yml")

    @property
    def docs_dir(self) -> Path:
        return ROOT / ("docs" if self.code == PRIMARY else f"{FOLDER}/{self.code}/docs")

    @property
    def prefix(self) -> str:
        """Where its pages live in the site: "" for English, "es/" for Spanish."""
        return "" if self.code == PRIMARY else f"{self.code}/"


def available(root: Path = ROOT) -> dict[str, Language]:
    """Every language the repository holds, English first."""
    found = {PRIMARY: Language(PRIMARY, "English", True)}
    for meta in sorted((root / FOLDER).glob("*/language.yml")):
        data = yaml.safe_load(meta.read_text(encoding="utf-8")) or {}
        code = meta.parent.name
        found[code] = Language(code, str(data.get("name") or code), bool(data.get("finished")))
    return found


def offered(setting: object, environment: str | None = None, root: Path = ROOT) -> list[Language]:
    """The languages a site builds and offers, English first.

    `setting` is `extra.program.languages` (None when left out); `environment` is
    `SHORTHAUL_LANGUAGES`, which wins when set.
    """
    known = available(root)
    if environment is None:
        environment = os.environ.get(ENVIRONMENT, "")
    if environment.strip():
        setting = [code.strip() for code in environment.split(",") if code.strip()]
        where = ENVIRONMENT
    else:
        where = "program.languages in mkdocs.yml"
    if setting is None:
        return [language for language in known.values() if language.finished]
    if not isinstance(setting, list) or not all(isinstance(code, str) for code in setting):
        raise LanguageError(f"{where} should be a list of language codes, such as [en, es]")
    unknown = [code for code in setting if code not in known]
    if unknown:
        raise LanguageError(
            f"{where} names {', '.join(unknown)}, which this site does not have "
            f"(it has: {', '.join(known)})"
        )
    if PRIMARY not in setting:
        raise LanguageError(
            f"{where} must include {PRIMARY}: the English pages are the site's root"
        )
    if len(set(setting)) != len(setting):
        raise LanguageError(f"{where} names a language twice")
    return [known[PRIMARY]] + [known[code] for code in setting if code != PRIMARY]


# A language build running inside the English one --------------------------------------


@dataclass(frozen=True)
class Inside:
    """What a language build takes from the English build that runs it."""

    language: Language
    pyodide_dir: str  # the root's Python bundle, from the language's own root: "../pyodide/…/"
    dev_server: bool
    site_url: str


_inside: Inside | None = None
SHARED_EXTRA = ("program", "hosting")  # the settings of mkdocs.yml's `extra` every language has


def inside() -> Inside | None:
    """The language build now running inside the English build, if any."""
    return _inside


def build_inside(language: Language, site_dir: Path, parent: dict) -> None:
    """Build `language`'s pages into `site_dir/<code>/`, sharing the English build's
    Python bundle and assets. `parent` is the English build's configuration."""
    global _inside
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    up = "../" * language.prefix.count("/")
    site_url = parent.get("site_url") or ""
    _inside = Inside(
        language=language,
        pyodide_dir=up + parent["extra"]["pyodide_dir"],
        dev_server=bool(parent["extra"].get("dev_server")),
        site_url=site_url + language.prefix if site_url else "",
    )
    # MkDocs loads a hook file once per process: the language build runs the English
    # build's own hook modules, whose globals (a Jinja environment, the pages seen) it
    # would leave behind. They are put back as they were when it is done.
    kept = _hook_state(parent)
    try:
        config = load_config(
            config_file=str(language.config_file),
            site_dir=str(site_dir / language.prefix),
            site_url=_inside.site_url or None,
            strict=parent["strict"],
            site_name=parent["site_name"],
        )
        # The program's settings are the build's, whichever file it was given (`-f`): a
        # language's file sets only what is the language's.
        for key in SHARED_EXTRA:
            if key in parent["extra"]:
                config["extra"][key] = copy.deepcopy(parent["extra"][key])
        build(config, serve_url=None)
    finally:
        _inside = None
        for module, state in kept.items():
            vars(module).update(state)


def _hook_state(config: dict) -> dict[ModuleType, dict[str, object]]:
    """Each hook module's globals, with copies of its dicts, lists and sets."""
    return {
        module: {
            name: copy.copy(value) if isinstance(value, dict | list | set) else value
            for name, value in vars(module).items()
            if not name.startswith("__")
        }
        for module in config["plugins"].values()
        if isinstance(module, ModuleType)
    }


def alternates(languages: list[Language], here: Language, url: str) -> list[dict[str, str]]:
    """The same page in each offered language, as links relative to the page (`url` is
    its address in `here`'s build, "tips/prepare/"). MkDocs' `url` filter is not used:
    it turns "../tips/prepare/" on the page "tips/prepare/" into ".././"."""
    up = "../" * (url.count("/") + here.prefix.count("/"))
    return [
        {
            "code": language.code,
            "name": language.name,
            "prefix": language.prefix,
            "link": (up + language.prefix + url) or "./",
            "current": language.code == here.code,
        }
        for language in languages
    ]
