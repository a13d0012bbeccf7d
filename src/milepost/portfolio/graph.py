"""The dependency graph between tracks: which tracks wait on each other in cycles."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["cycles", "cycles_and_links", "on_cycles"]


def cycles(graph: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """For every track on a dependency cycle, one cycle through it, as a path that starts and
    ends at the track (``[A, B, A]``: A depends on B, B on A).

    Strongly connected components, then a shortest path back to the start inside each
    component.
    """
    return _cycles(graph, *_components(graph))


def on_cycles(graph: Mapping[str, Sequence[str]]) -> set[tuple[str, str]]:
    """Every dependency ``(a, b)`` of the graph that lies on some cycle: those whose two
    tracks share a strongly connected component (another cycle than the one :func:`cycles`
    shows through ``a`` may run through it)."""
    return _links(graph, _components(graph)[0])


def cycles_and_links(
    graph: Mapping[str, Sequence[str]],
) -> tuple[dict[str, list[str]], set[tuple[str, str]]]:
    """:func:`cycles` and :func:`on_cycles` of one graph, its components found once."""
    component, reverse = _components(graph)
    return _cycles(graph, component, reverse), _links(graph, component)


def _cycles(
    graph: Mapping[str, Sequence[str]],
    component: Mapping[str, int],
    reverse: Mapping[str, Sequence[str]],
) -> dict[str, list[str]]:
    members: dict[int, list[str]] = {}
    for node, label in component.items():
        members.setdefault(label, []).append(node)
    out: dict[str, list[str]] = {}
    for group in members.values():
        group_set = set(group)
        if len(group) <= _SMALL:
            for start in group:
                path = _path_back(graph, start, group_set)
                if path is not None:
                    out[start] = path
        else:
            out.update(_through_root(graph, reverse, group))
    return out


def _links(
    graph: Mapping[str, Sequence[str]], component: Mapping[str, int]
) -> set[tuple[str, str]]:
    return {
        (node, dep)
        for node, deps in graph.items()
        for dep in deps
        if node != dep and component[node] == component[dep]
    }


def _components(
    graph: Mapping[str, Sequence[str]],
) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Each node's strongly connected component (Kosaraju, iteratively, so deep graphs cannot
    overflow the stack), and the graph reversed."""
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
    return component, reverse


# Components up to this size get each track's shortest cycle; bigger ones (thousands of tracks
# that all wait on each other) get one cycle per track through a common root, in linear time.
_SMALL = 64


def _tree(edges: Mapping[str, Sequence[str]], root: str, allowed: set[str]) -> dict[str, str]:
    """Breadth-first parents: for each node reached from ``root``, the node it came from."""
    parent = {root: root}
    frontier = [root]
    while frontier:
        following = []
        for node in frontier:
            for nxt in edges.get(node, ()):
                if nxt in allowed and nxt not in parent:
                    parent[nxt] = node
                    following.append(nxt)
        frontier = following
    return parent


def _through_root(
    graph: Mapping[str, Sequence[str]], reverse: Mapping[str, Sequence[str]], group: list[str]
) -> dict[str, list[str]]:
    allowed = set(group)
    root = group[0]
    back = _tree(reverse, root, allowed)  # back[v]: v's next step on its way to root
    out_tree = _tree(graph, root, allowed)  # out_tree[v]: the step before v, from root
    out: dict[str, list[str]] = {}
    for node in group:
        if node == root:
            dep = next(d for d in graph.get(root, ()) if d in allowed)
            path = [root, dep]
            while path[-1] != root:
                path.append(back[path[-1]])
            out[node] = path
            continue
        to_root = [node]
        while to_root[-1] != root:
            to_root.append(back[to_root[-1]])
        from_root = [node]
        while from_root[-1] != root:
            from_root.append(out_tree[from_root[-1]])
        out[node] = to_root + list(reversed(from_root))[1:]
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
                    path: list[str] = []
                    while node != start:
                        path.append(node)
                        node = previous[node]
                    return [start, *reversed(path), start]
                if dep not in previous:
                    previous[dep] = node
                    following.append(dep)
        frontier = following
    return None
