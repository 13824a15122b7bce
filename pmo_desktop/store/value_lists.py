"""The words a portfolio adds to its extendable lists (domain/vocabularies.py), kept in settings.

Stored under the settings key `value_lists` as {vocabulary: [word, ...]}; written inside the caller's
batch, so an import that adds 'Planning' to the project statuses undoes it with the rest.
"""

from __future__ import annotations

from pmo_desktop.domain.vocabularies import EXTENDABLE, MAX_WORDS, choices, clean_word
from pmo_desktop.store.settings import write_setting

KEY = "value_lists"


def value_lists(conn) -> dict[str, list[str]]:
    """{vocabulary: added words}; anything malformed in the stored setting is left out."""
    import json

    row = conn.execute("SELECT value FROM settings WHERE key = ?", (KEY,)).fetchone()
    try:
        data = json.loads(row[0]) if row and row[0] else {}
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, list[str]] = {}
    for name, words in data.items():
        if name in EXTENDABLE and isinstance(words, list):
            out[name] = [w for w in words if isinstance(w, str) and w.strip()][:MAX_WORDS]
    return out


def extend_lists(conn, additions: dict[str, list[str]]) -> dict[str, list[str]]:
    """Add words to lists (call inside a batch); returns what was new. ValueError for a fixed list or a
    bad word, before anything is written."""
    current = value_lists(conn)
    added: dict[str, list[str]] = {}
    for name, words in additions.items():
        if name not in EXTENDABLE:
            raise ValueError(f"the {name.replace('_', ' ')} list is fixed; map the value to one of its values")
        known = {w.casefold() for w in choices(name, current)}
        for word in words:
            text = clean_word(word)
            if text.casefold() in known:
                continue
            current.setdefault(name, []).append(text)
            added.setdefault(name, []).append(text)
            known.add(text.casefold())
        if len(current.get(name, [])) > MAX_WORDS:
            raise ValueError(f"the {name.replace('_', ' ')} list would hold more than {MAX_WORDS} added values")
    if added:
        write_setting(conn, KEY, current)
    return added
