"""SVG charts of a report, drawn offline by pygal: risk, tasks, pay, outlook, comparisons.

Each chart is a :class:`Chart`: inline SVG with ``role="img"``, a ``<title>`` and a ``<desc>``
(the alt text), plus the same numbers as a table so the page reads without the picture and
without JavaScript. pygal's tooltip script is switched off (``js=[]``): nothing loads from the
network, and the chart ids are fixed so a rebuilt site is byte-identical.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape, unescape

import pygal
from pygal.style import Style

from ai_impact.render.compare import is_blend, label
from ai_impact.render.pay import HOURLY_PERCENTILES, per_hour
from ai_impact.render.pay import hourly as pay_hourly
from ai_impact.reports import figures as fx
from ai_impact.reports.model import OccupationReport, Salary

# pygal appends a legacy ``sys.meta_path`` finder (for map plugins, unused here) that makes every
# import it is asked about emit ImportWarning on Python 3.11+; take it out again.
sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]

__all__ = [
    "CATEGORY_COLOURS",
    "TIMELINE_COLOURS",
    "Chart",
    "compare_chart",
    "industry_chart",
    "outlook_chart",
    "report_charts",
    "risk_chart",
    "tasks_chart",
    "wage_chart",
]

CATEGORY_COLOURS = {
    "very low": "#1a7f37",
    "low": "#4d7c0f",
    "moderate": "#9a6700",
    "high": "#c2410c",
    "very high": "#b42318",
}
TIMELINE_COLOURS = {
    "already happening": "#b42318",
    "1–2 years": "#d9480f",
    "3–5 years": "#b08800",
    "5+ years": "#2f6fbf",
}
_OTHER_COLOURS = ("#6e56cf", "#0f766e", "#57606a", "#8250df")
_MAX_TASKS = 10

_STYLE = Style(
    background="transparent",
    plot_background="transparent",
    foreground="#3b4250",
    foreground_strong="#1f2328",
    foreground_subtle="#9aa1ab",
    opacity=".92",
    opacity_hover="1",
    font_family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    label_font_size=15,
    major_label_font_size=15,
    value_font_size=15,
    legend_font_size=15,
    title_font_size=17,
    guide_stroke_color="#c9ced6",
    major_guide_stroke_color="#c9ced6",
    colors=("#2f6fbf", "#c2410c", "#1a7f37", "#6e56cf", "#9a6700"),
    value_colors=("#ffffff",) * 5,  # printed inside bars, which all use dark colours
)
_STYLE_OUTSIDE = Style(**{**_STYLE.to_dict(), "value_colors": ("#3b4250",) * 5})
# pygal writes its comments, an inline config script (for its tooltip code, which we do not
# load) and a "Pygal" <title> into every chart; none is needed to read the picture (our own
# <title> and <desc> name the chart).
_NOISE = re.compile(r"<!--.*?-->|<script\b.*?</script>|<title>Pygal</title>", re.S)
# An axis label and the tooltip pygal gives it: on a category axis that is the label's position
# run through the value formatter ("0%", "1%"), which is replaced by the full label or dropped.
_GUIDE_TITLE = re.compile(r"(<text\b[^>]*>)([^<]*)(</text>)<title>[^<]*</title>")


@dataclass(frozen=True, slots=True)
class Chart:
    """One figure: SVG markup, its caption and alt text, and the numbers as a table."""

    key: str
    title: str
    desc: str
    svg: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    legend: tuple[tuple[str, str], ...] = ()  # (label, colour) drawn in HTML so it can wrap


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{x:.0f}%"


def _money(x: float | None) -> str:
    return "—" if x is None else f"${x:,.0f}"


def _new(kind: Callable[..., Any], key: str, height: int, **config: Any) -> Any:
    """A pygal chart with the house style, no script, and a stable id."""
    config.setdefault("style", _STYLE)
    chart = kind(
        js=[],
        disable_xml_declaration=True,
        width=720,
        height=height,
        margin=8,
        margin_right=36,
        spacing=12,
        legend_at_bottom=True,
        print_zeroes=False,
        truncate_legend=-1,
        max_scale=6,
        **config,
    )
    chart.uuid = key
    return chart


def _percent_bars(key: str, height: int, **config: Any) -> Any:
    """Horizontal bars on a 0–100% axis, each printed with its value, no legend."""
    return _new(
        pygal.HorizontalBar,
        key,
        height,
        show_legend=False,
        range=(0, 100),
        y_labels=[0, 25, 50, 75, 100],
        print_values=True,
        value_formatter=lambda v: f"{v:.0f}%",
        **config,
    )


def _label_titles(svg: str, full: Mapping[str, str]) -> str:
    """Give each axis label the full text it stands for as its tooltip, or no tooltip at all."""

    def one(m: re.Match[str]) -> str:
        text = full.get(unescape(m.group(2)))
        tip = f"<title>{escape(text)}</title>" if text and text != unescape(m.group(2)) else ""
        return m.group(1) + m.group(2) + m.group(3) + tip

    return _GUIDE_TITLE.sub(one, svg)


def _finish(
    chart: Any,
    key: str,
    title: str,
    desc: str,
    columns: Sequence[str],
    rows: Any,
    legend: tuple[tuple[str, str], ...] = (),
    full_labels: Mapping[str, str] | None = None,
) -> Chart:
    """Render, drop pygal's comments, and make the SVG an accessible image.

    ``full_labels`` maps a shortened axis label to the full text it stands for (its tooltip).
    """
    svg = _NOISE.sub("", chart.render(is_unicode=True))
    svg = _label_titles(svg, full_labels or {})
    head = f'<svg role="img" aria-labelledby="{key}-t {key}-d" '
    svg = svg.replace("<svg ", head, 1)
    first = svg.index(">") + 1
    labels = f'<title id="{key}-t">{escape(title)}</title><desc id="{key}-d">{escape(desc)}</desc>'
    svg = svg[:first] + labels + svg[first:]
    return Chart(key, title, desc, svg, tuple(columns), tuple(tuple(r) for r in rows), legend)


def risk_chart(report: OccupationReport, key: str = "risk") -> Chart:
    """The risk score's components, each scaled to 0–100, with its weight in the label."""
    comps = report.risk.components
    chart = _percent_bars(key, 70 + 62 * max(len(comps), 1), truncate_label=40)
    # Short labels keep the plot wide (the full labels are in the table); the first component
    # goes on top, so the list is reversed for pygal, which draws the first label lowest.
    ranked = list(enumerate(comps))[::-1]
    labels = {f"{_short(c.label)} ({c.weight:.0%})": f"{c.label} ({c.weight:.0%})" for c in comps}
    chart.x_labels = [f"{_short(c.label)} ({c.weight:.0%})" for _, c in ranked]
    chart.add(
        "Component on a 0–100 scale",
        [{"value": round(c.value * 100, 1), "color": _STYLE.colors[i % 5]} for i, c in ranked],
    )
    r = report.risk
    # The bars are each component's value scaled to 0–1 (shown as 0–100), not its own figure
    # (β 0.38 is 0.45 on the scale): the description says both.
    desc = f"Risk {r.score:.1f} of 10 ({r.category}), range {r.low:.1f}–{r.high:.1f}. " + "; ".join(
        f"{c.label}: {c.display}, {c.value:.2f} on the 0–1 scale, weight {c.weight:.0%}"
        for c in comps
    )
    rows = [
        (c.label, c.display, f"{c.value:.2f}", f"{c.weight:.0%}", f"{c.points:+.2f}") for c in comps
    ]
    return _finish(
        chart,
        key,
        "What the risk score is made of (each component on a 0–100 scale)",
        desc + ".",
        ("Component", "Value", "On 0–1", "Weight", "Adds to score"),
        rows,
        full_labels=_truncations(labels, 40),
    )


