import type { LocalizedText } from '@mangfold/db';
import { AssociationKind } from '@mangfold/associations';
import { KpiStatus } from './kpi-status';
import { ReportPeriod } from './status-report.entity';
import { type ContributionState, type InvolvedEventState, KpiDimension } from './kpi.types';

/** Words the reports print; GraphQL shows the enum values themselves. */

export const ASSOCIATION_KIND_LABELS: Record<AssociationKind, LocalizedText> = {
  [AssociationKind.ASSOCIATION]: { da: 'Foreninger', en: 'Associations' },
  [AssociationKind.PROJECT]: { da: 'Projekter', en: 'Projects' },
  [AssociationKind.VOLUNTARY_ORGANISATION]: { da: 'Frivillige organisationer', en: 'Voluntary organisations' },
  [AssociationKind.EMBASSY]: { da: 'Ambassader', en: 'Embassies' },
  [AssociationKind.MUNICIPAL_UNIT]: { da: 'Kommunale enheder', en: 'Municipal units' },
  [AssociationKind.HOUSING_ORGANISATION]: {
    da: 'Afdelingsbestyrelser og boligselskaber',
    en: "Residents' boards and housing associations",
  },
  [AssociationKind.OTHER]: { da: 'Andre organisationer', en: 'Other organisations' },
};

export const NO_GROUP_LABELS: Record<KpiDimension, LocalizedText> = {
  [KpiDimension.DISTRICT]: { da: 'Uden bydel', en: 'No district' },
  [KpiDimension.HOUSING_AREA]: { da: 'Uden for boligområderne', en: 'Outside the housing areas' },
  [KpiDimension.OCCASION]: { da: 'Uden mærkedag', en: 'No occasion' },
  [KpiDimension.ASSOCIATION_KIND]: { da: 'Ukendt', en: 'Unknown' },
  [KpiDimension.WORK_PLAN_FOCUS]: { da: 'Øvrige projekter', en: 'Other projects' },
};

export const DIMENSION_LABELS: Record<KpiDimension, LocalizedText> = {
  [KpiDimension.DISTRICT]: { da: 'Bydel', en: 'District' },
  [KpiDimension.HOUSING_AREA]: { da: 'Boligområde', en: 'Housing area' },
  [KpiDimension.OCCASION]: { da: 'Mærkedag', en: 'Occasion' },
  [KpiDimension.ASSOCIATION_KIND]: { da: 'Type af organisation', en: 'Kind of organisation' },
  [KpiDimension.WORK_PLAN_FOCUS]: { da: 'Handlingsplanens fokus', en: "The work plan's focus" },
};

/** Groups of the work-plan focus dimension (a project visit may fall in several). */
export const FOCUS_LABELS: Record<string, LocalizedText> = {
  HOUSING_AREAS: { da: 'Projekter i de fem boligområder', en: 'Projects in the five housing areas' },
  SAFETY: { da: 'Projekter om tryghed', en: 'Projects on safety' },
  EMPLOYMENT: { da: 'Projekter om beskæftigelse', en: 'Projects on employment' },
};

export const STATUS_LABELS: Record<KpiStatus, LocalizedText> = {
  [KpiStatus.MET]: { da: 'Opfyldt', en: 'Met' },
  [KpiStatus.ON_TRACK]: { da: 'På vej', en: 'On track' },
  [KpiStatus.AT_RISK]: { da: 'I fare', en: 'At risk' },
  [KpiStatus.MISSED]: { da: 'Ikke nået', en: 'Missed' },
  [KpiStatus.NO_TARGET]: { da: 'Intet mål', en: 'No target' },
};

export const PERIOD_LABELS: Record<ReportPeriod, LocalizedText> = {
  [ReportPeriod.AUGUST]: { da: 'august', en: 'August' },
  [ReportPeriod.DECEMBER]: { da: 'december', en: 'December' },
  [ReportPeriod.AD_HOC]: { da: 'ekstra', en: 'ad hoc' },
};

export const STATE_LABELS: Record<ContributionState | InvolvedEventState, LocalizedText> = {
  HELD: { da: 'Afholdt', en: 'Held' },
  PLANNED: { da: 'Planlagt', en: 'Planned' },
  SUBMITTED: { da: 'Afventer godkendelse', en: 'Awaiting moderation' },
  DRAFT: { da: 'Kladde', en: 'Draft' },
};
