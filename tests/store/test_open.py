"""Opening files that are not what they claim: one clear error, the file untouched."""

import hashlib
import sqlite3

import pytest

from pmo_desktop.store import (
    CorruptPortfolio,
    NewerSchema,
    NotAPortfolio,
    PortfolioExists,
    PortfolioLocked,
    PortfolioMissing,
    ReadOnlyPortfolio,
    create_portfolio,
    open_portfolio,
    schema,
)
from pmo_desktop.store.backups import list_backups
from pmo_desktop.store.rows import insert_row


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_portfolio_has_schema_and_settings(portfolio):
    assert portfolio.schema_version() == len(schema.MIGRATION_NAMES)
    assert portfolio.settings()["currency"] == "GBP"
    assert portfolio.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert portfolio.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert portfolio.conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL


def test_missing_file(tmp_path):
    with pytest.raises(PortfolioMissing, match="does not exist"):
        open_portfolio(tmp_path / "nope.pmo")


@pytest.mark.parametrize("content", [b"", b"hello, this is a text file\n", b"PK\x03\x04" + b"\0" * 200])
def test_not_sqlite(tmp_path, content):
    path = tmp_path / "x.pmo"
    path.write_bytes(content)
    with pytest.raises(NotAPortfolio, match="not an SQLite database"):
        open_portfolio(path)
    assert path.read_bytes() == content
    assert not (tmp_path / "x.pmo.lock").exists()


def test_sqlite_but_not_a_portfolio(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAPortfolio, match="not a PMO Desktop portfolio"):
        open_portfolio(path)
    assert digest(path) == before


def test_corrupt_file(tmp_path, demo_path):
    data = bytearray(demo_path.read_bytes())
    data[100:4096 * 4] = b"\xff" * (4096 * 4 - 100)  # smash the schema pages, keep the header
    demo_path.write_bytes(bytes(data))
    before = digest(demo_path)
    with pytest.raises(CorruptPortfolio, match="damaged"):
        open_portfolio(demo_path)
    assert digest(demo_path) == before


def test_newer_schema_refused_untouched(tmp_path):
    path = tmp_path / "future.pmo"
    create_portfolio(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('pmo_desktop', '9999_future', 'x')"
    )
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchema, match="newer version"):
        open_portfolio(path)
    assert digest(path) == before


def test_older_schema_migrates_after_backup(tmp_path, monkeypatch):
    from pmo_desktop.store import schema

    path = tmp_path / "old.pmo"
    create_portfolio(path).close()
    calls = []

    @schema.migration("0999_test_extra")
    def extra(db):
        calls.append(1)
        db.execute("CREATE TABLE test_extra (id INTEGER PRIMARY KEY, note TEXT, created_at TEXT, updated_at TEXT)")

    known = len(schema.MIGRATION_NAMES) - 1
    try:
        with open_portfolio(path) as pf:
            assert pf.schema_version() == known + 1
            assert calls == [1]
        backups = list_backups(path)
        assert len(backups) == 1 and "before-upgrade" in backups[0].name
        conn = sqlite3.connect(backups[0])
        assert "test_extra" not in {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        conn.close()
    finally:
        schema.MIGRATION_NAMES.remove("0999_test_extra")
        schema._MIGRATIONS.pop()


def test_second_writer_is_told_and_reader_allowed(demo_path):
    with open_portfolio(demo_path) as first:
        with pytest.raises(PortfolioLocked, match="already open for writing"):
            open_portfolio(demo_path)
        with open_portfolio(demo_path, read_only=True) as reader:
            assert reader.counts()["projects"] == 40
            with pytest.raises(ReadOnlyPortfolio):
                insert_row(reader, "programmes", {"name": "X"})
        assert first.counts()["projects"] == 40
    # the lock goes with the writer
    open_portfolio(demo_path).close()


def test_create_refuses_existing(tmp_path):
    path = tmp_path / "a.pmo"
    create_portfolio(path).close()
    with pytest.raises(PortfolioExists):
        create_portfolio(path)


def test_failed_creation_leaves_nothing(tmp_path):
    def explode(pf):
        insert_row(pf, "programmes", {"name": "half"})
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError):
        create_portfolio(tmp_path / "b.pmo", populate=explode)
    assert [p.name for p in tmp_path.iterdir()] == []
