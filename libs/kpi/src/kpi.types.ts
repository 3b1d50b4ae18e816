import type { LocalizedText } from '@mangfold/db';
import type { AssociationKind } from '@mangfold/associations';
import type { EventKind, OrganiserRole } from '@mangfold/calendar';
import type { KpiAggregate, KpiUnit } from './kpi-definitions';
import type { KpiStatus } from './kpi-status';

/*
 * Plain, JSON-safe shapes of computed KPIs (instants as ISO strings). The live queries return them
 * and a status report stores them as they were, so a report reads back exactly what was computed.
 */

export enum KpiContributorType {
  ASSOCIATION = 'ASSOCIATION',
  EVENT = 'EVENT',
  PARTICIPATION = 'PARTICIPATION',
  /** A TFI assignment (requester-satisfaction). */
  ASSIGNMENT = 'ASSIGNMENT',
  /** A project-bank visit (project-visits); slug and name are the project's. */
  VISIT = 'VISIT',
  /** An area with a published atlas (atlases). */
  AREA = 'AREA',
}

/** Whether a contributor counts in the held (actual) value or only in planned. */
export enum ContributionState {
  HELD = 'HELD',
  PLANNED = 'PLANNED',
}

export enum KpiDimension {
  /** The event's district (a participant's: its association's district). */
  DISTRICT = 'DISTRICT',
  HOUSING_AREA = 'HOUSING_AREA',
  /** The occasion the event marks. */
  OCCASION = 'OCCASION',
  /** The kind of the counted association, of each organiser of a counted event, or of the participant. */
  ASSOCIATION_KIND = 'ASSOCIATION_KIND',
  /** The work plan's focus of a project visit: in the five housing areas, on safety, on employment. */
  WORK_PLAN_FOCUS = 'WORK_PLAN_FOCUS',
}

export interface KpiContributorData {
  type: KpiContributorType;
  id: string;
  slug: string | null;
  name: LocalizedText;
  state: ContributionState;
  /** An association's kind, or a participant's. */
  associationKind: AssociationKind | null;
  eventKind: EventKind | null;
  startsAt: string | null;
  /** What the contributor adds where it is more than one: feedback answers, check-ins or confirmed registrations. */
  count: number | null;
  /** Satisfied answers (satisfaction-rate). */
  satisfied: number | null;
}

export interface KpiBreakdownGroupData {
  /** Slug of the district, housing area or occasion, or the association kind; null for "none". */
  key: string | null;
  name: LocalizedText;
  actual: number | null;
  planned: number | null;
  answers: number | null;
}

export interface KpiValueData {
  key: string;
  year: number;
  title: LocalizedText;
  description: LocalizedText;
  unit: KpiUnit;
  aggregate: KpiAggregate;
  target: number | null;
  actual: number | null;
  planned: number | null;
  answers: number | null;
  status: KpiStatus;
  /** The moment "held" and "planned" were decided against. */
  asOf: string;
}

/** Partial: a report made before a dimension existed has no groups for it. */
export type KpiBreakdownsData = Partial<Record<KpiDimension, KpiBreakdownGroupData[]>>;

export interface KpiSnapshotData extends KpiValueData {
  contributors: KpiContributorData[];
  breakdowns: KpiBreakdownsData;
}

export enum InvolvedEventState {
  HELD = 'HELD',
  PLANNED = 'PLANNED',
  /** Waiting for TFI's moderation. */
  SUBMITTED = 'SUBMITTED',
  DRAFT = 'DRAFT',
}

export interface InvolvedEventData {
  id: string;
  slug: string;
  title: LocalizedText;
  startsAt: string;
  endsAt: string;
  state: InvolvedEventState;
  role: OrganiserRole;
  occasion: { slug: string; name: LocalizedText } | null;
}

export interface InvolvedAssociationData {
  association: { id: string; slug: string; name: string; kind: AssociationKind };
  events: InvolvedEventData[];
}

export interface AssociationInvolvementData {
  year: number;
  target: number | null;
  held: number;
  planned: number;
  status: KpiStatus;
  asOf: string;
  /** Counted associations, each with the held events that made it count. */
  associations: InvolvedAssociationData[];
  /** Local associations with only planned, submitted or draft qualifying events: who to follow up with. */
  followUp: InvolvedAssociationData[];
}

export interface ReportSnapshot {
  version: 1;
  year: number;
  asOf: string;
  kpis: KpiSnapshotData[];
  associationsInvolved: AssociationInvolvementData;
}
