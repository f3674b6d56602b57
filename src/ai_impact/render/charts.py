"""SVG charts of a report, drawn offline by pygal: risk, tasks, pay, outlook, comparisons.

Each chart is a :class:`Chart` (``chart_svg.py``): inline SVG with ``role="img"``, a ``<title>``
and a ``<desc>`` (the alt text), plus the same numbers as a table so the page reads without the
picture and without JavaScript.
"""

from __future__ import annotations

from collections.abc import Sequence

import pygal

from ai_impact.render.chart_narrow import Bar, Row, narrow_svg
from ai_impact.render.chart_svg import (
    CATEGORY_COLOURS,
    OTHER_COLOURS,
    STYLE,
    STYLE_OUTSIDE,
    TIMELINE_COLOURS,
    Chart,
    finish,
    new_chart,
    percent_bars,
    short_label,
    truncations,
)
from ai_impact.render.compare import is_blend, label
from ai_impact.render.pay import HOURLY_PERCENTILES, per_hour
from ai_impact.render.pay import hourly as pay_hourly
from ai_impact.render.titles import EXPOSURE_HEADER
from ai_impact.reports import figures as fx
from ai_impact.reports.model import OccupationReport, RiskComponent, Salary

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

_MAX_TASKS = 10


def _money(x: float | None) -> str:
    return "—" if x is None else f"${x:,.0f}"


# The risk chart's axis labels: short enough never to be cut (the table has the full labels).
_RISK_LABELS = {"exposure": "Exposure index β", "substitution": "Substitution potential"} | {
    "ai_usage": "AI use observed today",
    "adoption": "Pace of AI adoption",
    "demand": "Demand",
}
_POINT_TICKS = ((0.0, "0"), (50.0, "50"), (100.0, "100"))


def score_points(value: float) -> int:
    """A component's 0–1 value as whole points of 100, from the table's two decimals (0.0347 is
    "0.03" in the table and 3 points on the chart, never 4)."""
    return round(float(f"{value:.2f}") * 100)


def risk_chart(report: OccupationReport, key: str = "risk") -> Chart:
    """The risk score's components, each as points on a 0–100 scale (its 0–1 value, not its own
    figure: β 0.14 is 16 points), with its weight in the label."""
    comps = report.risk.components

    def short(c: RiskComponent) -> str:
        return f"{_RISK_LABELS.get(c.key) or short_label(c.label)} ({c.weight:.0%})"

    chart = percent_bars(key, 70 + 62 * max(len(comps), 1), unit="", truncate_label=40)
    # The first component on top: reversed for pygal, which draws the first label lowest.
    ranked = list(enumerate(comps))[::-1]
    labels = {short(c): f"{c.label} ({c.weight:.0%})" for c in comps}
    chart.x_labels = [short(c) for _, c in ranked]
    chart.add(
        "Score points (0–100)",
        [{"value": score_points(c.value), "color": STYLE.colors[i % 5]} for i, c in ranked],
    )
    r = report.risk
    # The bars are each component's value scaled to 0–1 (shown as points of 100), not its own
    # figure (β 0.38 is 0.45 on the scale): the description says both.
    desc = f"Risk {r.score:.1f} of 10 ({r.category}), range {r.low:.1f}–{r.high:.1f}. " + "; ".join(
        f"{c.label}: {c.display}, {score_points(c.value)} points of 100, weight {c.weight:.0%}"
        for c in comps
    )
    rows = [
        (c.label, c.display, f"{c.value:.2f}", f"{c.weight:.0%}", f"{c.points:+.2f}") for c in comps
    ]
    title = "What the risk score is made of (score points 0–100, not percentages)"
    points = [score_points(c.value) for c in comps]
    bars = [
        Row(f"{c.label} ({c.weight:.0%})", (Bar(p, str(p), STYLE.colors[i % 5]),))
        for i, (c, p) in enumerate(zip(comps, points, strict=True))
    ]
    return finish(
        chart,
        key,
        title,
        desc + ".",
        ("Component", "Value", "On 0–1", "Weight", "Adds to score"),
        rows,
        full_labels=truncations(labels, 40),
        narrow=narrow_svg(key, title, desc + ".", bars, top=100, ticks=_POINT_TICKS),
    )


