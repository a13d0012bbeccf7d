"""Resolving cross-track mentions ("Dependency on Memory", "With Web UI") to tracks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from milepost.lazy import lazy_pattern
from milepost.readonly import freeze

__all__ = ["TrackIndex", "normal_track", "track_index", "track_labels"]

_SUFFIX = lazy_pattern(r"(?i)\s*(?:track|roadmap|team)$")
_PUNCT = lazy_pattern(r"[^\w\s]")


@lru_cache(maxsize=1 << 14)  # every mention of a track, in every track that mentions it
def normal_track(name: str) -> str:
    """A track name reduced for matching: case, punctuation and a "Track" suffix ignored."""
    name = _SUFFIX.sub("", name.strip().strip("*_[]"))
    return " ".join(_PUNCT.sub(" ", name.casefold().replace("-", " ")).split())


#: Names for every track at once ("**All Tracks:** security is cross-cutting"), not a track.
_EVERY = frozenset({"all", "all tracks", "every", "all teams", "every team", "everyone"})


def _grams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def track_labels(
    tracks: Iterable[tuple[str, str]], *, paths: Iterable[str | None] = ()
) -> list[str]:
    """What to call each track of ``(name, place)`` pairs, ``place`` its slug path
    (:func:`~milepost.portfolio.slugs.slug_path`: ``tracks/memory`` for
    ``tracks/memory/roadmap.md``, the slug last): its name, or "name (slug)" where another
    track goes by the same name as references read names (two roadmaps titled "# Memory
    Roadmap" are "Memory (memory)" and "Memory (memory-v2)"; two titled "# Roadmap",
    "Roadmap (crossplane)" and "Roadmap (openebs)"), the slug with as many folders before it
    as tell apart namesakes that share it too ("Memory (a/memory)" and "Memory (b/memory)").
    No label is another's, even as references read them (:func:`normal_track`, which folds
    "/" and "-" alike): every view, the graph and the index name a track by it, and a
    reference can name each. Which label is numbered does not hang on the tracks' order;
    ``paths``, each track's roadmap path (where it has one) in the same order, decides
    between two of one label (``a/memory/roadmap.md``, ``a/memory-roadmap.md``)."""
    pairs = _named(tracks)
    files = _paths(pairs, paths)
    alike: dict[str, list[int]] = {}
    for i, (name, _) in enumerate(pairs):
        alike.setdefault(_key(name), []).append(i)
    labels = [name for name, _ in pairs]
    for members in alike.values():
        if len(members) > 1:
            shown = _told_apart([pairs[i][1] for i in members])
            for i, place in zip(members, shown, strict=True):
                labels[i] = f"{pairs[i][0]} ({place})"
    # a track's own name first, then the labels as written: "Memory (core-memory)" before
    # "Memory (core/memory)", however the tracks came (check gives the files asked first)
    order = sorted(
        range(len(pairs)), key=lambda i: (labels[i] != pairs[i][0], labels[i], files[i] or "", i)
    )
    return _numbered(labels, order)


def _named(tracks: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pairs, a track with no name (its roadmap has no title: an empty file, no heading)
    named by its slug: a blank name was a blank row in status and an empty link on the site."""
    return [(name if name.strip() else place.rpartition("/")[2], place) for name, place in tracks]


def _paths(pairs: list[tuple[str, str]], paths: Iterable[str | None]) -> list[str | None]:
    """Each track's roadmap path, as :func:`track_labels` takes them: one a track, or none."""
    given = list(paths)
    if given and len(given) != len(pairs):
        raise ValueError(f"{len(given)} paths for {len(pairs)} tracks")
    return given or [None] * len(pairs)


def _key(label: str) -> str:
    """A label as references read it: two labels of one key are one name to them."""
    return normal_track(label) or label.casefold()


def _told_apart(places: list[str]) -> list[str]:
    """Each slug path's slug, with as many of the folders before it as tell it from the
    others that end in it (``a/memory`` and ``b/memory``; ``memory`` beside ``memory-v2``)."""
    parts = [place.split("/") for place in places]
    shown = [p[-1] for p in parts]
    by_slug: dict[str, list[int]] = {}
    for i, slug in enumerate(shown):
        by_slug.setdefault(slug, []).append(i)
    for members in by_slug.values():
        for depth in range(2, max(len(parts[i]) for i in members) + 1):
            if len(members) == len({shown[i] for i in members}):
                break
            for i in members:
                shown[i] = "/".join(parts[i][-depth:])
    return shown


def _numbered(labels: list[str], order: list[int]) -> list[str]:
    """``labels``, taken in ``order``, each numbered ("Memory (memory) (2)") where one taken
    before it reads the same to references: the same file given twice, two roadmaps of one
    name read from text, with no path to tell apart, or places that differ only in what
    references do not read ("Memory (core/memory) (2)" beside "Memory (core-memory)")."""
    taken: set[str] = set()
    out = list(labels)
    for i in order:
        unique, n = labels[i], 1
        while _key(unique) in taken:
            n += 1
            unique = f"{labels[i]} ({n})"
        taken.add(_key(unique))
        out[i] = unique
    return out


