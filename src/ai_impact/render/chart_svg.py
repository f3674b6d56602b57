"""The house style of the charts, and the step that makes a pygal chart an accessible figure.

A :class:`Chart` is inline SVG with ``role="img"``, a ``<title>`` and a ``<desc>`` (the alt text),
plus the same numbers as a table so the page reads without the picture and without JavaScript.
pygal's tooltip script is switched off (``js=[]``): nothing loads from the network, and the chart
ids are fixed so a rebuilt site is byte-identical. The charts themselves are in ``charts.py``.
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

# pygal appends a legacy ``sys.meta_path`` finder (for map plugins, unused here) that makes every
# import it is asked about emit ImportWarning on Python 3.11+; take it out again.
sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]

__all__ = [
    "CATEGORY_COLOURS",
    "OTHER_COLOURS",
    "STYLE",
    "STYLE_OUTSIDE",
    "TIMELINE_COLOURS",
    "Chart",
    "finish",
    "new_chart",
    "percent_bars",
    "short_label",
    "truncations",
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
    "1–2 years": "#bd4b12",
    "3–5 years": "#8f6f00",
    "5+ years": "#2f6fbf",
}
OTHER_COLOURS = ("#6e56cf", "#0f766e", "#57606a", "#8250df")

STYLE = Style(
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
STYLE_OUTSIDE = Style(**{**STYLE.to_dict(), "value_colors": ("#3b4250",) * 5})
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
    narrow: str = ""  # the phone layout of the same numbers (chart_narrow.py), or none


def new_chart(kind: Callable[..., Any], key: str, height: int, **config: Any) -> Any:
    """A pygal chart with the house style, no script, and a stable id."""
    config.setdefault("style", STYLE)
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


def percent_bars(key: str, height: int, unit: str = "%", **config: Any) -> Any:
    """Horizontal bars on a 0–100 axis, each printed with its value and ``unit`` ("%", or ""
    for score points), no legend."""
    return new_chart(
        pygal.HorizontalBar,
        key,
        height,
        show_legend=False,
        range=(0, 100),
        y_labels=[0, 25, 50, 75, 100],
        print_values=True,
        value_formatter=lambda v: f"{v:.0f}{unit}",
        **config,
    )


def _label_titles(svg: str, full: Mapping[str, str]) -> str:
    """Give each axis label the full text it stands for as its tooltip, or no tooltip at all."""

    def one(m: re.Match[str]) -> str:
        text = full.get(unescape(m.group(2)))
        tip = f"<title>{escape(text)}</title>" if text and text != unescape(m.group(2)) else ""
        return m.group(1) + m.group(2) + m.group(3) + tip

    return _GUIDE_TITLE.sub(one, svg)


def finish(
    chart: Any,
    key: str,
    title: str,
    desc: str,
    columns: Sequence[str],
    rows: Any,
    legend: tuple[tuple[str, str], ...] = (),
    full_labels: Mapping[str, str] | None = None,
    narrow: str = "",
) -> Chart:
    """Render, drop pygal's comments, and make the SVG an accessible image.

    ``full_labels`` maps a shortened axis label to the full text it stands for (its tooltip);
    ``narrow`` is the chart's phone layout (``chart_narrow.narrow_svg``).
    """
    svg = _NOISE.sub("", chart.render(is_unicode=True))
    svg = _label_titles(svg, full_labels or {})
    head = f'<svg role="img" aria-labelledby="{key}-t {key}-d" '
    svg = svg.replace("<svg ", head, 1)
    first = svg.index(">") + 1
    labels = f'<title id="{key}-t">{escape(title)}</title><desc id="{key}-d">{escape(desc)}</desc>'
    svg = svg[:first] + labels + svg[first:]
    table = tuple(tuple(r) for r in rows)
    return Chart(key, title, desc, svg, tuple(columns), table, legend, narrow)


def truncations(labels: Mapping[str, str], limit: int) -> dict[str, str]:
    """Each axis label as pygal shows it (cut to ``limit`` characters) → the full text."""
    return {(k if len(k) <= limit else k[: limit - 1] + "…"): v for k, v in labels.items()}


def short_label(label: str, limit: int = 34) -> str:
    """A chart label: the text before any parenthesis, cut at a word near ``limit``."""
    text = label.split(" (")[0]
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"
