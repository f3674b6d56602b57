"""JSON Schemas of the API's answers, and the finishing of the OpenAPI document.

The routes answer bytes made by the library's serializers (``report_to_dict`` and friends), so
FastAPI cannot see their shape. The schemas here are generated from the same frozen dataclasses
those serializers read, plus the few keys the serializers compose themselves (``occupation``,
``risk``, ``how_ai_changes``, ``description``…); a test checks real answers against them.
:func:`finish_openapi` puts them in ``components/schemas`` and hoists every nested ``$defs``
block there too, so each ``$ref`` of the document resolves from its root. Fields whose unit is
not obvious say it (:data:`UNITS`: the occupation table counts openings in people, the report's
outlook in thousands, as BLS publishes them).
"""

from __future__ import annotations

import copy
import functools
from typing import Any, Literal

from pydantic import TypeAdapter

from ai_impact.reports import model
from ai_impact.reports.description_match import OccupationMatch
from ai_impact.reports.service import IndustrySummary, OccupationRow
from ai_impact.titles.resolver import Resolution
from ai_impact.web.suggest import Suggestion
from ai_impact.workforce.roster import MAX_LABEL_CHARS, MAX_TITLE_CHARS

__all__ = ["REF", "finish_openapi", "json_response", "ref"]

REF = "#/components/schemas/{model}"
_PREFIX = REF.split("{", 1)[0]

# Dataclasses whose ``asdict`` is a part of some answer, by the name they take in the document.
_DATACLASSES: tuple[tuple[str, Any], ...] = (
    ("Resolution", Resolution),
    ("Suggestion", Suggestion),
    ("OccupationRow", OccupationRow),
    ("IndustrySummary", IndustrySummary),
    ("OccupationMatch", OccupationMatch),
    ("RiskComponent", model.RiskComponent),
    ("ExposureBreakdown", model.ExposureBreakdown),
    ("TaskAtRisk", model.TaskAtRisk),
    ("SafeTask", model.SafeTask),
    ("DisputedTask", model.DisputedTask),
    ("ToolEntry", model.ToolEntry),
    ("Salary", model.Salary),
    ("Outlook", model.Outlook),
    ("AdaptationItem", model.AdaptationItem),
    ("CertificationEntry", model.CertificationEntry),
    ("RelatedEntry", model.RelatedEntry),
    ("MethodNote", model.MethodNote),
    ("SourceRef", model.SourceRef),
    ("Section", model.Section),
)


# The unit of each figure a reader could take for another, by schema and field. The table's
# openings are in people; the report's outlook keeps BLS's thousands (both are contracts).
UNITS: dict[str, dict[str, str]] = {
    "OccupationRow": {
        "median_annual": "Median annual pay, US dollars a year (OEWS, national).",
        "employment_change_pct": "Projected employment change 2024–34, in percent.",
        "openings_annual": "Projected openings a year 2024–34, in people (23400 = 23,400 a "
        "year); the report's `outlook.openings_annual` gives the same figure in thousands.",
        "hourly_median": "Median hourly pay, US dollars an hour (OEWS, national); the pay shown "
        "where BLS publishes only hourly wages and `median_annual` is null.",
        "pay_group": "The SOC group whose OEWS pay this is, when it covers other O*NET "
        "occupations too (the pages mark it †); null for the occupation's own pay.",
        "projection_group": "The SOC group whose BLS projection `employment_change_pct` is, "
        "when it covers other O*NET occupations too (the pages mark it ‡); null for the "
        "occupation's own projection.",
    },
    "Outlook": {
        "employment_2024": "Employment in 2024, in thousands of jobs (245.9 = 245,900).",
        "employment_2034": "Projected employment in 2034, in thousands of jobs.",
        "employment_change_num": "Projected change 2024–34, in thousands of jobs.",
        "employment_change_pct": "Projected change 2024–34, in percent.",
        "all_occupations_change_pct": "BLS's projected change 2024–34 of all occupations "
        "together, in percent: the average the outlook sentence compares with.",
        "openings_annual": "Projected openings a year 2024–34, in thousands (23.4 = 23,400 a "
        "year), as BLS publishes them; `/api/v1/occupations` gives the same figure in people.",
    },
    "Salary": {"employment": "OEWS employment in the area, in jobs (not thousands)."},
    "RelatedEntry": {
        "median_annual": "Median annual pay, US dollars a year (OEWS, national).",
        "hourly_median": "Median hourly pay, US dollars an hour (OEWS, national); the pay shown "
        "where BLS publishes only hourly wages and `median_annual` is null.",
    },
    "IndustrySummary": {
        "employment": "OEWS national employment of the industry's occupations, in jobs."
    },
}


