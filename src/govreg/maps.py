"""Governance maps: who reports to whom in a place, and how places nest, as accessible SVG.

Why: a body page draws only its own reporting line; a resident asking "who decides
what here?" needs every body of a place in one picture. Graphviz `dot` (a Debian
package, run at build time) does the layout, so 5 to 50 bodies stay readable
without hand-placed coordinates and without any script in the browser.

How: the graph goes to `dot -Tplain` as boxes of fixed size with no text at all
(`label=""`), so hostile text never reaches Graphviz and the layout does not depend
on installed fonts. From the positions `dot` returns, this module draws the SVG
itself: every box a link with its own <title>, every text HTML-escaped, no `style`
attribute (the Content-Security-Policy forbids inline style; colours come from
presentation attributes, overridden for dark mode in register.css). Output is
deterministic: the same graph gives the same bytes.

Each map has a nested-list text equivalent (`text_equivalent`) with the same
bodies and relations, printed beside it.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .lifecycle import STATUS_WORDS
from .markup import MD, html_text
from .models import Body, Place

if TYPE_CHECKING:
    from .derive import Derived
    from .index import Index

EDGE_KINDS = {
    "reports-to": "reports to",
    "formed-by": "is formed by",
    "hosted-by": "is hosted by",
    "delegates-to": "delegates to",
    "part-of": "is part of",
}
MAP_STATUSES = ("proposed", "shadow", "established", "replaced", "abolished")
"""The statuses a map names beside a box ("in place" goes without saying)."""
PT = 72.0  # Graphviz plain output is in inches; the SVG is drawn in points (1 px = 1 pt here)
CHAR_W, LINE_H, PAD_X, PAD_Y, WRAP = 7.2, 16, 10, 8, 24
INK, PAPER, ACCENT, MUTED = "#212b32", "#ffffff", "#005eb8", "#4c6272"


class MapError(RuntimeError):
    """Graphviz is missing or failed."""


@dataclass(frozen=True, slots=True)
class Node:
    """One box: `id` is a register id; `url` is relative to the page that shows the map."""

    id: str
    label: str
    url: str
    kind: str = "body"  # body, organisation, place, or "outside" (a body of another place)
    status: str | None = None  # proposed, shadow, established, ... (None: not recorded)
    detail: str = ""  # e.g. the body's type; shown in the tooltip and the text equivalent


@dataclass(frozen=True, slots=True)
class Edge:
    """`source` <kind> `target`: e.g. a body reports-to a board, a body formed-by an organisation."""

    source: str
    target: str
    kind: str


@dataclass
class Graph:
    uid: str
    title: str
    desc: str
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    rankdir: str = "LR"  # LR: superiors on the left, long lists stay readable; TB for a few places

    def node(self, nid: str) -> Node:
        return next(n for n in self.nodes if n.id == nid)


# ---------------------------------------------------------------- layout (Graphviz)


def _lines(label: str) -> list[str]:
    lines = textwrap.wrap(" ".join(label.split()), WRAP, break_long_words=True) or [""]
    if len(lines) > 4:
        lines = lines[:4]
        lines[-1] = lines[-1][: WRAP - 1].rstrip() + "…"
    return lines


def _extra_line(n: Node) -> str | None:
    if n.status in ("proposed", "shadow"):
        return f"({STATUS_WORDS[n.status].lower()})"
    if n.kind == "organisation":
        return "(organisation)"
    return None


def _box_lines(n: Node) -> list[str]:
    extra = _extra_line(n)
    return _lines(n.label) + ([extra] if extra else [])


def _size(n: Node) -> tuple[float, float]:
    lines = _box_lines(n)
    width = max(len(x) for x in lines) * CHAR_W + 2 * PAD_X
    return max(width, 90.0), len(lines) * LINE_H + 2 * PAD_Y


def _dot_source(g: Graph) -> str:
    """The graph for `dot`: ids n0, n1, ...; no text from the data."""
    ids = {n.id: f"n{i}" for i, n in enumerate(g.nodes)}
    out = [
        "digraph G {",
        f"  graph [rankdir={'TB' if g.rankdir == 'TB' else 'LR'}, nodesep=0.18, ranksep=0.5, splines=true, "
        "outputorder=edgesfirst, margin=0.1];",
        '  node [shape=box, fixedsize=true, label=""];',
        "  edge [dir=back];",
    ]
    for n in g.nodes:
        w, h = _size(n)
        out.append(f"  {ids[n.id]} [width={w / PT:.3f}, height={h / PT:.3f}];")
    for e in g.edges:
        if e.source not in ids or e.target not in ids:
            continue
        # The superior (the body reported to, the organisation forming, the larger place) sits above.
        out.append(f"  {ids[e.target]} -> {ids[e.source]};")
    out.append("}")
    return "\n".join(out) + "\n"


GRAPHVIZ = ("dot", "unflatten")
NO_GRAPHVIZ_NOTE = (
    "This map is shown as text only: Graphviz, which draws it, was not installed when the site was built."
)


def graphviz_missing() -> str | None:
    """A one-line warning naming what to install when Graphviz's programs are not on the PATH, else None.

    Why not fail: pip cannot install Graphviz, and a register without drawn maps is still
    whole (each map has its text equivalent), so a newcomer's first build should succeed.
    """
    missing = [name for name in GRAPHVIZ if shutil.which(name) is None]
    if not missing:
        return None
    return (
        f"Graphviz ({', '.join(missing)}) is not installed, so the governance maps are shown as text only. "
        "Install the system package graphviz "
        "(Debian and Ubuntu: apt-get install graphviz; macOS: brew install graphviz)."
    )


def _run(args: list[str], text: str) -> str:
    exe = shutil.which(args[0])
    if exe is None:
        raise MapError(f"Graphviz '{args[0]}' not found: install the Debian package graphviz (make system-deps)")
    done = subprocess.run([exe, *args[1:]], input=text, capture_output=True, text=True, check=False, timeout=60)
    if done.returncode != 0:
        raise MapError(f"{args[0]} failed: {done.stderr.strip()[:500]}")
    return done.stdout


@dataclass(frozen=True, slots=True)
class Layout:
    width: float
    height: float
    boxes: dict[str, tuple[float, float, float, float]]  # node id -> x, y, w, h (top-left, points)
    paths: list[tuple[Edge, list[tuple[float, float]]]]  # edge -> spline points from superior to subordinate


def _unflatten_args(g: Graph) -> list[str] | None:
    """Many boxes: stagger long fans of leaves over two columns (LR) or four rows (TB)."""
    if len(g.nodes) <= 24:
        return None
    return ["unflatten", "-l", "2" if g.rankdir == "LR" else "4", "-f", "-c", "3"]


def _plain(g: Graph, cache: dict[str, str] | None = None) -> str:
    """Graphviz's plain output for one graph (from `cache`, filled by `layout_all`, when there)."""
    src = _dot_source(g)
    key = repr(_unflatten_args(g)) + src
    if cache is not None and key in cache:
        return cache[key]
    args = _unflatten_args(g)
    plain = _run(["dot", "-Tplain"], _run(args, src) if args else src)
    if cache is not None:
        cache[key] = plain
    return plain


