"""The README's screenshots, taken from the built site in Debian's Chromium: `make screenshots`.

Writes docs/assets/screenshots/home.png (the home page), place-map.png (Bolton's governance
map) and body.png (a body page), at 1280 px wide in the light scheme, and the resident's route
(Bolton's "Who decides what here, now" and the body overseeing its pool, on a desktop and a
390 px phone), so they stay current
with the site. Usage: python scripts/screenshots.py [--site site] [--out docs/assets/screenshots]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.chromium import launch, serve  # noqa: E402  (the repository root is on the path only now)

SHOTS = [
    # (file, page, CSS selector to clip to or None for the viewport, viewport width and height)
    ("home.png", "/", None, 1280, 1000),
    ("place-map.png", "/places/bolton/", ".gr-map-draw", 1280, 800),
    ("body.png", "/bodies/bolton-jcc/", None, 1280, 900),
    # The resident's route: Bolton's "Who decides what here, now", and the body overseeing its pool.
    ("bolton-who-decides-desktop.png", "/places/bolton/#who-decides", None, 1280, 1100),
    ("bolton-who-decides-phone.png", "/places/bolton/#who-decides", None, 390, 844),
    ("pool-body-desktop.png", "/bodies/bolton-jcc/", None, 1280, 1000),
    ("pool-body-phone.png", "/bodies/bolton-jcc/", None, 390, 844),
]


def take(site: Path, out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as p:
        browser = launch(p)
        for name, path, selector, width, height in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height}, color_scheme="light")
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            target = out / name
            if selector:
                page.locator(selector).first.screenshot(path=str(target))
            else:
                page.screenshot(path=str(target))
            written.append(target)
            page.close()
        browser.close()
    return written


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--site", type=Path, default=ROOT / "site")
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "assets" / "screenshots")
    args = ap.parse_args(argv)
    if not (args.site / "index.html").exists():
        print(f"No built site in {args.site}: run `make site` first.", file=sys.stderr)
        return 2
    for path in take(args.site, args.out):
        print(f"wrote {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
