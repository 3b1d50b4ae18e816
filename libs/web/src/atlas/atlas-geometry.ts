import boundaries from './districts.simplified.json';

/*
 * The atlas's drawing of Copenhagen: the districts' boundaries (Københavns Kommune's "Bydele",
 * simplified by scripts/simplify-districts.ts) projected onto a fixed viewBox. A city this small
 * needs no real map projection: longitude scaled by cos(latitude) keeps shapes true to within a
 * fraction of a pixel.
 */

type Position = number[];
interface BoundaryFeature {
  properties: { bydel_nr: number; navn: string };
  geometry: { type: 'MultiPolygon'; coordinates: Position[][][] };
}

/** Width of the viewBox; its height follows from the city's shape. */
export const MAP_WIDTH = 1000;
const MARGIN = 10;

const features = (boundaries as { features: BoundaryFeature[] }).features;
const all = features.flatMap((f) => f.geometry.coordinates.flat(2));
const bounds = {
  west: Math.min(...all.map((p) => p[0])),
  east: Math.max(...all.map((p) => p[0])),
  south: Math.min(...all.map((p) => p[1])),
  north: Math.max(...all.map((p) => p[1])),
};
const cosLat = Math.cos((((bounds.south + bounds.north) / 2) * Math.PI) / 180);
const scale = (MAP_WIDTH - 2 * MARGIN) / ((bounds.east - bounds.west) * cosLat);
export const MAP_HEIGHT = Math.ceil((bounds.north - bounds.south) * scale + 2 * MARGIN);

const round = (n: number): number => Math.round(n * 10) / 10;

/** Where a WGS 84 point lands in the viewBox. */
export function project(longitude: number, latitude: number): { x: number; y: number } {
  return { x: round(MARGIN + (longitude - bounds.west) * cosLat * scale), y: round(MARGIN + (bounds.north - latitude) * scale) };
}

/** Whether a point lies on the drawn map at all (an actor abroad or mistyped is listed, not drawn). */
export function onMap(longitude: number, latitude: number): boolean {
  return longitude >= bounds.west && longitude <= bounds.east && latitude >= bounds.south && latitude <= bounds.north;
}

/**
 * A district name reduced to what survives spelling differences between the city's data and ours:
 * "Vesterbro-Kongens Enghave" and "Vesterbro/Kongens Enghave", "Amager Øst" and "amager-oest".
 */
export function districtKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
}

export interface DistrictShape {
  /** The city's name for it. */
  name: string;
  key: string;
  /** SVG path data, every ring closed. */
  path: string;
  /** Where its name goes: the centre of its largest polygon, unless that crowds a neighbour's. */
  label: { x: number; y: number };
  /** One of FILLS light colours, so that no two neighbours share one. */
  fill: number;
}

export const FILLS = 5;
/** By the city's district number (bydel_nr): a colouring of the map in which neighbours differ. */
const FILL_BY_NUMBER: Record<number, number> = { 1: 0, 2: 1, 3: 2, 4: 3, 5: 4, 6: 0, 7: 1, 8: 4, 9: 2, 10: 1 };

/** Where a name is read more easily than at the centre: long thin Vesterbro/Kongens Enghave, crowded Nørrebro. */
const LABEL_AT: Record<string, Position> = {
  vesterbrokongensenghave: [12.542, 55.657],
  noerrebro: [12.556, 55.689],
};

function ringArea(ring: { x: number; y: number }[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += ring[j].x * ring[i].y - ring[i].x * ring[j].y;
  return sum / 2;
}

function centroid(ring: { x: number; y: number }[]): { x: number; y: number } {
  const a = ringArea(ring);
  let [cx, cy] = [0, 0];
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const cross = ring[j].x * ring[i].y - ring[i].x * ring[j].y;
    cx += (ring[j].x + ring[i].x) * cross;
    cy += (ring[j].y + ring[i].y) * cross;
  }
  return { x: round(cx / (6 * a)), y: round(cy / (6 * a)) };
}

export const DISTRICT_SHAPES: readonly DistrictShape[] = features.map((f) => {
  const polygons = f.geometry.coordinates.map((rings) => rings.map((ring) => ring.map(([lng, lat]) => project(lng, lat))));
  const path = polygons
    .flat()
    .map((ring) => `M${ring.map((p) => `${p.x} ${p.y}`).join('L')}Z`)
    .join('');
  const largest = polygons.map((rings) => rings[0]).reduce((a, b) => (Math.abs(ringArea(b)) > Math.abs(ringArea(a)) ? b : a));
  const key = districtKey(f.properties.navn);
  const at = LABEL_AT[key];
  return {
    name: f.properties.navn,
    key,
    path,
    label: at ? project(at[0], at[1]) : centroid(largest),
    fill: FILL_BY_NUMBER[f.properties.bydel_nr] ?? f.properties.bydel_nr % FILLS,
  };
});
