"""``ai-impact analyze`` and ``compare`` in-process: formats, exit codes, messages."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ai_impact.cli.app import _register, app
from ai_impact.db import KnowledgeBase
from ai_impact.settings import Settings

_register()
runner = CliRunner()


def _env(settings: Settings) -> dict[str, str]:
    return {"AI_IMPACT_CACHE_DIR": str(settings.cache_dir)}


def test_analyze_markdown(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["analyze", "41-9041.00"], env=_env(settings))
    assert res.exit_code == 0, res.output
    assert res.output.startswith("# AI impact on Telemarketers")
    assert "## Method and sources" in res.output


def test_analyze_json_has_the_contract(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["analyze", "47-2181", "--format", "json"], env=_env(settings))
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["occupation"]["code"] == "47-2181.00"
    assert d["risk"]["category"] in {"very low", "low"}
    assert {"tasks_at_risk", "safe_tasks", "ai_tools", "salary", "outlook", "sources"} <= set(d)


def test_analyze_unknown_code_exits_4(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["analyze", "99-9999.99"], env=_env(settings))
    assert res.exit_code == 4
    assert "99-9999.99" in res.output


def test_compare_table(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["compare", "47-2181.00", "41-9041.00"], env=_env(settings))
    assert res.exit_code == 0, res.output
    assert "| Roofers | 47-2181.00 |" in res.output
    assert "| Telemarketers | 41-9041.00 |" in res.output


def test_compare_needs_two(kb: KnowledgeBase, settings: Settings) -> None:
    res = runner.invoke(app, ["compare", "47-2181.00"], env=_env(settings))
    assert res.exit_code == 2
