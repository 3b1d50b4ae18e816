import { Association, AssociationKind, AssociationLocation, AssociationStatus, District } from '@mangfold/associations';
import { sitePaths } from '@mangfold/config';
import { DEMO_MEMBER_PASSWORD, DemoSeeder } from '@mangfold/prisma-free-db';
import { cleanPage, dataOf, errorOf, startTestApp, TestBrowser, type TestApp } from '../utils';
import boundaries from '../../libs/web/src/atlas/districts.simplified.json';

/** Whether a point lies in a district's drawn boundary (even-odd over all its rings). */
function inDistrict(cityName: string, longitude: number, latitude: number): boolean {
  const feature = (boundaries as { features: { properties: { navn: string }; geometry: { coordinates: number[][][][] } }[] }).features.find(
    (f) => f.properties.navn === cityName,
  )!;
  let inside = false;
  for (const ring of feature.geometry.coordinates.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [[x1, y1], [x2, y2]] = [ring[j], ring[i]];
      if (y1 > latitude !== y2 > latitude && longitude < ((x2 - x1) * (latitude - y1)) / (y2 - y1) + x1) inside = !inside;
    }
  }
  return inside;
}

const at = (latitude: number, longitude: number) => Object.assign(new AssociationLocation(), { latitude, longitude });

