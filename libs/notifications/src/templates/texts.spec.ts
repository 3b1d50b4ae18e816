import { escapeHtml } from '@mangfold/common';
import { loadConfig } from '@mangfold/config';
import { AssociationKind } from '@mangfold/associations';
import { CancelledBy } from '@mangfold/registrations';
import { renderMail } from '../render';
import type { MailContent } from './layout';
import { relativeOffset, textsFor, type Texts } from './texts';

const config = loadConfig({ NODE_ENV: 'test', PUBLIC_BASE_URL: 'https://kalender.kk.dk' });
const event = {
  title: 'Ramadan <iftar> & musik',
  when: 'fredag 1. marts 2030 kl. 18.00–21.00',
  where: 'Kulturhuset',
  url: 'https://kalender.kk.dk/x',
};
const registration = { name: 'Ali "A" <Khan>', event, partySize: 2, manageUrl: 'https://kalender.kk.dk/registrations/manage?token=a.b' };
const org = { recipientName: 'Eva', association: 'Forening & Co', event, actionUrl: 'https://kalender.kk.dk/admin' };
const association = { recipientName: null, association: 'Forening & Co', loginUrl: 'https://kalender.kk.dk/login' };
const participation = {
  recipientName: 'Kontakt',
  organisation: 'Ambassade',
  year: 2030,
  event,
  activities: 'Stand',
  practicalInfo: 'Kom kl. 9',
};

/** Every text of Texts, by its name: a text added without a case here fails typecheck. */
const message = 'Husk <b>madpakke</b> & "tæppe".\n\nVi ses\nved indgangen.';

function everyMail(t: Texts): Record<Exclude<keyof Texts, 'footer' | 'calendarName'>, MailContent> {
  return {
    registrationConfirmed: t.registrationConfirmed(registration),
    registrationWaitlisted: t.registrationWaitlisted(registration),
    registrationPromoted: t.registrationPromoted(registration),
    registrationCancelled: t.registrationCancelled({ ...registration, by: CancelledBy.ORGANIZER }),
    eventMoved: t.eventMoved(registration),
    eventCancelled: t.eventCancelled({ ...registration, reason: 'Sygdom' }),
    reminder: t.reminder({ ...registration, offsetMinutes: 1440 }),
    feedbackRequest: t.feedbackRequest({ ...registration, feedbackUrl: 'https://kalender.kk.dk/f' }),
    associationApproved: t.associationApproved(association),
    associationRejected: t.associationRejected({ ...association, reason: 'r' }),
    memberAdded: t.memberAdded(association),
    passwordReset: t.passwordReset({ recipientName: 'Eva', url: 'https://kalender.kk.dk/reset', validMinutes: 60 }),
    signUpExistingAccount: t.signUpExistingAccount({
      recipientName: 'Eva',
      association: 'Forening & Co',
      loginUrl: 'https://kalender.kk.dk/login',
      resetUrl: 'https://kalender.kk.dk/reset',
      validMinutes: 60,
    }),
    associationSignedUp: t.associationSignedUp({
      recipientName: 'Admin',
      association: 'Forening & Co',
      kind: AssociationKind.EMBASSY,
      actionUrl: 'https://kalender.kk.dk/portal/admin/associations',
    }),
    registrantsMessage: t.registrantsMessage({ ...registration, association: 'Forening & Co', subject: 'Husk madpakke', message }),
    eventSubmitted: t.eventSubmitted(org),
    eventPublished: t.eventPublished(org),
    eventRejected: t.eventRejected({ ...org, reason: 'r' }),
    coOrganizerInvited: t.coOrganizerInvited({ ...org, inviter: 'Vært' }),
    participationReceived: t.participationReceived(participation),
    participationConfirmed: t.participationConfirmed(participation),
    participationWaitlisted: t.participationWaitlisted(participation),
    participationDeclined: t.participationDeclined({ ...participation, reason: 'r' }),
  };
}

describe.each(['da', 'en'] as const)('mail texts in %s', (locale) => {
  const { texts } = textsFor(locale);
  const mails = Object.entries(everyMail(texts));

  it('has a distinct subject for every kind, and never prints a missing value', () => {
    const subjects = mails.map(([, m]) => m.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    for (const [kind, mail] of mails) {
      const rendered = renderMail(config, locale, mail);
      expect([kind, rendered.text]).not.toEqual([kind, expect.stringMatching(/undefined|\bnull\b|\[object/)]);
      expect([kind, rendered.html]).not.toEqual([kind, expect.stringMatching(/undefined|\[object/)]);
    }
  });

  it('escapes everything a user wrote in the HTML part, and keeps it as written in the text part', () => {
    const rendered = renderMail(config, locale, texts.registrationConfirmed(registration));
    expect(rendered.html).toContain(escapeHtml('Ali "A" <Khan>'));
    expect(rendered.html).not.toContain('<Khan>');
    expect(rendered.html).not.toContain('<iftar>');
    expect(rendered.text).toContain('Ali "A" <Khan>');
    expect(rendered.text).toContain('Ramadan <iftar> & musik');
  });

  it("lays out an organiser's message as its paragraphs, escaped in HTML and as written in text", () => {
    const mail = texts.registrantsMessage({ ...registration, association: 'Forening & Co', subject: 'Husk <madpakke>', message });
    expect(mail.subject).toBe('Husk <madpakke> (Ramadan <iftar> & musik)');
    const rendered = renderMail(config, locale, mail);
    expect(rendered.text).toContain('Husk <b>madpakke</b> & "tæppe".\n\nVi ses\nved indgangen.\n');
    expect(rendered.html).toContain(`<p>${escapeHtml('Husk <b>madpakke</b> & "tæppe".')}</p>`);
    expect(rendered.html).not.toContain('<b>');
    expect(rendered.text).toContain(registration.manageUrl);
  });

  it('puts the city, the privacy link and the management link in the footer', () => {
    const rendered = renderMail(config, locale, texts.reminder({ ...registration, offsetMinutes: 60 }));
    expect(rendered.text).toContain(locale === 'da' ? 'Københavns Kommune' : 'City of Copenhagen');
    expect(rendered.text).toContain(locale === 'da' ? 'https://kalender.kk.dk/privatliv' : 'https://kalender.kk.dk/en/privacy');
    expect(rendered.text).toContain(registration.manageUrl);
    expect(rendered.html).toContain(`href="${escapeHtml(registration.manageUrl)}"`);
  });
});

describe('layout', () => {
  it('drops a link that is not http(s) rather than put it in an href', () => {
    const { texts } = textsFor('da');
    const rendered = renderMail(config, 'da', { ...texts.memberAdded(association), action: { label: 'Klik', url: 'javascript:alert(1)' } });
    expect(rendered.html).not.toContain('javascript:');
  });

  it('says how far ahead a reminder is in words', () => {
    expect(relativeOffset('da', 7 * 1440)).toBe('om 7 dage');
    expect(relativeOffset('da', 1440)).toBe('i morgen');
    expect(relativeOffset('en', 1440)).toBe('tomorrow');
    expect(relativeOffset('en', 120)).toBe('in 2 hours');
    expect(relativeOffset('da', 1)).toBe('om 1 minut');
  });

  it('falls back to Danish for languages it does not speak', () => {
    expect(textsFor('fr').locale).toBe('da');
    expect(textsFor(null).locale).toBe('da');
  });
});
