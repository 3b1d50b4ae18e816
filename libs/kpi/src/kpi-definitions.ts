import type { LocalizedText } from '@mangfold/db';

/** What a KPI's number is a count of; the GraphQL `unit`. */
export enum KpiUnit {
  ASSOCIATIONS = 'ASSOCIATIONS',
  EVENTS = 'EVENTS',
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
];

export function kpiDefinition(key: string): KpiDefinition | undefined {
  return KPI_DEFINITIONS.find((d) => d.key === key);
}

/** Answers a satisfaction rate needs before it can count as met (KPIS.md). */
export const MIN_RATE_ANSWERS = 10;
