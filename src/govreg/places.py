"""The place tree: which place lies in which (`part_of`), worked out once per index.

Why: the home page nests places, a place page lists the places within it, a trace page
asks whether two papers are about related places, the horizons ask whether a paper covers
a place, and a national change applies to places "or within them". Each once walked
`part_of` itself. The walk is here, made when the index is sealed, and read everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .models import Place, Record


@dataclass(frozen=True, slots=True)
class PlaceTree:
    """Places by id, each under the place it lies in."""

    parent: Mapping[str, str | None]
    """Place id -> the place it lies in (`part_of`), None for none."""
    roots: tuple[str, ...]
    """Places that lie in no place of the register, by id."""
    children: Mapping[str, tuple[str, ...]]
    """Place id -> the places that lie directly in it, by id."""
    ancestors: Mapping[str, frozenset[str]]
    """Place id -> itself and every place it lies in, however far up."""

    def below(self, pid: str) -> tuple[str, ...]:
        """Every place within `pid`, depth first, each before the places within it."""
        return tuple(d for child in self.children.get(pid, ()) for d in (child, *self.below(child)))

    def reach(self, places: Iterable[str]) -> frozenset[str]:
        """`places` and every place they lie in."""
        return frozenset().union(*(self.ancestors.get(p, frozenset((p,))) for p in places))

    def within(self, place: str, outer: Iterable[str]) -> bool:
        """Whether `place` is one of `outer` or lies within one of them."""
        return not self.ancestors.get(place, frozenset((place,))).isdisjoint(outer)

    def in_loop(self, pid: str) -> bool:
        """Whether `pid` lies, through the places it lies in, within itself (validation refuses it)."""
        up = self.parent.get(pid)
        return up is not None and pid in self.ancestors.get(up, ())


def tree_of(places: Iterable[Record]) -> PlaceTree:
    """The tree of `places` (records of kind place, sorted by id). A `part_of` naming no place
    of the register makes a root (validation reports it); a loop ends where it repeats."""
    parent = {p.id: p.part_of for p in places if isinstance(p, Place)}
    children: dict[str, list[str]] = {}
    roots = []
    for pid, up in parent.items():
        if up in parent:
            children.setdefault(up, []).append(pid)
        else:
            roots.append(pid)
    ancestors = {}
    for pid in parent:
        chain: list[str] = []
        at: str | None = pid
        while at is not None and at not in chain:
            chain.append(at)
            at = parent.get(at)
        ancestors[pid] = frozenset(chain)
    return PlaceTree(
        MappingProxyType(parent),
        tuple(roots),
        MappingProxyType({k: tuple(v) for k, v in children.items()}),
        MappingProxyType(ancestors),
    )
