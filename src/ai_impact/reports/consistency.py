"""The consistency check: no sentence on a page contradicts a figure on the same page.

It reads every sentence the page shows and verifies three things against the report's fields:

- level words: "<level> risk" must be the report's risk category, "<level> exposure" the level of
  its β (both from the same threshold tables the narrative uses);
- direction words: a sentence about employment, jobs or demand that says grow/decline/steady
  must agree with the sign and size of the BLS projection;
- numbers: every number in a sentence must be one of the report's figures, formatted as the
  narrative formats it, and that figure's source must be listed in the report's sources
  (numbers inside a task, tool or certification entry are covered by that entry's own source).

Quoted task statements, occupation codes and vintage years are not figures and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ai_impact.reports import figures as fx
from ai_impact.reports import narrative as nv
from ai_impact.reports.model import OccupationReport
from ai_impact.scoring.timeline import BUCKETS

__all__ = ["Problem", "check_report", "figures_of", "page_sentences"]

_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
_CODE = re.compile(r"\b\d{2}-\d{4}(?:\.\d{2})?\b")
_YEAR_RANGE = re.compile(r"\b(?:19|20)\d{2}[–-]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_OUT_OF = re.compile(r"\bout of 10\b|\bof 4\b|\bp10\b|\bp90\b|\bp25\b|\bp75\b|\b1–10\b")
_NUMBER = re.compile(r"(?<![\w.-])[+-]?\$?\d[\d,]*(?:\.\d+)?%?")
_LEVEL = r"(very low|low|moderate|high|very high)"
_RISK_WORD = re.compile(rf"\b{_LEVEL} (?:AI )?(?:disruption )?risk\b", re.IGNORECASE)
_EXPOSURE_WORD = re.compile(rf"\b{_LEVEL} exposure\b", re.IGNORECASE)
_DEMAND_TOPIC = re.compile(r"\b(employment|jobs|demand|workforce|openings)\b", re.IGNORECASE)
_GROW = re.compile(r"\b(grow|grows|growing|growth|expand|expanding)\b", re.IGNORECASE)
_DECLINE = re.compile(r"\b(decline|declines|declining|shrink|shrinking|contract|contracting)\b")
_STEADY = re.compile(r"\b(steady|little change|flat)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Problem:
    """One contradiction or unsourced number found on a page."""

    code: str
    section: str
    sentence: str
    message: str


def page_sentences(report: OccupationReport) -> Iterator[tuple[str, str, str | None]]:
    """Every sentence the page shows: (section, text, source key of its entry or None)."""
    h = report.header
    if h.rests_on_note:
        yield "header", h.rests_on_note, None
    for s in report.overview:
        yield "overview", s, None
    for s in report.changing.sentences:
        yield "changing", s, None
    for t in report.tasks_at_risk:
        yield "tasks_at_risk", t.evidence, t.source
    for st in report.safe_tasks:
        yield "safe_tasks", st.reason, st.source
    for dt in report.disputed_tasks:
        yield "disputed_tasks", dt.reason, dt.source
    for tool in report.ai_tools:
        yield "ai_tools", tool.reason, "tools"
    if report.salary is not None:
        yield "salary", report.salary.pressure, None
        for note in report.salary.notes:
            yield "salary", note, report.salary.source
        if report.salary.projection is not None:
            yield "salary", report.salary.projection.method, None
    if report.outlook is not None:
        yield "outlook", report.outlook.sentence, None
    for a in report.adaptation:
        yield "adaptation", a.why, None
    for c in report.certifications:
        yield "certifications", c.reason, "certifications"
    for note in report.method.notes:
        yield "method", note, None
    for gap in report.gaps:
        yield "gaps", gap.missing_reason, None


def figures_of(report: OccupationReport) -> dict[str, str]:
    """Every figure of the report as the page writes it, mapped to its source key."""
    out: dict[str, str] = {}

    def add(source: str, *texts: str) -> None:
        for t in texts:
            out.setdefault(t, source)

    r = report.risk
    for v in (r.score, r.low, r.high, *r.category_range):
        add("ai-impact", fx.score(v))
    for c in r.components:
        add("ai-impact", fx.pct(c.weight))
        for n in _NUMBER.findall(c.display):
            add(c.source, n)
    e = report.changing.exposure
    add("labels", f"{e.beta:.2f}", f"{e.beta_low:.2f}", f"{e.beta_high:.2f}", fx.pct(e.beta))
    for v in (
        e.share_none,
        e.share_llm_alone,
        e.share_with_tools,
        e.automation,
        e.substitution_share,
        e.exposed_share,
    ):
        add("labels", fx.pct(v))
    add("labels", fx.pct(nv.exposed_automation(e)))
    add("labels", fx.pct(e.labelled_share), str(e.n_exposed))
    add("onet", str(e.n_tasks), str(e.n_tasks - e.n_exposed))
    add("labels", str(e.n_disputed), str(e.n_tasks - e.n_exposed - e.n_disputed))
    add("ai-impact", str(len(report.tasks_at_risk)), str(len(report.safe_tasks)))  # shown
    add("ai-impact", str(len(report.disputed_tasks)))
    if e.ai_usage_share is not None:
        add("aei", fx.pct(e.ai_usage_share), str(e.n_observed_use))
    ch = report.changing
    for share in (ch.adoption_pct, ch.adoption_all_sectors_pct):
        if share is not None:
            add("btos", f"{fx.number(share)}%")
    if ch.demand_change_pct is not None:
        add("ep", fx.signed_pct(ch.demand_change_pct), fx.abs_pct(ch.demand_change_pct))
    if report.outlook is not None:
        o = report.outlook
        for count in (o.employment_2024, o.employment_2034, o.employment_change_num):
            if count is not None:
                add("ep", fx.thousands(abs(count)))
        if o.openings_annual is not None:
            add("ep", fx.thousands(o.openings_annual))
            if o.openings_annual < fx.FEWER_THAN:  # "fewer than 50"
                add("ep", str(round(fx.FEWER_THAN * 1000)))
        for p in (o.employment_change_pct, o.all_occupations_change_pct):
            if p is not None:
                add("ep", fx.signed_pct(p), fx.abs_pct(p))
    _salary_figures(report, add)
    for rel in report.related:
        add("ai-impact", fx.score(rel.risk))
        if rel.median_annual is not None:
            add("oews", fx.money(rel.median_annual))
        if rel.hourly_median is not None:
            add("oews", f"${rel.hourly_median:,.2f}")
        if rel.similarity is not None:
            add("ai-impact", fx.pct(rel.similarity))
    return out


def _salary_figures(report: OccupationReport, add: Callable[..., None]) -> None:
    """Salary figures: pay levels from OEWS, the projection from the ai-impact method."""
    s = report.salary
    if s is None:
        return
    for v in (
        s.median_annual,
        s.p10_annual,
        s.p25_annual,
        s.p75_annual,
        s.p90_annual,
        s.mean_annual,
        s.national_median_annual,
    ):
        if v is not None:
            add(s.source, fx.money(v))
    for h in (
        s.hourly_median,
        s.hourly_mean,
        s.hourly_p10,
        s.hourly_p25,
        s.hourly_p75,
        s.hourly_p90,
    ):
        if h is not None:
            add(s.source, f"${h:,.2f}")
    if s.employment is not None:
        add(s.source, f"{s.employment:,d}")
    if s.change_since_prior_pct is not None:
        add(
            "oews2024",
            fx.signed_pct(s.change_since_prior_pct),
            fx.abs_pct(s.change_since_prior_pct),
        )
    if s.projection is not None:
        p = s.projection
        add("ai-impact", fx.money(p.low), fx.money(p.mid), fx.money(p.high))
        # its drift (a percent a year) and adjustments (percentage points) are the method's own
        for n in _NUMBER.findall(_strip(p.method)):
            add("ai-impact", n.rstrip(","))


def _strip(sentence: str) -> str:
    """Remove what is not a figure: quoted task texts, codes, years, fixed scale words."""
    s = _QUOTED.sub(" ", sentence)
    s = _CODE.sub(" ", s)
    s = _YEAR_RANGE.sub(" ", s)
    s = _YEAR.sub(" ", s)
    for bucket in BUCKETS:  # timeline names such as "1–2 years" are vocabulary, not figures
        s = s.replace(bucket, " ")
    return _OUT_OF.sub(" ", s)


def check_report(report: OccupationReport) -> list[Problem]:
    """Every contradiction and unsourced number on one report's page."""
    code = report.header.code
    problems: list[Problem] = []
    figs = figures_of(report)
    sources = {s.key for s in report.sources}
    beta_level = fx.exposure_level(report.changing.exposure.beta)
    change = report.changing.demand_change_pct
    for section, sentence, entry_source in page_sentences(report):

        def flag(msg: str, section: str = section, sentence: str = sentence) -> None:
            problems.append(Problem(code, section, sentence, msg))

        plain = _QUOTED.sub(" ", sentence)
        if section not in ("adaptation", "ai_tools", "certifications"):
            for m in _RISK_WORD.finditer(plain):
                if m.group(1).lower() != report.risk.category:
                    flag(f"says '{m.group(0)}' but the risk category is {report.risk.category}")
            for m in _EXPOSURE_WORD.finditer(plain):
                if m.group(1).lower() != beta_level:
                    flag(f"says '{m.group(0)}' but β gives {beta_level} exposure")
            if _DEMAND_TOPIC.search(plain):
                _check_direction(plain, change, flag)
        if entry_source is not None:
            if entry_source not in sources:
                flag(f"its entry cites source '{entry_source}', which the page does not list")
            continue
        for n in _NUMBER.findall(_strip(sentence)):
            token = n.rstrip(",")
            src = figs.get(token) or figs.get(token.lstrip("+"))
            if src is None:
                flag(f"number {token} is not a figure of this report")
            elif src not in sources:
                flag(f"number {token} cites source '{src}', which the page does not list")
    return problems


def _check_direction(sentence: str, change: float | None, flag: Callable[[str], None]) -> None:
    """A growth, decline or steady word must match the projected change's direction."""
    grow = bool(_GROW.search(sentence))
    decline = bool(_DECLINE.search(sentence))
    steady = bool(_STEADY.search(sentence))
    if not (grow or decline or steady):
        return
    if change is None:
        flag("speaks of a direction of employment but the page has no projection")
        return
    word = fx.growth_word(change)
    if grow and word != "grow":
        flag(f"says growth but the projection is {fx.signed_pct(change)}")
    if decline and word != "decline":
        flag(f"says decline but the projection is {fx.signed_pct(change)}")
    if steady and word != "flat":
        flag(f"says steady but the projection is {fx.signed_pct(change)}")
