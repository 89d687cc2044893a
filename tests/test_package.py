"""Install it, start your own register: the wheel, the plugin, `govreg init`, `generate`, other engines.

The slow case builds the wheel, installs it into a fresh virtual environment (pinned by
requirements/site.txt), starts a register with `govreg init` and builds it with plain
`mkdocs build --strict`, as a newcomer would.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest
import yaml

from conftest import ROOT, html_pages, run_cli
from govreg import codewatch
from govreg.export.schema import kind_schema_texts
from govreg.starter import starter_files


def mkdocs(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ, NO_MKDOCS_2_WARNING="1", GOVREG_HTML_CACHE="off", **(env or {}))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=full, capture_output=True, text=True, check=False
    )


@pytest.fixture
def starter(tmp_path: Path) -> Path:
    done = run_cli("init", str(tmp_path / "reg"))
    assert done.returncode == 0, done.stderr
    return tmp_path / "reg"


# ---------------------------------------------------------------- govreg init


def test_init_writes_a_register_that_validates_and_builds_strictly(starter: Path) -> None:
    assert (starter / ".gitignore").is_file() and (starter / ".github" / "workflows" / "register.yml").is_file()
    assert not list(starter.rglob("dot-*")) and not list(starter.rglob("__pycache__"))
    done = run_cli("validate", cwd=starter)  # the data folder and as-of date come from the starter's mkdocs.yml
    assert done.returncode == 0 and "11 records" in done.stdout, done.stderr
    built = mkdocs("build", "--strict", cwd=starter)
    assert built.returncode == 0, built.stderr
    site = starter / "site"
    place = (site / "places" / "bolton" / "index.html").read_text(encoding="utf-8")
    assert "Who decides what here, now" in place and "Joint Commissioning Committee" in place
    body = (site / "bodies" / "bolton-jcc" / "index.html").read_text(encoding="utf-8")
    assert "Leader of the Council" in body and "assets/register.css" in body
    register = json.loads((site / "data" / "register.json").read_text(encoding="utf-8"))
    assert register["records"]["milestones"][0]["id"] == "bolton-scf-ms-pool-160m-april-2019"


def test_init_refuses_a_folder_that_is_not_empty_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "mine.txt").write_text("keep me", encoding="utf-8")
    done = run_cli("init", str(tmp_path))
    assert done.returncode == 2
    assert "is not empty" in done.stderr and "Nothing was written" in done.stderr and "Traceback" not in done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


def test_init_into_an_empty_folder(tmp_path: Path) -> None:
    assert run_cli("init", str(tmp_path)).returncode == 0
    assert (tmp_path / "mkdocs.yml").is_file()


def _make_starter() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_starter", ROOT / "scripts" / "make_starter.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_starter_data_is_this_registers_own_records_word_for_word() -> None:
    """Nothing in the starter is invented: each file is what scripts/make_starter.py takes from data/."""
    make = _make_starter()
    files = starter_files()
    for target, records in make.starter_records(ROOT / "data").items():
        assert files[f"data/{target}"].decode("utf-8") == make.dump(target, records), target


def test_each_starter_data_file_names_a_schema_that_checks_it(starter: Path) -> None:
    for path in sorted((starter / "data").rglob("*.yml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path
        schema = json.loads((path.parent / first.split("$schema=")[1]).read_text(encoding="utf-8"))
        records: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(records)
        records[0]["colour"] = "red"  # a field no kind has
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.Draft202012Validator(schema).validate(records)
    assert sorted(p.name for p in (starter / "schema").iterdir()) == sorted(kind_schema_texts())


# ---------------------------------------------------------------- the plugin


def _with_plugin_options(starter: Path, **options: object) -> None:
    config = (starter / "mkdocs.yml").read_text(encoding="utf-8")
    block = "".join(f"      {k}: {v}\n" for k, v in options.items())
    start = config.index("  - govreg:\n") + len("  - govreg:\n")
    end = config.index("\n\n", start) + 1
    (starter / "mkdocs.yml").write_text(config[:start] + block + config[end:], encoding="utf-8")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"data": "data", "as_of": '"2019-13-01"'}, "Plugin 'govreg' option 'as_of': '2019-13-01' is not a date"),
        ({"data": "missing", "as_of": "2019-04-08"}, "Plugin 'govreg' option 'data': The path '"),
        ({"data": "data", "colour": "red"}, "Plugin 'govreg' option 'colour': Unrecognised configuration name"),
    ],
)
def test_plugin_option_errors_are_clean_messages(starter: Path, options: dict[str, object], message: str) -> None:
    _with_plugin_options(starter, **options)
    done = mkdocs("build", "--strict", cwd=starter)
    assert done.returncode != 0
    assert message in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    if options["data"] == "missing":
        assert "/reg/missing' isn't an existing directory" in done.stderr
    assert not (starter / "site").exists()


def test_bad_data_stops_the_plugin_with_every_problem_and_no_traceback(starter: Path) -> None:
    path = starter / "data" / "bolton" / "bodies.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("organisation: bolton-ccg", "organisation: nobody"))
    done = mkdocs("build", "--strict", cwd=starter)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "The register's data has problems" in done.stderr and "bodies.yml" in done.stderr and "nobody" in done.stderr


def test_without_graphviz_the_build_succeeds_with_maps_as_text(starter: Path, tmp_path: Path) -> None:
    """Graphviz is a system program pip cannot install: its absence costs the drawings, not the site."""
    bin_dir = tmp_path / "bin"  # the interpreter's folder only, so `dot` and `unflatten` are not found
    bin_dir.mkdir()
    done = mkdocs("build", "--strict", cwd=starter, env={"PATH": str(bin_dir)})
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("Graphviz (dot, unflatten) is not installed") == 1
    assert "apt-get install graphviz" in done.stderr
    place = (starter / "site" / "places" / "bolton" / "index.html").read_text(encoding="utf-8")
    assert "This map is shown as text only" in place and "gr-map-svg" not in place
    assert "Joint Commissioning Committee" in place


def test_the_preview_says_when_the_packages_code_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mkdocs serve` keeps imported code: an edit to govreg's Python is reported, once, not silently ignored."""
    monkeypatch.setattr(codewatch, "_AT_START", {**codewatch._snapshot(), "maps.py": 0})
    monkeypatch.setattr(codewatch, "_reported", set())
    records: list[str] = []

    class Log:
        def info(self, text: str, *args: object) -> None:
            records.append(text % args)

    assert codewatch.warn_if_changed(Log()) == ["maps.py"]  # type: ignore[arg-type]
    assert codewatch.warn_if_changed(Log()) == []  # type: ignore[arg-type]
    assert (
        len(records) == 1
        and "maps.py" in records[0]
        and "start it again (`govreg serve` or `mkdocs serve`)" in records[0]
    )


