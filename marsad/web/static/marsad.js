// Marsad's own script: sortable tables and the events map. No libraries, nothing fetched
// from elsewhere: the outlines come from this server's /static/outlines.json.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";
const TYPE_COLOURS = {
  AGREE: "#1b9e77", CONSULT: "#66a61e", SUPPORT: "#4daf4a", CONCEDE: "#a6d854", COOPERATE: "#17becf",
  AID: "#377eb8", RETREAT: "#80b1d3", REQUEST: "#bebada", ACCUSE: "#e6ab02", REJECT: "#ff7f00",
  THREATEN: "#fb8072", PROTEST: "#984ea3", SANCTION: "#a65628", MOBILIZE: "#f781bf", COERCE: "#d95f02",
  ASSAULT: "#e41a1c",
};

// --- Sortable tables: click a header to sort by it, again to reverse. -------------------
function cellValue(row, index, kind) {
  const cell = row.cells[index];
  if (!cell) return "";
  const raw = cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
  return kind === "number" ? Number(raw) || 0 : raw;
}

function makeSortable(table) {
  const headers = table.querySelectorAll("th[data-sort]");
  headers.forEach((header) => {
    header.tabIndex = 0;
    const sort = () => {
      const index = header.cellIndex;
      const kind = header.dataset.sort;
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      headers.forEach((other) => other.removeAttribute("aria-sort"));
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const body = table.tBodies[0];
      const rows = Array.from(body.rows).filter((row) => row.cells.length > 1);
      rows.sort((a, b) => {
        const x = cellValue(a, index, kind);
        const y = cellValue(b, index, kind);
        const order = kind === "number" ? x - y : String(x).localeCompare(String(y), "ar");
        return ascending ? order : -order;
      });
      rows.forEach((row) => body.appendChild(row));
    };
    header.addEventListener("click", sort);
    header.addEventListener("keydown", (event) => { if (event.key === "Enter") sort(); });
  });
}

// --- The events map: outlines and points on an equirectangular projection. --------------
function svgElement(name, attributes) {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  return element;
}

function mapBounds(points, region) {
  // The region's box, or the points' box when they are all inside a smaller area.
  let [west, south, east, north] = region;
  if (points.length) {
    const lons = points.map((p) => p.lon);
    const lats = points.map((p) => p.lat);
    const pad = 3;
    let w = Math.min(...lons) - pad, e = Math.max(...lons) + pad;
    let s = Math.min(...lats) - pad, n = Math.max(...lats) + pad;
    const minSpan = 12;
    if (e - w < minSpan) { const c = (e + w) / 2; w = c - minSpan / 2; e = c + minSpan / 2; }
    if (n - s < minSpan * 0.6) { const c = (n + s) / 2; s = c - minSpan * 0.3; n = c + minSpan * 0.3; }
    [west, south, east, north] = [w, s, e, n];
  }
  return { west, south, east, north };
}

function drawMap(figure, outlines, points) {
  const bounds = mapBounds(points, outlines.region);
  const k = Math.cos(((bounds.north + bounds.south) / 2) * Math.PI / 180);
  const scale = 10;
  const project = (lon, lat) => [((lon - bounds.west) * k * scale), ((bounds.north - lat) * scale)];
  const width = (bounds.east - bounds.west) * k * scale;
  const height = (bounds.north - bounds.south) * scale;
  const svg = svgElement("svg", {
    viewBox: `0 0 ${width.toFixed(1)} ${height.toFixed(1)}`, role: "img", "aria-label": "خريطة الأحداث",
  });
  const stroke = width / 700;
  for (const [layer, css] of [["admin1", "admin1"], ["coast", "land-coast"], ["admin0", "admin0"]]) {
    const parts = [];
    for (const line of outlines.layers[layer] || []) {
      let d = "";
      for (let i = 0; i < line.length; i += 2) {
        const [x, y] = project(line[i], line[i + 1]);
        d += (i === 0 ? "M" : "L") + x.toFixed(1) + " " + y.toFixed(1);
      }
      parts.push(d);
    }
    svg.appendChild(svgElement("path", { d: parts.join(""), class: css, "stroke-width": (stroke * (layer === "admin1" ? 0.5 : 1.2)).toFixed(2) }));
  }
  const sorted = [...points].sort((a, b) => b.reports - a.reports);
  for (const point of sorted) {
    const [x, y] = project(point.lon, point.lat);
    const radius = (width / 160) * (1 + Math.sqrt(point.reports || 1) * 0.5);
    const circle = svgElement("circle", {
      cx: x.toFixed(1), cy: y.toFixed(1), r: radius.toFixed(2), class: "event",
      fill: TYPE_COLOURS[point.type] || "#999", "data-type": point.type, "stroke-width": (stroke).toFixed(2),
    });
    const title = svgElement("title", {});
    title.textContent = `${point.type} · ${point.place} ${point.country} · ${point.date} · ${point.reports}`;
    circle.appendChild(title);
    if (point.href) circle.addEventListener("click", () => { window.location.href = point.href; });
    svg.appendChild(circle);
  }
  figure.appendChild(svg);
  figure.dataset.drawn = String(points.length);
}

function initMap(figure) {
  const data = document.getElementById("map-points");
  const points = data ? JSON.parse(data.textContent) : [];
  fetch(figure.dataset.outlines)
    .then((response) => response.json())
    .then((outlines) => drawMap(figure, outlines, points))
    .catch(() => { figure.dataset.drawn = "error"; });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("table.sortable").forEach(makeSortable);
  const map = document.getElementById("event-map");
  if (map) initMap(map);
});
