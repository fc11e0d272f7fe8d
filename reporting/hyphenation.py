"""Dutch hyphenation of a report's running text, kept whole in the PDF's text layer.

WeasyPrint breaks a line inside a word only at a soft hyphen (U+00AD) in the HTML
(``hyphens: manual`` in print.css), and this module places them:

- **only in running text**: text inside ``p``, ``li``, ``dd`` or ``blockquote``, never in a
  heading, a table, a caption, a figure, a label or the cover;
- **only in Dutch**: where the nearest ``lang`` attribute starts with ``nl``;
- **only in long words** (``MIN_WORD`` letters or more), never within the first
  ``MIN_LEFT`` or last ``MIN_RIGHT`` letters, never in an acronym, a web or e-mail address;
- **by Pyphen's Dutch patterns**, except for the parts of compounds those patterns break
  wrongly, mostly loan words ("da-t-aca-ta-lo-gus", "ma-na-ge-men-to-ver-leg",
  "be-leid-s-eva-lu-a-ties"): a word that begins or ends with one of ``COMPOUND_PARTS`` is
  split there, that part keeps its own breaks and the rest is hyphenated as the word it is
  ("da-ta-ca-ta-lo-gus", "ma-nage-ment-over-leg", "be-leids-eva-lu-a-ties").

A tagged PDF must tell a hyphen of a line break from a hyphen of the text (ISO 32000-1,
14.8.2.2.3, "Incidental artifacts"): the line-break hyphen is a soft hyphen. WeasyPrint
draws it as U+2010 and maps that glyph to U+2010 in the font's ToUnicode map;
``soft_hyphens_in_text_layer`` maps it to U+00AD instead, so a screen reader, search and
copy read "leiderschap" where the page shows "lei-" and "derschap". Text that holds a
U+2010 of its own is written with the ASCII hyphen, so that U+2010 in a report is only
ever the hyphen of a line break.
"""

import re
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser

import pydyf
import pyphen

SOFT_HYPHEN = "\u00ad"
BREAK_HYPHEN = "\u2010"  # what WeasyPrint draws at a soft hyphen (print.css says so too)

MIN_WORD = 8
MIN_LEFT = 2
MIN_RIGHT = 3

# Parts of compounds as Dutch breaks them (Woordenlijst), for the start or end of a word.
COMPOUND_PARTS = (
    "be-leids",
    "bench-mark",
    "bench-marks",
    "busi-ness",
    "dash-board",
    "dash-boards",
    "da-ta",
    "feed-back",
    "governance",
    "hard-ware",
    "lake-house",
    "ma-na-ger",
    "ma-na-gers",
    "ma-nage-ment",
    "on-line",
    "pri-va-cy",
    "soft-ware",
    "ware-house",
    "work-shop",
    "work-shops",
)


def _offsets(hyphenated: str) -> list[int]:
    """ "ma-nage-ment" → [2, 6]: where the word breaks, without its hyphens."""
    offsets, at = [], 0
    for piece in hyphenated.split("-")[:-1]:
        at += len(piece)
        offsets.append(at)
    return offsets


_PART_BREAKS = {part.replace("-", ""): _offsets(part) for part in COMPOUND_PARTS}
_LONGEST_FIRST = sorted(_PART_BREAKS, key=len, reverse=True)

PROSE_TAGS = frozenset({"p", "li", "dd", "blockquote"})
# Never hyphenated, whatever they hold. A table cell is short, a heading and a label
# are read at a glance; the cover and elements marked ``nohyphens`` are set as they are.
PLAIN_TAGS = frozenset(
    {"h1", "h2", "h3", "h4", "h5", "h6", "table", "caption", "figure", "figcaption"}
    | {"label", "header", "footer", "nav", "button", "title", "style", "script", "svg"}
)
PLAIN_CLASSES = frozenset({"cover", "nohyphens"})
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
    | {"track", "wbr"}
)

_LETTERS = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"\S+")
_ADDRESS = re.compile(r"[/@:]|www\.|\w\.\w")


@lru_cache(maxsize=1)
def _dutch() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="nl_NL", left=2, right=2)


def _part_breaks(part: str) -> list[int]:
    if part in _PART_BREAKS:
        return _PART_BREAKS[part]
    return [int(position) for position in _dutch().positions(part)]


