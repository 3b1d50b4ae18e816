import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { PasswordResetToken, Role } from '@mangfold/auth';
import { AssociationStatus } from '@mangfold/associations';
import { Event, EventOrganiser, EventStatus, OrganiserRole, OrganiserStatus } from '@mangfold/calendar';
import { MailDelivery, MailDeliveryStatus } from '@mangfold/notifications';
import { CancelledBy, ParticipationActivity, ParticipationStatus, Registration, RegistrationStatus } from '@mangfold/registrations';
import { createAssociation, createEvent, createInternationalDay, createParticipation, createRegistration, createUser } from '../factories';
import { startTestApp, waitFor, type TestApp } from '../utils';
import { notify } from './helpers';

describe('every kind of mail, written to the outbox directory without SMTP_URL', () => {
  let app: TestApp;
  let outbox: string;

  beforeAll(async () => {
    outbox = mkdtempSync(join(tmpdir(), 'mangfold-outbox-'));
    app = await startTestApp({ worker: true, env: { MAIL_OUTBOX_DIR: outbox } });
  });
  afterAll(async () => {
    await app.close();
    rmSync(outbox, { recursive: true, force: true });
  });

  async function mailsTo(address: string, count: number): Promise<ParsedMail[]> {
    let found: ParsedMail[] = [];
    await waitFor(
      async () => {
        const files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
        const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(join(outbox, f)))));
        found = parsed.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((t) => t?.value.some((v) => v.address === address)));
        return found.length >= count;
      },
      15_000,
      `${count} mail(s) to ${address}`,
    );
    return found;
  }

  it("tells an association it was approved or rejected, in each member's language, once", async () => {
    const em = app.em();
    const da = await createUser(em, { locale: 'da', name: 'Fatima' });
    const en = await createUser(em, { locale: 'en', name: 'John' });
    const association = await createAssociation(em, { name: 'Kulturforeningen Bro', members: [da, en] });
    await notify(app, { kind: 'association-approved', associationId: association.id });
    await notify(app, { kind: 'association-approved', associationId: association.id });
    const [daMail] = await mailsTo(da.email, 1);
    expect(daMail.subject).toBe('Kulturforeningen Bro er godkendt i Mangfoldighedskalenderen');
    expect(daMail.text).toContain('Kære Fatima');
    const [enMail] = await mailsTo(en.email, 1);
    expect(enMail.subject).toBe('Kulturforeningen Bro is approved in the Diversity Calendar');

    const rejected = await createAssociation(em, { name: 'Forening X', status: AssociationStatus.REJECTED, members: [da] });
    await notify(app, { kind: 'association-rejected', associationId: rejected.id, reason: 'Mangler vedtægter' });
    const mails = await mailsTo(da.email, 2);
    expect(mails.find((m) => m.subject === 'Forening X er ikke godkendt')?.text).toContain('Mangler vedtægter');
    await waitFor(async () => (await app.em().count(MailDelivery, { kind: 'association-approved' })) === 2);
    expect(readdirSync(outbox).filter((f) => f.startsWith('association-approved-'))).toHaveLength(2);
  });

  it('sends a password reset link whose token only the mail holds', async () => {
    const em = app.em();
    const user = await createUser(em, { locale: 'en' });
    await notify(app, { kind: 'password-reset', userId: user.id });
    const [mail] = await mailsTo(user.email, 1);
    expect(mail.subject).toBe('Reset your password');
    const token = /reset-password\?token=([\w-]+)/.exec(mail.text!)![1];
    const stored = await app.em().find(PasswordResetToken, { user: user.id });
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(stored[0].tokenHash).not.toContain(token);
  });

  it('welcomes an added member: a new account gets a link to set its password, a known one a login link', async () => {
    const em = app.em();
    const fresh = await createUser(em, { name: 'Ny Medlem' });
    const known = await createUser(em, { name: 'Kendt Medlem' });
    known.lastLoginAt = new Date();
    await em.flush();
    const association = await createAssociation(em, { name: 'Valby Kulturbro', members: [fresh, known] });
    await notify(app, { kind: 'member-added', associationId: association.id, userId: fresh.id });
    await notify(app, { kind: 'member-added', associationId: association.id, userId: known.id });

    const [welcome] = await mailsTo(fresh.email, 1);
    const token = /\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(welcome.text!)?.[1];
    expect(token).toBeDefined();
    const stored = await app.em().findOneOrFail(PasswordResetToken, { tokenHash: createHash('sha256').update(token!).digest('hex') });
    expect(stored.expiresAt.getTime() - Date.now()).toBeGreaterThan(6 * 24 * 3600_000);
    const [known1] = await mailsTo(known.email, 1);
    expect(known1.text).not.toMatch(/reset-password/);
  });

  it('tells admins of a submitted event, and its organisers of the decision', async () => {
    const em = app.em();
    const admin = await createUser(em, { role: Role.ADMIN, name: 'TFI' });
    const member = await createUser(em, { name: 'Leila' });
    const association = await createAssociation(em, { name: 'Bydelsmødrene', members: [member] });
    const event = await createEvent(em, {
      organiser: association,
      status: EventStatus.SUBMITTED,
      title: { da: 'Eid-fest', en: 'Eid party' },
    });
    await notify(app, { kind: 'event-submitted', eventId: event.id });
    const [toAdmin] = await mailsTo(admin.email, 1);
    expect(toAdmin.subject).toBe('Til godkendelse: Eid-fest');
    expect(toAdmin.text).toContain('Bydelsmødrene');

    const published = await em.findOneOrFail(Event, event.id);
    published.status = EventStatus.PUBLISHED;
    await em.flush();
    await notify(app, { kind: 'event-published', eventId: event.id });
    expect((await mailsTo(member.email, 1))[0].subject).toBe('Offentliggjort: Eid-fest');

    published.status = EventStatus.REJECTED;
    await em.flush();
    await notify(app, { kind: 'event-rejected', eventId: event.id, reason: 'Dato mangler' });
    const both = await mailsTo(member.email, 2);
    expect(both.find((m) => m.subject === 'Ikke godkendt: Eid-fest')?.text).toContain('Dato mangler');
  });

  it('invites a co-organiser', async () => {
    const em = app.em();
    const invitee = await createUser(em, { locale: 'en' });
    const host = await createAssociation(em, { name: 'Host Forening' });
    const guest = await createAssociation(em, { name: 'Guest Forening', members: [invitee] });
    const event = await createEvent(em, { organiser: host, title: { da: 'Nytår', en: 'New year' } });
    em.create(EventOrganiser, { event, association: guest, role: OrganiserRole.CO_ORGANIZER, status: OrganiserStatus.INVITED });
    await em.flush();
    await notify(app, { kind: 'co-organizer-invited', eventId: event.id, associationId: guest.id });
    const [mail] = await mailsTo(invitee.email, 1);
    expect(mail.subject).toBe('Invitation to co-organise: New year');
    expect(mail.text).toContain('Host Forening has invited Guest Forening');
  });

  it('writes to International Day participants at each step', async () => {
    const em = app.em();
    const day = await createInternationalDay(em, { year: 2031 });
    day.practicalInfo = { da: 'Opstilling fra kl. 9.', en: 'Set-up from 9 am.' };
    const participation = await createParticipation(em, day, { activities: [ParticipationActivity.STAND, ParticipationActivity.FOOD] });
    await em.flush();
    const to = participation.contactEmail!;
    await notify(app, { kind: 'participation-received', participationId: participation.id });
    expect((await mailsTo(to, 1))[0].subject).toBe('Modtaget: jeres tilmelding til International Dag 2031');
    participation.status = ParticipationStatus.CONFIRMED;
    await em.flush();
    await notify(app, { kind: 'participation-confirmed', participationId: participation.id });
    const confirmed = (await mailsTo(to, 2)).find((m) => m.subject === 'Bekræftet: International Dag 2031')!;
    expect(confirmed.text).toContain('Opstilling fra kl. 9.');
    expect(confirmed.text).toContain('Stand, Mad');
    participation.status = ParticipationStatus.DECLINED;
    await em.flush();
    await notify(app, { kind: 'participation-declined', participationId: participation.id, reason: 'Ingen strøm' });
    expect((await mailsTo(to, 3)).find((m) => m.subject === 'Jeres tilmelding til International Dag 2031')?.text).toContain('Ingen strøm');
  });

  it('tells a promoted registrant and one the organiser cancelled', async () => {
    const em = app.em();
    const event = await createEvent(em, { title: { da: 'Seminar om trivsel', en: 'Seminar on well-being' } });
    const promoted = await createRegistration(em, event);
    await notify(app, { kind: 'registration-promoted', registrationId: promoted.id });
    const [mail] = await mailsTo(promoted.email!, 1);
    expect(mail.subject).toBe('Du har fået en plads: Seminar om trivsel');
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['text/calendar']);

    const cancelled = await createRegistration(em, event, { status: RegistrationStatus.CANCELLED, locale: 'en' });
    const row = await em.findOneOrFail(Registration, cancelled.id);
    row.cancelledBy = CancelledBy.ORGANIZER;
    row.cancelledAt = new Date();
    await em.flush();
    await notify(app, { kind: 'registration-cancelled', registrationId: cancelled.id });
    const [notice] = await mailsTo(cancelled.email!, 1);
    expect(notice.subject).toBe('Cancelled: Seminar on well-being');
    expect(notice.text).toContain('The organiser has cancelled your registration');
  });

  it("forgets where a registration's mails went once the registration is anonymised", async () => {
    const em = app.em();
    const event = await createEvent(em);
    const registration = await createRegistration(em, event);
    await notify(app, { kind: 'registration-confirmed', registrationId: registration.id });
    await waitFor(
      async () => (await app.em().findOne(MailDelivery, { registration: registration.id }))?.status === MailDeliveryStatus.SENT,
    );
    await app
      .em()
      .getConnection()
      .execute(`update registration set email = null, name = null, anonymized_at = now() where id = ?`, [registration.id]);
    const delivery = await app.em().findOneOrFail(MailDelivery, { registration: registration.id });
    expect(delivery.recipient).toBeNull();
    expect(delivery.response).not.toContain(registration.email!);
  });
});
