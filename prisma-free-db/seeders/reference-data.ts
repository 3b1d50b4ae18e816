/*
 * Reference data: Copenhagen's districts, the housing areas of the work plan, a starter set of
 * occasions with their dates, and the default KPI targets of KPIS.md. Admins edit all of it later;
 * the seeder only adds what is missing, so it never overwrites their edits.
 */

import { KPI_DEFINITIONS } from '@mangfold/kpi';

export const DISTRICTS: { slug: string; da: string; en: string }[] = [
  { slug: 'indre-by', da: 'Indre By', en: 'Inner City' },
  { slug: 'oesterbro', da: 'Østerbro', en: 'Østerbro' },
  { slug: 'noerrebro', da: 'Nørrebro', en: 'Nørrebro' },
  { slug: 'vesterbro-kongens-enghave', da: 'Vesterbro/Kongens Enghave', en: 'Vesterbro/Kongens Enghave' },
  { slug: 'valby', da: 'Valby', en: 'Valby' },
  { slug: 'vanloese', da: 'Vanløse', en: 'Vanløse' },
  { slug: 'broenshoej-husum', da: 'Brønshøj-Husum', en: 'Brønshøj-Husum' },
  { slug: 'bispebjerg', da: 'Bispebjerg', en: 'Bispebjerg' },
  { slug: 'amager-oest', da: 'Amager Øst', en: 'Amager East' },
  { slug: 'amager-vest', da: 'Amager Vest', en: 'Amager West' },
];

export const HOUSING_AREAS: { slug: string; name: string; district: string }[] = [
  { slug: 'mjoelnerparken', name: 'Mjølnerparken', district: 'noerrebro' },
  { slug: 'akacieparken', name: 'Akacieparken', district: 'valby' },
  { slug: 'lundtoftegade', name: 'Lundtoftegade', district: 'noerrebro' },
  { slug: 'aldersrogade', name: 'Aldersrogade', district: 'bispebjerg' },
  { slug: 'tingbjerg', name: 'Tingbjerg', district: 'broenshoej-husum' },
  // The area-renewal (områdefornyelse) neighbourhoods the work plan also names.
  { slug: 'mimersgade', name: 'Mimersgade', district: 'noerrebro' },
  { slug: 'haraldsgade', name: 'Haraldsgade', district: 'noerrebro' },
];

/** Event themes of the work plan; the first three slugs are counted by KPIs (@mangfold/workplan KPI_THEMES). */
export const THEMES: { slug: string; da: string; en: string }[] = [
  { slug: 'employment-outreach', da: 'Opsøgende metoder og beskæftigelse', en: 'Outreach methods and employment' },
  { slug: 'crime-prevention', da: 'Kriminalitetsforebyggelse', en: 'Crime prevention' },
  { slug: 'project-management', da: 'Projektledelse', en: 'Project management' },
  { slug: 'voluntary-work', da: 'Frivilligt arbejde', en: 'Voluntary work' },
  { slug: 'diversity-at-work', da: 'Mangfoldighed på arbejdspladsen', en: 'Diversity at work' },
];

/** The areas of the TFI atlas, made of districts and housing areas; their atlases are published by TFI. */
export const ATLAS_AREAS: { slug: string; da: string; en: string; districts: string[]; housingAreas: string[] }[] = [
  { slug: 'noerrebro', da: 'Nørrebro', en: 'Nørrebro', districts: ['noerrebro'], housingAreas: [] },
  { slug: 'valby', da: 'Valby', en: 'Valby', districts: ['valby'], housingAreas: [] },
  { slug: 'amager', da: 'Amager', en: 'Amager', districts: ['amager-oest', 'amager-vest'], housingAreas: [] },
  { slug: 'tingbjerg', da: 'Tingbjerg', en: 'Tingbjerg', districts: [], housingAreas: ['tingbjerg'] },
];

type Dates = Record<number, [string, string]>;

export interface OccasionSeed {
  slug: string;
  tradition: string;
  name: { da: string; en: string };
  description: { da: string; en: string };
  /** Inclusive local dates per year. Lunar dates are the expected ones; communities may observe a day apart. */
  dates: Dates;
}

const fixed = (monthDay: string, lastMonthDay = monthDay): Dates =>
  Object.fromEntries([2025, 2026, 2027, 2028].map((y) => [y, [`${y}-${monthDay}`, `${y}-${lastMonthDay}`]]));

