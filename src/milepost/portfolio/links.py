"""Resolving cross-track mentions ("Dependency on Memory", "With Web UI") to tracks."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

__all__ = ["TrackIndex", "normal_track"]

_SUFFIX = re.compile(r"(?i)\s*(?:track|roadmap|team)$")
_PUNCT = re.compile(r"[^\w\s]")


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


@dataclass(frozen=True)
class TrackIndex:
    """Every way to name a track (its name, its slug) → the track's name."""

    names: dict[str, str] = field(default_factory=dict)
    _suggested: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    _trigrams: dict[str, list[str]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, tracks: Iterable[tuple[str, Iterable[str]]]) -> TrackIndex:
        """From ``(track name, [other names: slug, aliases])``; names win over aliases."""
        names: dict[str, str] = {}
        pairs = list(tracks)
        for name, _aliases in pairs:
            names.setdefault(normal_track(name), name)
        for name, aliases in pairs:
            for alias in aliases:
                names.setdefault(normal_track(alias), name)
        names.pop("", None)
        return cls(names)

    def resolve(self, mention: str) -> str | None:
        """The track a mention names, or None."""
        return self.names.get(normal_track(mention))

    def dangles(self, mention: str, *, track: bool) -> bool:
        """Whether a mention names no track where it should: one written as a track's
        (``track``) that resolves to none, or any close to a track's name (a typo). A
        template placeholder (``[Track Name]``), an external system ("pgvector") and all the
        tracks at once ("All Tracks") do not."""
        if not mention or mention.startswith("[") or self.resolve(mention) is not None:
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
        return bool(self.names)
