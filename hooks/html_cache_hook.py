"""MkDocs wiring for the rendered-HTML cache (govreg.htmlcache) and its pre-render workers.

What it does, per page: MkDocs calls `page.render(config, files)` to turn the
page's Markdown into HTML, table of contents, title and anchor ids. In
`on_pre_page` this hook gives the page its own `render`, which looks the page
up in the cache (key: the page's Markdown, where it sits, and a digest of the
Markdown settings, glossary, engine versions and this code) and, on a hit,
sets exactly what `Page.render` sets. On a miss it renders the way
`Page.render` does (same extensions, same MkDocs tree processors, in the same
order) and stores the result.

Links: a page's HTML holds its links already rewritten against the other
pages. On every hit the page's original links are resolved again against the
current files; if any resolves differently, or would log anything, the entry
is not used and the page is rendered afresh (so broken links are reported in
`--strict` exactly as without the cache). Pages whose render logged a warning
are never stored.

Workers: in `on_nav`, before MkDocs' page loop, forked workers render pages
missing from the cache, walking the pages from the end while MkDocs walks
from the start, so a cold build uses both cores. MkDocs then finds their
entries in the cache. In `on_env` a second set of workers does the same for the
page loop's template step (Material's navigation is printed into every page),
stopping where MkDocs' loop has got to. Settings: GOVREG_HTML_CACHE (folder, or 'off'),
GOVREG_HTML_WORKERS (number of workers; default: cores - 1, at least 1; 0 for none),
GOVREG_HTML_STATS (a file to append one JSON line of counts to per build).
"""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import sys
import time
import types
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path
from typing import Any

import jinja2
import markdown
import mkdocs
from mkdocs.commands.build import get_context
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc
from mkdocs.utils import meta as mkdocs_meta

from govreg import htmlcache, mdtables

SUPPORTED = {"mkdocs": ("1.6.",), "mkdocs-material": ("9.8.",)}
"""Versions this hook was tested with (it reproduces MkDocs' Page.render and reads Material's
search plugin); on any other the cache stays off, the site is rendered plainly, and one warning says so."""

log = logging.getLogger("mkdocs.hooks.html_cache")
pages_log = logging.getLogger("mkdocs.structure.pages")


class _State:
    """This build's cache, workers and counts (reset in on_config: `mkdocs serve` rebuilds)."""

    def __init__(self) -> None:
        self.settings = ""
        self.cache: htmlcache.HtmlCache | None = None
        self.workers: list[Any] = []
        self.started_workers = 0
        self.stop: Any = None
        self.started = 0.0
        self.rendered = 0
        self.stale_links = 0
        self.links_kept = 0  # cached pages whose links were not resolved again (same files)
        self.site = ""  # digest of what every page's template output shares (see _site_digest)
        self.outputs_reused = 0
        self.outputs_rendered = 0
        self.nav: Any = None
        self.search_reused = 0
        self.files = ""  # digest of every file's source path, URL and inclusion (see _files_digest)
        self.progress: Any = None  # shared: how many pages MkDocs' page loop has started
        self.position = 0
        self.in_worker = False


_state = _State()


