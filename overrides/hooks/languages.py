"""Build the site's other languages inside the English build (sitebuild/languages.py).

In the English build this hook checks `extra.program.languages`, gives every page the
same page in each offered language (`sh_alternates`, for the header's language switch),
and after the English pages builds each other language into `<site>/<code>/`, before
the whole-site steps (page scripts, service worker, headers) run over both. Registered
before those hooks, after program_settings.py and dev_server.py, whose settings a
language build takes over.

In a language build (running inside the English one) it points the pages at the root's
assets and Python bundle instead of copies of their own, and leaves out the sitemap
(the English one lists every language's pages) and the 404 page (hosts serve the root's).
"""

from __future__ import annotations

from pathlib import Path

import _repo_root  # noqa: F401 - sitebuild/ on sys.path
from jinja2 import pass_context
from mkdocs.exceptions import ConfigurationError

from sitebuild import languages

SHARED = ("assets/",)  # what a language's pages load from the site root
_offered: list[languages.Language] = []
_here: list[languages.Language] = []


def on_config(config):
    try:
        offered = languages.offered((config.extra.get("program") or {}).get("languages"))
    except languages.LanguageError as error:
        raise ConfigurationError(str(error)) from None
    inside = languages.inside()
    code = config.theme["language"]
    if inside is None and code != languages.PRIMARY:
        raise ConfigurationError(
            f"{config.config_file_path} is built by the English build: run `make build` "
            f"(or `mkdocs build`) with {code} in extra.program.languages"
        )
    here = inside.language if inside else languages.available()[languages.PRIMARY]
    _offered[:], _here[:] = offered, [here]
    config.extra["shorthaul_languages"] = [
        {"code": lang.code, "name": lang.name, "prefix": lang.prefix} for lang in offered
    ]
    config.extra["shorthaul_language"] = here.code
    config.extra["shorthaul_prefix"] = here.prefix  # its pages' addresses: /es/tips/…
    if inside:
        config.extra["pyodide_dir"] = inside.pyodide_dir
        config.extra["dev_server"] = inside.dev_server
        config.extra["shorthaul_root"] = "../" * here.prefix.count("/")
        config.extra["shorthaul_site_root"] = (config.site_url or "").removesuffix(here.prefix)
        # The root's sitemap lists every language; hosts serve the root's 404 page.
        config.theme.static_templates.difference_update({"sitemap.xml", "404.html"})
    return config


def on_files(files, config):
    """A language build copies none of the theme's files: its pages load the root's."""
    if languages.inside() is None:
        return files
    theme_dirs = {str(d) for d in config.theme.dirs}
    for file in list(files):
        if not file.is_documentation_page() and str(file.src_dir) in theme_dirs:
            files.remove(file)
    return files


def on_env(env, config, files):
    from builder.wording.catalog import translator  # fresh each build (builder_page.py)

    # `t("Text")` in the templates: the text in the page's language (the builder's catalog).
    env.globals["t"] = translator(languages.text_language(config))
    if languages.inside() is None:
        return env
    root = config.extra["shorthaul_root"]
    own = env.filters["url"]

    @pass_context
    def url(context, value):
        if isinstance(value, str) and value.startswith(SHARED):
            value = root + value
        return own(context, value)

    env.filters["url"] = url
    return env


def on_page_context(context, page, config, nav):
    if len(_offered) > 1:
        context["sh_alternates"] = languages.alternates(_offered, _here[0], page.url)
    return context


def on_post_build(config) -> None:
    if languages.inside() is not None:
        return
    for language in _offered[1:]:
        languages.build_inside(language, Path(config["site_dir"]), config)


def on_serve(server, config, builder):
    for language in languages.available().values():
        if language.code != languages.PRIMARY:
            server.watch(str(language.docs_dir.parent))
            server.watch(str(language.config_file))
    return server