def _truncations(labels: Mapping[str, str], limit: int) -> dict[str, str]:
    """Each axis label as pygal shows it (cut to ``limit`` characters) → the full text."""
    return {(k if len(k) <= limit else k[: limit - 1] + "…"): v for k, v in labels.items()}


def _short(label: str, limit: int = 34) -> str:
    """A chart label: the text before any parenthesis, cut at a word near ``limit``."""
    text = label.split(" (")[0]
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _timeline_order(timelines: Sequence[str]) -> list[str]:
    known = [t for t in TIMELINE_COLOURS if t in timelines]
    return known + sorted({t for t in timelines if t not in TIMELINE_COLOURS})


def tasks_chart(report: OccupationReport, key: str = "tasks") -> Chart:
    """Tasks ranked by exposure (share of the task AI can speed up), coloured by timeline."""
    tasks = sorted(report.tasks_at_risk, key=lambda t: -t.beta)[:_MAX_TASKS]
    order = _timeline_order([t.timeline for t in tasks])
    colour = {
        tl: TIMELINE_COLOURS.get(tl, _OTHER_COLOURS[i % len(_OTHER_COLOURS)])
        for i, tl in enumerate(order)
    }
    chart = _percent_bars(key, 60 + 46 * max(len(tasks), 1))
    # pygal draws the first label at the bottom of a horizontal chart: reverse so the most
    # exposed task is on top, numbered as in the list under the chart.
    ranked = list(enumerate(tasks, start=1))[::-1]
    chart.x_labels = [f"Task {i}" for i, _ in ranked]  # the numbered list below has the text
    chart.add(
        "Exposure",
        [{"value": round(t.beta * 100, 1), "color": colour[t.timeline]} for _, t in ranked],
    )
    desc = (
        f"{len(tasks)} tasks ranked by exposure to AI. "
        + "; ".join(f"{t.task} {t.beta:.0%}, {t.timeline}" for t in tasks[:5])
        + "."
    )
    rows = [(f"{i}. {t.task}", f"{t.beta:.0%}", t.timeline, t.mode) for i, t in enumerate(tasks, 1)]
    return _finish(
        chart,
        key,
        "Tasks by exposure to AI, and when",
        desc,
        ("Task", "Exposure", "Timeline", "AI"),
        rows,
        legend=tuple(colour.items()),
        full_labels={f"Task {i}": f"{i}. {t.task}" for i, t in enumerate(tasks, 1)},
    )


