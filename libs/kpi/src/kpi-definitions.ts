import type { LocalizedText } from '@mangfold/db';

/** What a KPI's number is a count of; the GraphQL `unit`. */
export enum KpiUnit {
  ASSOCIATIONS = 'ASSOCIATIONS',
  EVENTS = 'EVENTS',
  /** Project-bank visits (work plan). */
  VISITS = 'VISITS',
  /** Areas with a published atlas (work plan). */
  AREAS = 'AREAS',
  PARTICIPATIONS = 'PARTICIPATIONS',
  CHECK_INS = 'CHECK_INS',
  /** A share from 0 to 1. */
  RATE = 'RATE',
}

/**
 * How a KPI's held and planned values come out of its contributors:
 * `count` counts contributors (an association or event counts once, held if any of its rows is held),
 * `sum` adds up each contributor's number (check-ins at held events, confirmed seats at planned ones),
 * `rate` divides satisfied answers by all answers.
 */
export type KpiAggregate = 'count' | 'sum' | 'rate';

export interface KpiDefinition {
  key: string;
  title: LocalizedText;
  /** The definition in words (KPIS.md), shown in the IDE and the printed report. */
  description: LocalizedText;
  unit: KpiUnit;
  aggregate: KpiAggregate;
  /** Seeded for the current year and used when a year is first asked for with no earlier year to copy; null: "set by TFI". */
  defaultTarget: number | null;
  /** A rate's answers before it can be met; default MIN_RATE_ANSWERS. */
  minAnswers?: number;
  /** Counted from the work plan's facts (@mangfold/workplan), not from the calendar's tables. */
  workPlan?: true;
}