def layout_all(graphs: list[Graph], cache: dict[str, str]) -> None:
    """Lay out many graphs with one `dot` run per kind (dot reads a stream of graphs), into `cache`.

    Why: a register of 42 systems has hundreds of places; one process each cost seconds."""
    for args in {tuple(a) if (a := _unflatten_args(g)) else () for g in graphs}:
        todo = [g for g in graphs if tuple(_unflatten_args(g) or ()) == args]
        keys = [repr(_unflatten_args(g)) + _dot_source(g) for g in todo]
        fresh = [(g, k) for g, k in zip(todo, keys, strict=True) if k not in cache]
        if not fresh:
            continue
        src = "".join(_dot_source(g) for g, _ in fresh)
        if args:
            src = _run(list(args), src)
        out = _run(["dot", "-Tplain"], src)
        chunks = [c + "stop\n" for c in out.split("stop\n") if c.strip()]
        if len(chunks) != len(fresh):
            continue  # unexpected: each graph is laid out on its own when drawn
        for (_, key), chunk in zip(fresh, chunks, strict=True):
            cache[key] = chunk


def layout(g: Graph, cache: dict[str, str] | None = None) -> Layout:
    """Positions from Graphviz: `unflatten` staggers wide fans of leaves, `dot` ranks and routes."""
    plain = _plain(g, cache)
    back = {f"n{i}": n.id for i, n in enumerate(g.nodes)}
    width = height = 0.0
    boxes: dict[str, tuple[float, float, float, float]] = {}
    raw_edges: list[tuple[str, str, list[tuple[float, float]]]] = []
    for line in plain.splitlines():
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "graph":
            width, height = float(parts[2]) * PT, float(parts[3]) * PT
        elif parts[0] == "node":
            x, y, w, h = (float(v) * PT for v in parts[2:6])
            boxes[back[parts[1]]] = (x - w / 2, height - y - h / 2, w, h)
        elif parts[0] == "edge":
            count = int(parts[3])
            nums = [float(v) * PT for v in parts[4 : 4 + 2 * count]]
            pts = [(nums[i], height - nums[i + 1]) for i in range(0, len(nums), 2)]
            raw_edges.append((back[parts[1]], back[parts[2]], pts))
    paths: list[tuple[Edge, list[tuple[float, float]]]] = []
    pending = list(raw_edges)
    for e in g.edges:
        for i, (tail, head, pts) in enumerate(pending):
            if tail == e.target and head == e.source:
                paths.append((e, pts))
                del pending[i]
                break
    return Layout(width, height, boxes, paths)