_PERCENTILES = (
    ("10th", "p10_annual"),
    ("25th", "p25_annual"),
    ("Median", "median_annual"),
    ("75th", "p75_annual"),
    ("90th", "p90_annual"),
)


def wage_chart(salary: Salary, national: Salary | None = None, key: str = "pay") -> Chart:
    """Pay by percentile (p10–p90); the area beside the nation when both are given.

    Annual pay, or hourly pay where BLS publishes only hourly wages (actors, dancers, …).
    """
    series = [(salary.area, salary)]
    if national is not None and national.area != salary.area:
        series = [(national.area, national), (salary.area, salary)]
    hourly = per_hour(salary)
    percentiles = HOURLY_PERCENTILES if hourly else _PERCENTILES
    fmt = pay_hourly if hourly else _money
    chart = _new(
        pygal.Bar,
        key,
        380,
        show_legend=len(series) > 1,
        value_formatter=pay_hourly if hourly else (lambda v: f"${v / 1000:.0f}k"),
        print_values=len(series) == 1,
    )
    chart.x_labels = [label for label, _ in percentiles]
    for name, s in series:
        chart.add(name, [getattr(s, attr) for _, attr in percentiles])
    cols = ("Percentile", *(name for name, _ in series))
    rows = [(label, *(fmt(getattr(s, attr)) for _, s in series)) for label, attr in percentiles]
    (_, low), (_, mid), (_, high) = percentiles[0], percentiles[2], percentiles[4]
    unit = " an hour" if hourly else ""
    desc = "; ".join(
        f"{name}: 10th percentile {fmt(getattr(s, low))}{unit}, median {fmt(getattr(s, mid))}"
        f"{unit}, 90th percentile {fmt(getattr(s, high))}{unit}"
        for name, s in series
    )
    title = f"{'Hourly' if hourly else 'Annual'} pay, {salary.year}"
    return _finish(chart, key, title, desc + ".", cols, rows)


def outlook_chart(report: OccupationReport, key: str = "outlook") -> Chart | None:
    """Employment in 2024 and projected for 2034 (thousands), with the change in the text."""
    o = report.outlook
    if o is None or o.employment_2024 is None or o.employment_2034 is None:
        return None
    up = (o.employment_change_pct or 0) >= 0
    chart = _new(
        pygal.Bar,
        key,
        330,
        show_legend=False,
        print_values=True,
        value_formatter=lambda v: f"{v:,.1f}k",
        zero=0,
        include_x_axis=True,
    )
    chart.x_labels = ["2024", "2034 (projected)"]
    chart.add(
        "Employment",
        [
            {"value": o.employment_2024, "color": "#57606a"},
            {"value": o.employment_2034, "color": "#1a7f37" if up else "#b42318"},
        ],
    )
    change = "—" if o.employment_change_pct is None else f"{o.employment_change_pct:+.1f}%"
    desc = (
        f"Employment {o.employment_2024:,.1f} thousand in 2024, projected "
        f"{o.employment_2034:,.1f} thousand in 2034 ({change}); "
        f"{_openings_sentence(o.openings_annual)}."
    )
    rows = [
        ("Employment 2024 (thousands)", f"{o.employment_2024:,.1f}"),
        ("Employment 2034 (thousands)", f"{o.employment_2034:,.1f}"),
        ("Change", "—" if o.employment_change_pct is None else f"{o.employment_change_pct:+.1f}%"),
        (
            "Openings a year (thousands)",
            "—" if o.openings_annual is None else _openings_cell(o.openings_annual),
        ),
    ]
    return _finish(chart, key, "Employment outlook, 2024–34", desc, ("Measure", "Value"), rows)