def ref(name: str) -> dict[str, str]:
    """A reference to a schema of ``components/schemas``."""
    return {"$ref": REF.format(model=name)}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _object(props: dict[str, Any], *, title: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"type": "object", "properties": props, "required": list(props)}
    return {"title": title, **out} if title else out


_STR, _NUM, _INT = {"type": "string"}, {"type": "number"}, {"type": "integer"}
_STRS = _array(_STR)


def _report_properties() -> dict[str, Any]:
    """The keys of ``report_to_dict`` (reports/serialize.py), in its order."""
    return {
        "schema_version": _STR,
        "occupation": _object(
            {
                "code": _STR,
                "soc": _STR,
                "title": _STR,
                "description": _STR,
                "job_zone": _nullable(_INT),
                "resolved_from": _nullable(_STR),
                "rests_on": _STRS,
                "rests_on_note": _nullable(_STR),
                "match": _nullable(
                    _object(
                        {
                            "confidence": _NUM,
                            "best_guess": {"type": "boolean"},
                            "alternatives": _array(
                                _object(
                                    {"code": _STR, "soc": _STR, "title": _STR, "confidence": _NUM}
                                )
                            ),
                        }
                    )
                ),
            }
        ),
        "industry": _STR,
        "industry_slug": _STR,
        "risk": _object(
            {
                "score": _NUM,
                "category": _STR,
                "category_range": _array(_NUM),
                "range": _array(_NUM),
                "components": _array(ref("RiskComponent")),
            }
        ),
        "exposure": _NUM,
        "exposure_detail": ref("ExposureBreakdown"),
        "overview": _STRS,
        "how_ai_changes": _object(
            {
                "adoption_pct": _nullable(_NUM),
                "adoption_sector": _nullable(_STR),
                "adoption_period": _nullable(_STR),
                "demand_change_pct": _nullable(_NUM),
                "sentences": _STRS,
            }
        ),
        "tasks_at_risk": _array(ref("TaskAtRisk")),
        "safe_tasks": _array(ref("SafeTask")),
        "disputed_tasks": _array(ref("DisputedTask")),
        "ai_tools": _array(ref("ToolEntry")),
        "salary": _nullable(ref("Salary")),
        "outlook": _nullable(ref("Outlook")),
        "adaptation": _array(ref("AdaptationItem")),
        "certifications": _array(ref("CertificationEntry")),
        "related": _array(ref("RelatedEntry")),
        "method": ref("MethodNote"),
        "sources": _array(ref("SourceRef")),
        "gaps": _array(ref("Section")),
    }


def _composed() -> dict[str, dict[str, Any]]:
    """The answers the serializers put together from the dataclasses."""
    report = _object(_report_properties(), title="OccupationReport")
    report["description"] = "The analysis of one occupation (docs/json-api.md)."
    described = _object(
        {
            **_report_properties(),
            "description": _object(
                {
                    "statements": _STRS,
                    "dropped_lines": _INT,
                    "not_scored": _array(_object({"text": _STR, "kind": _STR})),
                    "title": _nullable(_STR),
                    "candidates": _array(ref("OccupationMatch")),
                }
            ),
        },
        title="DescribedReport",
    )
    table = _object({"count": _INT, "occupations": _array(ref("OccupationRow"))})
    workforce = {
        "title": "WorkforceDocument",
        "description": "The document of `ai-impact workforce --format json` (schema "
        '"ai-impact/workforce@1"; every key in docs/workforce.md).',
        "type": "object",
        "properties": {
            "schema": {"const": "ai-impact/workforce@1"},
            "hours_per_year": _INT,
            "summary": {"type": "object"},
            "by_category": _array({"type": "object"}),
            "top_roles": _array(_INT),
            "by_team": _array({"type": "object"}),
            "roles": _array({"type": "object"}),
            "needs_review": _array(_INT),
            "notes": _STRS,
            "columns": {"type": "object", "additionalProperties": _STR},
            "method": _STRS,
            "sources": _array({"type": "object"}),
        },
        "required": ["schema", "hours_per_year", "summary", "roles", "notes"],
    }
    health = _object({"ok": {"const": True}, "version": _STR}, title="Health")
    health["description"] = "The server is up (the knowledge base is not touched)."
    error = _object({"ok": {"const": False}, "error": _STR, "status": _INT}, title="ErrorBody")
    error["description"] = "The one error shape of the API: what happened and what to do."
    return {
        "ErrorBody": error,
        "Health": health,
        "OccupationReport": report,
        "DescribedReport": described,
        "OccupationTable": {"title": "OccupationTable", **table},
        "IndustryList": _object(
            {"industries": _array(ref("IndustrySummary"))}, title="IndustryList"
        ),
        "IndustryDetail": _object(
            {"industry": ref("IndustrySummary"), **table["properties"]}, title="IndustryDetail"
        ),
        "WorkforceDocument": workforce,
        "Suggestions": _object(
            {"query": _STR, "candidates": _array(ref("Suggestion"))}, title="Suggestions"
        ),
    }