# ---------------------------------------------------------------- drawing


def _f(v: float) -> str:
    """A coordinate to one decimal, without trailing zeros ('-0' printed as '0')."""
    text = f"{v:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _path_d(pts: list[tuple[float, float]]) -> str:
    d = f"M{_f(pts[0][0])},{_f(pts[0][1])}"
    rest = pts[1:]
    if len(rest) % 3 == 0:
        for i in range(0, len(rest), 3):
            (a, b), (c, e), (x, y) = rest[i : i + 3]
            d += f" C{_f(a)},{_f(b)} {_f(c)},{_f(e)} {_f(x)},{_f(y)}"
    else:
        d += "".join(f" L{_f(x)},{_f(y)}" for x, y in rest)
    return d


def node_title(n: Node) -> str:
    """The link's accessible name and tooltip: label, what it is, its status."""
    bits = [n.label]
    if n.detail:
        bits.append(n.detail)
    if n.status in MAP_STATUSES:
        bits.append(STATUS_WORDS[n.status].lower())
    if n.kind == "outside":
        bits.append("in another place")
    return ", ".join(bits)


def _edge_class(kind: str) -> str:
    return "gr-edge-formed" if kind in ("formed-by", "hosted-by") else "gr-edge"


def render_svg(g: Graph, cache: dict[str, str] | None = None) -> MD:
    """The map as an SVG figure: a <title> and <desc> named by aria-labelledby, one link per node."""
    lay = layout(g, cache)
    uid = html_text(g.uid)
    w, h = _f(lay.width), _f(lay.height)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="group" class="gr-map-svg" '
        f'aria-labelledby="{uid}-title" aria-describedby="{uid}-desc" viewBox="0 0 {w} {h}" '
        f'width="{w}" height="{h}">',
        f'<title id="{uid}-title">{html_text(g.title)}</title>',
        f'<desc id="{uid}-desc">{html_text(g.desc)}</desc>',
        f'<defs><marker id="{uid}-arrow" viewBox="0 0 10 10" refX="1" refY="5" markerWidth="7" '
        f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{INK}" '
        f'class="gr-map-ink"/></marker></defs>',
    ]
    for e, pts in lay.paths:
        if not pts:
            continue
        dashed = ' stroke-dasharray="5 4"' if _edge_class(e.kind) == "gr-edge-formed" else ""
        # Points run from the superior down to the subordinate; the arrow points up the line.
        parts.append(
            f'<path class="{_edge_class(e.kind)}" d="{_path_d(pts)}" fill="none" stroke="{MUTED}" '
            f'stroke-width="1.5"{dashed} marker-start="url(#{uid}-arrow)"/>'
        )
    for n in g.nodes:
        if n.id not in lay.boxes:
            continue
        x, y, bw, bh = lay.boxes[n.id]
        lines = _box_lines(n)
        css = f"gr-node gr-node-{n.kind}" + (f" gr-node-{n.status}" if n.status else "")
        dash = {"proposed": ' stroke-dasharray="6 4"', "shadow": ' stroke-dasharray="2 3"'}.get(n.status or "", "")
        stroke = ACCENT if n.kind == "body" else MUTED
        first = y + bh / 2 - (len(lines) - 1) * LINE_H / 2 + 4.5
        texts = "".join(
            f'<text x="{_f(x + bw / 2)}" y="{_f(first + i * LINE_H)}" text-anchor="middle" font-size="12.5" '
            f'fill="{INK}" class="gr-map-ink">{html_text(t)}</text>'
            for i, t in enumerate(lines)
        )
        parts.append(
            f'<a href="{html_text(n.url)}" class="{css}"><title>{html_text(node_title(n))}</title>'
            f'<rect x="{_f(x)}" y="{_f(y)}" width="{_f(bw)}" height="{_f(bh)}" rx="5" fill="{PAPER}" '
            f'stroke="{stroke}" stroke-width="2"{dash}/>{texts}</a>'
        )
    parts.append("</svg>")
    return MD("".join(parts))


