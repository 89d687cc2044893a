"""MkDocs wiring for the govreg package; nothing else lives here.

Validation runs in on_config, before MkDocs cleans site_dir, so bad data never
wipes the last good site. Settings: extra.register in mkdocs.yml, overridden
by GOVREG_DATA and GOVREG_AS_OF (the CLI sets these).
"""

from __future__ import annotations

import gc
import os
from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from govreg import build, htmlcache, session
from govreg.abbr import glossary_abbreviations

_result: build.Result | None = None


def on_config(config: Any) -> Any:
    global _result
    settings = config.extra.get("register", {})
    root = Path(config.config_file_path).parent
    data = Path(os.environ.get("GOVREG_DATA") or root / settings.get("data", "data"))
    try:
        as_of = build.resolve_as_of(os.environ.get("GOVREG_AS_OF"), settings.get("as_of"))
    except ValueError as exc:
        raise PluginError(str(exc)) from None
    # MkDocs dates the sitemap from SOURCE_DATE_EPOCH: tie it to the as-of date.
    os.environ.setdefault("SOURCE_DATE_EPOCH", build.epoch_of(as_of))
    # Releases sit beside the data folder they were made from (releases/ beside data/).
    releases = Path(os.environ.get("GOVREG_RELEASES") or data.parent / settings.get("releases", "releases"))
    # The process's session: `mkdocs serve` re-imports this module on every rebuild,
    # and unchanged files and inputs are not worked on again.
    gc.unfreeze()  # `mkdocs serve`: the last build's objects may be collected now
    _result = build.generate(data, as_of, config.site_url or "", releases, session.for_folder(data))
    gc.freeze()  # what the data layer made lives through the build: the collector need not walk it
    if _result.problems:
        raise PluginError("The register's data has problems:\n" + build.report(_result.problems))
    config.mdx_configs.setdefault("abbr", {})["glossary"] = glossary_abbreviations(_result.index)
    # Every record page cites the register's version: the HTML cache keys pages without it.
    htmlcache.set_volatile([_result.derived.version] if _result.derived is not None else [])
    return config


def on_files(files: Files, config: Any) -> Files:
    assert _result is not None
    for out in _result.outputs:
        files.append(File.generated(config, out.path, content=out.content))
    return files
