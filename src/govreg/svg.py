"""Charts and diagrams drawn as inline SVG at build time: no script, no CDN.

Each figure carries a <title> and <desc> (named by aria-labelledby), and the
page beside it holds the same information as text or a table. No `style`
attributes: the Content-Security-Policy allows no inline style, so sizing
lives in register.css (`.gr-figure svg`).
"""

from __future__ import annotations

import textwrap

from .markup import MD, html_text

BOX_W, BOX_H, GAP_X, GAP_Y, PAD = 200, 64, 24, 48, 8
INK, FILL, ACCENT = "#212b32", "#ffffff", "#005eb8"


def _box(x: int, y: int, label: str, strong: bool) -> str:
    lines = textwrap.wrap(label, 26)[:3]
    if len(textwrap.wrap(label, 26)) > 3:
        lines[-1] = lines[-1][:23] + "..."
    fill, ink, stroke = (ACCENT, "#ffffff", ACCENT) if strong else (FILL, INK, INK)
    first = y + BOX_H // 2 - (len(lines) - 1) * 8 + 4
    texts = "".join(
        f'<text x="{x + BOX_W // 2}" y="{first + i * 16}" text-anchor="middle" fill="{ink}" '
        f'font-size="13">{html_text(line)}</text>'
        for i, line in enumerate(lines)
    )
    return (
        f'<rect x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6" fill="{fill}" stroke="{stroke}" '
        f'stroke-width="2"/>{texts}'
    )


def _row_x(count: int, width: int) -> list[int]:
    total = count * BOX_W + (count - 1) * GAP_X
    start = (width - total) // 2
    return [start + i * (BOX_W + GAP_X) for i in range(count)]


def reporting_diagram(uid: str, name: str, above: list[str], below: list[str]) -> MD:
    """Bodies `below` report to `name`, which reports to `above`; arrows point up the line."""
    widest = max(len(above), len(below), 1)
    width = widest * BOX_W + (widest - 1) * GAP_X + 2 * PAD
    rows = [r for r in (above, [name], below) if r]
    height = len(rows) * BOX_H + (len(rows) - 1) * GAP_Y + 2 * PAD
    parts: list[str] = []
    y = PAD
    centre_y = PAD + (BOX_H + GAP_Y if above else 0)
    centre_x = _row_x(1, width)[0] + BOX_W // 2
    if above:
        for x, label in zip(_row_x(len(above), width), above, strict=True):
            parts.append(_arrow(centre_x, centre_y, x + BOX_W // 2, y + BOX_H))
            parts.append(_box(x, y, label, False))
        y += BOX_H + GAP_Y
    parts.append(_box(_row_x(1, width)[0], y, name, True))
    if below:
        y += BOX_H + GAP_Y
        for x, label in zip(_row_x(len(below), width), below, strict=True):
            parts.append(_arrow(x + BOX_W // 2, y, centre_x, centre_y + BOX_H))
            parts.append(_box(x, y, label, False))
    desc = f"{name}"
    desc += f" reports to {', '.join(above)}." if above else " reports to no other body in the register."
    if below:
        desc += f" Reporting to it: {', '.join(below)}."
    return _svg(uid, f"Reporting lines of {name}", desc, width, height, "".join(parts))


def _arrow(x1: int, y1: int, x2: int, y2: int) -> str:
    return (
        f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2 + 6}" stroke="{INK}" stroke-width="2" marker-end="url(#arrow)"/>'
    )


def _svg(uid: str, title: str, desc: str, width: int, height: int, body: str) -> MD:
    marker = (
        f'<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{INK}"/></marker></defs>'
    )
    return MD(
        f'<figure class="gr-figure"><svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{uid}-title {uid}-desc" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}">'
        f'<title id="{uid}-title">{html_text(title)}</title><desc id="{uid}-desc">{html_text(desc)}</desc>'
        f"{marker}{body}</svg></figure>"
    )


def bar_chart(uid: str, title: str, bars: list[tuple[str, float | None, str]], unit: str) -> MD:
    """Horizontal bars: (label, value or None, value as printed)."""
    label_w, bar_w, row_h = 260, 360, 30
    width = label_w + bar_w + 120
    height = row_h * len(bars) + 2 * PAD
    top = max((v for _, v, _ in bars if v is not None), default=0.0) or 1.0
    parts = []
    for i, (label, value, printed) in enumerate(bars):
        y = PAD + i * row_h
        short = label if len(label) <= 38 else label[:35] + "..."
        parts.append(
            f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end" fill="{INK}" font-size="13">'
            f"{html_text(short)}</text>"
        )
        length = 0 if value is None else max(2, int(bar_w * value / top))
        if value is not None:
            parts.append(f'<rect x="{label_w}" y="{y + 5}" width="{length}" height="{row_h - 10}" fill="{ACCENT}"/>')
        parts.append(
            f'<text x="{label_w + length + 6}" y="{y + 19}" fill="{INK}" font-size="13">'
            f"{html_text(printed if value is not None else printed + ' (no figure)')}</text>"
        )
    desc = "; ".join(f"{label}: {printed}" for label, _, printed in bars) + f". Values in {unit}."
    bg = f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>'
    return _svg(uid, title, desc, width, height, bg + "".join(parts))
