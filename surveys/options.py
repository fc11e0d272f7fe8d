"""Stable keys for the answer options of a choice question.

An option's text may change (a typo, a better word); a condition that shows a later
question refers to the option by its key, so it keeps working. Keys are "o1", "o2", ... in
the order the options were first written.
"""

from collections.abc import Sequence


def normal(text: str) -> str:
    """An option's text as compared: spacing and case do not matter."""
    return " ".join(str(text).split()).casefold()


def fresh_keys(count: int) -> list[str]:
    return [f"o{number}" for number in range(1, count + 1)]


def _number(key: str) -> int:
    digits = key[1:]
    return int(digits) if key.startswith("o") and digits.isascii() and digits.isdigit() else 0


def carry_keys(
    old_options: Sequence[str], old_keys: Sequence[str], new_options: Sequence[str]
) -> list[str]:
    """The keys of ``new_options`` after an edit of ``old_options`` (with ``old_keys``).

    An option that is still there (whatever its case or spacing, wherever it moved) keeps
    its key. The changed texts are renames when as many options disappeared as appeared:
    they take the keys of the disappeared ones, in order. Otherwise a changed text in the
    place of a disappeared option is that option renamed; anything else is a new option
    with a key higher than any the question has. (A removed option's key may come back
    later; no condition can point at it, since an option a condition needs cannot be
    removed.)
    """
    if len(old_keys) != len(old_options):
        old_keys = fresh_keys(len(old_options))
    by_text = {normal(option): key for option, key in zip(old_options, old_keys, strict=True)}
    keys: list[str] = [by_text.get(normal(option), "") for option in new_options]
    gone = [key for key in old_keys if key not in keys]
    changed = [index for index, key in enumerate(keys) if not key]
    if len(gone) == len(changed):
        for index, key in zip(changed, gone, strict=True):
            keys[index] = key
        return keys
    next_number = max((_number(key) for key in old_keys), default=0) + 1
    for index in changed:
        in_place = old_keys[index] if index < len(old_keys) else ""
        if in_place in gone:
            gone.remove(in_place)
            keys[index] = in_place
        else:
            keys[index] = f"o{next_number}"
            next_number += 1
    return keys
