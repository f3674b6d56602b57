"""The OpenAPI document: every $ref resolves from the root, and the answers match their schemas.

No JSON Schema library is a dependency, so ``_check`` is a small validator of the keywords the
document uses ($ref, type, anyOf, const, properties, required, items, prefixItems,
additionalProperties). It is strict about keys: an answer key the schema does not describe
fails, so the document cannot silently fall behind the serializers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

import web_fakes as fake
from ai_impact.db import KnowledgeBase
from ai_impact.settings import Settings
from ai_impact.web.app import create_app
from ai_impact.web.media import ACCEPTED
from ai_impact.web.schemas import finish_openapi
from ai_impact.workforce import library
from test_workforce_analysis import ROSTER, FakeLibrary

DS = "15-2051.00"


@pytest.fixture()
def client(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestClient]:
    fake.install(monkeypatch)
    monkeypatch.setattr(library, "FacadeLibrary", lambda settings=None: FakeLibrary())
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def _resolve(spec: dict[str, Any], ref: str) -> Any:
    """A JSON pointer of the document (RFC 6901), from its root."""
    assert ref.startswith("#/"), ref
    node: Any = spec
    for part in ref[2:].split("/"):
        key = part.replace("~1", "/").replace("~0", "~")
        assert isinstance(node, dict) and key in node, f"{ref} does not resolve at {key!r}"
        node = node[key]
    return node


_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def _is(value: Any, kind: str) -> bool:
    if isinstance(value, bool) and kind in ("integer", "number"):
        return False
    return isinstance(value, _TYPES[kind])


def _check(spec: dict[str, Any], schema: dict[str, Any], value: Any, where: str = "$") -> None:
    """Assert that ``value`` matches ``schema`` (the keywords the document uses)."""
    if "$ref" in schema:
        _check(spec, _resolve(spec, schema["$ref"]), value, where)
        return
    if "anyOf" in schema:
        errors = []
        for option in schema["anyOf"]:
            try:
                _check(spec, option, value, where)
                return
            except AssertionError as exc:
                errors.append(str(exc))
        raise AssertionError(f"{where}: matches no option: {errors}")
    if "const" in schema:
        assert value == schema["const"], f"{where}: {value!r} is not {schema['const']!r}"
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        assert any(_is(value, k) for k in kinds), f"{where}: {value!r} is not {kinds}"
    if isinstance(value, dict) and "properties" in schema:
        props = schema["properties"]
        for key in schema.get("required", []):
            assert key in value, f"{where}: {key!r} is missing"
        extra = schema.get("additionalProperties")
        for key, item in value.items():
            if key in props:
                _check(spec, props[key], item, f"{where}.{key}")
            elif isinstance(extra, dict):
                _check(spec, extra, item, f"{where}.{key}")
            else:
                raise AssertionError(f"{where}: key {key!r} is not in the schema")
    if isinstance(value, list):
        prefix = schema.get("prefixItems", [])
        for i, item in enumerate(value):
            sub = prefix[i] if i < len(prefix) else schema.get("items")
            if sub is not None:
                _check(spec, sub, item, f"{where}[{i}]")


def _answer_schema(spec: dict[str, Any], path: str, method: str = "get") -> dict[str, Any]:
    schema: dict[str, Any] = spec["paths"][path][method]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    return schema


def test_every_ref_resolves_from_the_root(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    refs = set(_refs(spec))
    assert "#/components/schemas/RowIn" in refs  # the roster rows of the JSON body
    for ref in refs:
        _resolve(spec, ref)
    assert "$defs" not in str(spec)  # every block hoisted into components/schemas


def test_nested_defs_are_hoisted_and_a_clash_is_refused() -> None:
    spec = {
        "paths": {"/x": {"schema": {"$defs": {"A": {"type": "string"}}, "$ref": "#/$defs/A"}}},
        "components": {"schemas": {}},
    }
    done = finish_openapi(spec)
    assert done["paths"]["/x"]["schema"] == {"$ref": "#/components/schemas/A"}
    assert done["components"]["schemas"]["A"] == {"type": "string"}
    clash = {
        "paths": {"/x": {"$defs": {"ErrorBody": {"type": "string"}}}},
        "components": {"schemas": {}},
    }
    with pytest.raises(RuntimeError, match="ErrorBody"):
        finish_openapi(clash)


def test_the_workforce_body_lists_every_documented_form(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    content = spec["paths"]["/api/v1/workforce"]["post"]["requestBody"]["content"]
    # every type the server reads (web.media.ACCEPTED: the 415's message and Accept header)
    assert (
        set(content)
        == set(ACCEPTED["/api/v1/workforce"].kinds)
        == {
            "text/csv",
            "multipart/form-data",
            "application/json",
            "application/x-www-form-urlencoded",
        }
    )
    form = content["multipart/form-data"]["schema"]["properties"]
    assert form["roster"]["format"] == "binary" and form["csv"]["type"] == "string"
    plain = content["application/x-www-form-urlencoded"]["schema"]
    assert plain["properties"] == {
        "csv": {"type": "string", "description": "The roster as CSV text"}
    }
    assert plain["required"] == ["csv"]
    _check(spec, plain, {"csv": "title,headcount\nNurse,3\n"})
    # and the server reads such a body as the document says
    sent = client.post("/api/v1/workforce", data={"csv": "title,headcount\nNurse,3\n"})
    assert sent.status_code == 200 and sent.json()["summary"]["headcount"] == 3
    body = {"rows": [{"title": "Nurse", "headcount": 3, "annual_pay": 81000, "team": "Care"}]}
    _check(spec, content["application/json"]["schema"], body)
    with pytest.raises(AssertionError, match="salary"):
        _check(spec, content["application/json"]["schema"], {"rows": [{"title": "N", "salary": 1}]})


def test_answers_match_their_schemas(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, url in (
        ("/api/v1/resolve", "/api/v1/resolve?q=data%20scientist"),
        ("/api/v1/suggest", "/api/v1/suggest?q=data%20sci"),
        ("/api/v1/suggest", "/api/v1/suggest?q=machine%20learning%20engineer"),
        ("/api/v1/occupations", "/api/v1/occupations"),
        ("/api/v1/occupations/{code}", f"/api/v1/occupations/{DS}"),
        ("/api/v1/occupations/{code}", f"/api/v1/occupations/{fake.HOSTILE_CODE}"),
        ("/api/v1/industries", "/api/v1/industries"),
        ("/api/v1/industries/{slug}", "/api/v1/industries/technology"),
    ):
        res = client.get(url)
        assert res.status_code == 200, url
        _check(spec, _answer_schema(spec, path), res.json(), url)
    res = client.post("/api/v1/workforce", content=ROSTER, headers={"content-type": "text/csv"})
    _check(spec, _answer_schema(spec, "/api/v1/workforce", "post"), res.json())
    error = client.get("/api/v1/occupations/99-0000.00")
    assert error.status_code == 404
    schema = spec["paths"]["/api/v1/occupations/{code}"]["get"]["responses"]["404"]["content"]
    _check(spec, schema["application/json"]["schema"], error.json())


def test_every_api_answer_has_a_schema(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method, op in methods.items():
            media = op["responses"]["200"]["content"]
            assert media["application/json"]["schema"], (method, path)


def test_a_check_that_can_fail(client: TestClient) -> None:
    """The validator refuses a wrong type, a missing key and an undescribed key."""
    spec = client.get("/openapi.json").json()
    report = client.get(f"/api/v1/occupations/{DS}").json()
    schema = _answer_schema(spec, "/api/v1/occupations/{code}")
    for broken, message in (
        ({**report, "exposure": "high"}, "exposure"),
        ({k: v for k, v in report.items() if k != "risk"}, "'risk' is missing"),
        ({**report, "surprise": 1}, "surprise"),
    ):
        with pytest.raises(AssertionError, match=message):
            _check(spec, schema, broken)


def test_real_answers_match_their_schemas(settings: Settings, kb: KnowledgeBase) -> None:
    """Over the real knowledge base, a report and a pasted description's report."""
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        spec = c.get("/openapi.json").json()
        report = c.get("/api/v1/occupations/29-1141.00")
        _check(spec, _answer_schema(spec, "/api/v1/occupations/{code}"), report.json())
        industries = c.get("/api/v1/industries").json()
        _check(spec, _answer_schema(spec, "/api/v1/industries"), industries)
        # employment is a count of jobs: a whole number, in the answer and its schema
        assert all(type(i["employment"]) is int for i in industries["industries"])
        summary = spec["components"]["schemas"]["IndustrySummary"]["properties"]
        assert summary["employment"]["type"] == "integer"
        text = "Prepare monthly financial statements.\nReconcile bank accounts and ledgers.\n"
        described = c.post("/api/v1/analyze-description", json={"text": text})
        assert described.status_code == 200
        schema = _answer_schema(spec, "/api/v1/analyze-description", "post")
        _check(spec, schema, described.json())
