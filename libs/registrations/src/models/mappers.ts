import type { AppConfig } from '@mangfold/config';
import { Language, parseLanguage } from '@mangfold/common';
import type { Feedback } from '../feedback.entity';
import type { InternationalDay } from '../international-day.entity';
import type { Participation } from '../participation.entity';
import type { Registration } from '../registration.entity';
import { calendarToken, managementUrl, personalFeedUrl, registrationToken } from '../registration-tokens';
import { InternationalDayModel, ParticipationModel } from './international-day.model';
import { FeedbackModel, RegistrationModel, type RegistrationAudience } from './registration.model';

/** What a viewer may see of a registration; see RegistrationAudience. */
export function toRegistrationModel(
  config: AppConfig,
  registration: Registration,
  audience: RegistrationAudience,
  knownWaitlistPosition?: number | null,
): RegistrationModel {
  const model = new RegistrationModel();
  const personal = audience !== 'REPEAT';
  const secret = audience === 'REGISTRANT' && registration.email !== null;
  model.id = registration.id;
  model.eventId = registration.event.id;
  model.status = registration.status;
  model.partySize = registration.partySize;
  model.name = personal ? registration.name : null;
  model.email = registration.email;
  model.phone = personal ? registration.phone : null;
  model.organisation = personal ? registration.organisation : null;
  model.role = personal ? registration.role : null;
  model.language = parseLanguage(registration.locale) ?? Language.DA;
  model.consentVersion = registration.consentVersion;
  model.consentedAt = personal ? registration.consentedAt : null;
  model.registeredAt = registration.createdAt;
  model.promotedAt = registration.promotedAt;
  model.cancelledAt = registration.cancelledAt;
  model.cancelledBy = registration.cancelledBy;
  model.checkedInAt = personal ? registration.checkedInAt : null;
  model.alreadyRegistered = audience === 'REPEAT';
  model.managementToken = secret ? registrationToken(config, registration) : null;
  model.managementUrl = secret ? managementUrl(config, registration) : null;
  model.calendarToken = secret ? calendarToken(config, registration.email!) : null;
  model.personalFeedUrl = secret ? personalFeedUrl(config, registration.email!) : null;
  model.audience = audience;
  model.knownWaitlistPosition = knownWaitlistPosition;
  return model;
}

export function toFeedbackModel(feedback: Feedback): FeedbackModel {
  return Object.assign(new FeedbackModel(), {
    id: feedback.id,
    satisfied: feedback.satisfied,
    score: feedback.score,
    comment: feedback.comment,
    createdAt: feedback.createdAt,
  });
}

export function toInternationalDayModel(day: InternationalDay): InternationalDayModel {
  return Object.assign(new InternationalDayModel(), {
    id: day.id,
    year: day.year,
    eventId: day.event.id,
    standCapacity: day.standCapacity,
    registrationOpensAt: day.registrationOpensAt,
    registrationClosesAt: day.registrationClosesAt,
    practicalInfo: day.practicalInfo,
  });
}

export function toParticipationModel(p: Participation): ParticipationModel {
  return Object.assign(new ParticipationModel(), {
    id: p.id,
    internationalDayId: p.internationalDay.id,
    status: p.status,
    statusReason: p.statusReason,
    associationId: p.association?.id ?? null,
    organisationName: p.organisationName,
    participantKind: p.participantKind,
    activities: p.activities,
    needsStand: p.needsStand,
    representatives: p.representatives,
    tables: p.tables,
    needsPower: p.needsPower,
    performanceMinutes: p.performanceMinutes,
    foodHygieneConfirmed: p.foodHygieneConfirmed,
    notes: p.notes,
    contactName: p.contactName,
    contactEmail: p.contactEmail,
    contactPhone: p.contactPhone,
    registeredAt: p.createdAt,
    decidedAt: p.decidedAt,
  });
}