def _known_part(rest: str, *, at_start: bool) -> str | None:
    """The longest compound part ``rest`` begins (or ends) with, when more of it follows."""
    return next(
        (
            part
            for part in _LONGEST_FIRST
            if rest != part and (rest.startswith(part) if at_start else rest.endswith(part))
        ),
        None,
    )


def _compound_parts(word: str) -> list[str]:
    """The word, lower case, in parts: the known compound parts split off its start and end."""
    lower = word.lower()
    start, end = 0, len(lower)
    head: list[str] = []
    tail: list[str] = []
    while part := _known_part(lower[start:end], at_start=True):
        head.append(part)
        start += len(part)
    while part := _known_part(lower[start:end], at_start=False):
        tail.insert(0, part)
        end -= len(part)
    return [*head, lower[start:end], *tail]


def word_breaks(word: str) -> list[int]:
    """Where a line may break inside ``word``: offsets into it, ascending."""
    if len(word) < MIN_WORD or any(letter.isupper() for letter in word[1:]):
        return []
    breaks: list[int] = []
    offset = 0
    for part in _compound_parts(word):
        if offset:
            breaks.append(offset)
        breaks.extend(offset + position for position in _part_breaks(part))
        offset += len(part)
    return [b for b in breaks if MIN_LEFT <= b <= len(word) - MIN_RIGHT]


def hyphenate_word(word: str) -> str:
    """``word`` with a soft hyphen wherever a line may break inside it."""
    pieces, previous = [], 0
    for position in word_breaks(word):
        pieces.append(word[previous:position])
        previous = position
    pieces.append(word[previous:])
    return SOFT_HYPHEN.join(pieces)


def _hyphenate_token(match: re.Match) -> str:
    token = match.group()
    if SOFT_HYPHEN in token or _ADDRESS.search(token):
        return token
    return _LETTERS.sub(lambda letters: hyphenate_word(letters.group()), token)


def hyphenate_text(text: str) -> str:
    """Plain Dutch text with soft hyphens in its long words."""
    return _TOKEN.sub(_hyphenate_token, text)


@dataclass(frozen=True, slots=True)
class _Element:
    tag: str
    prose: bool  # inside running text
    plain: bool  # inside something never hyphenated
    lang: str


class _RunningText(HTMLParser):
    """Writes the HTML back as it came, with soft hyphens in the running text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open = [_Element("", prose=False, plain=False, lang="")]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")
        if tag in VOID_TAGS:
            return
        parent = self.open[-1]
        if tag in PROSE_TAGS and parent.tag == tag:  # <li> closing the <li> before it
            self.open.pop()
            parent = self.open[-1]
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        self.open.append(
            _Element(
                tag,
                prose=parent.prose or tag in PROSE_TAGS,
                plain=parent.plain or tag in PLAIN_TAGS or bool(classes & PLAIN_CLASSES),
                lang=(attributes.get("lang") or parent.lang).lower(),
            )
        )

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")
        tags = [element.tag for element in self.open]
        if tag in tags[1:]:
            del self.open[len(tags) - 1 - tags[::-1].index(tag) :]

    def handle_data(self, data: str) -> None:
        data = data.replace(BREAK_HYPHEN, "-")
        element = self.open[-1]
        if element.prose and not element.plain and element.lang.startswith("nl"):
            data = hyphenate_text(data)
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def hyphenate_running_text(html: str) -> str:
    """A report's HTML with soft hyphens in the long Dutch words of its running text."""
    parser = _RunningText()
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


_TO_UNICODE_START = b"/CIDInit /ProcSet findresource begin"
_BREAK_HYPHEN_ENTRY = f" <{BREAK_HYPHEN.encode('utf-16-be').hex()}>".encode()
_SOFT_HYPHEN_ENTRY = f" <{SOFT_HYPHEN.encode('utf-16-be').hex()}>".encode()


def soft_hyphens_in_text_layer(document, pdf: pydyf.PDF) -> None:
    """WeasyPrint finisher: the glyph drawn at a line break reads as a soft hyphen."""
    for pdf_object in pdf.objects:
        if not isinstance(pdf_object, pydyf.Stream) or not pdf_object.stream:
            continue
        lines = pdf_object.stream
        if lines[0] != _TO_UNICODE_START:
            continue
        for index, line in enumerate(lines):
            if isinstance(line, bytes) and line.endswith(_BREAK_HYPHEN_ENTRY):
                lines[index] = line[: -len(_BREAK_HYPHEN_ENTRY)] + _SOFT_HYPHEN_ENTRY
