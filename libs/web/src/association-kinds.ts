import { AssociationKind } from '@mangfold/associations';
import type { SiteLanguage } from '@mangfold/config';

/** What one actor of each kind is called on the pages and in the portal. */
export const ASSOCIATION_KIND_NAMES: Record<AssociationKind, Record<SiteLanguage, string>> = {
  [AssociationKind.ASSOCIATION]: { da: 'Forening', en: 'Association' },
  [AssociationKind.PROJECT]: { da: 'Projekt', en: 'Project' },
  [AssociationKind.VOLUNTARY_ORGANISATION]: { da: 'Frivillig organisation', en: 'Voluntary organisation' },
  [AssociationKind.EMBASSY]: { da: 'Ambassade', en: 'Embassy' },
  [AssociationKind.MUNICIPAL_UNIT]: { da: 'Kommunal enhed', en: 'Municipal unit' },
  [AssociationKind.HOUSING_ORGANISATION]: { da: 'Afdelingsbestyrelse eller boligselskab', en: "Residents' board or housing association" },
  [AssociationKind.OTHER]: { da: 'Anden aktør', en: 'Other actor' },
};
