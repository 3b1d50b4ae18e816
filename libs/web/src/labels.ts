import type { SiteLanguage } from '@mangfold/config';
import { AssociationKind } from '@mangfold/associations';
import { ParticipationActivity } from '@mangfold/registrations';

/** What one actor of each kind is called, on the pages and in the portal. */
export const KIND_LABEL: Record<SiteLanguage, Record<AssociationKind, string>> = {
  da: {
    [AssociationKind.ASSOCIATION]: 'Forening',
    [AssociationKind.PROJECT]: 'Projekt',
    [AssociationKind.VOLUNTARY_ORGANISATION]: 'Frivillig organisation',
    [AssociationKind.EMBASSY]: 'Ambassade',
    [AssociationKind.MUNICIPAL_UNIT]: 'Kommunal enhed',
    [AssociationKind.HOUSING_ORGANISATION]: 'Afdelingsbestyrelse eller boligselskab',
    [AssociationKind.OTHER]: 'Andet',
  },
  en: {
    [AssociationKind.ASSOCIATION]: 'Association',
    [AssociationKind.PROJECT]: 'Project',
    [AssociationKind.VOLUNTARY_ORGANISATION]: 'Voluntary organisation',
    [AssociationKind.EMBASSY]: 'Embassy',
    [AssociationKind.MUNICIPAL_UNIT]: 'Municipal unit',
    [AssociationKind.HOUSING_ORGANISATION]: "Residents' board or housing association",
    [AssociationKind.OTHER]: 'Other',
  },
};

/** Plural headings for grouping actors by kind. */
export const KIND_HEADING: Record<SiteLanguage, Record<AssociationKind, string>> = {
  da: {
    [AssociationKind.ASSOCIATION]: 'Foreninger',
    [AssociationKind.PROJECT]: 'Projekter',
    [AssociationKind.VOLUNTARY_ORGANISATION]: 'Frivillige organisationer',
    [AssociationKind.EMBASSY]: 'Ambassader',
    [AssociationKind.MUNICIPAL_UNIT]: 'Kommunale enheder',
    [AssociationKind.HOUSING_ORGANISATION]: 'Afdelingsbestyrelser og boligselskaber',
    [AssociationKind.OTHER]: 'Andre',
  },
  en: {
    [AssociationKind.ASSOCIATION]: 'Associations',
    [AssociationKind.PROJECT]: 'Projects',
    [AssociationKind.VOLUNTARY_ORGANISATION]: 'Voluntary organisations',
    [AssociationKind.EMBASSY]: 'Embassies',
    [AssociationKind.MUNICIPAL_UNIT]: 'Municipal units',
    [AssociationKind.HOUSING_ORGANISATION]: "Residents' boards and housing associations",
    [AssociationKind.OTHER]: 'Others',
  },
};

export const ACTIVITY_LABEL: Record<SiteLanguage, Record<ParticipationActivity, string>> = {
  da: {
    [ParticipationActivity.STAND]: 'stand',
    [ParticipationActivity.PERFORMANCE]: 'optræden',
    [ParticipationActivity.FOOD]: 'mad',
    [ParticipationActivity.WORKSHOP]: 'workshop',
  },
  en: {
    [ParticipationActivity.STAND]: 'stand',
    [ParticipationActivity.PERFORMANCE]: 'performance',
    [ParticipationActivity.FOOD]: 'food',
    [ParticipationActivity.WORKSHOP]: 'workshop',
  },
};
