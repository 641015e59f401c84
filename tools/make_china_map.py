"""Build ``dibao/data/china_provinces.json``: simplified SVG outlines of China's provinces.

The outlines come from the Apache-2.0 npm package ``echarts@4.9.0``
(``map/json/china.json``).  Fetch it with the ordinary npm client and run::

    npm pack echarts@4.9.0 && tar xzf echarts-4.9.0.tgz package/map/json/china.json
    python tools/make_china_map.py package/map/json/china.json

The site build only reads the compact output; it never needs npm.  Outlines
are projected (plate carrée, x scaled by cos 36°), simplified with
Douglas-Peucker and rounded to whole units, so the whole map stays small.
"""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

SOURCE = {"package": "echarts", "version": "4.9.0", "file": "map/json/china.json", "licence": "Apache-2.0"}
OUT = Path(__file__).resolve().parents[1] / "dibao" / "data" / "china_provinces.json"
SCALE = 12.0  #: SVG units per degree of latitude
WEST, NORTH = 73.0, 54.0
X_FACTOR = math.cos(math.radians(36))


def decode_ring(encoded: str, offsets: list[int], scale: float = 1024) -> list[tuple[float, float]]:
    """echarts' UTF-8 encoding: zig-zag deltas from an offset, two characters per point."""
    prev_x, prev_y = offsets
    points = []
    for i in range(0, len(encoded) - 1, 2):
        x, y = ord(encoded[i]) - 64, ord(encoded[i + 1]) - 64
        x, y = (x >> 1) ^ -(x & 1), (y >> 1) ^ -(y & 1)
        prev_x, prev_y = prev_x + x, prev_y + y
        points.append((prev_x / scale, prev_y / scale))
    return points


def feature_rings(feature: dict) -> list[list[tuple[float, float]]]:
    geometry = feature["geometry"]
    polygons = geometry["coordinates"]
    offsets = geometry["encodeOffsets"]
    if geometry["type"] == "Polygon":
        polygons, offsets = [polygons], [offsets]
    return [decode_ring(ring, off) for poly, poly_off in zip(polygons, offsets) for ring, off in zip(poly, poly_off)]


def project(point: tuple[float, float]) -> tuple[float, float]:
    lon, lat = point
    return (lon - WEST) * X_FACTOR * SCALE, (NORTH - lat) * SCALE


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker; a closed ring is split at its point farthest from the start."""
    if len(points) > 3 and points[0] == points[-1]:
        x0, y0 = points[0]
        far = max(range(len(points)), key=lambda i: (points[i][0] - x0) ** 2 + (points[i][1] - y0) ** 2)
        return simplify_open(points[:far + 1], tolerance)[:-1] + simplify_open(points[far:], tolerance)
    return simplify_open(points, tolerance)


def simplify_open(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative so long borders cannot overflow the stack."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1) or 1e-9
        best, index = 0.0, None
        for i in range(first + 1, last):
            x0, y0 = points[i]
            dist = abs((x2 - x1) * (y1 - y0) - (x1 - x0) * (y2 - y1)) / length
            if dist > best:
                best, index = dist, i
        if index is not None and best > tolerance:
            keep[index] = True
            stack.extend([(first, index), (index, last)])
    return [p for p, k in zip(points, keep) if k]


def ring_area(points: list[tuple[int, int]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def ring_path(points: list[tuple[int, int]]) -> str:
    """``M x y`` then relative ``l`` steps: shorter than absolute coordinates."""
    x0, y0 = points[0]
    steps = []
    for (xa, ya), (xb, yb) in zip(points, points[1:]):
        steps.append(f"{xb - xa} {yb - ya}")
    return f"M{x0} {y0}l" + " ".join(steps) + "z"


def province_path(rings: list[list[tuple[float, float]]], tolerance: float, min_area: float) -> str:
    shapes = []
    for ring in rings:
        rounded = []
        for x, y in simplify([project(p) for p in ring], tolerance):
            point = (round(x), round(y))
            if not rounded or rounded[-1] != point:
                rounded.append(point)
        if len(rounded) >= 3:
            shapes.append(rounded)
    shapes.sort(key=ring_area, reverse=True)
    # small islands vanish at this scale; the largest ring always stays (Macao is tiny)
    kept = shapes[:1] + [s for s in shapes[1:] if ring_area(s) >= min_area]
    return "".join(ring_path(s) for s in kept)


#: the South China Sea islands inset: echarts' ``src/coord/geo/fix/nanhai.js`` (same package and licence),
#: in tenths of its own units from an anchor at 126°E 25°N
NANHAI_ANCHOR = (126.0, 25.0)
NANHAI = [
    [(0, 3.5), (7, 11.2), (15, 11.9), (30, 7), (42, 0.7), (52, 0.7), (56, 7.7), (59, 0.7), (64, 0.7), (64, 0),
     (5, 0), (0, 3.5)],
    [(13, 16.1), (19, 14.7), (16, 21.7), (11, 23.1), (13, 16.1)],
    [(12, 32.2), (14, 38.5), (15, 38.5), (13, 32.2), (12, 32.2)],
    [(16, 47.6), (12, 53.2), (13, 53.2), (18, 47.6), (16, 47.6)],
    [(6, 64.4), (8, 70), (9, 70), (8, 64.4), (6, 64.4)],
    [(23, 82.6), (29, 79.8), (30, 79.8), (25, 82.6), (23, 82.6)],
    [(37, 70.7), (43, 62.3), (44, 62.3), (39, 70.7), (37, 70.7)],
    [(48, 51.1), (51, 45.5), (53, 45.5), (50, 51.1), (48, 51.1)],
    [(51, 35), (51, 28.7), (53, 28.7), (53, 35), (51, 35)],
    [(52, 22.4), (55, 17.5), (56, 17.5), (53, 22.4), (52, 22.4)],
    [(58, 12.6), (62, 7), (63, 7), (60, 12.6), (58, 12.6)],
    [(0, 3.5), (0, 93.1), (64, 93.1), (64, 0), (63, 0), (63, 92.4), (1, 92.4), (1, 3.5), (0, 3.5)],
]


def nanhai_path() -> str:
    """The inset box and island dashes, kept at one decimal: they are too small to simplify."""
    rings = []
    for ring in NANHAI:
        points = [project((NANHAI_ANCHOR[0] + x / 10.5, NANHAI_ANCHOR[1] - y / (10.5 / 0.75))) for x, y in ring]
        rings.append("M" + " ".join(f"{round(x, 1):g} {round(y, 1):g}" for x, y in points) + "z")
    return "".join(rings)


def build(geojson: dict, tolerance: float, min_area: float) -> dict:
    provinces = {}
    for feature in geojson["features"]:
        name = feature["properties"]["name"]
        provinces[name] = province_path(feature_rings(feature), tolerance, min_area)
    width = round((135.5 - WEST) * X_FACTOR * SCALE)
    height = round((NORTH - 17.5) * SCALE)
    return {"source": SOURCE, "projection": f"plate carree, x*cos(36deg), {SCALE} units/degree",
            "viewBox": f"0 0 {width} {height}", "provinces": dict(sorted(provinces.items())),
            "insets": {"南海诸岛": nanhai_path()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("china_json", type=Path)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--tolerance", type=float, default=1.2)
    parser.add_argument("--min-area", type=float, default=6.0)
    args = parser.parse_args()
    data = build(json.loads(args.china_json.read_text(encoding="utf-8")), args.tolerance, args.min_area)
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n"
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {len(data['provinces'])} provinces, {len(text.encode())} bytes")


if __name__ == "__main__":
    main()