@functools.cache
def components() -> dict[str, dict[str, Any]]:
    """Every schema the answers refer to, by name."""
    mode: Literal["serialization"] = "serialization"
    adapters = [(name, mode, TypeAdapter(tp)) for name, tp in _DATACLASSES]
    top, defs = TypeAdapter.json_schemas(adapters, ref_template=REF)
    out: dict[str, dict[str, Any]] = dict(defs.get("$defs", {}))
    for (name, _), schema in top.items():
        if "$ref" not in schema:
            out[name] = schema
    # Keys a serializer adds to a dataclass's fields (a property, a derived share).
    out["RiskComponent"]["properties"]["points"] = {"type": "number", "title": "Points"}
    out["ExposureBreakdown"]["properties"]["exposed_share"] = {
        "type": "number",
        "title": "Exposed Share",
    }
    for name, fields in UNITS.items():
        for field, text in fields.items():
            out[name]["properties"][field]["description"] = text
    out.update(_composed())
    return out


def json_response(name: str, description: str) -> dict[int | str, dict[str, Any]]:
    """The ``responses`` entry of a route whose 200 answer is the schema ``name``."""
    return {
        200: {"description": description, "content": {"application/json": {"schema": ref(name)}}}
    }


def _hoist(node: Any, found: dict[str, Any]) -> Any:
    """``node`` without nested ``$defs`` (collected in ``found``), every ref made absolute."""
    if isinstance(node, list):
        return [_hoist(x, found) for x in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "$defs" and isinstance(value, dict):
            for name, schema in value.items():
                found[name] = _hoist(schema, found)
        elif key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/"):
            out[key] = _PREFIX + value.removeprefix("#/$defs/")
        else:
            out[key] = _hoist(value, found)
    return out


def finish_openapi(spec: dict[str, Any]) -> dict[str, Any]:
    """The document with the answer schemas and every ``$defs`` block in components/schemas.

    A nested ``$defs`` resolves against the document root, where it does not exist; two
    different schemas under one name would make one of the refs wrong, so that is refused.
    """
    found: dict[str, Any] = {}
    paths = _hoist(spec.get("paths", {}), found)
    schemas: dict[str, Any] = spec.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(_hoist(schemas, found))
    for name, schema in [*copy.deepcopy(components()).items(), *found.items()]:
        if name in schemas and schemas[name] != schema:
            raise RuntimeError(f"Two different OpenAPI schemas are named {name!r}.")
        schemas[name] = schema
    _limit_roster_rows(schemas)
    spec.setdefault("components", {}).setdefault("responses", {}).update(_SHARED_RESPONSES)
    spec["paths"] = paths
    return spec


# Answers any path may give, whatever its operations: declared once, in components/responses.
_SHARED_RESPONSES: dict[str, Any] = {
    "MethodNotAllowed": {
        "description": "405: the path does not take this method. `Allow` lists the methods "
        "it takes; HEAD works wherever GET does.",
        "headers": {"Allow": {"schema": _STR, "description": "The methods the path takes"}},
        "content": {"application/json": {"schema": ref("ErrorBody")}},
    },
}


def _limit_roster_rows(schemas: dict[str, Any]) -> None:
    """The lengths the roster rules allow (workforce.roster), on the JSON roster's row schema."""
    row = schemas.get("RowIn", {}).get("properties", {})
    for field, limit in (
        ("title", MAX_TITLE_CHARS),
        ("team", MAX_LABEL_CHARS),
        ("location", MAX_LABEL_CHARS),
    ):
        if field not in row:
            continue
        for option in row[field].get("anyOf", [row[field]]):
            if option.get("type") == "string":
                option["maxLength"] = limit