def track_index(
    tracks: Iterable[tuple[str, str]],
    *,
    paths: Iterable[str | None] = (),
    labels: Sequence[str] | None = None,
) -> TrackIndex:
    """Every track of ``(name, place)`` pairs (as :func:`track_labels` takes them, with
    ``paths``) by its label (which :meth:`TrackIndex.resolve` answers), its name and its
    slug; a name or slug that two tracks share names neither (:meth:`TrackIndex.namesakes`).
    Each label by its roadmap's path, where ``paths`` gives one (:meth:`TrackIndex.me`).
    ``labels``: :func:`track_labels` of the same pairs and paths, where the caller has them."""
    pairs = _named(tracks)
    files = _paths(pairs, paths)
    if labels is None:
        labels = track_labels(pairs, paths=files)
    labelled = list(zip(labels, pairs, files, strict=True))
    return TrackIndex.build(
        ((label, [name, place.rpartition("/")[2]]) for label, (name, place), _ in labelled),
        labels={path: label for label, _, path in labelled if path is not None},
        slugs={label: place.rpartition("/")[2] for label, (_, place), path in labelled if path},
    )


@dataclass(frozen=True)
class TrackIndex:
    """Every way to name a track (its name, its slug) → the track's name (its label, where
    :func:`track_index` built it); the ways that fit several tracks → those tracks. The
    three mappings are read-only."""

    names: Mapping[str, str] = field(default_factory=dict)
    ambiguous: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Each track's label by its roadmap's path (:func:`track_index`): what it is called here.
    labels: Mapping[str, str] = field(default_factory=dict)
    #: Each track's slug by its label (:func:`track_index`): the shortest name it may go by.
    slugs: Mapping[str, str] = field(default_factory=dict)
    # Memos of :meth:`suggest`, filled as it is asked: they change no answer.
    _suggested: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _trigrams: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        freeze(self, "names", "ambiguous", "labels", "slugs")

    @classmethod
    def build(
        cls,
        tracks: Iterable[tuple[str, Iterable[str]]],
        *,
        labels: Mapping[str, str] | None = None,
        slugs: Mapping[str, str] | None = None,
    ) -> TrackIndex:
        """From ``(track name, [other names: slug, aliases])``; names win over aliases. A
        name, or an alias, that two tracks share resolves to neither: it is ambiguous.
        ``labels``: each track's name by its roadmap's path, where :meth:`me` finds it (not
        by its slug path: ``a/memory/roadmap.md`` and ``a/memory-roadmap.md`` share one);
        ``slugs``: each track's slug by its name (its label), where its roadmap has a path."""
        names: dict[str, str] = {}
        ambiguous: dict[str, tuple[str, ...]] = {}

        def add(key: str, track: str) -> None:
            if key in ambiguous:
                if track not in ambiguous[key]:
                    ambiguous[key] += (track,)
            elif names.setdefault(key, track) != track:
                ambiguous[key] = (names.pop(key), track)

        pairs = [(name, list(aliases)) for name, aliases in tracks]
        for name, _aliases in pairs:
            add(normal_track(name), name)
        strong = set(names) | set(ambiguous)
        for name, aliases in pairs:
            for alias in aliases:
                key = normal_track(alias)
                if key not in strong:
                    add(key, name)
        names.pop("", None)
        ambiguous.pop("", None)
        return cls(names, ambiguous, labels or {}, slugs or {})

    def resolve(self, mention: str) -> str | None:
        """The track a mention names, or None (no track, or several: see :meth:`namesakes`)."""
        return self.names.get(normal_track(mention))

    def namesakes(self, mention: str) -> tuple[str, ...]:
        """The tracks a mention fits, where it fits more than one; else ``()``."""
        return (
            tuple(sorted(self.ambiguous.get(normal_track(mention), ()))) if self.ambiguous else ()
        )

    def me(self, name: str, path: str | None) -> str:
        """What the track of this name and roadmap path is called here (its label)."""
        return (path is not None and self.labels.get(path)) or self.resolve(name) or name

    def dangles(self, mention: str, *, track: bool) -> bool:
        """Whether a mention names no track where it should: one written as a track's
        (``track``) that resolves to none, or any close to a track's name (a typo). A
        template placeholder (``[Track Name]``), an external system ("pgvector") and all the
        tracks at once ("All Tracks") do not."""
        if not mention or mention.startswith("[") or self.resolve(mention) is not None:
            return False
        if self.namesakes(mention):  # a track, and another: reported as ambiguous instead
            return False
        if normal_track(mention) in _EVERY:
            return False
        return track or self.suggest(mention) is not None

    def suggest(self, mention: str) -> str | None:
        """The track a misspelt mention most likely means ("Memroy" → "Memory")."""
        key = normal_track(mention)
        if key in self._suggested:  # the same external system is named by many tracks
            return self._suggested[key]
        found = None
        if key:
            import difflib  # only for a suggestion: most runs need none

            close = difflib.get_close_matches(key, self._candidates(key), n=1, cutoff=0.75)
            found = self.names[close[0]] if close else None
        self._suggested[key] = found
        return found

    def _candidates(self, key: str) -> list[str]:
        """Names that share enough three-letter pieces with ``key`` to be within difflib's
        0.75 cutoff: a few out of thousands, so suggestions stay fast in big portfolios."""
        if not self._trigrams:
            for name in self.names:
                for gram in _grams(name):
                    self._trigrams.setdefault(gram, []).append(name)
        grams = _grams(key)
        counts: dict[str, int] = {}
        for gram in grams:
            for name in self._trigrams.get(gram, ()):
                counts[name] = counts.get(name, 0) + 1
        need = max(1, len(grams) // 4)
        low, high = len(key) * 0.6, len(key) / 0.6
        return [n for n, c in counts.items() if c >= need and low <= len(n) <= high]

    def __bool__(self) -> bool:
        return bool(self.names or self.ambiguous)
