import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { Language } from '@mangfold/common';
import { localize } from '@mangfold/db';
import { User } from '@mangfold/auth';
import { Participation, ParticipationStatus } from '@mangfold/registrations';
import { eventView } from '../event-view';
import { renderMail } from '../render';
import type { MailContent } from '../templates/layout';
import { textsFor, type ParticipationView, type Texts } from '../templates/texts';
import { MailKit, type HandlersFor, type Outcome } from './mail-kit';
import type { NotificationOf } from './mail-kinds';

type ParticipationKind = 'participation-received' | 'participation-confirmed' | 'participation-waitlisted' | 'participation-declined';

/** The statuses a participation may have for each mail to still be true. */
const EXPECTED: Record<ParticipationKind, ParticipationStatus[]> = {
  'participation-received': [ParticipationStatus.PENDING, ParticipationStatus.CONFIRMED, ParticipationStatus.WAITLISTED],
  'participation-confirmed': [ParticipationStatus.CONFIRMED],
  'participation-waitlisted': [ParticipationStatus.WAITLISTED],
  'participation-declined': [ParticipationStatus.DECLINED],
};

/** The text of each participation mail. */
const CONTENT: { [K in ParticipationKind]: (t: Texts, view: ParticipationView, n: NotificationOf<K>) => MailContent } = {
  'participation-received': (t, v) => t.participationReceived(v),
  'participation-confirmed': (t, v) => t.participationConfirmed(v),
  'participation-waitlisted': (t, v) => t.participationWaitlisted(v),
  'participation-declined': (t, v, n) => t.participationDeclined({ ...v, reason: n.reason }),
};

/** Mails to the contact person of an International Day participation, at each step. */
@Injectable()
export class ParticipantMails {
  constructor(private readonly kit: MailKit) {}

  handlers(): HandlersFor<ParticipationKind> {
    return {
      'participation-received': (n, job) => this.participation(n, job),
      'participation-confirmed': (n, job) => this.participation(n, job),
      'participation-waitlisted': (n, job) => this.participation(n, job),
      'participation-declined': (n, job) => this.participation(n, job),
    };
  }

  private async participation(n: NotificationOf<ParticipationKind>, job?: Job): Promise<Outcome> {
    const participation = await this.kit.em.findOne(
      Participation,
      { id: n.participationId },
      { populate: ['internationalDay.event', 'association'] },
    );
    if (!participation) return 'skipped: participation gone';
    if (!EXPECTED[n.kind].includes(participation.status)) return `skipped: participation is ${participation.status}`;
    const registeredBy = participation.registeredBy ? await this.kit.em.findOne(User, { id: participation.registeredBy }) : null;
    const to = participation.contactEmail ?? registeredBy?.email;
    if (!to) return 'skipped: no contact address';
    const { locale, texts } = textsFor(registeredBy?.locale);
    const day = participation.internationalDay;
    const view: ParticipationView = {
      recipientName: participation.contactName,
      organisation: participation.association?.name ?? participation.organisationName ?? '',
      year: day.year,
      event: eventView(this.kit.config, day.event, locale),
      activities: participation.activities.map((a) => activityName(a, locale)).join(', '),
      practicalInfo: localize(day.practicalInfo, locale) ?? null,
    };
    const content = (CONTENT[n.kind] as (t: Texts, v: ParticipationView, n: NotificationOf<ParticipationKind>) => MailContent)(
      texts,
      view,
      n,
    );
    return this.kit.sendAll(
      [{ key: `${n.kind}:${participation.id}`, kind: n.kind, to, ...renderMail(this.kit.config, locale, content), eventId: day.event.id }],
      job,
    );
  }
}

function activityName(activity: string, locale: Language): string {
  const names: Record<string, [string, string]> = {
    STAND: ['Stand', 'Stand'],
    PERFORMANCE: ['Optræden', 'Performance'],
    FOOD: ['Mad', 'Food'],
    WORKSHOP: ['Workshop', 'Workshop'],
  };
  const pair = names[activity];
  return pair ? pair[locale === 'da' ? 0 : 1] : activity;
}
