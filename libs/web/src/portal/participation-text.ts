import type { SiteLanguage } from '@mangfold/config';
import { ParticipationStatus } from '@mangfold/registrations';

/** A participation's status as the portal says it, to the participant and to TFI alike. */
export const PARTICIPATION_STATUS: Record<SiteLanguage, Record<ParticipationStatus, string>> = {
  da: {
    [ParticipationStatus.PENDING]: 'tilmeldt, venter på svar fra TFI',
    [ParticipationStatus.CONFIRMED]: 'bekræftet',
    [ParticipationStatus.WAITLISTED]: 'på venteliste til en stand',
    [ParticipationStatus.DECLINED]: 'afvist',
    [ParticipationStatus.CANCELLED]: 'afmeldt',
  },
  en: {
    [ParticipationStatus.PENDING]: 'registered, awaiting TFI',
    [ParticipationStatus.CONFIRMED]: 'confirmed',
    [ParticipationStatus.WAITLISTED]: 'on the waiting list for a stand',
    [ParticipationStatus.DECLINED]: 'declined',
    [ParticipationStatus.CANCELLED]: 'cancelled',
  },
};

/** Statuses that hold or wait for a place: an association with one of these cannot sign up again. */
export const LIVE_PARTICIPATION: readonly ParticipationStatus[] = [
  ParticipationStatus.PENDING,
  ParticipationStatus.CONFIRMED,
  ParticipationStatus.WAITLISTED,
];

/** The words for a participation's status (a stored status is `Opt<…>`, which does not index a record). */
export function participationStatusText(lang: SiteLanguage, status: ParticipationStatus): string {
  return PARTICIPATION_STATUS[lang][status];
}
