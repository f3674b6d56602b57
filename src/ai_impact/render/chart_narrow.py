"""The phone layout of a chart: the same numbers as horizontal bars in an SVG 360 units wide.

A pygal chart is drawn 720 units wide and scales with the page, so on a 375-px phone its 15-unit
text shows at about 7 px. Every chart therefore also carries this narrow drawing, which the
page shows instead of the wide one below 40rem (``style.css``): one row a category, the label
above its bar (wrapped, never cut) or, when every label is short, beside it, and each bar
printed with its value just past its end, so no value depends on an axis or a tooltip. Text is
14 units: about 13 px on a 360-px screen. Written by hand (no pygal): deterministic, no script.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

__all__ = ["FONT", "WIDTH", "Bar", "Row", "narrow_svg", "wrap"]

WIDTH = 360
FONT = 14
_LINE = 18  # a label line
_BAR = 18
_PAD = 2
_GAP = 10  # between rows
# Glyph widths in ems, generous (DejaVu Sans, the widest common fallback): estimates err wide.
_EMS = {**dict.fromkeys(" .,:;'!|ijlI()-", 0.36), **dict.fromkeys("0123456789$–—", 0.66)}
_EMS |= dict.fromkeys("%mwMW", 1.0)
_BESIDE = 0.3 * WIDTH  # labels this short sit beside their bars
_INK, _SOFT, _MUTED, _GUIDE = "#1f2328", "#3b4250", "#57606a", "#c9ced6"
_FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar: its value (None: not published, no bar), the value as printed, its colour."""

    value: float | None
    text: str
    colour: str


@dataclass(frozen=True, slots=True)
class Row:
    """One category: its label, its bars (one a series) and the label's full text if shortened."""

    label: str
    bars: tuple[Bar, ...]
    tip: str = ""


def _width(text: str) -> float:
    """The width of ``text`` at the chart's font size, estimated on the wide side."""
    return FONT * sum(_EMS.get(ch, 0.76 if ch.isupper() else 0.62) for ch in text)


def wrap(text: str, room: float) -> list[str]:
    """``text`` broken at spaces into lines of at most ``room`` units (a long word stays whole)."""
    lines: list[str] = []
    for word in text.split():
        if lines and _width(lines[-1] + " " + word) <= room:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def _text(x: float, y: float, body: str, fill: str, anchor: str = "start", tip: str = "") -> str:
    end = "" if anchor == "start" else f' text-anchor="{anchor}"'
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return f'<text x="{x:g}" y="{y:g}" fill="{fill}"{end}>{escape(body)}{title}</text>'


def narrow_svg(
    key: str,
    title: str,
    desc: str,
    rows: Sequence[Row],
    *,
    top: float,
    ticks: Sequence[tuple[float, str]] = (),
    series: Sequence[tuple[str, str]] = (),
) -> str:
    """The narrow drawing: ``rows`` of bars on a 0–``top`` scale, guides at ``ticks`` (value,
    label), and a key of the ``series`` (name, colour) on top when there is more than one."""
    inner = WIDTH - 2 * _PAD
    parts: list[str] = []
    y: float = _PAD
    for name, colour in series:
        lines = wrap(name, inner - 20)
        parts.append(f'<rect x="{_PAD}" y="{y + 3:g}" width="12" height="12" fill="{colour}"/>')
        parts += [_text(_PAD + 20, y + 14 + i * _LINE, t, _INK) for i, t in enumerate(lines)]
        y += _LINE * len(lines) + 2
    y += 6 if series else 0
    label_w = max((_width(r.label) for r in rows), default=0.0)
    beside = label_w <= _BESIDE
    value_w = max((_width(b.text) for r in rows for b in r.bars), default=0.0) + 6
    x0 = _PAD + (label_w + 8 if beside else 0)
    span = WIDTH - _PAD - value_w - x0
    top = top if top > 0 else 1.0
    plot_top = y
    for row in rows:
        if not beside:
            for line in wrap(row.label, inner):
                parts.append(_text(_PAD, y + 14, line, _INK, tip=row.tip))
                y += _LINE
            y += 2
        first = y
        for bar in row.bars:
            length = span * min(max(bar.value or 0.0, 0.0), top) / top
            if length > 0:
                parts.append(
                    f'<rect x="{x0:g}" y="{y:g}" width="{length:.1f}" height="{_BAR}" '
                    f'rx="2" fill="{bar.colour}"/>'
                )
            parts.append(_text(x0 + length + 5, y + 14, bar.text, _SOFT))
            y += _BAR + 3
        if beside:
            middle = first + (y - 3 - first) / 2 + 5
            parts.append(_text(_PAD, middle, row.label, _INK, tip=row.tip))
        y += _GAP
    guides: list[str] = []
    for value, label in ticks:
        x = x0 + span * value / top
        guides.append(
            f'<line x1="{x:g}" y1="{plot_top:g}" x2="{x:g}" y2="{y - _GAP:g}" stroke="{_GUIDE}"/>'
        )
        anchor = "start" if value <= 0 else "end" if value >= top else "middle"
        guides.append(_text(x, y + 8, label, _MUTED, anchor))
    y += FONT + 6 if ticks else 0
    height = round(y + _PAD - (0 if ticks else _GAP))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="narrow-chart" role="img" '
        f'aria-labelledby="{key}-nt {key}-nd" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="{_FONTS}" font-size="{FONT}">'
        f'<title id="{key}-nt">{escape(title)}</title><desc id="{key}-nd">{escape(desc)}</desc>'
        + "".join(guides + parts)
        + "</svg>"
    )
