import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { purgePasswordResetTokens } from '@mangfold/auth';
import { audit } from '@mangfold/db';
import { Event } from '@mangfold/calendar';
import { RegistrationStatus } from './registration.entity';
import { RegistrationsService } from './registrations.service';

export interface PurgeResult {
  registrations: number;
  participations: number;
  resetTokens: number;
}

/*
 * Personal data of registrants is kept only as long as it serves them: it is anonymised
 * PERSONAL_DATA_RETENTION_DAYS after the event (default 90), or at once when the registrant asks.
 * Anonymising keeps the row, its status, party size, check-in and satisfaction, so head counts and
 * KPIs stay true; it drops name, email, phone, organisation, the personal-feed key and the free-text
 * feedback comment. The notifications lib's trigger forgets where the registration's mails went.
 */
const ANONYMISE_REGISTRATIONS = `
  update registration set name = null, email = null, phone = null, organisation = null, personal_feed_key = null,
    anonymized_at = now(), updated_at = now()
  where anonymized_at is null and id in (%IDS%)
  returning id`;

@Injectable()
export class PersonalDataService {
  constructor(
    private readonly em: EntityManager,
    private readonly registrations: RegistrationsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  /** The nightly purge: everything past its retention, in one transaction per kind of data. */
  async purgeExpired(now = new Date()): Promise<PurgeResult> {
    const cutoff = new Date(now.getTime() - this.config.privacy.retentionDays * 24 * 3600_000);
    const registrations = await this.em.transactional(async (em) => {
      const rows: { id: string }[] = await em.execute(
        ANONYMISE_REGISTRATIONS.replace(
          '%IDS%',
          `select r.id from registration r join event e on e.id = r.event_id
           where r.anonymized_at is null and coalesce(e.last_ends_at, e.ends_at) < ?`,
        ),
        [cutoff],
      );
      if (rows.length)
        await em.execute(
          `update feedback set comment = null where registration_id in (${rows.map(() => '?').join(',')})`,
          rows.map((r) => r.id),
        );
      return rows.length;
    });
    const participations = await this.em.transactional(async (em) => {
      const rows: { id: string }[] = await em.execute(
        `update participation p set contact_name = null, contact_email = null, contact_phone = null, notes = null, updated_at = now()
         from international_day d join event e on e.id = d.event_id
         where p.international_day_id = d.id and e.ends_at < ?
           and (p.contact_name is not null or p.contact_email is not null or p.contact_phone is not null or p.notes is not null)
         returning p.id`,
        [cutoff],
      );
      return rows.length;
    });
    const resetTokens = await purgePasswordResetTokens(this.em.fork(), now, cutoff);
    return { registrations, participations, resetTokens };
  }

  /**
   * The registrant's own deletion (right to erasure) through the management token: an upcoming
   * registration is first cancelled (freeing the seat for the waiting list), then anonymised.
   */
  async eraseByToken(token: string): Promise<void> {
    const registration = await this.registrations.findByToken(token);
    const live = registration.status !== RegistrationStatus.CANCELLED;
    const event = await this.em.findOneOrFail(Event, registration.event.id);
    if (live && event.startsAt > new Date()) await this.registrations.cancelByToken(token);
    await this.em.transactional(async (em) => {
      await em.execute(ANONYMISE_REGISTRATIONS.replace('%IDS%', '?'), [registration.id]);
      await em.execute(`update feedback set comment = null where registration_id = ?`, [registration.id]);
      audit(em, { actorId: null, action: 'registration.erased-by-registrant', entityType: 'Registration', entityId: registration.id });
    });
  }
}
