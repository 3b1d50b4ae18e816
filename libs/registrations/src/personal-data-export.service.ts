import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { User, type AuthUser } from '@mangfold/auth';
import { Membership } from '@mangfold/associations';
import { audit } from '@mangfold/db';
import { Feedback } from './feedback.entity';
import { Participation } from './participation.entity';
import { Registration } from './registration.entity';

/** What a lib above this one holds about an address (the mails sent, say), as JSON for the export. */
export type PersonalDataPart = (em: EntityManager, email: string) => Promise<unknown>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/**
 * Subject access (GDPR art. 15) for TFI: everything Mangfold holds about one email address, as one
 * JSON document (account and memberships, registrations with feedback, International Day contact
 * details, and the parts libs above this one register, such as the mails sent). Each export is
 * written to the audit trail (with a hash of the address, never the address).
 */
@Injectable()
export class PersonalDataExport {
  private readonly parts = new Map<string, PersonalDataPart>();

  constructor(private readonly em: EntityManager) {}

  /** Adds a part under `key`, after the parts this lib holds; a key is registered once. */
  register(key: string, part: PersonalDataPart): void {
    if (this.parts.has(key) || ['email', 'generatedAt', 'account', 'registrations', 'internationalDayContacts'].includes(key)) {
      throw new Error(`the personal-data export already has a part "${key}"`);
    }
    this.parts.set(key, part);
  }

  async export(email: string, admin: AuthUser): Promise<Record<string, unknown>> {
    const address = email.trim().toLowerCase();
    const em = this.em.fork();
    const user = await em.findOne(User, { email: address });
    const memberships = user
      ? await em.find(Membership, { user: user.id }, { populate: ['association'], orderBy: { createdAt: 'asc' } })
      : [];
    const registrations = await em.find(Registration, { email: address }, { populate: ['event'], orderBy: { createdAt: 'asc' } });
    const feedback = registrations.length ? await em.find(Feedback, { registration: { $in: registrations.map((r) => r.id) } }) : [];
    const participations = await em.find(Participation, { contactEmail: address }, { populate: ['internationalDay', 'association'] });
    const more: Record<string, unknown> = {};
    for (const [key, part] of this.parts) more[key] = await part(em, address);
    audit(em, {
      actorId: admin.id,
      action: 'personal-data.exported',
      entityType: 'User',
      entityId: user?.id ?? admin.id,
      changes: { emailSha256: createHash('sha256').update(address).digest('hex') },
    });
    await em.flush();

    return {
      email: address,
      generatedAt: new Date().toISOString(),
      account: user && accountOf(user, memberships),
      registrations: registrations.map((r) =>
        registrationOf(
          r,
          feedback.find((f) => f.registration.id === r.id),
        ),
      ),
      internationalDayContacts: participations.map((p) => ({
        id: p.id,
        year: p.internationalDay.year,
        organisation: p.association?.name ?? p.organisationName,
        contactName: p.contactName,
        contactEmail: p.contactEmail,
        contactPhone: p.contactPhone,
        status: p.status,
      })),
      ...more,
    };
  }
}

function accountOf(user: User, memberships: Membership[]): Record<string, unknown> {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    locale: user.locale,
    createdAt: iso(user.createdAt),
    lastLoginAt: iso(user.lastLoginAt),
    memberships: memberships.map((m) => ({ association: m.association.name, slug: m.association.slug, since: iso(m.createdAt) })),
  };
}

function registrationOf(r: Registration, answer: Feedback | undefined): Record<string, unknown> {
  return {
    id: r.id,
    event: { id: r.event.id, title: r.event.title, startsAt: iso(r.event.startsAt) },
    status: r.status,
    name: r.name,
    email: r.email,
    phone: r.phone,
    organisation: r.organisation,
    role: r.role,
    partySize: r.partySize,
    language: r.locale,
    consent: { version: r.consentVersion, at: iso(r.consentedAt) },
    registeredAt: iso(r.createdAt),
    cancelledAt: iso(r.cancelledAt),
    checkedInAt: iso(r.checkedInAt),
    feedback: answer ? { satisfied: answer.satisfied, score: answer.score, comment: answer.comment } : null,
  };
}
