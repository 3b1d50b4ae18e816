import { DISTRICT_SHAPES, MAP_HEIGHT, MAP_WIDTH, districtKey, onMap, project } from './atlas-geometry';

describe('the atlas drawing of Copenhagen', () => {
  it("matches our district names to the city's, whatever the punctuation or the slug", () => {
    const ours = [
      'Indre By',
      'Østerbro',
      'Nørrebro',
      'Vesterbro/Kongens Enghave',
      'Valby',
      'Vanløse',
      'Brønshøj-Husum',
      'Bispebjerg',
      'Amager Øst',
      'Amager Vest',
    ];
    expect(ours.map(districtKey).sort()).toEqual(DISTRICT_SHAPES.map((s) => s.key).sort());
    expect(districtKey('Nørrebro')).toBe(districtKey('noerrebro'));
  });

  it('draws north up and east right, inside the viewBox', () => {
    const bronshoj = project(12.49, 55.71);
    const amager = project(12.6, 55.65);
    expect(bronshoj.y).toBeLessThan(amager.y);
    expect(bronshoj.x).toBeLessThan(amager.x);
    for (const { x, y } of [bronshoj, amager]) {
      expect(x > 0 && x < MAP_WIDTH && y > 0 && y < MAP_HEIGHT).toBe(true);
    }
    // A kilometre east is as long on the map as a kilometre north.
    const origin = project(12.55, 55.68);
    const east = project(12.55 + 1 / (111.32 * Math.cos((55.68 * Math.PI) / 180)), 55.68);
    const north = project(12.55, 55.68 + 1 / 111.32);
    expect(Math.abs(east.x - origin.x - (origin.y - north.y))).toBeLessThan(0.5);
  });

  it('keeps points far from the city off the map', () => {
    expect(onMap(12.5683, 55.6761)).toBe(true);
    expect(onMap(10.2, 56.15)).toBe(false);
  });

  it('gives neighbours different fills and closes every ring', () => {
    const fill = Object.fromEntries(DISTRICT_SHAPES.map((s) => [s.key, s.fill]));
    for (const [a, b] of [
      ['noerrebro', 'bispebjerg'],
      ['noerrebro', 'oesterbro'],
      ['bispebjerg', 'oesterbro'],
      ['bispebjerg', 'broenshoejhusum'],
      ['vanloese', 'broenshoejhusum'],
      ['vanloese', 'valby'],
      ['valby', 'vesterbrokongensenghave'],
      ['indreby', 'amageroest'],
      ['indreby', 'amagervest'],
      ['amageroest', 'amagervest'],
      ['indreby', 'oesterbro'],
      ['indreby', 'noerrebro'],
      ['indreby', 'vesterbrokongensenghave'],
    ]) {
      expect({ a, b, same: fill[a] === fill[b] }).toEqual({ a, b, same: false });
    }
    for (const shape of DISTRICT_SHAPES) expect(shape.path).toMatch(/^M[\d. L]+Z(M[\d. L]+Z)*$/);
  });
});
