"""Regression tests for problems found in review (hostile or unusual inputs)."""

from __future__ import annotations

import contextlib
import ipaddress
import json
from pathlib import Path

import pytest

import newsgraph
from newsgraph.cli.main import main
from newsgraph.errors import FetchError, InputError
from newsgraph.fetch import _refused, fetch
from newsgraph.stages.extract import normalise_date
from newsgraph.stages.extract.boilerplate import is_boilerplate_line
from newsgraph.stages.extract.layout import parse_byline
from tests.conftest import PAGES

PROSE = "<p>" + "The council met on Monday and agreed the budget for the harbour. " * 4 + "</p>"


def _page(head: str = "", body: str = PROSE * 2) -> str:
    return f"<html><head><title>T</title>{head}</head><body><article>{body}</article></body></html>"


def test_deeply_nested_json_ld_does_not_crash() -> None:
    script = '<script type="application/ld+json">' + "[" * 100_000 + "</script>"
    assert newsgraph.read(_page(script)).text


@pytest.mark.parametrize("label", ["base64", "rot13", "undefined", "hex"])
def test_non_text_charset_labels_are_ignored(label: str) -> None:
    page = _page(f'<meta charset="{label}">').encode("cp1252") + b"\xe9"
    with contextlib.suppress(InputError):
        newsgraph.read(page)


def test_impossible_dates() -> None:
    assert normalise_date("0999-01-01") is None
    assert normalise_date("2024-02-30") is None
    assert normalise_date("3 March 2024") == "2024-03-03"


def test_bad_published_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["analyze", str(PAGES / "scraped_copy.txt"), "--published", "garbage"])
    assert exit_info.value.code == 2
    assert "is not a date" in capsys.readouterr().err


def test_bad_published_in_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "a", "text": "Some text here.", "published": "0999-01-01"}))
    assert main(["analyze", "--jsonl", str(src)]) == 1
    assert "'published' must be a date" in capsys.readouterr().err


def test_malformed_url_is_one_line_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["analyze", str(PAGES / "scraped_copy.txt"), "http://[::1", "--format", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 1
    assert "http://[::1: is not a valid URL" in err and "Traceback" not in err


def test_overlong_path_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "a" * 5000]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 2 and "Traceback" not in err


@pytest.mark.parametrize(
    "heading", ["Florida towns hit by Hurricane Ian", "Backed By The Senate", "Stand By Me Tonight"]
)
def test_headlines_with_by_are_not_bylines(heading: str) -> None:
    assert parse_byline(heading) is None


@pytest.mark.parametrize(
    "line",
    [
        "Twitter to ban political ads.",
        "Facebook to pay a fine.",
        "Latest developments",
        "Top officials",
        "Posted to Kabul in 2001, he stayed.",
        "Published in 1998, the report was buried.",
        "Updated guidance",
        "Reddit on trial",
    ],
)
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_published_line_in_plain_text() -> None:
    art = newsgraph.read(
        "A headline about the harbour\n\nPublished: 3 March 2024\n\n"
        "The council met on Monday and agreed the budget for the harbour after a debate.\n\n"
        "It was a long night for every member of the council, who voted at two."
    )
    assert art.published == "2024-03-03"


@pytest.mark.parametrize(
    "addr",
    ["100.64.0.1", "fec0::1", "2002:7f00:1::", "::ffff:127.0.0.1", "169.254.169.254", "0.0.0.0"],
)
def test_non_public_addresses_are_refused(addr: str) -> None:
    # Checked on the address itself: a regression must not make the test connect anywhere.
    assert _refused(ipaddress.ip_address(addr))
    assert not _refused(ipaddress.ip_address("93.184.216.34"))


def test_decimal_loopback_host_is_refused() -> None:
    with pytest.raises(FetchError, match="refused"):
        fetch("http://2130706433/")


def test_out_to_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(PAGES / "scraped_copy.txt"), "--out", str(tmp_path)]) == 2
    assert "is a folder" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_failed_run_keeps_an_existing_output(tmp_path: Path) -> None:
    target = tmp_path / "keep.json"
    target.write_text("earlier results")
    assert main(["analyze", str(PAGES / "empty.html"), "--out", str(target)]) == 1
    assert target.read_text() == "earlier results"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.json"]


def test_html_string_with_a_byte_order_mark() -> None:
    art = newsgraph.read("\ufeff" + _page())
    assert not art.text.startswith("<")


def test_device_files_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "/dev/null"]) == 1
    assert "/dev/null: is not a regular file" in capsys.readouterr().err
