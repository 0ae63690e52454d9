"""`newsgraph analyze`: outputs, and one clear line per bad input while the run goes on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.cli.main import main
from tests.conftest import PAGES
from tests.servers import serve


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["analyze", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_one_page_prints_a_json_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(PAGES / "scraped_copy.txt"))
    assert code == 0, err
    doc = json.loads(out)
    assert doc["format"] == "newsgraph/1"
    assert doc["article"]["title"].startswith("Norland")
    assert doc["source"]["path"].endswith("scraped_copy.txt")


def test_folder_gives_jsonl_and_text_brief(
    capsys: pytest.CaptureFixture[str], examples: Path
) -> None:
    code, out, _ = run(capsys, str(examples))
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) == 3
    code, out, _ = run(capsys, str(examples / "harbour-analysis.html"), "--format", "text")
    assert code == 0
    assert "Authors:   Helena Varga (Security Editor)" in out
    assert "(by Marcus Oyelaran)" in out


def test_out_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out.jsonl"
    code, out, _ = run(
        capsys, str(PAGES / "scraped_copy.txt"), "--format", "jsonl", "--out", str(target)
    )
    assert code == 0 and out == ""
    assert json.loads(target.read_text())["article"]["authors"][0]["name"] == "Karin Solberg"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]  # no temporary file left


def test_jsonl_input_keeps_id_and_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "  The council met on Monday.\n\nIt agreed the harbour budget after a long debate.  "
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "doc-7", "text": text, "title": "Budget", "published": "2024-05-01"})
        + "\n"
        + "not json\n"
        + json.dumps({"id": "doc-8"})
        + "\n"
    )
    code, out, err = run(capsys, "--jsonl", str(src), "--format", "jsonl")
    assert code == 1
    doc = json.loads(out)
    assert doc["id"] == "doc-7"
    assert doc["article"]["text"] == text
    assert doc["article"]["published"] == "2024-05-01"
    lines = err.strip().splitlines()
    assert f"{src}:2: is not valid JSON" in lines[0]
    assert f"{src}:3: has no 'text'" in lines[1]


BAD_INPUTS = [
    ("missing", lambda tmp: str(tmp / "nope.html"), "no such file or folder"),
    ("empty folder", lambda tmp: str(tmp), "is a folder with no pages in it"),
    ("binary", lambda tmp: str(PAGES / "binary.bin"), "is a PNG image"),
    ("empty page", lambda tmp: str(PAGES / "empty.html"), "is empty"),
    ("no article", lambda tmp: str(PAGES / "no_article.html"), "no article text was found"),
]


@pytest.mark.parametrize(("case", "make", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_gives_one_line_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str, make: object, reason: str
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    bad = make(folder)  # type: ignore[operator]
    code, out, err = run(capsys, bad, str(PAGES / "scraped_copy.txt"), "--format", "jsonl")
    assert code == 1
    assert len(out.splitlines()) == 1, "the good input is still analysed"
    errors = [line for line in err.splitlines() if line.startswith("newsgraph: error:")]
    assert len(errors) == 1
    assert errors[0].startswith(f"newsgraph: error: {bad}: ")
    assert reason in errors[0]
    assert "Traceback" not in err


def test_undecodable_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "garbled.txt"
    bad.write_bytes(bytes(range(1, 9)) * 64 + bytes(range(0x80, 0x100)) * 8)
    code, _, err = run(capsys, str(bad))
    assert code == 1
    assert f"newsgraph: error: {bad}: cannot be decoded as text" in err


def test_url_that_fails(capsys: pytest.CaptureFixture[str]) -> None:
    with serve({"/missing": (404, b"gone")}) as base:
        code, _, err = run(capsys, base + "/missing", "--allow-private")
        assert code == 1
        assert f"newsgraph: error: {base}/missing: the server answered HTTP 404" in err
        code, _, err = run(capsys, base + "/missing")
        assert code == 1
        assert "refused" in err and "--allow-private" in err


def test_url_is_fetched_with_final_url_and_status(capsys: pytest.CaptureFixture[str]) -> None:
    page = (PAGES / "article.html.gz").read_bytes()
    routes = {"/old": (301, b"", {"Location": "/story"}), "/story": (200, page)}
    with serve(routes) as base:
        code, out, err = run(capsys, base + "/old", "--allow-private")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["source"]["url"] == base + "/old"
    assert doc["source"]["final_url"] == base + "/story"
    assert doc["source"]["status"] == 200


def test_nothing_to_do_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys)
    assert code == 2 and "nothing to analyse" in err


def test_unknown_stage_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, str(PAGES / "scraped_copy.txt"), "--pipeline", "extract.v1,nope.v9")
    assert code == 2 and "unknown stage 'nope.v9'" in err


def test_stdin_and_the_installed_command() -> None:
    data = (PAGES / "scraped_copy.txt").read_bytes()
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph.cli.main", "analyze", "-", "--format", "text"],
        input=data,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert b"Karin Solberg (Economics Editor)" in proc.stdout


def test_text_brief_lists_actors_with_codes_and_mention_counts(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "story.txt"
    page.write_text(
        "Norland talks stall\n\nThe Kremlin said on Monday that talks had stalled. "
        "Kenyan police arrested two men. The Kremlin gave no details.\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, str(page), "--format", "text")
    assert code == 0, err
    actors = out.split("Actors", 1)[1]
    assert "RUSGOV" in actors and "Kremlin" in actors and "2 mentions" in actors
    assert "KENCOP" in actors


def test_actors_option_reads_dictionaries_and_reports_bad_ones(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    page = tmp_path / "story.txt"
    page.write_text(
        "Valden visit\n\nOrso Valden arrived in the capital on Monday for two days of talks "
        "with the ministers of the region, who had waited a long time for the visit.\n",
        "utf-8",
    )
    good = tmp_path / "Norland.actors.txt"
    good.write_text("ORSO_VALDEN_\n    [NRLGOV]\n", encoding="utf-8")
    code, out, err = run(capsys, str(page), "--actors", str(good))
    assert code == 0, err
    codes = {e["name"]: e["code"] for e in json.loads(out)["entities"]}
    assert codes.get("Orso Valden") == "NRLGOV"

    bad = tmp_path / "notes.txt"
    bad.write_text("nothing here\n", encoding="utf-8")
    code, out, err = run(capsys, str(page), "--actors", str(bad))
    assert code == 2 and out == ""
    assert err.strip().count("\n") == 0 and "notes.txt" in err and "Traceback" not in err

    code, _, err = run(capsys, str(page), "--actors", str(good), "--pipeline", "extract.v1")
    assert code == 2 and "actors stage" in err