/** The KPIs of KPIS.md, in the order TFI reports them. Keys are persistent (targets and reports store them). */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    key: 'associations-involved',
    title: { da: 'Lokale foreninger med kulturelle arrangementer', en: 'Local associations running cultural events' },
    description: {
      da: 'Forskellige godkendte lokale foreninger, projekter og frivillige organisationer, der arrangerer eller medarrangerer (accepteret) mindst ét afholdt kulturelt arrangement, som markerer en mærkedag i året.',
      en: 'Distinct approved local associations, projects and voluntary organisations that organise or co-organise (accepted) at least one held cultural event marking an occasion in the year.',
    },
    unit: KpiUnit.ASSOCIATIONS,
    aggregate: 'count',
    defaultTarget: 4,
  },
  {
    key: 'international-day-held',
    title: { da: 'International Dag afholdt', en: 'International Day held' },
    description: { da: 'Afholdte arrangementer af typen International Dag.', en: 'Held events of kind International Day.' },
    unit: KpiUnit.EVENTS,
    aggregate: 'count',
    defaultTarget: 1,
  },
  {
    key: 'international-day-participants',
    title: { da: 'Deltagere i International Dag', en: 'International Day participants' },
    description: {
      da: 'Bekræftede deltagelser i årets International Dag (ambassader, organisationer, foreninger).',
      en: "Confirmed participations at the year's International Day (embassies, organisations, associations).",
    },
    unit: KpiUnit.PARTICIPATIONS,
    aggregate: 'count',
    defaultTarget: null,
  },
  {
    key: 'seminars-held',
    title: { da: 'Seminarer afholdt', en: 'Seminars held' },
    description: { da: 'Afholdte arrangementer af typen seminar.', en: 'Held events of kind seminar.' },
    unit: KpiUnit.EVENTS,
    aggregate: 'count',
    defaultTarget: 2,
  },
  {
    key: 'network-meetings-held',
    title: { da: 'Netværksmøder afholdt', en: 'Network meetings held' },
    description: { da: 'Afholdte arrangementer af typen netværksmøde.', en: 'Held events of kind network meeting.' },
    unit: KpiUnit.EVENTS,
    aggregate: 'count',
    defaultTarget: 2,
  },
  {
    key: 'voluntary-initiatives',
    title: { da: 'Frivillige initiativer', en: 'Voluntary initiatives' },
    description: {
      da: 'Afholdte arrangementer, som mindst 2 godkendte frivillige organisationer står bag (arrangør eller accepteret medarrangør).',
      en: 'Held events organised or co-organised (accepted) by at least 2 approved voluntary organisations.',
    },
    unit: KpiUnit.EVENTS,
    aggregate: 'count',
    defaultTarget: 2,
  },
  {
    key: 'satisfaction-rate',
    title: { da: 'Tilfredshed', en: 'Satisfaction rate' },
    description: {
      da: 'Andel af evalueringssvar med "tilfreds" for årets arrangementer; opfyldt ved mindst 10 svar.',
      en: "Share of feedback answers that are satisfied, over the year's events; met with at least 10 answers.",
    },
    unit: KpiUnit.RATE,
    aggregate: 'rate',
    defaultTarget: 0.667,
  },
  {
    key: 'attendance',
    title: { da: 'Fremmøde', en: 'Attendance' },
    description: {
      da: 'Tjekkede-ind tilmeldinger til årets afholdte arrangementer; planlagt: bekræftede tilmeldinger til kommende.',
      en: "Checked-in registrations at the year's held events; planned: confirmed registrations for upcoming ones.",
    },
    unit: KpiUnit.CHECK_INS,
    aggregate: 'sum',
    defaultTarget: null,
  },
  // The rest of the work plan (KPIS.md); their facts come from @mangfold/workplan.
  {
    key: 'requester-satisfaction',
    workPlan: true,
    title: { da: 'Tilfredse rekvirenter', en: 'Satisfied requesters' },
    description: {
      da: 'Andel af årets afsluttede rekvireringsopgaver, hvis rekvirent svarede "tilfreds" i undersøgelsen sendt ved afslutningen; opfyldt ved mindst 5 svar.',
      en: 'Share of the year\'s completed assignments whose requester answered the survey sent on completion with "satisfied"; met with at least 5 answers.',
    },
    unit: KpiUnit.RATE,
    aggregate: 'rate',
    defaultTarget: 0.667,
    minAnswers: 5,
  },
  {
    key: 'project-visits',
    workPlan: true,
    title: { da: 'Projektbesøg', en: 'Project visits' },
    description: {
      da: 'Projektbankens besøg i året (fordelt på projekter i de fem boligområder og projekter om tryghed eller beskæftigelse).',
      en: 'Project-bank visits in the year (broken down: projects in the five housing areas, projects on safety or employment).',
    },
    unit: KpiUnit.VISITS,
    aggregate: 'count',
    defaultTarget: 100,
  },
  {
    key: 'atlases',
    workPlan: true,
    title: { da: 'TFI-atlas', en: 'TFI atlases' },
    description: {
      da: 'Områder med et offentliggjort TFI-atlas (Nørrebro, Valby, Amager, Tingbjerg) med mindst én aktør.',
      en: 'Areas with a published TFI atlas (Nørrebro, Valby, Amager, Tingbjerg) with at least one actor.',
    },
    unit: KpiUnit.AREAS,
    aggregate: 'count',
    defaultTarget: 4,
  },
  {
    key: 'employment-network-events',
    workPlan: true,
    title: { da: 'Netværksarrangementer om beskæftigelse', en: 'Network events on employment' },
    description: {
      da: 'Afholdte netværksmøder med temaet "opsøgende metoder, beskæftigelse".',
      en: 'Held network meetings with the theme "outreach methods, employment".',
    },
    unit: KpiUnit.EVENTS,
    aggregate: 'count',
    defaultTarget: 2,
  },
  {
    key: 'crime-prevention-events',
    workPlan: true,
    title: { da: 'Kriminalpræventive arrangementer', en: 'Crime-prevention events' },
    description: {
      da: 'Afholdte arrangementer eller seminarer med temaet "kriminalitetsforebyggelse".',
      en: 'Held events or seminars with the theme "crime prevention".',
    },
    unit: KpiUnit.EVENTS,
    aggregate: 'count',
    defaultTarget: 1,
  },
  {
    key: 'project-management-seminars',
    workPlan: true,
    title: { da: 'Seminarer om projektledelse', en: 'Project-management seminars' },
    description: {
      da: 'Afholdte seminarer eller netværksmøder for projektledere og frivillige med temaet "projektledelse".',
      en: 'Held seminars or network meetings for project leaders and volunteers with the theme "project management".',
    },
    unit: KpiUnit.EVENTS,
    aggregate: 'count',
    defaultTarget: 2,
  },
];

export function kpiDefinition(key: string): KpiDefinition | undefined {
  return KPI_DEFINITIONS.find((d) => d.key === key);
}

/** Answers a satisfaction rate needs before it can count as met (KPIS.md). */
export const MIN_RATE_ANSWERS = 10;

/** The KPIs of the calendar itself (events, registrations, answers), as opposed to the rest of the work plan. */
export const CALENDAR_KPI_KEYS: readonly string[] = KPI_DEFINITIONS.filter((d) => !d.workPlan).map((d) => d.key);
