"""Charts as inline SVG, drawn in Python: the audit folder needs no chart library.

Every function returns :class:`markupsafe.Markup`; every piece of text in it (rule
names, agency names come from the reports) goes through :func:`markupsafe.escape`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

LEVEL_COLOURS = {"error": "#c0392b", "warning": "#e67e22", "note": "#2e86c1", None: "#7f8c8d"}
FONT = "font-family=\"system-ui,'Noto Sans CJK SC','Microsoft YaHei',sans-serif\" font-size=\"12\""


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0–1: the bar's length as a share of the axis
    text: str  # printed after the bar ("12 (24%)")
    colour: str = "#2e86c1"
    href: str | None = None
    title: str | None = None


def bar_chart(
    bars: Sequence[Bar], *, label_width: int = 260, width: int = 760, title: str
) -> Markup:
    """Horizontal bars, one per line, in the order given."""
    row = 20
    height = max(1, len(bars)) * row + 8
    plot = width - label_width - 110
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" {FONT} xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, bar in enumerate(bars):
        y = 4 + i * row
        length = max(0.0, min(1.0, bar.value)) * plot
        label = escape(bar.label)
        if bar.href:
            label = Markup(f'<a href="{escape(bar.href)}">{label}</a>')
        tip = f"<title>{escape(bar.title or bar.label + ' ' + bar.text)}</title>"
        parts.append(
            f'<g><text x="{label_width - 6}" y="{y + 13}" text-anchor="end">{label}</text>'
            f'<rect x="{label_width}" y="{y + 2}" width="{length:.1f}" height="{row - 6}" '
            f'fill="{escape(bar.colour)}">{tip}</rect>'
            f'<text x="{label_width + length + 4:.1f}" y="{y + 13}">{escape(bar.text)}</text></g>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def stacked_bar(
    segments: Sequence[tuple[str, int, str]], *, width: int = 760, title: str
) -> Markup:
    """One bar split into ``(label, count, colour)`` segments, with a legend under it."""
    total = sum(n for _, n, _ in segments) or 1
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} 56" width="{width}" height="56" '
        f'{FONT} xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    x = 0.0
    legend_x = 0
    for label, n, colour in segments:
        w = width * n / total
        if n:
            parts.append(
                f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="24" fill="{escape(colour)}">'
                f"<title>{escape(label)}: {n}</title></rect>"
            )
        x += w
        parts.append(
            f'<rect x="{legend_x}" y="34" width="12" height="12" fill="{escape(colour)}"/>'
            f'<text x="{legend_x + 16}" y="45">{escape(label)} {n}</text>'
        )
        legend_x += 16 + 14 * (len(label) + len(str(n)) + 2)
    parts.append("</svg>")
    return Markup("".join(parts))


def heatmap(
    rows: Sequence[str],
    columns: Sequence[str],
    cells: dict[tuple[str, str], tuple[int, int]],
    *,
    title: str,
) -> Markup:
    """A grid of shares: ``cells[(row, column)] = (reports affected, reports)``, shaded
    white (none) to red (all); each cell prints ``affected/reports``."""
    label_width, cw, ch = 170, 56, 26
    width = label_width + cw * len(columns) + 4
    height = ch * (len(rows) + 1) + 4
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" {FONT} xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for j, column in enumerate(columns):
        parts.append(
            f'<text x="{label_width + j * cw + cw / 2}" y="17" text-anchor="middle" '
            f'font-weight="bold">{escape(column)}</text>'
        )
    for i, row in enumerate(rows):
        y = ch * (i + 1)
        parts.append(
            f'<text x="{label_width - 6}" y="{y + 17}" text-anchor="end">{escape(row)}</text>'
        )
        for j, column in enumerate(columns):
            affected, total = cells.get((row, column), (0, 0))
            share = affected / total if total else 0.0
            # White to red; the text turns white on the darker half.
            g = b = round(255 - 180 * share)
            fill = f"rgb(255,{g},{b})" if total else "#f2f2f2"
            colour = "#fff" if share > 0.6 else "#222"
            x = label_width + j * cw
            parts.append(
                f'<rect x="{x}" y="{y}" width="{cw - 2}" height="{ch - 2}" fill="{fill}">'
                f"<title>{escape(row)} · {escape(column)}: {affected}/{total}</title></rect>"
                f'<text x="{x + cw / 2 - 1}" y="{y + 17}" text-anchor="middle" fill="{colour}">'
                f"{affected}/{total}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def histogram(
    buckets: Sequence[tuple[str, int]],
    *,
    title: str,
    marker: int | None = None,
    marker_label: str = "",
    width: int = 760,
) -> Markup:
    """Vertical bars, one per ``(label, count)`` bucket; ``marker`` draws a line before
    that bucket (a deadline)."""
    height, base, top = 170, 140, 14
    n = max(1, len(buckets))
    bw = (width - 40) / n
    peak = max((c for _, c in buckets), default=0) or 1
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" {FONT} xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    for i, (label, count) in enumerate(buckets):
        h = (base - top) * count / peak
        x = 30 + i * bw
        parts.append(
            f'<rect x="{x + 1:.1f}" y="{base - h:.1f}" width="{max(1.0, bw - 2):.1f}" '
            f'height="{h:.1f}" fill="#2e86c1"><title>{escape(label)}: {count}</title></rect>'
        )
        if count:
            parts.append(
                f'<text x="{x + bw / 2:.1f}" y="{base - h - 3:.1f}" text-anchor="middle">{count}</text>'
            )
        if n <= 24 or i % max(1, n // 12) == 0:
            parts.append(
                f'<text x="{x + bw / 2:.1f}" y="{base + 14}" text-anchor="middle" '
                f'font-size="10">{escape(label)}</text>'
            )
    if marker is not None:
        x = 30 + marker * bw
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{base}" stroke="#c0392b" '
            f'stroke-width="2" stroke-dasharray="4 3"/>'
            f'<text x="{x + 4:.1f}" y="{base - 4}" fill="#c0392b">{escape(marker_label)}</text>'
        )
    parts.append(f'<line x1="30" y1="{base}" x2="{width - 10}" y2="{base}" stroke="#888"/></svg>')
    return Markup("".join(parts))
