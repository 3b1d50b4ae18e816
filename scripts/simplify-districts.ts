/*
 * Makes the atlas's copy of Copenhagen's district boundaries: Douglas–Peucker on each ring (in
 * metres, so the tolerance means the same east–west and north–south), rings too small to see
 * dropped, coordinates rounded. The full file is ~250 kB; the map needs a few tens.
 *
 *   npx node -r @swc-node/register scripts/simplify-districts.ts \
 *     ../shared/data/copenhagen-districts.geojson libs/web/src/atlas/districts.simplified.json
 *
 * Source: Københavns Kommune, open dataset "Bydele" (WFS k101:bydel); the map credits it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Position = [number, number];
type Ring = Position[];

interface SourceFeature {
  properties: { bydel_nr: number; navn: string };
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] } | { type: 'Polygon'; coordinates: Ring[] };
}

/** Metres off the line: 12 m is under a pixel at the map's scale and keeps every corner a person would recognise. */
const TOLERANCE_M = 12;
/** Islands and slivers smaller than this (m²) would be specks on the map; the sea forts far out would also widen it by a fifth. */
const MIN_RING_AREA_M2 = 50_000;
/** Five decimals are about a metre. */
const DECIMALS = 5;

const EARTH_M_PER_DEGREE = 111_320;

function toMetres([lng, lat]: Position, cosLat: number): Position {
  return [lng * EARTH_M_PER_DEGREE * cosLat, lat * EARTH_M_PER_DEGREE];
}

function distanceToSegment(p: Position, a: Position, b: Position): number {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Indices of the points Douglas–Peucker keeps between first and last (iterative: rings have thousands of points). */
function douglasPeucker(points: Position[], tolerance: number): number[] {
  const keep = new Set([0, points.length - 1]);
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let [farthest, distance] = [-1, 0];
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegment(points[i], points[first], points[last]);
      if (d > distance) [farthest, distance] = [i, d];
    }
    if (farthest !== -1 && distance > tolerance) {
      keep.add(farthest);
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return [...keep].sort((a, b) => a - b);
}

function area(points: Position[]): number {
  let sum = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) sum += (points[j][0] + points[i][0]) * (points[j][1] - points[i][1]);
  return Math.abs(sum / 2);
}

function simplifyRing(ring: Ring, cosLat: number): Ring | null {
  const metres = ring.map((p) => toMetres(p, cosLat));
  if (area(metres) < MIN_RING_AREA_M2) return null;
  // Split the closed ring at its farthest point from the start, so both halves have distinct ends.
  const far = metres.reduce(
    (best, p, i) =>
      Math.hypot(p[0] - metres[0][0], p[1] - metres[0][1]) > best.d ? { i, d: Math.hypot(p[0] - metres[0][0], p[1] - metres[0][1]) } : best,
    { i: 0, d: 0 },
  ).i;
  const firstHalf = douglasPeucker(metres.slice(0, far + 1), TOLERANCE_M);
  const secondHalf = douglasPeucker(metres.slice(far), TOLERANCE_M).map((i) => i + far);
  const kept = [...firstHalf, ...secondHalf.slice(1)];
  if (kept.length < 4) return null;
  const factor = 10 ** DECIMALS;
  return kept.map((i) => [Math.round(ring[i][0] * factor) / factor, Math.round(ring[i][1] * factor) / factor]);
}

function main(source: string, target: string): void {
  const collection = JSON.parse(readFileSync(source, 'utf8')) as { features: SourceFeature[] };
  const latitudes = collection.features.flatMap((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
      .flat()
      .flat()
      .map((p) => p[1]),
  );
  const cosLat = Math.cos((((Math.min(...latitudes) + Math.max(...latitudes)) / 2) * Math.PI) / 180);
  const features = collection.features
    .map((f) => {
      const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
        .map((rings) => rings.map((ring) => simplifyRing(ring, cosLat)))
        // A polygon whose outer ring is too small goes with its holes; a hole too small just goes.
        .filter((rings) => rings[0] !== null)
        .map((rings) => rings.filter((ring): ring is Ring => ring !== null));
      return {
        type: 'Feature',
        properties: { bydel_nr: f.properties.bydel_nr, navn: f.properties.navn },
        geometry: { type: 'MultiPolygon', coordinates: polygons },
      };
    })
    .sort((a, b) => a.properties.bydel_nr - b.properties.bydel_nr);
  const output = {
    type: 'FeatureCollection',
    source: 'Københavns Kommune, Bydele (WFS k101:bydel), simplified by scripts/simplify-districts.ts',
    features,
  };
  writeFileSync(target, JSON.stringify(output) + '\n');
  const points = features.reduce((n, f) => n + f.geometry.coordinates.flat().reduce((m, r) => m + r.length, 0), 0);
  process.stdout.write(`${features.length} districts, ${points} points, ${JSON.stringify(output).length} bytes\n`);
}

const [source, target] = process.argv.slice(2);
if (!source || !target) {
  process.stderr.write('usage: simplify-districts <source.geojson> <target.json>\n');
  process.exit(2);
}
main(source, target);
