import { AuditEntry, BaseEntity } from '@mangfold/db';
import { OutboxMessage } from '@mangfold/jobs';
import { PasswordResetToken, User, WebSession } from '@mangfold/auth';
import { Association, District, HousingArea, Membership } from '@mangfold/associations';
import { Event, EventLocation, EventOrganiser, EventTheme, Occasion, OccasionDate, Theme } from '@mangfold/calendar';
import { KpiAssociationYear, KpiEventCount, KpiInternationalDayCount, KpiTarget, KpiYearTotal, StatusReport } from '@mangfold/kpi';
import { Feedback, InternationalDay, Participation, Registration, RegistrationSettings } from '@mangfold/registrations';
import { MailDelivery } from '@mangfold/notifications';
import { EventFeedFragment, FeedSnapshot, FeedState } from '@mangfold/feeds';
import { AdviceItem, Area, Assignment, EventSpeaker, Material, ProjectVisit, Speaker } from '@mangfold/workplan';

/** Every entity of every lib; the single list MikroORM, the migrations and the tests use. */
export const ENTITIES = [
  BaseEntity,
  AuditEntry,
  OutboxMessage,
  User,
  PasswordResetToken,
  WebSession,
  District,
  HousingArea,
  Association,
  Membership,
  Occasion,
  OccasionDate,
  Event,
  EventLocation,
  EventOrganiser,
  KpiTarget,
  StatusReport,
  KpiEventCount,
  KpiAssociationYear,
  KpiInternationalDayCount,
  KpiYearTotal,
  Registration,
  Feedback,
  InternationalDay,
  Participation,
  RegistrationSettings,
  MailDelivery,
  EventFeedFragment,
  FeedSnapshot,
  FeedState,
  Theme,
  EventTheme,
  Assignment,
  ProjectVisit,
  Area,
  Speaker,
  EventSpeaker,
  Material,
  AdviceItem,
];