/** The TFI-atlas (WEB.md): districts and actors on a server-drawn map, the same actors listed per district, and GeoJSON. */
describe('the TFI-atlas', () => {
  let app: TestApp;
  let browser: TestBrowser;
  let districts: District[];

  beforeAll(async () => {
    app = await startTestApp();
    expect(await new DemoSeeder().load(app.em())).toBe(true);
    const em = app.em();
    // Not approved: on no public page. Approved without a district, with markup in its name: drawn and listed as text.
    em.create(Association, {
      slug: 'venter-paa-tfi',
      name: 'Venter på TFI',
      kind: AssociationKind.ASSOCIATION,
      status: AssociationStatus.PENDING,
      location: at(55.68, 12.57),
    });
    em.create(Association, {
      slug: 'uden-bydel',
      name: '<script>alert(1)</script> "Uden bydel"',
      kind: AssociationKind.OTHER,
      status: AssociationStatus.APPROVED,
      location: at(55.685, 12.56),
    });
    await em.flush();
    districts = await app.em().find(District, {}, { orderBy: { slug: 'asc' } });
    browser = await TestBrowser.launch();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('passes axe in both languages, sets no cookie, loads nothing from elsewhere and fits 320 px', async () => {
    const site = await browser.context(app.url);
    try {
      for (const lang of ['da', 'en'] as const) {
        expect({ lang, ...(await site.check(sitePaths.atlas(lang))) }).toEqual({ lang, ...cleanPage() });
      }
    } finally {
      await site.close();
    }
  });

  it.each(['da', 'en'] as const)('makes every shape and point a focusable link with a name, in %s', async (lang) => {
    const site = await browser.context(app.url, { javaScript: true });
    try {
      const { page, status } = await site.open(sitePaths.atlas(lang));
      expect(status).toBe(200);
      const svg = await page.$eval('svg.atlas-map', (el) => ({
        labelledBy: document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? null,
        role: el.getAttribute('role'),
      }));
      expect(svg).toEqual({ labelledBy: expect.stringMatching(/[a-z]/), role: 'group' });
      const links = await page.$$eval('svg.atlas-map a', (anchors) =>
        anchors.map((a) => {
          (a as unknown as HTMLElement).focus();
          return {
            href: a.getAttribute('href'),
            label: a.getAttribute('aria-label'),
            title: a.querySelector('title')?.textContent ?? null,
            shape: a.querySelector('path') ? 'district' : a.querySelector('circle') ? 'point' : 'nothing',
            focusable: document.activeElement === a,
          };
        }),
      );
      for (const link of links) {
        expect(link).toEqual({
          href: expect.stringMatching(/^\//),
          label: expect.stringMatching(/\S/),
          title: link.label,
          shape: expect.stringMatching(/^(district|point)$/),
          focusable: true,
        });
      }
      // Every district of ours has its shape, matched by name whatever its slug.
      expect(
        links
          .filter((l) => l.shape === 'district')
          .map((l) => l.href)
          .sort(),
      ).toEqual(districts.map((d) => sitePaths.district(lang, d.slug)).sort());
      const drawn = await app.em().find(Association, { status: AssociationStatus.APPROVED, location: { latitude: { $ne: null } } });
      expect(
        links
          .filter((l) => l.shape === 'point')
          .map((l) => l.href)
          .sort(),
      ).toEqual(
        drawn
          .map((a) => (a.kind === AssociationKind.PROJECT ? sitePaths.project(lang, a.slug) : sitePaths.association(lang, a.slug)))
          .sort(),
      );
      expect(links.find((l) => l.href === sitePaths.project(lang, 'lektiecafe-lundtoftegade'))!.label).toBe(
        lang === 'da' ? 'Lektiecafé Lundtoftegade (Projekt, Nørrebro)' : 'Lektiecafé Lundtoftegade (Project, Nørrebro)',
      );
      await expect(page.locator('figcaption').innerText()).resolves.toContain(
        lang === 'da' ? 'Kilde: Københavns Kommune' : 'Source: City of Copenhagen',
      );
    } finally {
      await site.close();
    }
  });

  it('lists the same actors per district beside the map, those without coordinates too, and never an unapproved one', async () => {
    const html = await (await fetch(`${app.url}${sitePaths.atlas('en')}`)).text();
    const site = await browser.context(app.url);
    try {
      const { page } = await site.open(sitePaths.atlas('en'));
      const areas = await page.$$eval('.atlas-area', (divs) =>
        divs.map((d) => ({
          heading: d.querySelector('h3')!.textContent.replace(/\s+/g, ' ').trim(),
          actors: [...d.querySelectorAll('li > a')].map((a) => a.textContent),
        })),
      );
      const byHeading = Object.fromEntries(areas.map((a) => [a.heading.replace(/ \(.*$/, ''), a.actors]));
      expect(byHeading['Nørrebro']).toEqual(['Lektiecafé Lundtoftegade', 'Mjølnerparkens Beboerforening']);
      expect(byHeading['Brønshøj-Husum']).toEqual(['Tingbjerg Ungdomsklub']);
      expect(byHeading['Bispebjerg']).toEqual(['Kvindeklubben i Aldersrogade']);
      expect(byHeading['Valby']).toEqual(['Valby Kulturbro']);
      expect(byHeading['Vanløse']).toEqual([]);
      expect(byHeading['No district']).toEqual(['<script>alert(1)</script> "Uden bydel"']);
      expect(areas.find((a) => a.heading.startsWith('Bispebjerg'))!.heading).toBe('Bispebjerg (1 actor)');
      // The one without coordinates is listed, not drawn.
      await expect(page.locator('li', { hasText: 'Kvindeklubben i Aldersrogade' }).innerText()).resolves.toContain('not on the map');
      expect(await page.locator(`svg a[href="${sitePaths.association('en', 'aldersrogade-kvindeklub')}"]`).count()).toBe(0);
      expect(html).not.toContain('Venter på TFI');
      expect(html).not.toContain('<script>alert');
      expect(html).not.toMatch(/ style=/);
    } finally {
      await site.close();
    }
  });

  it('exports the drawn actors as GeoJSON with public fields only', async () => {
    const res = await fetch(`${app.url}${sitePaths.atlasGeoJson()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/geo+json');
    expect(res.headers.get('set-cookie')).toBeNull();
    const body = await res.text();
    const collection = JSON.parse(body) as {
      type: string;
      features: { type: string; id: string; geometry: { type: string; coordinates: number[] }; properties: Record<string, unknown> }[];
    };
    expect(collection.type).toBe('FeatureCollection');
    const slugs = collection.features.map((f) => f.id).sort();
    expect(slugs).toContain('mjoelnerparkens-beboerforening');
    expect(slugs).toContain('uden-bydel');
    expect(slugs).not.toContain('aldersrogade-kvindeklub');
    expect(slugs).not.toContain('venter-paa-tfi');
    for (const f of collection.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [longitude, latitude] = f.geometry.coordinates;
      // GeoJSON order, longitude first, and in Copenhagen.
      expect({ longitude: longitude > 12.4 && longitude < 12.7, latitude: latitude > 55.6 && latitude < 55.75 }).toEqual({
        longitude: true,
        latitude: true,
      });
      expect(Object.keys(f.properties).sort()).toEqual(['district', 'districtName', 'kind', 'name', 'url', 'urlEn']);
    }
    const lektiecafe = collection.features.find((f) => f.id === 'lektiecafe-lundtoftegade')!;
    expect(lektiecafe.properties).toEqual({
      name: 'Lektiecafé Lundtoftegade',
      kind: 'PROJECT',
      district: 'noerrebro',
      districtName: 'Nørrebro',
      url: `${app.config.http.publicBaseUrl}${sitePaths.project('da', 'lektiecafe-lundtoftegade')}`,
      urlEn: `${app.config.http.publicBaseUrl}${sitePaths.project('en', 'lektiecafe-lundtoftegade')}`,
    });
    expect(body).not.toMatch(/@|demo\.mangfold|contact|phone|cvr/i);
  });

  it("places the demo's actors inside their own districts", async () => {
    const placed = await app
      .em()
      .find(
        Association,
        { slug: { $nin: ['uden-bydel', 'venter-paa-tfi'] }, location: { latitude: { $ne: null } } },
        { populate: ['district'] },
      );
    expect(placed.length).toBeGreaterThanOrEqual(7);
    // The city writes "Vesterbro-Kongens Enghave" where we write "Vesterbro/Kongens Enghave"; the rest agree.
    const where = placed.map((a) => ({
      slug: a.slug,
      inside: inDistrict(a.district!.name.da!.replace('/', '-'), a.location.longitude!, a.location.latitude!),
    }));
    expect(where).toEqual(placed.map((a) => ({ slug: a.slug, inside: true })));
  });

  it('finds a district by its name when its slug changes', async () => {
    const em = app.em();
    const norrebro = await em.findOneOrFail(District, { name: { da: 'Nørrebro' } });
    norrebro.slug = 'noerrebro';
    await em.flush();
    const html = await (await fetch(`${app.url}${sitePaths.atlas('da')}`)).text();
    expect(html).toContain(`<a href="${sitePaths.district('da', 'noerrebro')}" aria-label="Nørrebro: 2 aktører">`);
    districts = await app.em().find(District, {}, { orderBy: { slug: 'asc' } });
  });

  describe('address and coordinates through GraphQL', () => {
    const update = `mutation($id: ID!, $location: AssociationLocationInput) {
      updateAssociation(id: $id, input: { location: $location }) { id location { address postalCode city latitude longitude } }
    }`;
    const read = `query($slug: String!) { association(slug: $slug) { location { address postalCode city latitude longitude } } }`;
    const valby = () => app.em().findOneOrFail(Association, { slug: 'valby-kulturbro' });
    const memberToken = (slug: string) => app.login(`${slug}@demo.mangfold.local`, DEMO_MEMBER_PASSWORD);

    it('lets a member set them, shows them to the public, and clears them with null', async () => {
      const { id } = await valby();
      const location = { address: 'Toftegårds Plads 1', postalCode: '2500', city: 'Valby', latitude: 55.6637, longitude: 12.5138 };
      const token = await memberToken('valby-kulturbro');
      expect(dataOf(await app.gql(update, { id, location }, token)).updateAssociation.location).toEqual(location);
      expect(dataOf(await app.gql(read, { slug: 'valby-kulturbro' })).association.location).toEqual(location);
      const geo = (await (await fetch(`${app.url}${sitePaths.atlasGeoJson()}`)).json()) as {
        features: { id: string; geometry: { coordinates: number[] } }[];
      };
      expect(geo.features.find((f) => f.id === 'valby-kulturbro')!.geometry.coordinates).toEqual([12.5138, 55.6637]);

      expect(dataOf(await app.gql(update, { id, location: null }, token)).updateAssociation.location).toBeNull();
      expect(dataOf(await app.gql(read, { slug: 'valby-kulturbro' })).association.location).toBeNull();
      expect((await valby()).location).toMatchObject({ address: null, latitude: null, longitude: null });
    });

    it("refuses a member of another association, and nobody's change lands", async () => {
      const { id } = await valby();
      const token = await memberToken('tingbjerg-ungdomsklub');
      const error = errorOf(await app.gql(update, { id, location: { latitude: 55.7, longitude: 12.5 } }, token));
      expect(error.extensions?.code).toBe('FORBIDDEN');
      expect((await valby()).location.latitude).not.toBe(55.7);
    });

    it('names the field of a latitude out of range, and of a latitude without its longitude', async () => {
      const { id } = await valby();
      const token = await memberToken('valby-kulturbro');
      const outOfRange = errorOf(await app.gql(update, { id, location: { latitude: 91, longitude: 12.5 } }, token));
      expect(outOfRange.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'location.latitude': expect.stringMatching(/90/) } });
      const alone = errorOf(await app.gql(update, { id, location: { latitude: 55.66 } }, token));
      expect(alone.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { 'location.longitude': expect.stringMatching(/required/) },
      });
      expect((await valby()).location.latitude).not.toBe(91);
    });
  });
});
