"""An offline world map as SVG: land shapes from the world-atlas TopoJSON (vendored by `make vendor`
from the npm registry into web/static/vendor/), equirectangular projection, event places as dots."""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from pathlib import Path

from markupsafe import Markup, escape

WIDTH, HEIGHT = 960, 480
LAND_FILE = "land-110m.json"


def land_path_file() -> Path:
    return Path(str(resources.files("dateline") / "web" / "static" / "vendor" / LAND_FILE))


def project(lon: float, lat: float) -> tuple[float, float]:
    return (lon + 180.0) / 360.0 * WIDTH, (90.0 - lat) / 180.0 * HEIGHT


@lru_cache(maxsize=1)
def land_path() -> str:
    """SVG path data for the land masses, or '' when the shapes are not vendored."""
    path = land_path_file()
    if not path.exists():
        return ""
    topo = json.loads(path.read_text(encoding="utf-8"))
    scale, translate = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    parts: list[str] = []
    for obj in topo["objects"].values():
        for geom in obj.get("geometries", [obj]):
            polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
            for polygon in polygons:
                for ring in polygon:
                    coords: list[tuple[float, float]] = []
                    for index in ring:
                        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
                        coords.extend(arc if not coords else arc[1:])
                    if coords:
                        xy = [project(lon, lat) for lon, lat in coords]
                        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in xy) + "Z")
    return "".join(parts)


def world_svg(points: list[dict]) -> Markup:
    """The map with one dot per place (dicts with lat, lon, name, count)."""
    dots = []
    for p in points:
        if p.get("lat") is None or p.get("lon") is None:
            continue
        x, y = project(float(p["lon"]), float(p["lat"]))
        r = min(14.0, 3.0 + 1.5 * (int(p.get("count") or 1) ** 0.5))
        dots.append(f'<circle class="map-dot" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">'
                    f'<title>{escape(p.get("name") or "")}: {int(p.get("count") or 1)}</title></circle>')
    graticule = "".join(
        f'<line class="grid" x1="0" y1="{y:.0f}" x2="{WIDTH}" y2="{y:.0f}"/>'
        for y in (HEIGHT * k / 6 for k in range(1, 6))
    ) + "".join(f'<line class="grid" x1="{x:.0f}" y1="0" x2="{x:.0f}" y2="{HEIGHT}"/>'
                for x in (WIDTH * k / 12 for k in range(1, 12)))
    land = land_path()
    return Markup(
        f'<svg class="world-map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="map of event places">'
        f'<rect class="sea" width="{WIDTH}" height="{HEIGHT}"/>{graticule}'
        f'<path class="land" d="{land}"/>{"".join(dots)}</svg>'
    )


def timeline_svg(series: dict[str, dict[str, int]], width: int = 960, height: int = 220) -> Markup:
    """Stacked bars of event counts by type per period ({period: {type: count}})."""
    periods = sorted(series)
    if not periods:
        return Markup('<svg class="timeline" viewBox="0 0 960 60"><text x="10" y="30">no dated events</text></svg>')
    types = sorted({t for counts in series.values() for t in counts})
    peak = max(sum(c.values()) for c in series.values()) or 1
    bar_w = max(2.0, (width - 60) / len(periods))
    bars = []
    for i, period in enumerate(periods):
        y = height - 30.0
        for t in types:
            n = series[period].get(t, 0)
            if not n:
                continue
            h = (height - 50) * n / peak
            y -= h
            bars.append(f'<rect class="bar type-{t.lower()}" x="{50 + i * bar_w:.1f}" y="{y:.1f}" '
                        f'width="{max(1.0, bar_w - 2):.1f}" height="{h:.1f}"><title>{escape(period)} {t}: {n}'
                        f'</title></rect>')
    labels = "".join(
        f'<text class="tick" x="{50 + i * bar_w:.1f}" y="{height - 12}">{escape(p)}</text>'
        for i, p in enumerate(periods) if i % max(1, len(periods) // 8) == 0
    )
    legend = "".join(f'<tspan class="type-{t.lower()}-text"> ■ {t}</tspan>' for t in types)
    return Markup(f'<svg class="timeline" viewBox="0 0 {width} {height}" role="img" aria-label="events over time">'
                  f'<text x="50" y="14" class="legend">{legend}</text>'
                  f'<text x="5" y="{height - 30}" class="tick">0</text><text x="5" y="30" class="tick">{peak}</text>'
                  f'{"".join(bars)}{labels}</svg>')