class _RecordingPaths(_RelativePathTreeprocessor):
    """MkDocs' link rewriter, remembering each (original, rewritten) URL in order."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.seen: list[list[str]] = []

    def path_to_url(self, url: str) -> str:
        new = super().path_to_url(url)
        self.seen.append([url, new])
        return new


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextlib.contextmanager
def _warnings_logged() -> Iterator[_Records]:
    """Count WARNING and worse records reaching the 'mkdocs' logger meanwhile."""
    handler = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


class _Swallow(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def filter(self, record: logging.LogRecord) -> bool:
        self.count += 1
        return False


def _settings(config: Any) -> str:
    """Digest of everything besides the page that shapes its HTML."""

    def version(dist: str) -> str:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            return "-"

    settings = {
        "markdown_extensions": list(config["markdown_extensions"]),
        "mdx_configs": config["mdx_configs"] or {},
        "use_directory_urls": config["use_directory_urls"],
        "validation": {k: dict(v) if hasattr(v, "items") else v for k, v in config["validation"].items()},
        "versions": {d: version(d) for d in ("mkdocs", "markdown", "pymdown-extensions", "mkdocs-material", "govreg")},
        "mkdocs": mkdocs.__version__,
    }
    return htmlcache.settings_digest(settings, [Path(__file__), Path(htmlcache.__file__), Path(mdtables.__file__)])


def _render(page: Page, config: Any, files: Files, text: str) -> tuple[dict[str, Any], dict[Any, Any]]:
    """Page.render of MkDocs 1.6 on `text`: the cache entry, and the page's links to anchors."""
    md = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"] or {})
    raw_html_ext = _RawHTMLPreprocessor()
    raw_html_ext._register(md)
    extract_anchors_ext = _ExtractAnchorsTreeprocessor(page.file, files, config)
    extract_anchors_ext._register(md)
    relative_path_ext = _RecordingPaths(page.file, files, config)
    relative_path_ext._register(md)
    extract_title_ext = _ExtractTitleTreeprocessor()
    extract_title_ext._register(md)
    content = md.convert(text)
    links_to_anchors = relative_path_ext.links_to_anchors
    entry = {
        "content": content,
        "toc": getattr(md, "toc_tokens", []),
        "title": extract_title_ext.title,
        "anchors": sorted(extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids),
        "links": relative_path_ext.seen,
        "files": _state.files,
        "to_anchors": {f.src_uri: dict(anchors) for f, anchors in links_to_anchors.items()},
    }
    return entry, links_to_anchors


def _set(page: Page, entry: dict[str, Any], links_to_anchors: dict[Any, Any]) -> None:
    """Set on the page what Page.render sets."""
    page.content = entry["content"]
    page.toc = get_toc(entry["toc"])
    page._title_from_render = entry["title"]
    page.present_anchor_ids = set(entry["anchors"])
    if pages_log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = links_to_anchors


def _files_digest(files: Files) -> str:
    """Digest of what resolving a link reads: every file's source path, URL and inclusion."""
    rows = [[f.src_uri, f.url, f.dest_uri, f.inclusion.name] for f in files]
    return htmlcache.settings_digest({"files": rows})


def _replay(page: Page, entry: dict[str, Any], config: Any, files: Files) -> dict[Any, Any] | None:
    """Resolve the entry's links again, silently: the links to anchors, or None if any differs or warns.

    Among the same files as when the entry was rendered (the same digest), every link
    resolves as it did then, silently (entries whose render logged are never stored), so
    the stored links to anchors are used as they are.
    """
    stored = entry.get("to_anchors")
    if entry.get("files") == _state.files and _state.files and isinstance(stored, dict):
        found = {src: files.get_file_from_path(src) for src in stored}
        if all(f is not None for f in found.values()):
            _state.links_kept += 1
            return {found[src]: dict(anchors) for src, anchors in stored.items()}
    paths = _RelativePathTreeprocessor(page.file, files, config)
    swallow = _Swallow()
    pages_log.addFilter(swallow)
    try:
        same = all(paths.path_to_url(url) == new for url, new in entry["links"])
    finally:
        pages_log.removeFilter(swallow)
    return paths.links_to_anchors if same and not swallow.count else None


