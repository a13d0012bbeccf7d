"""The dependency graph between tracks: which tracks wait on each other in cycles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["cycles"]


def cycles(graph: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """For every track on a dependency cycle, one cycle through it, as a path that starts and
    ends at the track (``[A, B, A]``: A depends on B, B on A).

    Strongly connected components (Kosaraju, iteratively, so deep graphs cannot overflow the
    stack), then a shortest path back to the start inside each component.
    """
    nodes = list(dict.fromkeys([*graph, *(d for deps in graph.values() for d in deps)]))
    order: list[str] = []
    seen: set[str] = set()
    for root in nodes:
        if root in seen:
            continue
        seen.add(root)
        stack: list[tuple[str, int]] = [(root, 0)]
        while stack:
            node, index = stack.pop()
            deps = graph.get(node, ())
            if index < len(deps):
                stack.append((node, index + 1))
                nxt = deps[index]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, 0))
            else:
                order.append(node)
    reverse: dict[str, list[str]] = {n: [] for n in nodes}
    for node, deps in graph.items():
        for dep in deps:
            reverse[dep].append(node)
    component: dict[str, int] = {}
    for root in reversed(order):
        if root in component:
            continue
        component[root] = len(component)
        label = component[root]
        todo = [root]
        while todo:
            node = todo.pop()
            for prev in reverse[node]:
                if prev not in component:
                    component[prev] = label
                    todo.append(prev)
    members: dict[int, list[str]] = {}
    for node, label in component.items():
        members.setdefault(label, []).append(node)
    out: dict[str, list[str]] = {}
    for group in members.values():
        group_set = set(group)
        for start in group:
            path = _path_back(graph, start, group_set)
            if path is not None:
                out[start] = path
    return out


def _path_back(
    graph: Mapping[str, Sequence[str]], start: str, allowed: set[str]
) -> list[str] | None:
    """The shortest path from ``start`` along dependencies back to ``start``, inside ``allowed``."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for node in frontier:
            for dep in graph.get(node, ()):
                if dep not in allowed:
                    continue
                if dep == start:
                    path = [start]
                    while node != start:
                        path.append(node)
                        node = previous[node]
                    path.append(start)
                    return [path[0], *reversed(path[1:-1]), start]
                if dep not in previous:
                    previous[dep] = node
                    following.append(dep)
        frontier = following
    return None
