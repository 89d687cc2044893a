"""The rendered-HTML cache: incremental builds equal clean ones, other settings never reuse entries."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import FIXTURES, ROOT, build_site, run_cli
from govreg import htmlcache

MINI = FIXTURES / "mini" / "data"
HOOK = ROOT / "hooks" / "html_cache_hook.py"


def tree_digest(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def _build(data: Path, site: Path, cache: Path | str, stats: Path, *extra: str, workers: str = "") -> dict[str, Any]:
    """Build with this cache folder; the hook's counts for the build."""
    stats.unlink(missing_ok=True)
    env = {"GOVREG_HTML_CACHE": str(cache), "GOVREG_HTML_STATS": str(stats), "GOVREG_HTML_WORKERS": workers}
    done = run_cli("build", "--data", str(data), "--site-dir", str(site), *extra, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    if cache == "off":
        assert not stats.exists()
        return {}
    lines = stats.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    counts: dict[str, Any] = json.loads(lines[0])
    return counts


def _edit_one_value(data: Path) -> None:
    bodies = data / "bolton" / "bodies.yml"
    text = bodies.read_text(encoding="utf-8")
    assert "To oversee the pooled budget" in text
    bodies.write_text(text.replace("To oversee the pooled budget", "To oversee the shared budget"), encoding="utf-8")


def _differences(a: Path, b: Path) -> list[str]:
    first, second = tree_digest(a), tree_digest(b)
    return sorted(k for k in first.keys() | second.keys() if first.get(k) != second.get(k))


def test_incremental_build_is_byte_identical_to_clean_build(tmp_path: Path) -> None:
    """Warm cache, one YAML value edited: the whole site tree equals a build without the cache."""
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    cache, stats = tmp_path / "cache", tmp_path / "stats.jsonl"

    cold = _build(data, tmp_path / "cold", cache, stats)
    assert cold["stale_links"] == 0 and cold["hits"] + cold["rendered_here"] > 20
    # Both sets of workers took part: pages' HTML, then their template output, from the end.
    assert cold["workers"] == 2 and cold["hits"] > 0 and cold["outputs_reused"] > 0, cold
    clean_before = _build(data, tmp_path / "clean-before", "off", stats)
    assert clean_before == {}
    assert _differences(tmp_path / "cold", tmp_path / "clean-before") == []
    _edit_one_value(data)
    warm = _build(data, tmp_path / "incremental", cache, stats, workers="0")  # the cold build's worker did its part
    clean = _build(data, tmp_path / "clean", "off", stats)
    assert clean == {}
    # Incremental: the edited record's pages (and the listings showing it) rendered again, the rest reused.
    assert 0 < warm["rendered_here"] * 10 < warm["hits"], warm
    assert warm["outputs_reused"] > 5 * warm["outputs_rendered"] > 0, warm  # the theme's output, too
    # The same files as when the entries were stored: no cached page's links needed resolving again.
    assert warm["links_kept"] == warm["hits"] and warm["stale_links"] == 0, warm
    assert "shared budget" in (tmp_path / "incremental" / "bodies" / "bolton-jcc" / "index.html").read_text()
    assert _differences(tmp_path / "incremental", tmp_path / "clean") == []


def _variant_config(tmp_path: Path) -> Path:
    """mkdocs.yml with a different Markdown setting (no heading permalinks), paths made absolute."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["docs_dir"] = str(ROOT / config["docs_dir"])
    config["hooks"] = [str(ROOT / h) for h in config["hooks"]]
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "govreg" in plugin:
            plugin["govreg"]["data"] = str(ROOT / plugin["govreg"]["data"])
    config["watch"] = [str(ROOT / w) for w in config["watch"]]
    # The plugin adds only the extensions not listed: this one keeps its own settings.
    config["markdown_extensions"] = [{"toc": {"permalink": False}}]
    out = tmp_path / "variant.yml"
    out.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return out


def test_cache_filled_under_other_settings_is_not_reused(tmp_path: Path) -> None:
    cache, stats = tmp_path / "cache", tmp_path / "stats.jsonl"
    variant = _build(MINI, tmp_path / "variant", cache, stats, "--config", str(_variant_config(tmp_path)))
    assert variant["hits"] + variant["rendered_here"] > 20
    assert 'class="headerlink"' not in (tmp_path / "variant" / "about" / "index.html").read_text()

    poisoned = _build(MINI, tmp_path / "after", cache, stats, workers="0")  # every hit would be a stale entry
    assert poisoned["hits"] == 0 and poisoned["rendered_here"] > 20, poisoned
    assert 'class="headerlink"' in (tmp_path / "after" / "about" / "index.html").read_text()
    clean = build_site(MINI, tmp_path / "clean")
    assert _differences(tmp_path / "after", clean) == []


def _tiny_project(root: Path, cache: Path) -> list[str]:
    """A two-page MkDocs project using only the cache hook; the mkdocs command to build it."""
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n\nSee [the other page](other.md#part).\n", encoding="utf-8")
    (root / "docs" / "other.md").write_text("# Other\n\n## Part\n\nText.\n", encoding="utf-8")
    config = {
        "site_name": "t",
        "docs_dir": "docs",
        "hooks": [str(HOOK)],
        "markdown_extensions": [{"toc": {"permalink": True}}],
        "validation": {"links": {"not_found": "warn", "anchors": "warn"}},
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(root / "mkdocs.yml"),
        "-d",
        str(root / "site"),
    ]


@pytest.mark.parametrize("change", ["remove the target", "remove the anchor"])
def test_cached_page_still_reports_broken_links(tmp_path: Path, change: str) -> None:
    """A page served from the cache has its links checked again: a strict build still fails."""
    cache = tmp_path / "cache"
    cmd = _tiny_project(tmp_path / "p", cache)
    env = {"GOVREG_HTML_CACHE": str(cache), "GOVREG_HTML_WORKERS": "0", "NO_MKDOCS_2_WARNING": "1", "PATH": ""}
    first = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    # Two pages: the Markdown and the template output of each; and the mark of a finished build.
    assert len(list(cache.rglob("*.json"))) == 5
    other = tmp_path / "p" / "docs" / "other.md"
    if change == "remove the target":
        other.unlink()
    else:
        other.write_text("# Other\n\nText.\n", encoding="utf-8")
    second = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    assert second.returncode != 0
    assert "index.md" in second.stderr and "other.md" in second.stderr


def test_keys_depend_on_settings_page_and_markdown(tmp_path: Path) -> None:
    a = htmlcache.settings_digest({"markdown_extensions": ["toc"], "mdx_configs": {"toc": {"permalink": True}}})
    b = htmlcache.settings_digest({"markdown_extensions": ["toc"], "mdx_configs": {"toc": {"permalink": False}}})
    assert a != b
    assert a == htmlcache.settings_digest({"mdx_configs": {"toc": {"permalink": True}}, "markdown_extensions": ["toc"]})
    key = htmlcache.page_key(a, "x.md", "x/", "# X")
    assert len({key, htmlcache.page_key(b, "x.md", "x/", "# X"), htmlcache.page_key(a, "y.md", "y/", "# X")}) == 3
    assert key != htmlcache.page_key(a, "x.md", "x/", "# Y")

    cache = htmlcache.HtmlCache(tmp_path)
    assert cache.get(key) is None
    cache.put(key, {"content": "<p>x</p>"})
    assert cache.get(key) == {"content": "<p>x</p>", "key": key}
    path = next(tmp_path.rglob("*.json"))
    path.write_text("{damaged", encoding="utf-8")
    assert cache.get(key) is None
    path.write_text(json.dumps({"content": "<p>moved</p>", "key": "0" * 64}), encoding="utf-8")
    assert cache.get(key) is None, "an entry stored under another key is not used"
    with pytest.raises(ValueError):
        cache.get("../../etc/passwd")
    assert htmlcache.folder({"GOVREG_HTML_CACHE": "off"}) is None
    assert htmlcache.folder({}, root=tmp_path) == tmp_path / ".cache" / "govreg-html"


def test_a_remembering_cache_keeps_the_last_builds_entries_in_memory_and_no_others(tmp_path: Path) -> None:
    """`mkdocs serve`: entries read by one build come from memory in the next; unread ones are let go."""
    keys = [hashlib.sha256(str(i).encode()).hexdigest() for i in range(3)]
    plain = htmlcache.HtmlCache(tmp_path)
    for i, key in enumerate(keys):
        plain.put(key, {"content": f"<p>{i}</p>", "toc": [["a", 1]]})
    first = htmlcache.HtmlCache(tmp_path, remember=True)
    read = [first.get(keys[0]), first.get(keys[1])]
    assert read[0] == {"content": "<p>0</p>", "toc": [["a", 1]], "key": keys[0]}
    for path in tmp_path.rglob("*.json"):
        path.unlink()  # from here on, only memory can answer
    second = htmlcache.HtmlCache(tmp_path, remember=True)
    assert second.get(keys[0]) == read[0] and second.get(keys[0]) is read[0]
    assert second.get(keys[2]) is None, "never read, so never remembered"
    assert not second.has(keys[2]) and second.has(keys[0])
    third = htmlcache.HtmlCache(tmp_path, remember=True)
    assert third.get(keys[0]) is read[0], "read by the last build"
    assert third.get(keys[1]) is None, "not read by the last build: let go"
    assert htmlcache.HtmlCache(tmp_path).get(keys[0]) is None, "without remember, only the files count"
    htmlcache.HtmlCache(tmp_path / "elsewhere", remember=True)  # leave nothing for other tests
    htmlcache.HtmlCache(tmp_path / "elsewhere", remember=True)
