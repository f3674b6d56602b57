"""QA10 #4, #5, #8: what reaches the CLI's edges — control characters and bytes that are not
UTF-8 in what people type, an output encoding that cannot write β, bad options and a bad
``serve --host`` — gives a clean page or one line ``error: ...``, never a traceback."""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ai_impact import api
from ai_impact.cli import serve_cmd
from ai_impact.cli.app import _register, app, utf8_streams
from ai_impact.db import KnowledgeBase
from ai_impact.errors import InputError
from ai_impact.render.markdown import md_text
from ai_impact.settings import Settings

_register()
runner = CliRunner()
HOSTILE = "nurse\x1b]0;pwned\x07"  # OSC 0: a terminal would retitle its window
SHOWN = "nurse]0;pwned"
CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0E, 0x20), *range(0x7F, 0xA0))]


def _env(settings: Settings) -> dict[str, str]:
    return {"AI_IMPACT_CACHE_DIR": str(settings.cache_dir)}


def _no_controls(text: str) -> bool:
    return not any(c in text for c in CONTROLS if c not in "\x1c\x1d\x1e\x1f\x85")


# -- usage errors: one line ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "start", "command"),
    [
        (
            ["analyze", "-f", "pdf", "nurse"],
            "Invalid value for '--format' / '-f': 'pdf'",
            "analyze",
        ),
        (["resolve", "nurse", "--top", "0"], "Invalid value for '--top'", "resolve"),
        (["workforce", "-", "--top", "0"], "Invalid value for '--top'", "workforce"),
        (["compare"], "Missing argument", "compare"),
        (["analyze", "--bogus"], "No such option: --bogus", "analyze"),
        (["bogus"], "No such command 'bogus'", ""),
        (
            ["data", "info", "--format", "x"],
            "Invalid value for '--format' / '-f': 'x'",
            "data info",
        ),
        # an option without its value: click raises it without the command's context
        (["analyze", "15-2051", "-f"], "Option '-f' requires an argument.", "analyze"),
        (["resolve", "--batch"], "Option '--batch' requires an argument.", "resolve"),
        (["data", "build", "--db"], "Option '--db' requires an argument.", "data build"),
    ],
)
def test_usage_errors_are_one_line_with_the_help_to_read(
    args: list[str], start: str, command: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith(f"error: {start}")
    assert result.stderr.rstrip().endswith(
        f"Try 'ai-impact {command + ' ' if command else ''}--help' for help."
    )
    assert "╭" not in result.stderr and "Value error," not in result.stderr


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["resolve", "nurse", "--top", "0"],
            "error: Invalid value for '--top': Input should be greater than or equal to 1 "
            "(got '0'). Try 'ai-impact resolve --help' for help.\n",
        ),
        (
            ["resolve", "nurse", "--top", "abc"],
            "error: Invalid value for '--top': Input should be a valid integer, unable to "
            "parse string as an integer (got 'abc'). Try 'ai-impact resolve --help' for help.\n",
        ),
        (
            ["workforce", "-", "--min-confidence", "2"],
            "error: Invalid value for '--min-confidence': Input should be less than or equal "
            "to 1 (got '2'). Try 'ai-impact workforce --help' for help.\n",
        ),
        (
            ["analyze", "nurse", "-f", "pdf"],  # the message shows the value already: once
            "error: Invalid value for '--format' / '-f': 'pdf' is not one of 'md', 'json', "
            "'html'. Try 'ai-impact analyze --help' for help.\n",
        ),
    ],
)
def test_a_value_out_of_range_is_named_in_the_line(args: list[str], line: str) -> None:
    result = runner.invoke(app, args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", line)


def test_a_long_refused_value_is_shortened_in_the_line() -> None:
    result = runner.invoke(app, ["resolve", "nurse", "--top", "9" * 60])
    assert result.exit_code == 2
    assert f"(got '{'9' * 40}…')." in result.stderr and "9" * 41 not in result.stderr


def test_help_and_version_are_untouched() -> None:
    assert runner.invoke(app, ["--version"]).stdout.startswith("ai-impact ")
    helped = runner.invoke(app, ["analyze", "--help"])
    assert helped.exit_code == 0 and "Usage: ai-impact analyze" in helped.stdout


# -- serve: the address is checked before anything is printed ------------------------------------


@pytest.fixture()
def no_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test rather than serve, and skip loading the knowledge base."""
    import ai_impact.web.server

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("the server was started")

    monkeypatch.setattr(ai_impact.web.server, "run", refuse)
    monkeypatch.setattr(api, "industries", lambda **_: [])


@pytest.mark.parametrize(
    ("host", "message"),
    [
        ("bad!!", "error: --host 'bad!!' is not an IP address or a host name."),
        ("", "error: --host '' is not an IP address or a host name."),
        ("-x.example", "error: --host '-x.example' is not an IP address or a host name."),
        ("256.1.1.1", "error: --host '256.1.1.1' "),
    ],
)
@pytest.mark.usefixtures("no_server")
def test_serve_refuses_a_bad_host_before_printing_a_url(host: str, message: str) -> None:
    result = runner.invoke(app, ["serve", "--host", host, "--port", "1"])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert "serving at" not in result.output and "Loading" not in result.output


@pytest.mark.usefixtures("no_server")
def test_serve_refuses_a_port_in_use() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = runner.invoke(app, ["serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: Cannot listen on 127.0.0.1 port {port}: Address already in use. "
        "Choose another --port, or stop the server using it.\n"
    )
    assert "serving at" not in result.output


def test_a_good_address_passes_the_check() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert serve_cmd.check_address("127.0.0.1", port) == "127.0.0.1"
    assert serve_cmd.check_address("localhost", port) == "localhost"
    with pytest.raises(InputError, match="not an IP address or a host name"):
        serve_cmd.check_address("a b", port)


# -- UTF-8 whatever the locale -------------------------------------------------------------------


def test_utf8_streams_writes_utf8_and_never_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    out = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    err = io.TextIOWrapper(io.BytesIO(), encoding="ascii")
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    utf8_streams()
    out.write("β “x” \udcff")
    out.flush()
    err.write("≥")
    err.flush()
    assert out.buffer.getvalue().decode("utf-8") == "β “x” ?"  # type: ignore[attr-defined]
    assert err.buffer.getvalue().decode("utf-8") == "≥"  # type: ignore[attr-defined]


def _cli(args: list[str | bytes], settings: Settings, **env: str) -> subprocess.CompletedProcess:
    """The real console entry point in a child process (its own streams and locale)."""
    environ = {**os.environ, "AI_IMPACT_CACHE_DIR": str(settings.cache_dir), **env}
    code = "import sys; from ai_impact.cli.app import main; sys.argv[0] = 'ai-impact'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, env=environ, timeout=300
    )


@pytest.mark.slow
def test_every_command_writes_utf8_under_a_cp1252_locale(
    kb: KnowledgeBase, settings: Settings, tmp_path: Path
) -> None:
    """QA10: `PYTHONIOENCODING=cp1252 ai-impact analyze nurse > x.md` ended in a traceback."""
    titles = tmp_path / "titles.txt"
    titles.write_text("Registered Nurse\nBarista\n", encoding="utf-8")
    roster = tmp_path / "roster.csv"
    roster.write_text("title,headcount\nRegistered Nurse,3\n", encoding="utf-8")
    tasks = tmp_path / "tasks.txt"
    tasks.write_text("Prepare monthly sales reports for the team.\n", encoding="utf-8")
    runs: list[tuple[list[str | bytes], str]] = [
        (["analyze", "29-1141.00"], "β"),
        (["analyze", "29-1141.00", "-f", "json"], "β"),
        (["analyze", "29-1141.00", "-f", "html"], "β"),
        (["compare", "29-1141.00", "35-3023.01"], "β"),
        (["resolve", "--batch", str(titles), "--format", "json"], "Registered Nurse"),
        (["workforce", str(roster), "-f", "json", "--no-reskilling"], "Registered Nurse"),
        (["score-tasks", "--batch", str(tasks), "--format", "jsonl"], "Prepare"),
    ]
    for args, expected in runs:
        done = _cli(args, settings, PYTHONIOENCODING="cp1252")
        assert done.returncode == 0, (args, done.stderr.decode("utf-8", "replace")[-2000:])
        assert b"Traceback" not in done.stderr
        assert expected in done.stdout.decode("utf-8"), args


@pytest.mark.slow
def test_a_non_utf8_byte_in_an_argument_is_replaced(kb: KnowledgeBase, settings: Settings) -> None:
    """QA10: `ai-impact score-tasks $'Write reports for \\xffclients.'` crashed (surrogates)."""
    done = _cli(["score-tasks", b"Write reports for \xffclients."], settings)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")[-2000:]
    assert "Write reports for \ufffdclients." in done.stdout.decode("utf-8")
    in_process = runner.invoke(
        app, ["score-tasks", "--format", "jsonl", "Write reports for \udcffclients."]
    )
    assert in_process.exit_code == 0, in_process.output
    assert json.loads(in_process.stdout)["task"] == "Write reports for \ufffdclients."


# -- control characters typed in a title ---------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["md", "json", "html"])
def test_control_characters_in_a_title_never_reach_the_output(
    kb: KnowledgeBase, settings: Settings, fmt: str
) -> None:
    result = runner.invoke(app, ["analyze", HOSTILE, "-f", fmt], env=_env(settings))
    assert result.exit_code == 0, result.output
    assert _no_controls(result.stdout.replace("\n", ""))
    assert "\\u001b" not in result.stdout and "\\u0007" not in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["occupation"]["resolved_from"] == SHOWN
    else:
        assert (md_text(SHOWN) if fmt == "md" else SHOWN) in result.stdout


@pytest.mark.slow
def test_control_characters_in_batch_files_and_rosters_are_dropped(
    kb: KnowledgeBase, settings: Settings, tmp_path: Path
) -> None:
    batch = tmp_path / "titles.txt"
    batch.write_text(f"{HOSTILE}\nBarista\x9b2J\n", encoding="utf-8")
    result = runner.invoke(app, ["resolve", "--batch", str(batch)], env=_env(settings))
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["input"] for line in result.stdout.splitlines()] == [
        SHOWN,
        "Barista2J",
    ]
    one = runner.invoke(app, ["resolve", "Barista\x9b"], env=_env(settings))
    assert one.exit_code == 0 and "\x9b" not in one.stdout and "'Barista'" in one.stdout
    roster = tmp_path / "roster.csv"
    roster.write_text(f"title,headcount\n{HOSTILE},3\n", encoding="utf-8")
    team = runner.invoke(
        app, ["workforce", str(roster), "-f", "json", "--no-reskilling"], env=_env(settings)
    )
    assert team.exit_code == 0, team.output
    assert "\\u001b" not in team.stdout and SHOWN in team.stdout


def test_a_title_over_the_webs_limit_is_refused(tmp_path: Path) -> None:
    """QA10: `analyze -d JD --title <300 characters>` was accepted; the web takes 200."""
    jd = tmp_path / "jd.txt"
    jd.write_text("Prepare invoices for clients.\nReconcile vendor statements.\n")
    result = runner.invoke(app, ["analyze", "-d", str(jd), "--title", "x" * 300])
    assert result.exit_code == 2
    assert result.stderr == (
        "error: The title is longer than 200 characters (it has 300). Give the job title alone.\n"
    )


@pytest.mark.parametrize("area", ["", "  "])
def test_an_empty_area_is_refused_not_read_as_national(settings: Settings, area: str) -> None:
    """``--area "$STATE"`` with the variable unset must not quietly give US pay."""
    result = runner.invoke(app, ["analyze", "Registered Nurse", "--area", area], env=_env(settings))
    assert result.exit_code == 2
    assert "--area is empty" in result.output
    assert "Traceback" not in result.output
