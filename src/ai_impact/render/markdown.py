"""Markdown of a report: a finished page for a terminal, a README or a pull request.

Pure string building from the :class:`~ai_impact.reports.model.OccupationReport`; no template
engine, so ``ai-impact analyze --format md`` starts fast. Every section of the product outline
appears, in order; a section without data shows the reason stored in ``report.gaps``.

Markdown viewers render raw HTML and Markdown alike, and titles, task texts and sentences can
carry what a user typed (a title, the statements of a pasted description, the lines it set
aside, quoted in notes), so every text goes through :func:`md_text` (or :func:`md_cell` in a
table) once and shows as typed: ``<`` and ``>`` are escaped (no tag survives), ``&`` only where
it would start a character reference ("R&D" stays as typed in the source, "&lt;" shows as
typed on the page); a backslash goes before every character that starts inline Markdown
(``\\ ` * _ [ ] ~ |``), before a line's leading block marker (``#``, ``+``, ``-``, ``=``, the
``.`` or ``)`` of "1."), and before the ``:`` of ``http://`` and the ``.`` of ``www.`` (no
autolink on GitHub); line breaks become spaces. Parentheses and ``!`` stay as typed: they
make a link or an image only after ``]`` or before ``[``, both escaped. Every Markdown face
(analyze, compare, workforce) uses this one policy.
"""

from __future__ import annotations

import re

from ai_impact.render.blend import is_blend, label
from ai_impact.render.pay import (
    hourly,
    hourly_range,
    median_pay,
    pay_note,
    per_hour,
    projected,
)
from ai_impact.render.title_match import markdown_asked_for
from ai_impact.render.titles import EXPOSURE_HEADER, TASKS_LEAD
from ai_impact.render.titles import SECTION_TITLES as T
from ai_impact.reports import figures as fx
from ai_impact.reports.model import CertificationEntry, OccupationReport, SafeTask, Salary
from ai_impact.reports.shared_figures import (
    SHARED_OUTLOOK_MARK,
    SHARED_PAY_MARK,
    related_outlook_note,
    related_pay_note,
)

__all__ = [
    "category_span",
    "cert_facts",
    "cert_level",
    "md_cell",
    "md_text",
    "md_user",
    "render_markdown",
    "salary_line",
    "source_name",
    "tool_role",
]