def _normalised(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The Markdown with this build's volatile tokens (the register version) replaced by fixed sentinels.

    Why: every record page cites the register's version, a hash of all the data, so
    without this one edited value would change every page's Markdown and miss the cache.
    """
    subs: list[tuple[str, str]] = []
    for sentinel, token in htmlcache.volatile_pairs():
        if token in text and sentinel not in text:
            text = text.replace(token, sentinel)
            subs.append((sentinel, token))
    return text, subs


def _restore(entry: dict[str, Any], subs: list[tuple[str, str]]) -> dict[str, Any]:
    """A copy of the entry with each sentinel replaced by its token, in every string and key."""
    if not subs:
        return entry
    restored: dict[str, Any] = _swap(entry, subs)
    return restored


def _swap(value: Any, subs: list[tuple[str, str]]) -> Any:
    if isinstance(value, str):
        for sentinel, token in subs:
            value = value.replace(sentinel, token)
        return value
    if isinstance(value, list | tuple):  # as a JSON round trip would: tuples become lists
        return [_swap(v, subs) for v in value]
    if isinstance(value, dict):
        return {_swap(k, subs): _swap(v, subs) for k, v in value.items()}
    return value


def _fresh(page: Page, config: Any, files: Files, text: str, subs: list[tuple[str, str]]) -> dict[str, Any] | None:
    """Render the normalised Markdown; the entry to store, or None (then the page is rendered as is).

    With sentinels in place the render is silent; anything it would log, or a sentinel in
    a link, means the page is rendered again from its own Markdown, logging as MkDocs would.
    """
    swallow = _Swallow()
    if subs:
        pages_log.addFilter(swallow)
    try:
        with _warnings_logged() as warned:
            entry, links_to_anchors = _render(page, config, files, text)
    finally:
        if subs:
            pages_log.removeFilter(swallow)
    in_links = any(s in url or s in new for url, new in entry["links"] for s, _ in subs)
    if warned.count or swallow.count or in_links:
        if subs:
            assert page.markdown is not None
            own, links_to_anchors = _render(page, config, files, page.markdown)
            _set(page, own, links_to_anchors)
        else:
            _set(page, entry, links_to_anchors)
        return None
    _set(page, _restore(entry, subs), links_to_anchors)
    return entry


def _key(page: Page, text: str) -> str:
    return htmlcache.page_key(_state.settings, page.file.src_uri, page.file.url, text)


def _cached_render(page: Page, config: Any, files: Files) -> None:
    cache = _state.cache
    assert cache is not None
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    text, subs = _normalised(page.markdown)
    key = _key(page, text)
    entry = cache.get(key)
    if entry is not None:
        restored = _restore(entry, subs)
        links_to_anchors = _replay(page, restored, config, files)
        if links_to_anchors is not None:
            _set(page, restored, links_to_anchors)
            return
        _state.stale_links += 1
    _state.rendered += 1
    fresh = _fresh(page, config, files, text, subs)
    if fresh is not None:
        cache.put(key, fresh)


def _quiet() -> None:
    """In a forked worker: log nothing (MkDocs reports what the main process meets)."""
    _state.in_worker = True
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.propagate = False
    logger.addHandler(logging.NullHandler())


def _prerender(config: Any, files: Files, share: list[Any], stop: Any) -> None:
    """In a forked worker: render the pages of `share` that are missing from the cache."""
    _quiet()
    assert _state.cache is not None
    cache = htmlcache.HtmlCache(_state.cache.root)
    for file in share:
        if stop.is_set():
            break
        page = file.page if file.page is not None else Page(None, file, config)
        config._current_page = page
        try:
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
            text, subs = _normalised(page.markdown)
            key = _key(page, text)
            if cache.has(key):
                continue
            fresh = _fresh(page, config, files, text, subs)
            if fresh is not None:
                cache.put(key, fresh)
        except Exception:  # MkDocs renders this page itself and reports the error
            continue


def _workers() -> int:
    value = os.environ.get("GOVREG_HTML_WORKERS", "").strip()
    if value:
        return max(int(value), 0)
    return max((os.cpu_count() or 1) - 1, 1)


def _untested_versions() -> str:
    """The engine versions installed that this hook was not tested with, as text ('' when all were)."""
    found = []
    for dist, prefixes in SUPPORTED.items():
        try:
            version = metadata.version(dist)
        except metadata.PackageNotFoundError:
            version = "none"
        if not version.startswith(prefixes):
            found.append(f"{dist} {version}")
    return ", ".join(found)


def on_config(config: Any) -> Any:
    global _state
    _state = _State()
    _state.started = time.perf_counter()
    where = htmlcache.folder(root=Path(config.config_file_path).parent)
    if where is None:
        return config
    untested = _untested_versions()
    if untested:
        # Printed, not logged: under `strict: true` a logged warning would fail the build.
        print(
            f"WARNING -  html_cache: not tested with {untested}; pages are rendered without the cache "
            f"(tested: {', '.join(f'{d} {v[0]}x' for d, vs in SUPPORTED.items() for v in vs)})",
            file=sys.stderr,
        )
        return config
    _state.settings = _settings(config)
    _state.cache = htmlcache.HtmlCache(where, remember=True)
    return config


def _mostly_cached(pages: list[Any], config: Any) -> bool:
    """Whether a sample of pages, keyed by their source Markdown, is nearly all in the cache.

    Why: in `mkdocs serve` after an edit almost every page is cached, and a worker would
    only compete with MkDocs for the cores. The sample reads sources without running the
    plugins' `on_page_markdown` (they keep state), so a plugin that rewrites Markdown makes
    a page look missing: that costs a worker that was not needed, never a wrong page.
    """
    cache = _state.cache
    assert cache is not None
    sample = pages[:: max(len(pages) // 64, 1)]
    missing = 0
    for file in sample:
        try:
            text, _ = mkdocs_meta.get_data(file.content_string)
        except Exception:  # unreadable here: MkDocs reports it in its own loop
            missing += 1
            continue
        text, _ = _normalised(text)
        if not cache.has(htmlcache.page_key(_state.settings, file.src_uri, file.url, text)):
            missing += 1
    return missing * 10 <= len(sample)


def _start(target: Any, shares: list[list[Any]], *args: Any) -> None:
    """Fork one worker per share, each running target(*args, share, stop)."""
    context = multiprocessing.get_context("fork")
    _state.stop = context.Event()
    for i, share in enumerate(shares):
        proc = context.Process(target=target, args=(*args, share, _state.stop), name=f"govreg-html-{i}", daemon=True)
        proc.start()
        _state.workers.append(proc)
    _state.started_workers += len(shares)


def on_nav(nav: Any, config: Any, files: Files) -> Any:
    """Start the pre-render workers, each on its share of the pages, last pages first."""
    _state.nav = nav
    if _state.cache is None:
        return nav
    _state.files = _files_digest(files)
    count = _workers()
    if count == 0:
        return nav
    pages = list(files.documentation_pages())
    if len(pages) < 20 or _mostly_cached(pages, config):
        return nav
    pages.reverse()
    _start(_prerender, [pages[i::count] for i in range(count)], config, files)
    return nav


def on_pre_page(page: Page, config: Any, files: Files) -> Page:
    if _state.cache is not None:
        page.render = types.MethodType(_cached_render, page)  # type: ignore[method-assign]
    return page


def _finish_workers() -> None:
    """Tell the workers to stop and wait for them."""
    if _state.stop is not None:
        _state.stop.set()
    for proc in _state.workers:
        proc.join()
    _state.workers = []


# Second layer: a page's whole template output (theme, navigation, page), reused when none
# of what goes into it has changed. Material renders the navigation into every page, which
# is most of what is left of a build once the Markdown is cached.

PAGE_FORMAT = "govreg-page-1"


def _nav_items(items: Any) -> list[Any]:
    """The navigation as plain data: kind, title, URL, front matter, children."""
    out: list[Any] = []
    for item in items or []:
        kind = type(item).__name__
        meta = getattr(item, "meta", None) if kind == "Page" else None
        url = getattr(item, "url", None)
        out.append([kind, item.title, url, meta, _nav_items(getattr(item, "children", None))])
    return out


def _toc(items: Any) -> list[Any]:
    return [[t.title, t.id, t.level, _toc(t.children)] for t in items]


def _site_digest(config: Any, nav: Any, files: Files) -> str:
    """Digest of the settings, templates, navigation and page list that every page's output depends on."""
    theme = config.theme
    custom = [Path(d) for d in theme.dirs if not Path(d).is_relative_to(Path(mkdocs.__file__).parents[1])]
    code: list[Path] = []
    for folder in custom:
        code += [p for p in folder.rglob("*") if p.is_file()]
    settings = {
        "format": PAGE_FORMAT,
        "config": {
            k: config[k]
            for k in (
                "site_name",
                "site_url",
                "site_description",
                "site_author",
                "copyright",
                "google_analytics",
                "repo_url",
                "repo_name",
                "edit_uri_template",
                "edit_uri",
                "use_directory_urls",
                "extra",
                "extra_css",
                "extra_javascript",
                "extra_templates",
            )
        },
        # Template folders by position, not path (a relative --config-file gives relative paths);
        # the custom ones' files are hashed below, the packaged ones go with their versions.
        "theme": [theme.name, getattr(theme, "_vars", {}), str(getattr(theme, "locale", "")), len(theme.dirs)],
        "plugins": {name: getattr(plugin, "config", None) for name, plugin in config.plugins.items()},
        "nav": _nav_items(nav.items),
        "pages": [[f.src_uri, f.url, f.inclusion.name] for f in files.documentation_pages()],
        "markdown": _state.settings,
    }
    return htmlcache.settings_digest(settings, code)


def _output_key(context: Any) -> tuple[str, list[tuple[str, str]]] | None:
    """The key of one page's template output from its context, and the volatile tokens its content had.

    None when the context holds something without a content-based form.
    """
    page = context.get("page")
    if page is None or not _state.site:
        return None
    standard = {"nav", "pages", "config", "page", "base_url", "extra_css", "extra_javascript", "mkdocs_version"}
    others = {k: v for k, v in context.items() if k not in standard}
    scripts = context.get("extra_javascript", [])
    fields = {
        "site": _state.site,
        "url": page.url,
        "src": page.file.src_uri,
        "title": page.title,
        "meta": page.meta,
        "toc": _toc(page.toc),
        "canonical_url": page.canonical_url,
        "edit_url": page.edit_url,
        "base_url": context.get("base_url"),
        "extra_css": [str(x) for x in context.get("extra_css", [])],
        "extra_javascript": [[str(x), getattr(x, "type", None), getattr(x, "defer", None)] for x in scripts],
        "mkdocs_version": context.get("mkdocs_version"),
        "others": others,
    }
    text = htmlcache.canonical(fields)
    if " at 0x" in text:
        return None
    content, subs = _normalised(page.content or "")
    return htmlcache.page_key(PAGE_FORMAT, page.file.src_uri, page.url, text + "\0" + content), subs


class _CachedTemplate:
    """The page template, reusing a page's stored output when its key matches."""

    def __init__(self, template: Any) -> None:
        self._template = template

    def __getattr__(self, name: str) -> Any:
        return getattr(self._template, name)

    def render(self, *args: Any, **kwargs: Any) -> str:
        cache = _state.cache
        context = args[0] if len(args) == 1 and not kwargs else None
        keyed = _output_key(context) if cache is not None and context is not None else None
        if keyed is not None and cache is not None:
            entry = cache.get(keyed[0])
            if entry is not None and isinstance(entry.get("output"), str):
                _state.outputs_reused += 1
                output = str(entry["output"])
                for sentinel, token in keyed[1]:
                    output = output.replace(sentinel, token)
                return output
        output = str(self._template.render(*args, **kwargs))
        _state.outputs_rendered += 1
        if keyed is not None and cache is not None:
            key, subs = keyed
            stored = output
            if not any(sentinel in output for sentinel, _ in subs):
                for sentinel, token in subs:
                    stored = stored.replace(token, sentinel)
                cache.put(key, {"output": stored})
        return output


SEARCH_FORMAT = "govreg-search-1"


def _cache_search_entries(config: Any) -> None:
    """Material's search plugin parses every page's HTML for its index: reuse the entries a page gave.

    Key: the page's HTML, table of contents, title, URL and front matter, the search
    plugin's settings and Material's version. The register version is kept out of the key
    as for the HTML. Entries are appended in page order, as the plugin itself does.
    """
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    real = getattr(index, "add_entry_from_context", None)
    cache = _state.cache
    if index is None or real is None or cache is None or not hasattr(index, "entries"):
        return
    settings = htmlcache.settings_digest({"format": SEARCH_FORMAT, "plugin": plugin.config, "site": _state.settings})

    def add_entry_from_context(page: Page) -> None:
        content, subs = _normalised(page.content or "")
        fields = [page.url, page.title, page.meta, _toc(page.toc)]
        text = htmlcache.canonical(fields)
        if " at 0x" in text:
            real(page)
            return
        key = htmlcache.page_key(settings, page.file.src_uri, page.url, text + "\0" + content)
        entry = cache.get(key)
        if entry is not None and isinstance(entry.get("entries"), list):
            _state.search_reused += 1
            index.entries.extend(_restore({"entries": entry["entries"]}, subs)["entries"])
            return
        before = len(index.entries)
        real(page)
        new = index.entries[before:]
        raw = json.dumps(new, ensure_ascii=False)
        if not any(sentinel in raw for sentinel, _ in subs):
            for sentinel, token in subs:
                raw = raw.replace(token, sentinel)
            cache.put(key, {"entries": json.loads(raw)})

    index.add_entry_from_context = add_entry_from_context


def _built_marker() -> str:
    """The cache key saying a build with this site digest finished (its outputs are stored)."""
    return htmlcache.page_key(PAGE_FORMAT + "-built", "", "", _state.site)


def _prerender_outputs(env: Any, config: Any, files: Files, share: list[tuple[int, Any]], stop: Any) -> None:
    """In a forked worker: MkDocs' page loop up to the template, for `share` (last pages first).

    The page outputs and search entries land in the cache, where MkDocs' own loop finds
    them. The worker stops at the page MkDocs has reached, so no page is done twice but
    the one where they meet.
    """
    _quiet()
    doc_files = files.documentation_pages()
    for position, file in share:
        if stop.is_set() or _state.progress.value > position:
            break
        page = file.page
        if page is None:
            continue
        config._current_page = page
        page.active = True
        try:
            context = get_context(_state.nav, doc_files, config, page)
            template = env.get_template(page.meta.get("template", "main.html"))
            context = config.plugins.on_page_context(context, page=page, config=config, nav=_state.nav)
            template.render(context)
        except Exception:  # MkDocs builds this page itself and reports the error
            continue
        finally:
            page.active = False
            config._current_page = None


def _start_output_workers(env: Any, config: Any, files: Files) -> None:
    """Fork workers for the page templates, unless the outputs are likely cached already.

    Likely cached: a build with this site digest finished and MkDocs rendered under a tenth
    of the pages' Markdown afresh (after an edit in `mkdocs serve`). Not started when the
    page list depends on the command (drafts are built by `serve` only), as the worker
    could not know which list MkDocs uses.
    """
    count = _workers()
    pages = list(files.documentation_pages())
    assert _state.cache is not None
    if count == 0 or len(pages) < 20 or list(files.documentation_pages(inclusion=InclusionLevel.is_in_serve)) != pages:
        return
    if _state.rendered * 10 <= len(pages) and _state.cache.has(_built_marker()):
        return
    _state.progress = multiprocessing.get_context("fork").Value("i", 0, lock=False)
    items = list(enumerate(pages))
    items.reverse()
    _start(_prerender_outputs, [items[i::count] for i in range(count)], env, config, files)


def on_env(env: Any, config: Any, files: Files) -> Any:
    """Every page's Markdown is rendered by now: stop those workers; page templates go through
    the output cache, filled ahead of MkDocs by a new set of workers."""
    _finish_workers()
    if _state.cache is None or _state.nav is None or os.environ.get("GOVREG_PAGE_CACHE", "").lower() in {"off", "0"}:
        return env
    _state.site = _site_digest(config, _state.nav, files)
    _cache_search_entries(config)
    real = env.get_template

    def get_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
        template = real(name, parent, globals)
        if parent is None and config._current_page is not None:
            return _CachedTemplate(template)
        return template

    env.get_template = get_template
    compiled = _state.cache.root / "jinja" / _jinja_digest(env)
    compiled.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(compiled))
    _start_output_workers(env, config, files)
    return env


