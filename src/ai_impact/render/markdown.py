"""Markdown of a report: a finished page for a terminal, a README or a pull request.

Pure string building from the :class:`~ai_impact.reports.model.OccupationReport`; no template
engine, so ``ai-impact analyze --format md`` starts fast. Every section of the product outline
appears, in order; a section without data shows the reason stored in ``report.gaps``.
"""

from __future__ import annotations

from ai_impact.reports import figures as fx
from ai_impact.reports.model import OccupationReport

__all__ = ["render_markdown"]


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def _gap(report: OccupationReport, key: str) -> list[str]:
    """The stated reason a section is empty or partial, as italic lines."""
    return [line for g in report.gaps if g.key == key for line in (f"_{g.missing_reason}_", "")]


def _money(v: float | None) -> str:
    return fx.money(v) if v is not None else "—"


def _header(r: OccupationReport) -> list[str]:
    h, risk = r.header, r.risk
    out = [
        f"# AI impact on {h.title}",
        "",
        f"**O*NET-SOC** {h.code} · **SOC 2018** {h.soc} · **Industry** {h.industry}"
        + (f" · **Job zone** {h.job_zone}" if h.job_zone is not None else ""),
        "",
        f"**Disruption risk: {fx.score(risk.score)} / 10 — {risk.category}** "
        f"(range {fx.score(risk.low)}–{fx.score(risk.high)}; exposure β "
        f"{r.changing.exposure.beta:.2f})",
        "",
    ]
    if h.resolved_from:
        out += [f"> You asked for “{h.resolved_from}”.", ""]
    if h.rests_on_note:
        out += [f"> {h.rests_on_note}", ""]
    return out


def _overview(r: OccupationReport) -> list[str]:
    return ["## Overview", "", r.header.description, "", *[" ".join(r.overview)], ""]


def _changing(r: OccupationReport) -> list[str]:
    out = ["## How AI is changing the profession", "", " ".join(r.changing.sentences), ""]
    out += ["| Component | Value | Weight | Adds to score |", "|---|---|---|---|"]
    for c in r.risk.components:
        out.append(
            f"| {_cell(c.label)} | {_cell(c.display)} | {fx.pct(c.weight)} | "
            f"{9 * c.contribution:+.2f} |"
        )
    out += [
        "",
        "Risk = 1 + 9 × Σ weight × value; risk is not exposure, and neither is a forecast of "
        "job loss.",
        "",
    ]
    return out


def _tasks(r: OccupationReport) -> list[str]:
    out = ["## Tasks at risk of automation", ""]
    if r.tasks_at_risk:
        out += ["| Task | Exposure β | AI role | Timeline | Evidence |", "|---|---|---|---|---|"]
        for t in r.tasks_at_risk:
            out.append(
                f"| {_cell(t.task)} | {t.beta:.2f} | {t.mode} | {t.timeline} | "
                f"{_cell(t.evidence)} |"
            )
        out.append("")
    out += _gap(r, "tasks_at_risk")
    out += ["## Tasks that remain human", ""]
    if r.safe_tasks:
        out += ["| Task | Protected by | Why |", "|---|---|---|"]
        for s in r.safe_tasks:
            out.append(f"| {_cell(s.task)} | {s.capability} | {_cell(s.reason)} |")
        out.append("")
    out += _gap(r, "safe_tasks")
    return out


def _tools(r: OccupationReport) -> list[str]:
    out = ["## AI tools entering the role", ""]
    for t in r.ai_tools:
        year = f", {t.year}" if t.year else ""
        out.append(f"- **{t.name}** ({t.vendor}{year}) — {t.what} _{t.mode}; {t.reason}_")
    if r.ai_tools:
        out.append("")
    return out + _gap(r, "ai_tools")