# A character reference a viewer would decode; a bare "&" already shows as itself.
_REFERENCE = re.compile(r"&(?=#\d+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")
# What starts inline Markdown anywhere in a line: the backslash itself, code spans, emphasis,
# links and images, GFM strikethrough and table cells.
_INLINE = re.compile(r"([\\`*_\[\]~|])")
# GFM autolinks ("http://x.y", "www.x.y"): escaping their ":" or "." keeps them plain text.
_AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp)(?=://)|\bwww(?=\.)")
_BREAK = re.compile(r"\s*[\r\n]+\s*")
# A block marker at the start of a line: heading, list item, setext underline, ordered item.
_LEADING = re.compile(r"^(?:(?=[#+=-])|(\d{1,9})(?=[.)]))")


def _inline(text: str) -> str:
    """Text that forms no inline Markdown and no HTML, on one line."""
    text = _REFERENCE.sub("&amp;", _BREAK.sub(" ", text))
    text = _AUTOLINK.sub(lambda m: m.group(0) + "\\", _INLINE.sub(r"\\\1", text))
    return text.replace("<", "&lt;").replace(">", "&gt;")


def cert_level(level: str) -> str:
    """A certification's level as a reader says it, in American spelling ("professional
    license"), not as the catalogue keys it ("professional-licence", which the JSON keeps);
    every face shows it so."""
    return level.replace("-", " ").replace("licence", "license")


# What a catalogued tool's mode means to a reader (docs/catalogs.md): every face says it so.
_TOOL_ROLES = {
    "automates": "does the work itself",
    "assists": "assists a person, who stays in charge",
}


def tool_role(mode: str) -> str:
    """A tool's mode as a reader says it ("does the work itself"), not as the catalogue keys it
    ("automates"), which the JSON keeps."""
    return _TOOL_ROLES.get(mode, mode)


def cert_facts(cert: CertificationEntry) -> str:
    """A certification's issuer, level, effort and cost on one line, "·" between them (an
    effort may hold its own parenthesis: "RN licence plus 1,800 hours (or 5 years …)")."""
    effort = (cert.effort or "").rstrip(". ")
    cost = f"about {fx.money(cert.cost_usd)}" if cert.cost_usd is not None else ""
    facts = (cert.issuer, cert_level(cert.level), f"effort: {effort}" if effort else "", cost)
    return " · ".join(x for x in facts if x)


def md_text(text: str) -> str:
    """Text made inert for a Markdown viewer, to stand anywhere, a line's start included: it
    shows as typed, with no formatting, link, HTML or block of its own."""
    return _LEADING.sub(lambda m: (m.group(1) or "") + "\\", _inline(text).lstrip(), count=1)


def md_user(text: str) -> str:
    """Text a user typed (a title, a roster field): the one policy of :func:`md_text`."""
    return md_text(text)


def md_cell(text: str) -> str:
    """Text safe inside a Markdown table cell (inline Markdown, ``|`` and line breaks escaped;
    a cell starts no block, so its first character stays as typed)."""
    return _inline(text).strip()


_cell = md_cell
_t = md_text


def category_span(bounds: tuple[float, float]) -> str:
    """The scores a risk category covers: ``4.0–5.8``."""
    return f"{fx.score(bounds[0])}–{fx.score(bounds[1])}"


def source_name(report: OccupationReport, key: str, default: str) -> str:
    """The name of the report's source ``key`` (``default`` when the report does not list it)."""
    return next((s.name for s in report.sources if s.key == key), default)


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _gap(report: OccupationReport, key: str) -> list[str]:
    """The stated reason a section is empty or partial, as italic lines."""
    return [line for g in report.gaps if g.key == key for line in (f"_{_t(g.missing_reason)}_", "")]


def _money(v: float | None) -> str:
    return fx.money(v) if v is not None else "—"


def _header(r: OccupationReport) -> list[str]:
    h, risk = r.header, r.risk
    blend = is_blend(r)
    out = [
        f"# AI impact on {_t(label(r))}",
        "",
        (f"**Lead occupation** {_t(h.title)} · " if blend else "")
        + f"**O*NET-SOC** {h.code} · **SOC 2018** {h.soc} · **Industry** {_t(h.industry)}"
        + (f" · {fx.preparation(h.job_zone)}" if h.job_zone is not None else ""),
        "",
        f"**Disruption risk: {fx.score(risk.score)} / 10 — {risk.category}** "
        f"(range {fx.score(risk.low)}–{fx.score(risk.high)}; “{risk.category}” spans "
        f"{category_span(risk.category_range)}; work exposed to AI "
        f"{fx.pct(r.changing.exposure.exposed_share)}, exposure index β "
        f"{r.changing.exposure.beta:.2f})",
        "",
    ]
    if h.resolved_from:
        out += markdown_asked_for(h, md_user(h.resolved_from), _t)
    if h.rests_on_note:
        out += [f"> {_t(h.rests_on_note)}", ""]
    return out


def _overview(r: OccupationReport) -> list[str]:
    return [f"## {T['overview']}", "", _t(r.header.description), "", _t(" ".join(r.overview)), ""]


def _changing(r: OccupationReport) -> list[str]:
    out = [f"## {T['changing']}", "", _t(" ".join(r.changing.sentences)), ""]
    out += [
        "| Component | Value | On 0–1 | Weight | Adds to score |",
        "|---|---|---|---|---|",
    ]
    for c in r.risk.components:
        out.append(
            f"| {_cell(c.label)} | {_cell(c.display)} | {c.value:.2f} | {fx.pct(c.weight)} | "
            f"{c.points:+.2f} |"
        )
    out += [
        "",
        "Risk = 1 + 9 × Σ weight × value on 0–1 (β divided by 0.85, adoption relative to the "
        "fastest sector, demand 0.5 at no change); risk is not exposure, and neither is a "
        "forecast of job loss.",
        "",
    ]
    return out


def _protected_by(s: SafeTask) -> str:
    """The capability, then, where a robot or vision system on the page does the task, that it
    is human for language AI only (the HTML card writes the same)."""
    note = s.automation_note
    return f"{s.capability} ({note})" if note else s.capability


def _tasks(r: OccupationReport) -> list[str]:
    out = [f"## {T['tasks']}", ""]
    if r.tasks_at_risk:
        out += [TASKS_LEAD, "", f"| Task | {EXPOSURE_HEADER} | AI role | Timeline | Evidence |"]
        out += ["|---|---|---|---|---|"]
        for t in r.tasks_at_risk:
            out.append(
                f"| {_cell(t.task)} | {t.beta:.2f} | {_cell(t.mode)} | {_cell(t.timeline)} | "
                f"{_cell(t.evidence)} |"
            )
        out.append("")
    out += _gap(r, "tasks_at_risk")
    out += [f"## {T['safe']}", ""]
    if r.safe_tasks:
        out += ["| Task | Protected by | Why |", "|---|---|---|"]
        for s in r.safe_tasks:
            out.append(f"| {_cell(s.task)} | {_cell(_protected_by(s))} | {_cell(s.reason)} |")
        out.append("")
    out += _gap(r, "safe_tasks")
    if r.disputed_tasks:
        out += [f"## {T['disputed']}", "", "| Task | Why it is disputed |", "|---|---|"]
        out += [f"| {_cell(d.task)} | {_cell(d.reason)} |" for d in r.disputed_tasks]
        out += ["", *_gap(r, "disputed_tasks")]
    return out


def _tools(r: OccupationReport) -> list[str]:
    out = [f"## {T['tools']}", ""]
    for t in r.ai_tools:
        year = f", {t.year}" if t.year else ""
        out.append(
            f"- **{_t(t.name)}** ({_t(t.vendor)}{year}) — {_t(t.what)} "
            f"_{_t(_upper_first(tool_role(t.mode)))}. {_t(t.reason)}_"
        )
    if r.ai_tools:
        out.append("")
    return out + _gap(r, "ai_tools")


def salary_line(s: Salary) -> str:
    """The pay sentence: the annual median and range, or the hourly figures BLS publishes."""
    employment = f"employment {s.employment:,d}" if s.employment is not None else None
    mean = None
    if per_hour(s):
        pay = f"median **{hourly(s.hourly_median)}** an hour"
        spread = hourly_range(s)
        first = f"10th–90th percentile {spread}" if spread else None
        mean = f"mean {hourly(s.hourly_mean)} an hour" if s.hourly_mean is not None else None
    elif s.median_annual is None:
        # Withheld or top-coded (the notes say which): say so rather than print a dash.
        pay = "BLS publishes no median pay"
        first = None
    else:
        pay = f"median **{_money(s.median_annual)}** a year"
        first = None
        if s.p10_annual is not None or s.p90_annual is not None:
            first = f"10th–90th percentile {_money(s.p10_annual)}–{_money(s.p90_annual)}"
    tail = "; ".join(x for x in (first, mean, employment) if x)
    return f"OEWS May {s.year}, {_t(s.area)}: {pay}" + (f" ({tail})." if tail else ".")


def _salary(r: OccupationReport) -> list[str]:
    out = [f"## {T['pay']}", ""]
    s = r.salary
    if s is not None:
        out += [salary_line(s), ""]
        if s.change_since_prior_pct is not None:
            out += [
                f"Change of the national median since May 2024: "
                f"{fx.signed_pct(s.change_since_prior_pct)}.",
                "",
            ]
        if s.projection is not None:
            p = s.projection
            out += [
                f"Projection to {p.horizon_year}: {projected(p.low)}–{projected(p.high)} "
                f"(central {projected(p.mid)}, to the nearest $100). {_t(p.method)}",
                "",
            ]
        out += [_t(s.pressure), ""]
        out += [f"- {_t(pay_note(n))}" for n in s.notes] + ([""] if s.notes else [])
    return out + _gap(r, "salary")


def _outlook(r: OccupationReport) -> list[str]:
    out = [f"## {T['outlook']}", ""]
    o = r.outlook
    if o is not None:
        out += [_t(o.sentence), ""]
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
                None if o.openings_annual is None else fx.openings(o.openings_annual),
            ),
            ("Typical education", o.education),
            ("Experience", o.experience),
            ("On-the-job training", o.training),
        ]
        out += [f"- {k}: {_t(v)}" for k, v in facts if v] + [""]
        out += [
            f"Source: {_t(source_name(r, o.source, 'BLS Employment Projections 2024–34'))}.",
            "",
        ]
    return out + _gap(r, "outlook")


