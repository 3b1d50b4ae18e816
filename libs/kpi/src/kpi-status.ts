import { MIN_RATE_ANSWERS, type KpiAggregate } from './kpi-definitions';

export enum KpiStatus {
  /** The held value reaches the target (a rate: with at least 10 answers). */
  MET = 'MET',
  /** Not met yet, but held + planned reaches the target (a rate: it does, with fewer than 10 answers so far). */
  ON_TRACK = 'ON_TRACK',
  /** The year is still running and held + planned falls short (a rate: below the target). */
  AT_RISK = 'AT_RISK',
  /** The year is over and the target was not met. */
  MISSED = 'MISSED',
  /** No target is set for the year ("set by TFI"): there is nothing to measure against. */
  NO_TARGET = 'NO_TARGET',
}

/** Targets are stored as doubles (0.667); compare with a little slack so 2/3 ≥ 0.667 is never lost to rounding. */
const EPSILON = 1e-9;

export interface KpiFigures {
  aggregate: KpiAggregate;
  target: number | null;
  /** Held value; for a rate the share (null without answers). */
  actual: number | null;
  /** Planned value on top of held; null for a rate. */
  planned: number | null;
  /** Answers behind a rate. */
  answers: number | null;
  /** The year ended before the moment the figures describe. */
  yearOver: boolean;
  /** A rate's answers before it can be met; default MIN_RATE_ANSWERS. */
  minAnswers?: number;
}

/** KPIS.md's status rules. */
export function kpiStatus(f: KpiFigures): KpiStatus {
  if (f.target === null) return KpiStatus.NO_TARGET;
  const reaches = (value: number | null) => value !== null && value + EPSILON >= f.target!;
  if (f.aggregate === 'rate') {
    // Rates compare at a tenth of a percentage point, the precision targets are given in: the
    // success criterion "2/3 satisfied" is stored as 0.667, and 8 of 12 must meet it.
    const rate = f.actual === null ? null : Math.round(f.actual * 1000) / 1000;
    if (reaches(rate) && (f.answers ?? 0) >= (f.minAnswers ?? MIN_RATE_ANSWERS)) return KpiStatus.MET;
    if (f.yearOver) return KpiStatus.MISSED;
    // Satisfied enough so far, but too few answers to call it met yet.
    return reaches(rate) ? KpiStatus.ON_TRACK : KpiStatus.AT_RISK;
  }
  const actual = f.actual ?? 0;
  if (reaches(actual)) return KpiStatus.MET;
  if (f.yearOver) return KpiStatus.MISSED;
  return reaches(actual + (f.planned ?? 0)) ? KpiStatus.ON_TRACK : KpiStatus.AT_RISK;
}
