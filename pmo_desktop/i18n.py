"""Languages: which one to speak, and the catalogue the `pmo` command and the board pack read.

The window translates with Qt's own mechanism (tr, `.ts` sources, `.qm` files: gui/shell/i18n.py).
Everything without Qt (the `pmo` command, its help and messages, the board pack) reads a small JSON
catalogue per language in resources/i18n/, keyed by the English text, as gettext keys by msgid. A
catalogue needs no compile step or tool on a Windows laptop, and tests/test_i18n.py checks it against
the strings the code uses.

A message built with values ("x.pmo already exists; ...") is matched against catalogue entries written
with `{placeholders}`, so services keep raising plain English (what logs and bug reports carry) and the
front end shows it in the user's language.
"""

from __future__ import annotations

import json
import locale
import logging
import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pmo_desktop.paths import config_dir, load_json_resource

LANGUAGES: dict[str, str] = {"en": "English", "zh-CN": "简体中文"}
DEFAULT = "en"
CHOICE_FILE = "language.json"  # in paths.config_dir(): {"language": "zh-CN"}, "en" or "system"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_ANY_FIELD = re.compile(r"\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}")  # {name}, {n:>9,}, {team:<{width}}


def normalise(tag: str | None) -> str | None:
    """'zh', 'zh_CN.UTF-8', 'zh-Hans', 'zh-CN' -> 'zh-CN'; 'en_GB' -> 'en'; unknown -> None."""
    if not tag:
        return None
    base = tag.replace("_", "-").split(".")[0].split("@")[0].lower()
    if base.startswith("zh") and not base.startswith(("zh-tw", "zh-hk", "zh-hant", "zh-mo")):
        return "zh-CN"
    if base.startswith("en") or base in ("c", "posix"):
        return "en"
    return None


def system_language() -> str:
    """The language the system asks for (LC_ALL, LC_MESSAGES, LANG; then the C library), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        found = normalise(os.environ.get(var, "").split(":")[0])
        if found:
            return found
    try:
        found = normalise(locale.getlocale()[0])
    except (ValueError, TypeError):
        found = None
    return found or DEFAULT


def resolve(lang: str | None = None) -> str:
    """An explicit choice, else PMO_LANG, else the language chosen in the window, else the system's."""
    if lang:
        found = normalise(lang)
        if found is None:
            raise ValueError(f"'{lang}' is not a language this program speaks (choose from {', '.join(LANGUAGES)})")
        return found
    return normalise(os.environ.get("PMO_LANG")) or remembered_language() or system_language()


def choice_path() -> Path:
    return config_dir() / CHOICE_FILE


def remembered_language() -> str | None:
    """The language chosen in the window's Settings ▸ Language, which the window also writes to the
    user's settings folder so that the `pmo` command, which has no Qt to read the window's settings,
    speaks it too. None for "System default", no file, or a file that cannot be read or makes no
    sense: a damaged file is passed over, never an error."""
    try:
        with open(choice_path(), "rb") as fh:
            data = json.loads(fh.read(4096).decode("utf-8"))
    except (OSError, ValueError):  # missing, unreadable, a folder; not UTF-8 or not JSON
        return None
    value = data.get("language") if isinstance(data, dict) else None
    return normalise(value) if isinstance(value, str) else None


def remember_language(choice: str) -> bool:
    """Write the window's choice ("system", "en", "zh-CN") for the `pmo` command: to a temporary file
    beside it, then moved into place, so a reader never sees half of it. False when it could not be
    written (a read-only or full disk): the window still remembers it in its own settings."""
    from pmo_desktop.store.errors import PortfolioError
    from pmo_desktop.store.files import write_atomically

    target = choice_path()
    text = json.dumps({"language": choice})
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    except (OSError, PortfolioError) as exc:
        logging.getLogger(__name__).warning("could not remember the language in %s: %s", target, exc)
        return False
    return True