def _salary(r: OccupationReport) -> list[str]:
    out = ["## Salary", ""]
    s = r.salary
    if s is not None:
        out += [
            f"OEWS May {s.year}, {s.area}: median **{_money(s.median_annual)}** a year "
            f"(10th–90th percentile {_money(s.p10_annual)}–{_money(s.p90_annual)}; "
            f"employment {s.employment:,d})."
            if s.employment is not None
            else f"OEWS May {s.year}, {s.area}: median **{_money(s.median_annual)}** a year "
            f"(10th–90th percentile {_money(s.p10_annual)}–{_money(s.p90_annual)}).",
            "",
        ]
        if s.change_since_prior_pct is not None:
            out += [
                f"Change of the national median since May 2024: "
                f"{fx.signed_pct(s.change_since_prior_pct)}.",
                "",
            ]
        if s.projection is not None:
            p = s.projection
            out += [
                f"Projection to {p.horizon_year}: {_money(p.low)}–{_money(p.high)} "
                f"(central {_money(p.mid)}). {p.method}",
                "",
            ]
        out += [s.pressure, ""]
        out += [f"- {n}" for n in s.notes] + ([""] if s.notes else [])
    return out + _gap(r, "salary")


def _outlook(r: OccupationReport) -> list[str]:
    out = ["## Employment outlook", ""]
    o = r.outlook
    if o is not None:
        out += [o.sentence, ""]
        facts = [
            (
                "Employment 2024",
                None if o.employment_2024 is None else fx.thousands(o.employment_2024),
            ),
            (
                "Employment 2034",
                None if o.employment_2034 is None else fx.thousands(o.employment_2034),
            ),
            (
                "Openings a year",
                None if o.openings_annual is None else fx.thousands(o.openings_annual),
            ),
            ("Typical education", o.education),
            ("Experience", o.experience),
            ("On-the-job training", o.training),
        ]
        out += [f"- {k}: {v}" for k, v in facts if v] + [""]
    return out + _gap(r, "outlook")


def _adaptation(r: OccupationReport) -> list[str]:
    out = ["## Adaptation strategy", ""]
    for a in r.adaptation:
        out.append(f"- **{a.name}** ({a.kind}) — {a.why}")
    if r.adaptation:
        out.append("")
    out += _gap(r, "adaptation")
    out += ["## Certifications", ""]
    for c in r.certifications:
        extra = ", ".join(x for x in (c.level, c.effort) if x)
        out.append(
            f"- **{c.name}** — {c.issuer}" + (f" ({extra})" if extra else "") + f": {c.reason}"
        )
    if r.certifications:
        out.append("")
    return out + _gap(r, "certifications")


def _related(r: OccupationReport) -> list[str]:
    out = ["## Related analyses", ""]
    if r.related:
        out += [
            "| Occupation | Relation | Risk | Median pay | Outlook 2024–34 |",
            "|---|---|---|---|---|",
        ]
        for e in r.related:
            change = (
                fx.signed_pct(e.employment_change_pct)
                if e.employment_change_pct is not None
                else "—"
            )
            out.append(
                f"| {_cell(e.title)} ({e.code}) | {e.relation} | {fx.score(e.risk)} "
                f"{e.risk_category} | {_money(e.median_annual)} | {change} |"
            )
        out.append("")
    return out + _gap(r, "related")


def _method(r: OccupationReport) -> list[str]:
    m = r.method
    out = ["## Method and sources", ""]
    out += [f"- {n}" for n in m.notes]
    out += [f"- Model {m.model_version}; data {m.data_version}.", ""]
    for s in r.sources:
        line = f"- **{s.name}** — {s.release}; {s.licence}."
        if s.attribution:
            line += f" {s.attribution}"
        out.append(line)
    return [*out, ""]


def render_markdown(report: OccupationReport) -> str:
    """The whole report as one Markdown page."""
    parts = (
        _header,
        _overview,
        _changing,
        _tasks,
        _tools,
        _salary,
        _outlook,
        _adaptation,
        _related,
        _method,
    )
    lines: list[str] = []
    for part in parts:
        lines += part(report)
    return "\n".join(lines).rstrip() + "\n"