def _adaptation(r: OccupationReport) -> list[str]:
    out = [f"## {T['adapt']}", ""]
    for a in r.adaptation:
        out.append(f"- **{_t(a.name)}** ({_t(a.kind)}) — {_t(a.why)}")
    if r.adaptation:
        out.append("")
    out += _gap(r, "adaptation")
    out += [f"## {T['certs']}", ""]
    for c in r.certifications:
        out.append(f"- **{_t(c.name)}** — {_t(cert_facts(c))}. {_t(c.reason)}")
    if r.certifications:
        out.append("")
    return out + _gap(r, "certifications")


def _related(r: OccupationReport) -> list[str]:
    out = [f"## {T['related']}", ""]
    if r.related:
        out += [
            "| Occupation | Relation | Risk | US median pay | Outlook 2024–34 |",
            "|---|---|---|---|---|",
        ]
        for e in r.related:
            change = (
                fx.signed_pct(e.employment_change_pct)
                if e.employment_change_pct is not None
                else "—"
            ) + (f" {SHARED_OUTLOOK_MARK}" if e.projection_group else "")
            pay = median_pay(e) + (f" {SHARED_PAY_MARK}" if e.pay_group else "")
            out.append(
                f"| {_cell(e.title)} ({e.code}) | {_cell(e.relation)} | {fx.score(e.risk)} "
                f"{e.risk_category} | {pay} | {change} |"
            )
        out.append("")
        if note := related_pay_note(r.related):
            out += [_t(note), ""]
        if note := related_outlook_note(r.related):
            out += [_t(note), ""]
    return out + _gap(r, "related")


def _method(r: OccupationReport) -> list[str]:
    m = r.method
    out = [f"## {T['method']}", ""]
    out += [f"- {_t(n)}" for n in m.notes]
    out += [f"- Model {_t(m.model_version)}; data {_t(m.data_version)}.", ""]
    for s in r.sources:
        line = f"- **{_t(s.name)}** — {_t(s.release)}; {_t(s.licence)}."
        if s.attribution:
            line += f" {_t(s.attribution)}"
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
