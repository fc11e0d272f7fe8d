"""Pure tallies of the interactive kinds: word frequencies for a word cloud and the points
of a ranking. No database here: services and selectors both use these."""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from workshops.defaults import DUTCH_STOP_WORDS

# Letters (with accents), digits and inner hyphens or apostrophes: "open-data", "'s-Hertogenbosch".
WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?", re.UNICODE)
CLOUD_SIZES = 6  # font-size classes wc-1 (rare) .. wc-6 (most frequent)


@dataclass(frozen=True)
class CloudWord:
    word: str
    count: int
    size: int  # 1..CLOUD_SIZES


def normalise_text(text: str) -> str:
    """One line, single spaces, no leading or trailing space."""
    return " ".join(text.split())


def words_of(text: str) -> list[str]:
    """The content words of an answer, lower case, without Dutch stop words and numbers."""
    words = []
    for match in WORD.finditer(text.lower()):
        word = match.group(0).strip("'’-")
        if len(word) < 2 or word in DUTCH_STOP_WORDS or word.isdigit():
            continue
        words.append(word)
    return words


def word_cloud(texts: Iterable[str], *, limit: int = 40) -> list[CloudWord]:
    """The most frequent content words, each answer counting a word once, in alphabetical
    order (a stable layout) with a size class by frequency."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(words_of(text)))
    top = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:limit]
    if not top:
        return []
    highest = top[0][1]
    lowest = top[-1][1]
    span = max(1, highest - lowest)
    cloud = [
        CloudWord(
            word=word,
            count=count,
            size=1 + round((count - lowest) * (CLOUD_SIZES - 1) / span) if highest > lowest else 3,
        )
        for word, count in top
    ]
    return sorted(cloud, key=lambda entry: entry.word)


def ranking_points(ballots: Iterable[Sequence[str]], *, places: int) -> Counter[str]:
    """Borda points: the first place of a ballot gets ``places`` points, the next one less."""
    points: Counter[str] = Counter()
    for order in ballots:
        for index, key in enumerate(order[:places]):
            points[key] += places - index
    return points


def ranking_order(points: Counter[str], keys: Sequence[str]) -> list[str]:
    """The keys by points, most first; ties keep the order of ``keys`` (the model's order)."""
    position = {key: index for index, key in enumerate(keys)}
    return sorted(keys, key=lambda key: (-points.get(key, 0), position[key]))