# ---------------------------------------------------------------- text equivalent


def text_equivalent(g: Graph, heading: str = "The same, as a list") -> MD:
    """A nested list: each node under the node it reports to (or lies in), with its other relations.

    Every node of the graph appears exactly once as a link; a node with several superiors is
    listed under the first and names the others."""
    ids = {n.id for n in g.nodes}
    up: dict[str, list[Edge]] = {n.id: [] for n in g.nodes}
    down: dict[str, list[str]] = {n.id: [] for n in g.nodes}
    for e in g.edges:
        if e.source in ids and e.target in ids:
            up[e.source].append(e)
    tree_parent: dict[str, str] = {}
    for n in g.nodes:
        lines = [e for e in up[n.id] if e.kind in ("reports-to", "part-of")]
        if lines:
            tree_parent[n.id] = lines[0].target
    # Break cycles: a node whose chain of parents returns to itself becomes a root.
    for nid in list(tree_parent):
        seen, cur = {nid}, tree_parent.get(nid)
        while cur is not None:
            if cur in seen:
                tree_parent.pop(nid, None)
                break
            seen.add(cur)
            cur = tree_parent.get(cur)
    for n in g.nodes:
        if n.id in tree_parent:
            down[tree_parent[n.id]].append(n.id)
    roots = [n.id for n in g.nodes if n.id not in tree_parent]
    # Bodies first, then organisations and bodies elsewhere.
    order = {"place": 0, "body": 0, "outside": 1, "organisation": 2}
    roots.sort(key=lambda i: order.get(g.node(i).kind, 3))

    def item(nid: str) -> str:
        n = g.node(nid)
        text = f'<a href="{html_text(n.url)}">{html_text(n.label)}</a>'
        notes = []
        if n.detail:
            notes.append(html_text(n.detail))
        if n.status in ("proposed", "shadow"):
            notes.append(f"<strong>{STATUS_WORDS[n.status].lower()}</strong>")
        if n.kind == "outside":
            notes.append("in another place")
        rel: dict[str, list[str]] = {}
        for e in up[nid]:
            if e.kind in ("reports-to", "part-of") and tree_parent.get(nid) == e.target:
                continue
            rel.setdefault(EDGE_KINDS.get(e.kind, e.kind), []).append(html_text(g.node(e.target).label))
        for words, names in rel.items():
            notes.append(f"{words} {', '.join(names)}")
        if notes:
            text += " (" + "; ".join(notes) + ")"
        kids = down[nid]
        if kids:
            text += "<ul>" + "".join(item(k) for k in kids) + "</ul>"
        return f"<li>{text}</li>"

    return MD(
        f'<div class="gr-map-text"><p class="gr-map-text-head">{html_text(heading)}</p>'
        f"<ul>{''.join(item(r) for r in roots)}</ul></div>"
    )


def figure(g: Graph, note: str = "", cache: dict[str, str] | None = None) -> MD:
    """Map and text equivalent side by side, with a key and an optional note (raw HTML block)."""
    key = (
        '<p class="gr-map-key">Arrows point to the body reported to. Dashed lines join a body to the '
        "organisations that form or host it. Dashed boxes: proposed; dotted boxes: in shadow form. "
        "Each box is a link.</p>"
    )
    extra = f'<p class="gr-map-note">{html_text(note)}</p>' if note else ""
    if graphviz_missing():
        return MD(f'<div class="gr-map"><p class="gr-map-note">{NO_GRAPHVIZ_NOTE}</p>{text_equivalent(g)}</div>{extra}')
    return MD(
        f'<div class="gr-map"><div class="gr-map-draw" tabindex="0" role="region" '
        f'aria-label="{html_text(g.title)}">'
        f"{render_svg(g, cache)}</div>{text_equivalent(g)}</div>{key}{extra}"
    )


# ---------------------------------------------------------------- graphs from the register