def _timeline_order(timelines: Sequence[str]) -> list[str]:
    known = [t for t in TIMELINE_COLOURS if t in timelines]
    return known + sorted({t for t in timelines if t not in TIMELINE_COLOURS})


_BETA_TICKS = ((0.0, "0"), (50.0, "0.5"), (100.0, "1"))


def _beta_bar(beta: float, colour: str) -> Bar:
    """A task's β on the 0–100 plot, printed as β ("0.50"), as the table prints it."""
    return Bar(round(beta * 100, 1), f"{beta:.2f}", colour)


def tasks_chart(report: OccupationReport, key: str = "tasks") -> Chart:
    """The listed at-risk tasks in the page's order (AI could take over most first, see
    :func:`~ai_impact.reports.tasks.takeover_order`), each bar its exposure β, coloured by
    timeline."""
    tasks = list(report.tasks_at_risk[:_MAX_TASKS])
    order = _timeline_order([t.timeline for t in tasks])
    colour = {
        tl: TIMELINE_COLOURS.get(tl, OTHER_COLOURS[i % len(OTHER_COLOURS)])
        for i, tl in enumerate(order)
    }
    chart = percent_bars(key, 60 + 46 * max(len(tasks), 1))
    chart.value_formatter = lambda v: f"{v / 100:.2f}"  # β, 0–1, as in the table
    chart.y_labels = [{"label": lab, "value": v} for v, lab in _BETA_TICKS]
    # pygal draws the first label at the bottom of a horizontal chart: reverse so the most
    # task is on top, numbered as in the list under the chart.
    ranked = list(enumerate(tasks, start=1))[::-1]
    chart.x_labels = [f"Task {i}" for i, _ in ranked]  # the numbered list below has the text
    chart.add(
        "Exposure β",
        [{"value": round(t.beta * 100, 1), "color": colour[t.timeline]} for _, t in ranked],
    )
    desc = (
        f"{len(tasks)} tasks, those AI could take over most first, with their exposure β (1 when "
        "an LLM alone does the task, 0.5 when it needs software built on LLMs). "
        + "; ".join(f"{t.task} {t.beta:.2f}, {t.timeline}" for t in tasks[:5])
        + "."
    )
    rows = [(f"{i}. {t.task}", f"{t.beta:.2f}", t.timeline, t.mode) for i, t in enumerate(tasks, 1)]
    title = "Tasks AI could take over most first: exposure β and when"
    bars = [
        Row(f"Task {i}", (_beta_bar(t.beta, colour[t.timeline]),), tip=f"{i}. {t.task}")
        for i, t in enumerate(tasks, 1)
    ]
    return finish(
        chart,
        key,
        title,
        desc,
        ("Task", EXPOSURE_HEADER, "Timeline", "AI"),
        rows,
        legend=tuple(colour.items()),
        full_labels={f"Task {i}": f"{i}. {t.task}" for i, t in enumerate(tasks, 1)},
        narrow=narrow_svg(key, title, desc, bars, top=100, ticks=_BETA_TICKS),
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
    short = pay_hourly if hourly else _thousands_of_dollars
    chart = new_chart(
        pygal.Bar,
        key,
        380,
        show_legend=len(series) > 1,
        value_formatter=short,
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
    colours = {name: STYLE.colors[i % 5] for i, (name, _) in enumerate(series)}
    bars = [
        Row(label, tuple(Bar(getattr(s, a), short(getattr(s, a)), colours[n]) for n, s in series))
        for label, a in percentiles
    ]
    values = [getattr(s, a) or 0.0 for _, s in series for _, a in percentiles]
    key_ = list(colours.items()) if len(series) > 1 else []
    narrow = narrow_svg(key, title, desc + ".", bars, top=max(values), series=key_)
    return finish(chart, key, title, desc + ".", cols, rows, narrow=narrow)


def _thousands_of_dollars(v: float | None) -> str:
    """Pay as a bar prints it: ``$113k`` (a dash when not published)."""
    return "—" if v is None else f"${v / 1000:.0f}k"


def outlook_chart(report: OccupationReport, key: str = "outlook") -> Chart | None:
    """Employment in 2024 and projected for 2034 (thousands), with the change in the text."""
    o = report.outlook
    if o is None or o.employment_2024 is None or o.employment_2034 is None:
        return None
    up = (o.employment_change_pct or 0) >= 0
    chart = new_chart(
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
    later = "#1a7f37" if up else "#b42318"
    chart.add(
        "Employment",
        [
            {"value": o.employment_2024, "color": "#57606a"},
            {"value": o.employment_2034, "color": later},
        ],
    )
    change = "—" if o.employment_change_pct is None else f"{o.employment_change_pct:+.1f}%"
    # In persons, as the outlook sentence and list of the page say them (the bars show
    # thousands, as BLS publishes them).
    desc = (
        f"Employment {fx.thousands(o.employment_2024)} in 2024, projected "
        f"{fx.thousands(o.employment_2034)} in 2034 ({change}); "
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
    title = "Employment outlook, 2024–34"
    bars = [
        Row(year, (Bar(v, f"{v:,.1f}k", c),))
        for year, v, c in (
            ("2024", o.employment_2024, "#57606a"),
            ("2034 (projected)", o.employment_2034, later),
        )
    ]
    top = max(o.employment_2024, o.employment_2034)
    narrow = narrow_svg(key, title, desc, bars, top=top)
    return finish(chart, key, title, desc, ("Measure", "Value"), rows, narrow=narrow)


def _openings_sentence(thousands: float | None) -> str:
    """'about 23,400 openings a year', 'fewer than 50 openings a year' (BLS's 0.0)."""
    if thousands is None:
        return "no published openings figure"
    return f"{fx.about_openings(thousands)} openings a year"


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
    chart = new_chart(
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
        [{"value": r.risk.score, "color": _category_colour(r)} for r in ordered],
    )
    rows = [(label(r), f"{r.risk.score:.1f}", r.risk.category) for r in reports]
    desc = "; ".join(f"{label(r)} {r.risk.score:.1f} ({r.risk.category})" for r in reports) + "."
    title = "Risk side by side (1–10)"
    bars = [
        Row(label(r), (Bar(r.risk.score, f"{r.risk.score:.1f}", _category_colour(r)),))
        for r in reports
    ]
    ticks = ((0.0, "0"), (5.0, "5"), (10.0, "10"))
    return finish(
        chart,
        key,
        title,
        desc,
        ("Occupation", "Risk", "Category"),
        rows,
        full_labels=truncations(names, 40),
        narrow=narrow_svg(key, title, desc, bars, top=10, ticks=ticks),
    )


def _category_colour(report: OccupationReport) -> str:
    return CATEGORY_COLOURS.get(report.risk.category, "#57606a")


def _compare_short(report: OccupationReport) -> str:
    """A compared occupation's axis label; a blend keeps the typed title and says so."""
    if is_blend(report):
        return short_label(report.header.resolved_from or report.header.title, 30) + " (blend)"
    return short_label(report.header.title, 40)


def industry_chart(categories: Sequence[str], key: str = "spread") -> Chart:
    """How many of an industry's occupations fall in each risk category."""
    names = list(CATEGORY_COLOURS)
    counts = [sum(1 for c in categories if c == name) for name in names]
    chart = new_chart(
        pygal.Bar,
        key,
        320,
        show_legend=False,
        print_values=True,
        print_values_position="top",
        zero=0,
        style=STYLE_OUTSIDE,
    )
    chart.x_labels = names
    chart.add(
        "Occupations",
        [
            {"value": n, "color": CATEGORY_COLOURS[name]}
            for name, n in zip(names, counts, strict=True)
        ],
    )
    spread = ", ".join(f"{n} {name}" for name, n in zip(names, counts, strict=True))
    desc = f"Occupations by risk: {spread}."
    rows = [(name, str(n)) for name, n in zip(names, counts, strict=True)]
    title = "Occupations by risk category"
    bars = [
        Row(name, (Bar(n, str(n), CATEGORY_COLOURS[name]),))
        for name, n in zip(names, counts, strict=True)
    ]
    narrow = narrow_svg(key, title, desc, bars, top=max(counts))
    return finish(chart, key, title, desc, ("Category", "Occupations"), rows, narrow=narrow)