def _jinja_digest(env: Any) -> str:
    """Digest of the environment's settings that shape compiled templates.

    Why: `mkdocs serve` makes a new environment per rebuild and compiled Material's
    templates afresh each time (about 0.3 s). Jinja's bytecode cache checks each
    template's source; the settings that change what the source compiles to are not in
    its key, so they name the folder.
    """
    settings = {
        "jinja": jinja2.__version__,
        "extensions": sorted(env.extensions),
        "options": [
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.optimized,
            env.autoescape if isinstance(env.autoescape, bool) else getattr(env.autoescape, "__qualname__", "?"),
            env.is_async,
        ],
    }
    return htmlcache.settings_digest(settings)[:16]


def on_page_context(context: Any, page: Page, config: Any, nav: Any) -> Any:
    """Tell the output workers which page MkDocs' loop has reached."""
    if _state.progress is not None and not _state.in_worker:
        _state.position += 1
        _state.progress.value = _state.position
    return context


def on_post_build(config: Any) -> None:
    _finish_workers()
    cache = _state.cache
    if cache is None:
        return
    if _state.site:
        cache.put(_built_marker(), {"site": _state.site})
    stats = {
        "hits": cache.hits - _state.outputs_reused - _state.search_reused,
        "rendered_here": _state.rendered,
        "stale_links": _state.stale_links,
        "links_kept": _state.links_kept,
        "outputs_reused": _state.outputs_reused,
        "outputs_rendered": _state.outputs_rendered,
        "search_reused": _state.search_reused,
        "workers": _state.started_workers,
        "seconds": round(time.perf_counter() - _state.started, 2),
    }
    log.info("HTML cache: %s", ", ".join(f"{k} {v}" for k, v in stats.items()))
    out = os.environ.get("GOVREG_HTML_STATS")
    if out:
        with open(out, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(stats) + "\n")


def on_build_error(error: Exception) -> None:
    _finish_workers()
