"""The board pack's language: every heading, label, legend and footer goes through `t()`.

A pack's language is chosen per pack (`BoardPackOptions.lang`, `pmo board-pack --lang zh-CN`), set for
the length of one build in a context variable, as the date format is. Texts are English in the code and
looked up in the catalogue of pmo_desktop.i18n (the "pack" section of resources/i18n/zh-CN.json over its
"texts", terms from glossary-zh-CN.md); a finished message with values in it (a health-check finding)
is matched by shape against the command's texts, as the `pmo` command's messages are. A text asked for in a language that has no entry for it prints in English and is
remembered in `MISSING`, which the tests read to keep the catalogue complete.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from pmo_desktop import i18n
from pmo_desktop.domain.enums import Rag

PACK_LANG: ContextVar[str] = ContextVar("pack_lang", default=i18n.DEFAULT)
MISSING: set[str] = set()


def lang() -> str:
    return PACK_LANG.get()


def is_chinese() -> bool:
    return PACK_LANG.get() == "zh-CN"


def t(english: str, **values) -> str:
    """`english` in the pack's language, with `values` filled in ({name} placeholders)."""
    code = PACK_LANG.get()
    if code == i18n.DEFAULT:
        return english.format(**values) if values else english
    cat = i18n.pack_catalogue(code)
    if english not in cat.texts:
        MISSING.add(english)
    return cat.text(english, **values)


def tn(count: int, one: str, many: str, **values) -> str:
    """A counted text: `one` for 1, `many` otherwise (Chinese has one form; both keys are in the
    catalogue). `{n}` is the count."""
    return t(one if count == 1 else many, n=count, **values)


RAG_WORDS = {Rag.RED: "Red", Rag.AMBER: "Amber", Rag.GREEN: "Green", Rag.BLUE: "Complete",
             Rag.GREY: "Not reported"}


def rag_word(rag: Rag) -> str:
    """Red / Amber / Green / Complete / Not reported, in the pack's language (红 / 黄 / 绿 ...)."""
    return t(RAG_WORDS[rag])


def rag_legend(rag: Rag) -> str:
    """The letter with its word, as chart legends print it: 'R Red', 'R 红'."""
    return f"{rag.letter} {rag_word(rag)}"


def join(items: list[str]) -> str:
    """A list in a sentence: 'a, b, c' in English, 'a、b、c' in Chinese."""
    return ("、" if is_chinese() else ", ").join(items)


@contextmanager
def pack_language(code: str | None) -> Iterator[str]:
    """Set the pack's language for a build; back to the previous one after it."""
    code = i18n.resolve(code) if code else i18n.DEFAULT
    token = PACK_LANG.set(code)
    try:
        yield code
    finally:
        PACK_LANG.reset(token)


def word(value: str | None) -> str:
    """A stored word of the portfolio's vocabularies (a stage, a RAID type or status, a response,
    'Confidential') in the pack's language when the catalogue knows it; anything else (names, free
    text) as it is. Not recorded as missing: most data is not ours to translate."""
    if not value or PACK_LANG.get() == i18n.DEFAULT:
        return value or ""
    return i18n.pack_catalogue(PACK_LANG.get()).texts.get(value, value)


def message(english: str) -> str:
    """A finished English message with values in it (a health-check finding) in the pack's language,
    matched against the catalogue's `{placeholder}` entries; as it is when none has its shape."""
    code = PACK_LANG.get()
    return english if code == i18n.DEFAULT else i18n.catalogue(code).message(english)


def colon() -> str:
    """': ' in English, '：' in Chinese (a label and its value)."""
    return "：" if is_chinese() else ": "
