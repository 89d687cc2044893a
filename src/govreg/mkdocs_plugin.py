"""The MkDocs plugin (`plugins: - govreg`): the only module that talks to MkDocs.

It uses MkDocs' public plugin interface only: options checked by MkDocs' config
system, `on_config` (validate and generate, before MkDocs cleans `site_dir`, so bad
data never wipes the last good site), `on_files` (add the generated pages and
exports) and `on_serve` (watch the data folder). The theme overrides and the
site's CSS and scripts ship in the package (`govreg/theme`), added in front of
Material's templates but behind a register's own `custom_dir`.

Settings, highest first: GOVREG_DATA, GOVREG_AS_OF and GOVREG_RELEASES (the CLI
sets these), then the plugin's options in mkdocs.yml.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from . import build, codewatch, htmlcache, maps, session
from .abbr import glossary_abbreviations
from .progress import Progress, count, for_terminal
from .settings import CSS, MARKDOWN_EXTENSIONS, THEME_DIR

log = logging.getLogger("mkdocs.plugins.govreg")


class AsOf(c.OptionallyRequired[str]):
    """The register's 'today', YYYY-MM-DD (YAML may give a date or a string)."""

    def run_validation(self, value: object) -> str:
        text = value.isoformat() if isinstance(value, date) else str(value)
        try:
            date.fromisoformat(text)
        except ValueError:
            raise base.ValidationError(f"{text!r} is not a date written YYYY-MM-DD, such as 2026-04-01") from None
        return text


class RegisterPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Turns the data folder into pages and exports at every build and preview."""

    # The scheme is a tuple, not a Config class: an option named `data` would shadow the
    # dictionary a Config class keeps its values in.
    config_scheme = (
        # The register's data folder, relative to mkdocs.yml.
        ("data", c.Dir(exists=True, default="data")),
        # The register's 'today'; without it, SOURCE_DATE_EPOCH.
        ("as_of", AsOf()),
        # Earlier releases to compare with (`govreg release`), relative to mkdocs.yml; may be absent.
        ("releases", c.Type(str, default="releases")),
    )

    def __init__(self) -> None:
        self.result: build.Result | None = None
        self.progress = Progress(None)
        self.started = 0.0
        self.pages = 0
        self.written = 0

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path or ".").parent
        data = Path(os.environ.get("GOVREG_DATA") or self.config["data"])
        try:
            as_of = build.resolve_as_of(os.environ.get("GOVREG_AS_OF"), self.config["as_of"])
        except ValueError as exc:
            raise PluginError(f"govreg: {exc}") from None
        # MkDocs dates the sitemap from SOURCE_DATE_EPOCH: tie it to the as-of date.
        os.environ.setdefault("SOURCE_DATE_EPOCH", build.epoch_of(as_of))
        releases = Path(os.environ.get("GOVREG_RELEASES") or root / self.config["releases"])
        codewatch.warn_if_changed(log)
        # The process's session: `mkdocs serve` loads the plugin again on every rebuild,
        # and unchanged files and inputs are not worked on again.
        self.progress, self.started = for_terminal(), time.monotonic()
        gc.unfreeze()  # `mkdocs serve`: the last build's objects may be collected now
        self.result = build.generate(
            data, as_of, config.site_url or "", releases, session.for_folder(data), progress=self.progress
        )
        gc.freeze()  # what the data layer made lives through the build: the collector need not walk it
        if self.result.problems:
            self.progress.done("govreg: the data has problems")
            raise PluginError("The register's data has problems:\n" + build.report(self.result.problems))
        made = [o.path for o in self.result.outputs]
        pages = sum(1 for p in made if p.endswith(".md"))
        assert self.result.index is not None
        self.progress.done(
            f"govreg: {count(len(self.result.index.records), 'record')} checked; "
            f"{count(pages, 'page')} and {count(len(made) - pages, 'other file')} (exports, permalinks) made "
            f"in {time.monotonic() - self.started:.1f} s"
        )
        self._wire_theme(config)
        missing = maps.graphviz_missing()
        if missing:
            # Printed, not logged: under `strict: true` a logged warning would fail the build it should not stop.
            print(f"WARNING -  govreg: {missing}", file=sys.stderr)
        config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary_abbreviations(self.result.index)
        # Every record page cites the register's version: the HTML cache keys pages without it.
        htmlcache.set_volatile([self.result.derived.version] if self.result.derived is not None else [])
        return config

    def _wire_theme(self, config: MkDocsConfig) -> None:
        """The package's templates and assets, and the Markdown extensions its pages need."""
        if config.theme.name != "material":
            raise PluginError(f"govreg: the register needs theme 'material' (mkdocs.yml has {config.theme.name!r})")
        theme_dir = str(THEME_DIR)
        if theme_dir not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, theme_dir)
        if CSS not in config.extra_css:
            config.extra_css.append(CSS)
        for name, options in MARKDOWN_EXTENSIONS:
            # MkDocs always has toc, tables and fenced_code: the settings apply to those too,
            # unless mkdocs.yml gives its own.
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
            if options and name not in config.mdx_configs:
                config.mdx_configs[name] = dict(options)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.result is not None
        for out in self.result.outputs:
            files.append(File.generated(config, out.path, content=out.content))
        self.pages, self.written = len(files.documentation_pages()), 0
        return files

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        self.written += 1
        self.progress.update(f"govreg: pages written {self.written:,} of {self.pages:,}")
        return output

    def on_post_build(self, config: MkDocsConfig) -> None:
        self.progress.done(f"govreg: {count(self.written, 'page')} written in {time.monotonic() - self.started:.1f} s")

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Preview: rebuild when the data changes; say so when the package's own code changes."""
        server.watch(str(Path(os.environ.get("GOVREG_DATA") or self.config["data"])))
        server.watch(str(codewatch.PACKAGE_DIR))
        return server
