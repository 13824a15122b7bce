"""Checks made on an untrusted file before any parser sees it.

A workbook is a zip of XML parts (xlsx, xlsb, ods) or an OLE compound file (legacy xls). We refuse,
with one line each: files that are not there or too big, encrypted (password-protected) workbooks,
corrupt zips and zip bombs (bounded by the declared uncompressed sizes and compression ratios, checked
from the central directory before anything is inflated). Which format a file is, and the DTD check of
its XML parts, are calamine_reader.py's and looks.py's.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from pmo_desktop.spreadsheets.errors import ImportRefused

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


def check_zip(path: Path) -> set[str]:
    """The member names of a zipped workbook (xlsx, xlsb, ods), after refusing corrupt zips, encrypted
    parts and zip bombs from the central directory, before anything is inflated."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        raise ImportRefused(f"{path.name} is damaged (its zip structure cannot be read: {exc})") from None
    names = {i.filename for i in infos}
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
    return names


def is_ole(path: Path) -> bool:
    with open(path, "rb") as fh:
        return fh.read(8) == _OLE_MAGIC


def ole_is_encrypted(path: Path) -> bool:
    """An OLE compound file holding an 'EncryptedPackage' stream is an encrypted OOXML workbook."""
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        data = fh.read(min(size, 8 * 1024 * 1024))
    return _ENCRYPTED_MARK in data
