"""Checks made on an untrusted file before any parser sees it.

A workbook is a zip of XML parts. We refuse, with one line each: files that are not there or too big,
legacy binary .xls, encrypted (password-protected) workbooks, .xlsb, not-a-zip, corrupt zips and zip
bombs (bounded by the declared uncompressed sizes and compression ratios, checked from the central
directory before anything is inflated). XML entity tricks are left to defusedxml, which openpyxl
uses when it is installed (it is one of our dependencies) and which we check is active. openpyxl would
parse some parts (workbook.xml, styles.xml) with lxml instead when lxml is installed (python-pptx brings
it); pmo_desktop/__init__.py keeps it off lxml, and, should that ever change, a part that declares a DTD
or entities is refused here anyway, before any parser sees it.
"""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path

from pmo_desktop.importing.errors import ImportRefused

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 1024 * 1024 * 1024
MAX_MEMBER_RATIO = 200  # a real sheet compresses 5-30x; a bomb compresses thousands of times
MAX_MEMBERS = 10_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")


def check_readable(path: Path) -> int:
    """The file's size, after checking it exists, is a file and is not absurdly large."""
    if not path.exists():
        raise ImportRefused(f"{path} does not exist")
    if path.is_dir():
        raise ImportRefused(f"{path} is a folder, not a file")
    size = path.stat().st_size
    if size == 0:
        raise ImportRefused(f"{path.name} is empty")
    if size > MAX_FILE_BYTES:
        raise ImportRefused(f"{path.name} is {size // 2**20} MB; files over {MAX_FILE_BYTES // 2**20} MB "
                            "are not imported (split it or save only the sheets you need)")
    return size


def check_workbook(path: Path) -> None:
    """Refuse anything that is not a plain, unencrypted, reasonably sized .xlsx/.xlsm zip."""
    check_readable(path)
    with open(path, "rb") as fh:
        head = fh.read(8)
    if head == _OLE_MAGIC:
        if _ole_is_encrypted(path):
            raise ImportRefused(f"{path.name} is password-protected (encrypted); open it in Excel, remove "
                                "the password (File > Info > Protect Workbook) and save it again")
        raise ImportRefused(f"{path.name} is a legacy Excel 97-2003 workbook (.xls); open it in Excel and "
                            "save it as .xlsx")
    if not head.startswith(b"PK"):
        raise ImportRefused(f"{path.name} is not an Excel workbook (it is not a .xlsx zip file)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        raise ImportRefused(f"{path.name} is damaged (its zip structure cannot be read: {exc})") from None
    names = {i.filename for i in infos}
    if "xl/workbook.bin" in names:
        raise ImportRefused(f"{path.name} is a binary workbook (.xlsb); save it as .xlsx in Excel")
    if "xl/workbook.xml" not in names:
        raise ImportRefused(f"{path.name} is a zip file but not an Excel workbook (no xl/workbook.xml)")
    if len(infos) > MAX_MEMBERS:
        raise ImportRefused(f"{path.name} has {len(infos)} parts; that is not a normal workbook")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise ImportRefused(f"{path.name} has encrypted parts; remove the password in Excel and save again")
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_MEMBER_RATIO * max(info.compress_size, 1):
            raise ImportRefused(f"{path.name} looks like a zip bomb ({info.filename} would inflate "
                                f"{info.file_size // max(info.compress_size, 1)}x); not imported")
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ImportRefused(f"{path.name} would inflate to {total // 2**20} MB; files over "
                            f"{MAX_UNCOMPRESSED_BYTES // 2**20} MB uncompressed are not imported")
    _refuse_dtds(path, [i for i in infos if i.filename.lower().endswith((".xml", ".rels"))])


def _refuse_dtds(path: Path, parts: list[zipfile.ZipInfo]) -> None:
    """A document type declaration comes before the root element: the head of each part shows it."""
    with zipfile.ZipFile(path) as zf:
        for info in parts:
            try:
                with zf.open(info) as fh:
                    head = fh.read(4096)
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError):
                continue  # a damaged part: the reader reports the damage in its own words
            text = head.decode("utf-16", "ignore") if head[:2] in (b"\xff\xfe", b"\xfe\xff") else \
                head.decode("utf-8", "ignore")
            if "<!DOCTYPE" in text.upper() or "<!ENTITY" in text.upper():
                raise ImportRefused(f"{path.name} contains an XML document type (DTD) or entity declarations, "
                                    "which are refused as unsafe; save it again from Excel")


def _ole_is_encrypted(path: Path) -> bool:
    """An OLE compound file holding an 'EncryptedPackage' stream is an encrypted OOXML workbook."""
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        data = fh.read(min(size, 8 * 1024 * 1024))
    return _ENCRYPTED_MARK in data


def check_xml_defences() -> None:
    """openpyxl parses with defusedxml when present; refuse to read workbooks if that is not so."""
    import openpyxl

    if not getattr(openpyxl, "DEFUSEDXML", False):
        raise ImportRefused("workbook import needs the 'defusedxml' package (protection against XML "
                            "entity attacks); reinstall PMO Desktop")