export const OCCASIONS: OccasionSeed[] = [
  {
    slug: 'eid-al-fitr',
    tradition: 'islamic',
    name: { da: 'Eid al-Fitr', en: 'Eid al-Fitr' },
    description: { da: 'Festen der afslutter fastemåneden ramadan.', en: 'The feast that ends the fasting month of Ramadan.' },
    dates: {
      2025: ['2025-03-30', '2025-04-01'],
      2026: ['2026-03-20', '2026-03-22'],
      2027: ['2027-03-10', '2027-03-12'],
      2028: ['2028-02-27', '2028-02-29'],
    },
  },
  {
    slug: 'eid-al-adha',
    tradition: 'islamic',
    name: { da: 'Eid al-Adha', en: 'Eid al-Adha' },
    description: { da: 'Offerfesten.', en: 'The Feast of Sacrifice.' },
    dates: {
      2025: ['2025-06-06', '2025-06-09'],
      2026: ['2026-05-27', '2026-05-30'],
      2027: ['2027-05-17', '2027-05-20'],
      2028: ['2028-05-05', '2028-05-08'],
    },
  },
  {
    slug: 'ramadan',
    tradition: 'islamic',
    name: { da: 'Ramadan', en: 'Ramadan' },
    description: { da: 'Den islamiske fastemåned.', en: 'The Islamic month of fasting.' },
    dates: {
      2025: ['2025-03-01', '2025-03-29'],
      2026: ['2026-02-18', '2026-03-19'],
      2027: ['2027-02-08', '2027-03-09'],
      2028: ['2028-01-28', '2028-02-26'],
    },
  },
  {
    slug: 'diwali',
    tradition: 'hindu',
    name: { da: 'Diwali', en: 'Diwali' },
    description: { da: 'Lysets fest.', en: 'The festival of lights.' },
    dates: {
      2025: ['2025-10-20', '2025-10-20'],
      2026: ['2026-11-08', '2026-11-08'],
      2027: ['2027-10-29', '2027-10-29'],
      2028: ['2028-10-17', '2028-10-17'],
    },
  },
  {
    slug: 'holi',
    tradition: 'hindu',
    name: { da: 'Holi', en: 'Holi' },
    description: { da: 'Farvernes fest, der fejrer foråret.', en: 'The festival of colours, celebrating spring.' },
    dates: {
      2025: ['2025-03-14', '2025-03-14'],
      2026: ['2026-03-04', '2026-03-04'],
      2027: ['2027-03-22', '2027-03-22'],
      2028: ['2028-03-11', '2028-03-11'],
    },
  },
  {
    slug: 'nowruz',
    tradition: 'persian',
    name: { da: 'Nowruz', en: 'Nowruz' },
    description: { da: 'Det persiske nytår ved forårsjævndøgn.', en: 'The Persian New Year at the spring equinox.' },
    dates: {
      2025: ['2025-03-20', '2025-03-20'],
      2026: ['2026-03-20', '2026-03-20'],
      2027: ['2027-03-21', '2027-03-21'],
      2028: ['2028-03-20', '2028-03-20'],
    },
  },
  {
    slug: 'chinese-new-year',
    tradition: 'chinese',
    name: { da: 'Kinesisk nytår', en: 'Chinese New Year' },
    description: { da: 'Forårsfesten, det kinesiske månenytår.', en: 'The Spring Festival, the Chinese lunar new year.' },
    dates: {
      2025: ['2025-01-29', '2025-01-29'],
      2026: ['2026-02-17', '2026-02-17'],
      2027: ['2027-02-06', '2027-02-06'],
      2028: ['2028-01-26', '2028-01-26'],
    },
  },
  {
    slug: 'hanukkah',
    tradition: 'jewish',
    name: { da: 'Hanukkah', en: 'Hanukkah' },
    description: { da: 'Den jødiske lysfest.', en: 'The Jewish festival of lights.' },
    dates: {
      2025: ['2025-12-15', '2025-12-22'],
      2026: ['2026-12-05', '2026-12-12'],
      2027: ['2027-12-25', '2028-01-01'],
      2028: ['2028-12-13', '2028-12-20'],
    },
  },
  {
    slug: 'easter',
    tradition: 'christian',
    name: { da: 'Påske', en: 'Easter' },
    description: { da: 'Den kristne påske.', en: 'The Christian Easter.' },
    dates: {
      2025: ['2025-04-17', '2025-04-21'],
      2026: ['2026-04-02', '2026-04-06'],
      2027: ['2027-03-25', '2027-03-29'],
      2028: ['2028-04-13', '2028-04-17'],
    },
  },
  {
    slug: 'christmas',
    tradition: 'christian',
    name: { da: 'Jul', en: 'Christmas' },
    description: { da: 'Juleaften og juledagene.', en: 'Christmas Eve and the Christmas days.' },
    dates: fixed('12-24', '12-26'),
  },
  {
    slug: 'international-mother-language-day',
    tradition: 'international',
    name: { da: 'Internationale modersmålsdag', en: 'International Mother Language Day' },
    description: { da: 'FN-dagen for sproglig og kulturel mangfoldighed.', en: 'The UN day for linguistic and cultural diversity.' },
    dates: fixed('02-21'),
  },
  {
    slug: 'international-womens-day',
    tradition: 'international',
    name: { da: 'Kvindernes internationale kampdag', en: "International Women's Day" },
    description: { da: 'Den internationale kvindedag.', en: "International Women's Day." },
    dates: fixed('03-08'),
  },
  {
    slug: 'world-refugee-day',
    tradition: 'international',
    name: { da: 'Verdens flygtningedag', en: 'World Refugee Day' },
    description: { da: 'FN-dagen for flygtninge.', en: 'The UN day for refugees.' },
    dates: fixed('06-20'),
  },
  {
    slug: 'constitution-day',
    tradition: 'danish',
    name: { da: 'Grundlovsdag', en: 'Constitution Day' },
    description: { da: 'Danmarks grundlovsdag.', en: "Denmark's Constitution Day." },
    dates: fixed('06-05'),
  },
  {
    slug: 'sankt-hans',
    tradition: 'danish',
    name: { da: 'Sankt Hans', en: 'Midsummer Eve' },
    description: { da: 'Midsommeraften med bål.', en: 'Midsummer Eve with bonfires.' },
    dates: fixed('06-23'),
  },
];

/** Default targets of KPIS.md (defined with the KPIs in @mangfold/kpi); null means "set by TFI". */
export const DEFAULT_KPI_TARGETS: { key: string; target: number | null }[] = KPI_DEFINITIONS.map((d) => ({
  key: d.key,
  target: d.defaultTarget,
}));
