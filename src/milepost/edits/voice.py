"""How a document writes its statuses (:class:`Voice`): the words and emoji an edit writes so
that a new marker reads like its neighbours, and the markers its legend defines, so that the
marker an edit replaces is the one the extractor read."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from milepost.vocabulary.languages import LANGUAGE_LABELS
from milepost.vocabulary.legend import NO_LEGEND, Legend
from milepost.vocabulary.status import CROSSES, DOTS, EMOJI, Status, emoji_written, pictograph_at
from milepost.vocabulary.status_words import said_weakly, status_of_word

__all__ = ["LABELS", "TEMPLATE_VOICE", "Voice", "relabel"]

#: The words the template uses for each status in a bold label.
LABELS = {
    Status.DONE: "Completed",
    Status.IN_PROGRESS: "In Progress",
    Status.PLANNED: "Planned",
    Status.FUTURE: "Future",
    Status.BLOCKED: "Blocked",
    Status.DROPPED: "Dropped",
}


# The words of a tag an edit adds after an item's words ("- [ ] Search (blocked)").
_TAGS = {status: label.lower() for status, label in LABELS.items()}


@dataclass(frozen=True, slots=True)
class Voice:
    """How a document writes its statuses: the label word and the emoji it uses most for
    each (``Complete``, 🔄), so that what an edit writes reads like its neighbours; and the
    markers its legend and the config define (🔴 for blocked, "Parked"), so that the marker
    an edit replaces is the one the extractor read."""

    words: Mapping[Status, str] = field(default_factory=dict)
    glyphs: Mapping[Status, str] = field(default_factory=dict)
    legend: Legend = NO_LEGEND
    # the image icon the document marks each status with, as written ("![Completed](c.png)")
    icons: Mapping[Status, str] = field(default_factory=dict)
    # whether a bare ❌ says dropped work in the document (its legend, its words or the
    # template's shape: :func:`milepost.extract.conventions.cross_would_drop`), and how many
    # crosses it holds: where others say "no", an edit marks dropped work 🚫; where there
    # are none, ❌ and the word beside it (:meth:`cross_needs_word`)
    crosses_said: bool = True
    crosses: int = 0
    # the coloured dot the document writes beside each status's words ("(🟢 Done)")
    dots: Mapping[Status, str] = field(default_factory=dict)
    # the word of its legend's or the config's own it writes for each status ("NW",
    # "Parked"): written only where such a word stood, as a label read only there
    codes: Mapping[Status, str] = field(default_factory=dict)
    # the legend's glyphs as the document writes them, where that is not as it keys them
    # (with a variation selector: "⚠️" of "⚠")
    forms: Mapping[str, str] = field(default_factory=dict)
    # the language other than English the document writes its status words in ("es"), whose
    # word for a status it has not written yet an edit writes ("Bloqueado", not "Blocked")
    language: str | None = None

    def word(self, status: Status) -> str:
        if (own := self.words.get(status)) is not None:
            return own
        label = LANGUAGE_LABELS[self.language][status] if self.language else ""
        # not a weak word ("Futuro"), which reads as a status in a tag or a cell only
        return label if label and not said_weakly(label) else LABELS[status]

    def tag(self, status: Status) -> str:
        """The words of a tag an edit adds after an item's words: "in progress", in the
        document's language where that is not English ("en progreso", "In Arbeit", German
        nouns as capitalised)."""
        if self.language:
            label = LANGUAGE_LABELS[self.language][status]
            return label if self.language == "de" else label.lower()  # "(In Arbeit)": a noun
        return _TAGS[status]

    def glyph(self, status: Status, replacing: str = "") -> str:
        """The glyph an edit writes for ``status``: the document's own, else the canonical
        emoji, else the legend's glyph for it, else another emoji of the vocabulary; never one
        the legend gives another status ("🚧 Blocked" makes 🚧 blocked). Where the legend
        takes them all, the status's word as a bold label ("**Dropped:**"). In place of a
        glyph the legend keys (``replacing``: ⚪ of "⚪ Someday", ❌ where it says "not
        yet", ✅ of "- ✅ = Fully Supported"), the legend's glyph for the status comes before
        the canonical emoji: the author marks with the legend's, as written there
        (``forms``: "⚠️"). Where the document's bare crosses say "no", dropped work is
        marked 🚫, which says dropped there and leaves the crosses meaning what they did."""
        legend = self.legend
        own = [
            self.forms.get(g, g)
            for g, said in legend.glyphs.items()
            if said is status and g[:1] != "["
        ]
        old = replacing.replace("\ufe0f", "").strip()
        legend_first = bool(old) and legend.glyph(old) is not None
        candidates = (
            self.glyphs.get(status),
            *(own if legend_first else []),
            status.emoji,
            *own,
            *(glyph for glyph, said in EMOJI.items() if said is status),
        )
        for glyph in candidates:
            if glyph in _CROSSES and not self.crosses_said and self.crosses > (old in _CROSSES):
                continue  # the document's other crosses say "no": 🚫 drops the work
            if glyph and legend.glyph(glyph.replace("\ufe0f", "")) in (None, status):
                return glyph
        return f"**{self.word(status)}:**"

    def cross_needs_word(self, glyph: str) -> bool:
        """Whether ``glyph``, written for dropped work, must have the status's word beside it
        to read as dropped: a ❌ where neither the legend nor the document's words say that
        a bare cross is dropped work (it would say "no"; with the word it says so)."""
        return glyph.replace("\ufe0f", "") in _CROSSES and not self.crosses_said

    def status_of(self, word: str) -> Status | None:
        """The status a label's word names: the legend's meaning, else the vocabulary's."""
        return self.legend.word(word) or status_of_word(word)

    def dot(self, status: Status) -> str:
        """The coloured dot the document writes beside ``status``'s words, else the glyph an
        edit writes for it: a dot says no status of its own, and one of another colour
        beside the new words would say the old one."""
        return self.dots.get(status) or self.glyph(status)

    def dot_end(self, text: str) -> int | None:
        """Where the coloured dot that starts ``text`` ends as written, if one does."""
        found = emoji_written(text)
        return found[1] if found is not None and found[0] in DOTS else None

    def glyph_end(self, text: str, at: int = 0) -> int | None:
        """Where the status glyph that starts ``text`` at ``at`` ends as written (variation
        selectors and all): an emoji of the vocabulary or a glyph the legend defines."""
        found = emoji_written(text, at)
        if found is not None:
            known = found[0] in EMOJI or self.legend.glyph(found[0]) is not None
            return found[1] if known else None
        end = pictograph_at(text, at) if self.legend.glyphs else None
        if end is None or self.legend.glyph(text[at:end].replace("\ufe0f", "").strip()) is None:
            return None
        return end


#: The template's own voice: its label words and the canonical emoji.
_CROSSES = frozenset({*CROSSES, "❌\ufe0f"})

TEMPLATE_VOICE = Voice()


def relabel(word: str, status: Status, voice: Voice) -> str:
    """``status`` in ``voice``'s word for it, in the case ``word`` (the word it replaces) is
    written in: "PLANNED" gives "IN PROGRESS", "planned" "in progress"; a word of the legend's
    or the config's own, the document's own word for ``status`` where it writes one ("NW"
    gives "D"). A word that says ``status`` already stays as written: the edit changes
    nothing it need not."""
    if voice.status_of(word) is status:
        return word
    if voice.legend.owns(word) and (code := voice.codes.get(status)) is not None:
        return code  # "D" for "NW": the document's own word, where it writes one, as written
    new = voice.word(status)
    if word.isupper():
        return new.upper()
    if word.islower():
        return new.lower()
    return new
