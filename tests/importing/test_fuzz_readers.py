"""Fuzzing every reader (CSV, xlsx, MS Project XML, GanttProject): whatever the bytes, a reader returns
a grid or a plan, or refuses with its one-line error; never another exception. Inputs are small and each
example has a deadline, so the bound on work is part of what is checked."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmo_desktop.importing.errors import ImportRefused
from pmo_desktop.importing.readers import read_file
from pmo_desktop.plans_io import PlanFileError, read_gan, read_mspdi
from tests.importing.xlsx_parts import workbook_bytes

FUZZ = settings(max_examples=50, deadline=timedelta(seconds=3),
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

GAN = ('<?xml version="1.0"?><project name="P"><tasks><task id="1" name="A" start="2026-01-05" duration="3">'
       '<depend id="2" type="2" difference="1"/></task><task id="2" name="B" start="2026-01-08" duration="2" '
       'meeting="false" complete="50"/></tasks><resources><resource id="0" name="Ann"/></resources><allocations>'
       '<allocation task-id="1" resource-id="0" load="100"/></allocations></project>')
MSPDI = ('<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>P</Name><Tasks>'
         '<Task><UID>1</UID><ID>1</ID><Name>A</Name><OutlineLevel>1</OutlineLevel><Start>2026-01-05T08:00:00</Start>'
         '<Finish>2026-01-07T17:00:00</Finish><Duration>PT24H0M0S</Duration></Task><Task><UID>2</UID><ID>2</ID>'
         '<Name>B</Name><OutlineLevel>2</OutlineLevel><PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1'
         '</Type><LinkLag>4800</LinkLag></PredecessorLink></Task></Tasks></Project>')
SHEET = ('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Code</t></is></c><c r="B1" t="inlineStr"><is><t>Name'
         '</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2"><v>12</v></c></row>'
         '</sheetData></worksheet>')
TOKENS = ["<", ">", "</", "/>", '"', "=", "&", "&a;", "<!DOCTYPE x [<!ENTITY a 'b'>]>", "999999999", "-1", "1e308",
          "<task id=\"9\">", "</task>", "<Task>", "<OutlineLevel>500</OutlineLevel>", "_x000D_", "\x00", "\u202e",
          "<row r=\"99999999\">", "<c r=\"ZZZZ1\"><v>1</v></c>", "<v>", "PT99999H", "type=\"4\"", "\n", "é"]

mutations = st.lists(st.tuples(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=20),
                               st.sampled_from(TOKENS) | st.text(max_size=12)), max_size=8)


def _mutate(text: str, edits) -> str:
    for position, cut, insert in edits:
        at = position % (len(text) + 1)
        text = text[:at] + insert + text[at + cut:]
    return text


def _reads_or_refuses(read, path, refusal) -> None:
    try:
        read(path)
    except refusal as exc:
        assert "\n" not in str(exc) and str(exc).strip()


@FUZZ
@given(data=st.binary(max_size=4096))
def test_csv_reader_on_any_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("csv") / "in.csv"
    path.write_bytes(data)
    _reads_or_refuses(read_file, path, ImportRefused)


@FUZZ
@given(text=st.text(st.sampled_from(list(',;\t|"\'\r\n =+-@abcé\x85\u2028')), max_size=2000), bom=st.sampled_from(
    ["", "\ufeff"]), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_csv_reader_on_any_text(tmp_path_factory, text, bom, encoding):
    path = tmp_path_factory.mktemp("csv") / "in.csv"
    path.write_bytes((bom + text).encode(encoding, errors="replace"))
    _reads_or_refuses(read_file, path, ImportRefused)


@FUZZ
@given(edits=mutations)
def test_xlsx_reader_on_mutated_sheets(tmp_path_factory, edits):
    path = tmp_path_factory.mktemp("xlsx") / "in.xlsx"
    path.write_bytes(workbook_bytes(_mutate(SHEET, edits)))
    _reads_or_refuses(read_file, path, ImportRefused)


@FUZZ
@given(data=st.binary(min_size=1, max_size=4096), keep=st.integers(min_value=0, max_value=2000))
def test_xlsx_reader_on_damaged_zips(tmp_path_factory, data, keep):
    path = tmp_path_factory.mktemp("xlsx") / "in.xlsx"
    whole = workbook_bytes(SHEET)
    path.write_bytes(whole[:keep] + data + whole[keep + len(data):])
    _reads_or_refuses(read_file, path, ImportRefused)


PLANS = {".gan": (GAN, read_gan), ".xml": (MSPDI, read_mspdi)}


@FUZZ
@given(edits=mutations, suffix=st.sampled_from(sorted(PLANS)))
def test_plan_readers_on_mutated_plans(tmp_path_factory, edits, suffix):
    seed, read = PLANS[suffix]
    path = tmp_path_factory.mktemp("plan") / f"in{suffix}"
    path.write_bytes(_mutate(seed, edits).encode("utf-8", errors="surrogatepass"))
    _reads_or_refuses(read, path, PlanFileError)


def test_the_unmutated_seeds_read(tmp_path):
    (tmp_path / "in.xlsx").write_bytes(workbook_bytes(SHEET))
    assert read_file(tmp_path / "in.xlsx").sheets[0].rows == [["Code", "Name"], ["P1", 12]]
    (tmp_path / "in.gan").write_text(GAN)
    assert [t.name for t in read_gan(tmp_path / "in.gan").tasks] == ["A", "B"]
    (tmp_path / "in.xml").write_text(MSPDI)
    plan = read_mspdi(tmp_path / "in.xml")
    assert [t.name for t in plan.tasks] == ["A", "B"] and len(plan.links) == 1
