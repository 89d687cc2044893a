"""Every place's governance map, made once per build (govreg.maps draws; this wires it to the site).

Why here: a map's boxes link to record pages relative to the place page that shows it,
and all places are laid out in one Graphviz run (one process per place cost seconds
at national size).
"""

from __future__ import annotations

from functools import partial

from ..derive import Derived
from ..index import Index
from ..maps import Graph, figure, graphviz_missing, layout_all, place_graph, places_graph, render_svg
from ..markup import MD
from ..models import BY_NAME
from ..urls import page_path
from .links import Links, url_to


def _url(links: Links, rid: str, *, page: str) -> str:
    """A record page's directory URL relative to `page`, for raw HTML."""
    return url_to(links.path(rid).removesuffix(".md"), page) + "/"


def place_maps(index: Index, derived: Derived, links: Links) -> dict[str, MD]:
    """Place id -> its map figure with text equivalent; places without bodies have none."""
    kind = BY_NAME["place"]
    made: dict[str, tuple[Graph, list[str]]] = {}
    for place in index.of_kind("place"):
        page = page_path(kind, place.id)
        graph, notes = place_graph(index, derived, place.id, partial(_url, links, page=page))
        if any(n.kind == "body" for n in graph.nodes):
            made[place.id] = (graph, notes)
    cache: dict[str, str] = {}
    if not graphviz_missing():
        layout_all([g for g, _ in made.values()], cache)
    return {pid: figure(g, " ".join(notes), cache) for pid, (g, notes) in made.items()}


def places_map(index: Index, derived: Derived, links: Links, page: str, shown: set[str]) -> MD:
    """The home page's map of the places it summarises (`shown`), each under the place it lies in, with
    the number of bodies in place that its summary gives (`Derived.place_summaries`)."""
    bodies = {summary.id: summary.bodies for summary in derived.place_summaries}
    if graphviz_missing():
        return MD("")  # the home page lists the same places in its table
    graph = places_graph(index, partial(_url, links, page=page), bodies, shown)
    return MD(f'<figure class="gr-figure gr-places-map">{render_svg(graph)}</figure>')