def place_graph(
    index: Index, derived: Derived, place_id: str, url: Callable[[str], str], uid: str | None = None
) -> tuple[Graph, list[str]]:
    """All bodies of a place as at the as-of date, the organisations that form them, and the bodies
    elsewhere they report to or that report to them. Returns the graph and a note's parts
    (bodies proposed or in shadow form; bodies no longer in place)."""
    place = index.get(place_id)
    day = derived.as_of
    life = derived.life
    ids = dict(derived.in_place.get(place_id, ())).get("body", ())
    bodies = [b for b in (index.get(i) for i in ids) if isinstance(b, Body)]
    mine = {b.id for b in bodies}
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    gone: list[str] = []
    ended: dict[str, str] = {}
    pending: list[str] = []

    def add_other(rid: str) -> None:
        if rid in nodes or rid in mine or rid not in index.records:
            return
        rec = index.get(rid)
        is_body = index.kind_of(rid) == "body"
        nodes[rid] = Node(
            rid,
            rec.title_text(),
            url(rid),
            "outside" if is_body else "organisation",
            life[rid].status if is_body else None,
            str(getattr(rec, "type", "") or "").replace("-", " "),
        )

    live = []
    for b in bodies:
        st = life[b.id]
        if not st.in_place:
            if st.status != "not-yet":
                when = f" on {st.since:%-d %B %Y}" if st.since else ""
                why = f", with {index.title(st.host)}" if st.host else ""
                gone.append(f"{b.title_text()} ({STATUS_WORDS[st.status or ''].lower()}{when}{why})")
            continue
        live.append(b)
        nodes[b.id] = Node(b.id, b.title_text(), url(b.id), "body", st.status, b.type.replace("-", " "))
    live_ids = {b.id for b in live}
    for b in live:
        for t in dict.fromkeys(b.reports_to):
            if t in mine and t not in live_ids:
                continue
            add_other(t)
            edges.append(Edge(b.id, t, "reports-to"))
        for o in dict.fromkeys(b.hosted_by):
            if o in life and not life[o].in_place:
                ended.setdefault(o, f"{index.title(o)} ({life[o].reason})")
                continue
            add_other(o)
            edges.append(Edge(b.id, o, "formed-by"))
    for b in live:
        for other in derived.reported_by.get(b.id, ()):
            if other in mine or not life[other].in_place:
                continue
            pending.append(other)
            edges.append(Edge(other, b.id, "reports-to"))
    for rid in pending:
        add_other(rid)
    name = place.title_text()
    ordered = [nodes[b.id] for b in live] + sorted(
        (n for n in nodes.values() if n.id not in live_ids), key=lambda n: (n.kind, n.id)
    )
    shadow = [n.label for n in ordered if n.kind == "body" and n.status in ("proposed", "shadow")]
    desc = (
        f"{len(live)} bodies of {name} as at {day:%-d %B %Y}, with the organisations that form them "
        f"and the bodies elsewhere they report to or that report to them. "
    )
    desc += _relations_sentence(ordered, edges)
    g = Graph(uid or f"{place_id}-map", f"Governance map of {name}", desc, ordered, edges)
    notes = []
    if shadow:
        notes.append("Proposed or in shadow form: " + ", ".join(shadow) + ".")
    if gone:
        notes.append("No longer in place, not drawn: " + ", ".join(gone) + ".")
    if ended:
        notes.append(
            "Organisations that formed bodies drawn here and no longer exist: " + "; ".join(ended.values()) + "."
        )
    return g, notes


def _relations_sentence(nodes: Iterable[Node], edges: list[Edge]) -> str:
    label = {n.id: n.label for n in nodes}
    said = []
    for e in edges:
        if e.source in label and e.target in label:
            said.append(f"{label[e.source]} {EDGE_KINDS.get(e.kind, e.kind)} {label[e.target]}")
    return ("; ".join(said) + ".") if said else "No relations between them are recorded."


def places_graph(
    index: Index, url: Callable[[str], str], counts: dict[str, int] | None = None, only: set[str] | None = None
) -> Graph:
    """Every place (or those in `only`), each under the place it lies in (part_of)."""
    places = [p for p in index.of_kind("place") if isinstance(p, Place) and (only is None or p.id in only)]
    counts = counts or {}
    nodes = []
    for p in places:
        n = counts.get(p.id)
        detail = p.type.replace("-", " ") + (
            f", {n} {'body' if n == 1 else 'bodies'} in place" if n is not None else ""
        )
        nodes.append(Node(p.id, p.title_text(), url(p.id), "place", None, detail))
    drawn = {p.id for p in places}
    edges = [Edge(p.id, p.part_of, "part-of") for p in places if p.part_of in drawn]
    desc = "Places in the register and where each lies: " + _relations_sentence(nodes, edges)
    return Graph("places-map", "Map of the places in the register", desc, nodes, edges, rankdir="TB")


__all__ = [
    "Edge",
    "Graph",
    "MapError",
    "Node",
    "figure",
    "layout",
    "layout_all",
    "place_graph",
    "places_graph",
    "render_svg",
    "text_equivalent",
]