# ---------------------------------------------------------------- engines


def _pages(site: Path) -> set[str]:
    return set(html_pages(site, redirects=True))


def test_generate_writes_a_tree_plain_mkdocs_builds_into_the_same_pages(starter: Path, tmp_path: Path) -> None:
    done = run_cli("generate", "--out", str(tmp_path / "tree"), cwd=starter)
    assert done.returncode == 0, done.stderr
    tree = tmp_path / "tree"
    config = yaml.safe_load((tree / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "govreg" not in json.dumps(config["plugins"]) and config["theme"]["custom_dir"] == "overrides"
    plain = mkdocs(
        "build", "--strict", "-d", str(tmp_path / "plain"), cwd=tree, env={"PYTHONPATH": str(tree / "python")}
    )
    assert plain.returncode == 0, plain.stderr
    assert mkdocs("build", "--strict", cwd=starter).returncode == 0
    assert _pages(tmp_path / "plain") == _pages(starter / "site")
    again = run_cli("generate", "--out", str(tmp_path / "tree"), cwd=starter)
    assert again.returncode == 2 and "not empty" in again.stderr


def test_zensical_missing_is_a_clean_message(starter: Path, tmp_path: Path) -> None:
    done = run_cli("build", "--engine", "zensical", cwd=starter, env={"GOVREG_ZENSICAL": "", "PATH": str(tmp_path)})
    assert done.returncode == 2 and "no `zensical` command" in done.stderr and "Traceback" not in done.stderr


# ---------------------------------------------------------------- the rendered-HTML cache adapter


def test_html_cache_falls_back_on_versions_it_was_not_tested_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = importlib.util.spec_from_file_location("html_cache_hook", ROOT / "hooks" / "html_cache_hook.py")
    assert spec is not None and spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)

    class Config:
        config_file_path = str(tmp_path / "mkdocs.yml")

    monkeypatch.setenv("GOVREG_HTML_CACHE", str(tmp_path / "cache"))
    monkeypatch.setitem(hook.SUPPORTED, "mkdocs-material", ("8.",))  # pretend: the installed Material is untested
    hook.on_config(Config())
    assert hook._state.cache is None
    err = capsys.readouterr().err
    assert err.count("WARNING") == 1 and "not tested with mkdocs-material 9." in err


# ---------------------------------------------------------------- the wheel, as a newcomer installs it


@pytest.mark.xdist_group("wheel")
def test_the_wheel_installs_into_a_fresh_environment_and_starts_a_register(tmp_path: Path) -> None:
    builder = tmp_path / "builder"
    subprocess.run([sys.executable, "-m", "venv", str(builder)], check=True)
    pip = [str(builder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "build==1.3.0"], check=True)
    dist = tmp_path / "dist"
    subprocess.run(
        [str(builder / "bin" / "python"), "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("govreg-*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / "bin"
    install = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*install, "-c", str(ROOT / "requirements" / "site.txt"), str(wheel)], check=True)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", NO_MKDOCS_2_WARNING="1")
    env.pop("PYTHONPATH", None)

    def run(*cmd: str, cwd: Path = tmp_path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(cmd), cwd=cwd, env=env, capture_output=True, text=True, check=False)

    version = run("govreg", "--version")
    assert version.returncode == 0 and version.stdout.startswith("govreg "), version.stderr
    assert run("govreg", "init", "mine").returncode == 0
    built = run("mkdocs", "build", "--strict", cwd=tmp_path / "mine")
    assert built.returncode == 0, built.stderr
    site = tmp_path / "mine" / "site"
    assert (site / "places" / "bolton" / "index.html").is_file()
    assert (site / "bodies" / "bolton-jcc" / "index.html").is_file()
    assert json.loads((site / "data" / "register.json").read_text(encoding="utf-8"))["records"]["bodies"]
    zensical = ROOT / ".venv-zensical" / "bin" / "zensical"
    if zensical.exists() or os.environ.get("CI") == "true":  # `make test` installs it
        env["GOVREG_ZENSICAL"] = str(zensical)
        z = run("govreg", "build", "--engine", "zensical", "--site-dir", "zsite", cwd=tmp_path / "mine")
        assert z.returncode == 0, z.stdout + z.stderr
        zsite = tmp_path / "mine" / "zsite"
        assert "Who decides what here, now" in (zsite / "places" / "bolton" / "index.html").read_text()
        assert "Joint Commissioning Committee" in (zsite / "bodies" / "bolton-jcc" / "index.html").read_text()
        assert (zsite / "data" / "register.json").read_bytes() == (site / "data" / "register.json").read_bytes()
    where = run(str(bin_dir / "python"), "-c", "import govreg; print(govreg.__file__)")
    assert str(venv) in where.stdout  # the installed package, not this checkout
    assert shutil.which("govreg", path=str(bin_dir))