def _openings_sentence(thousands: float | None) -> str:
    """'23.4 thousand openings a year', 'fewer than 50 openings a year' (BLS's 0.0)."""
    if thousands is None:
        return "no published openings figure"
    if thousands < fx.FEWER_THAN:
        return f"{fx.openings(thousands)} openings a year"
    return f"{thousands:,.1f} thousand openings a year"


def _openings_cell(thousands: float) -> str:
    """Openings in thousands as BLS publishes them; its 0.0 as 'under 0.05 (fewer than 50)'."""
    if thousands < fx.FEWER_THAN:
        return f"under {fx.FEWER_THAN} ({fx.openings(thousands)})"
    return f"{thousands:,.1f}"


def report_charts(report: OccupationReport, national: Salary | None = None) -> dict[str, Chart]:
    """Every chart of an occupation page, by key (sections without data have none)."""
    out = {"risk": risk_chart(report)}
    if report.tasks_at_risk:
        out["tasks"] = tasks_chart(report)
    if report.salary is not None and (
        report.salary.median_annual is not None or per_hour(report.salary)
    ):
        out["pay"] = wage_chart(report.salary, national)
    outlook = outlook_chart(report)
    if outlook is not None:
        out["outlook"] = outlook
    return out


def compare_chart(reports: Sequence[OccupationReport], key: str = "compare") -> Chart:
    """Risk score of each compared occupation, with its category colour."""
    chart = _new(
        pygal.HorizontalBar,
        key,
        80 + 60 * len(reports),
        show_legend=False,
        range=(0, 10),
        print_values=True,
        value_formatter=lambda v: f"{v:.1f}",
        truncate_label=40,
    )
    ordered = list(reversed(reports))
    names = {_compare_short(r): label(r) for r in reports}
    chart.x_labels = [_compare_short(r) for r in ordered]
    chart.add(
        "Risk",
        [
            {"value": r.risk.score, "color": CATEGORY_COLOURS.get(r.risk.category, "#57606a")}
            for r in ordered
        ],
    )
    rows = [(label(r), f"{r.risk.score:.1f}", r.risk.category) for r in reports]
    desc = "; ".join(f"{label(r)} {r.risk.score:.1f} ({r.risk.category})" for r in reports)
    return _finish(
        chart,
        key,
        "Risk side by side (1–10)",
        desc + ".",
        ("Occupation", "Risk", "Category"),
        rows,
        full_labels=_truncations(names, 40),
    )


def _compare_short(report: OccupationReport) -> str:
    """A compared occupation's axis label; a blend keeps the typed title and says so."""
    if is_blend(report):
        return _short(report.header.resolved_from or report.header.title, 30) + " (blend)"
    return _short(report.header.title, 40)


def industry_chart(categories: Sequence[str], key: str = "spread") -> Chart:
    """How many of an industry's occupations fall in each risk category."""
    names = list(CATEGORY_COLOURS)
    counts = [sum(1 for c in categories if c == name) for name in names]
    chart = _new(
        pygal.Bar,
        key,
        320,
        show_legend=False,
        print_values=True,
        print_values_position="top",
        zero=0,
        style=_STYLE_OUTSIDE,
    )
    chart.x_labels = names
    chart.add(
        "Occupations",
        [
            {"value": n, "color": CATEGORY_COLOURS[name]}
            for name, n in zip(names, counts, strict=True)
        ],
    )
    desc = ", ".join(f"{n} {name}" for name, n in zip(names, counts, strict=True))
    rows = [(name, str(n)) for name, n in zip(names, counts, strict=True)]
    return _finish(
        chart,
        key,
        "Occupations by risk category",
        f"Occupations by risk: {desc}.",
        ("Category", "Occupations"),
        rows,
    )