@dataclass
class Catalogue:
    """One language's texts, keyed by the English."""

    lang: str
    texts: dict[str, str] = field(default_factory=dict)
    missed: set[str] = field(default_factory=set)  # texts asked for that had no entry (tests read it)
    _patterns: list[tuple[re.Pattern, str]] | None = None

    def text(self, english: str, **values) -> str:
        """The translation of a fixed text (English when there is none), with `values` filled in."""
        translated = self.texts.get(english)
        if translated is None:
            self._miss(english)
            translated = english
        return translated.format(**values) if values else translated

    def message(self, english: str, *, _top: bool = True, _split: bool = True) -> str:
        """A finished message (values already in it), translated by the entry whose shape it has."""
        if english in self.texts:
            return self.texts[english]
        if not _top and _split and "; " in english:  # a list of messages ("sheet 'A': ...; sheet 'B': ..."): each its own
            listed = self._listed(english)
            if listed is not None:
                return listed
        for pattern, template in self._compiled():
            m = pattern.fullmatch(english)
            if m:
                # a value that is itself a message ("row 3: 'x' is not a date") is translated too; a quoted
                # one ('{value}': what the user typed, a name) stays as it was written
                quoted = _quoted(pattern.pattern)
                return template.format(**{k: v if k in quoted else self.message(v, _top=False)
                                          for k, v in m.groupdict().items()})
        if _top:  # a value inside a message (a name, a number) is no miss
            self._miss(english)
        return english

    def _listed(self, english: str) -> str | None:
        """Messages joined with "; ", each translated whole (a message may hold "; " itself), or None."""
        out: list[str] = []
        current = None
        for part in english.split("; "):
            current = part if current is None else f"{current}; {part}"
            shown = self.message(current, _top=False, _split=False)
            if shown != current:
                out.append(shown)
                current = None
        return "；".join(out) if current is None and len(out) > 1 else None

    def _miss(self, english: str) -> None:
        if not _has_words(english):
            return  # nothing but values and punctuation: "{name}  ({file})"
        if self.lang != DEFAULT and len(self.missed) < 10_000:
            self.missed.add(english)

    def _compiled(self) -> list[tuple[re.Pattern, str]]:
        if self._patterns is None:
            # a text of values and punctuation only ("{n} {sheet}") would claim any message: never a shape
            shaped = [k for k in self.texts if _PLACEHOLDER.search(k) and _has_words(k)]
            shaped.sort(key=lambda k: len(_PLACEHOLDER.sub("", k)), reverse=True)  # most specific first
            self._patterns = [(_shape(k), self.texts[k]) for k in shaped]
        return self._patterns


def _has_words(text: str) -> bool:
    return bool(re.search(r"[A-Za-z]", _ANY_FIELD.sub("", text)))


@cache
def _quoted(pattern: str) -> frozenset[str]:
    """The placeholders a shape writes inside quotes: '{value}' or “{value}”."""
    return frozenset(re.findall(r"(?:'|“|\\')\(\?P<(\w+)>", pattern))


def _shape(english: str) -> re.Pattern:
    out, seen, pos = [], set(), 0
    for m in _PLACEHOLDER.finditer(english):
        out.append(re.escape(english[pos:m.start()]))
        name = m.group(1)
        out.append(f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
        seen.add(name)
        pos = m.end()
    out.append(re.escape(english[pos:]))
    return re.compile("".join(out), re.DOTALL)


@cache
def catalogue(lang: str) -> Catalogue:
    if lang == DEFAULT:
        return Catalogue(lang)
    data = load_json_resource("i18n", f"{lang}.json")
    return Catalogue(lang, dict(data["texts"]))


@cache
def pack_catalogue(lang: str) -> Catalogue:
    """The board pack's texts (the file's "pack" section) over the command's: looked up whole, never
    matched by shape, so a pack label like "{n} {kind}" cannot claim a message of the command."""
    if lang == DEFAULT:
        return Catalogue(lang)
    data = load_json_resource("i18n", f"{lang}.json")
    return Catalogue(lang, {**data["texts"], **data.get("pack", {})})


@cache
def words(lang: str) -> dict[str, str]:
    """Values from fixed lists (stages, statuses, RAG letters, table names) as the `pmo` command prints
    them: the file's "words" section over the pack's and the command's texts ("Open" the RAID status is
    未关闭, not the 打开 of a menu)."""
    if lang == DEFAULT:
        return {}
    data = load_json_resource("i18n", f"{lang}.json")
    return {**data["texts"], **data.get("pack", {}), **data.get("words", {})}


def text(english: str, lang: str, **values) -> str:
    return catalogue(lang).text(english, **values)


def message(english: str, lang: str) -> str:
    return catalogue(lang).message(english)
