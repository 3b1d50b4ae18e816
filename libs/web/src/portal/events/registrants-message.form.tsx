import type { ResolvedSession } from '@mangfold/auth';
import type { SiteLanguage } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { REGISTRANTS_MESSAGE_LIMITS } from '@mangfold/notifications';
import { ErrorSummary, TextArea, TextField } from '../../forms/fields';
import { CsrfField } from '../portal-layout';

const TEXT = {
  da: {
    heading: 'Skriv til de tilmeldte',
    intro:
      'Beskeden mailes til alle, der er bekræftet eller står på ventelisten, hver for sig og på deres eget sprog, med et link til deres tilmelding. Ingen ser de andres adresser.',
    subject: 'Emne',
    text: 'Besked',
    subjectHint: `Højst ${REGISTRANTS_MESSAGE_LIMITS.subject} tegn på én linje.`,
    textHint: `Højst ${REGISTRANTS_MESSAGE_LIMITS.text} tegn. En tom linje starter et nyt afsnit.`,
    send: 'Send beskeden',
  },
  en: {
    heading: 'Write to the registrants',
    intro:
      'The message is mailed to everyone confirmed or on the waiting list, one by one and in their own language, with a link to their registration. Nobody sees the others’ addresses.',
    subject: 'Subject',
    text: 'Message',
    subjectHint: `At most ${REGISTRANTS_MESSAGE_LIMITS.subject} characters on one line.`,
    textHint: `At most ${REGISTRANTS_MESSAGE_LIMITS.text} characters. A blank line starts a new paragraph.`,
    send: 'Send the message',
  },
} as const;

/** What was written in the message form, and what is wrong with it, to show it again. */
export interface MessageFormState {
  values: { subject: string; text: string };
  errors: FieldErrors;
}

/** The form that mails an event's registrants (posted to …/registrations/message). */
export function RegistrantsMessageForm(props: { lang: SiteLanguage; session: ResolvedSession; action: string; state?: MessageFormState }) {
  const t = TEXT[props.lang];
  const errors = props.state?.errors ?? {};
  const values = props.state?.values ?? { subject: '', text: '' };
  return (
    <section aria-labelledby="message-heading">
      <h2 id="message-heading">{t.heading}</h2>
      <p>{t.intro}</p>
      <ErrorSummary lang={props.lang} errors={errors} labels={{ subject: t.subject, text: t.text }} />
      <form method="post" action={props.action} novalidate>
        <CsrfField session={props.session} />
        <TextField name="subject" label={t.subject} hint={t.subjectHint} value={values.subject} errors={errors} required />
        <TextArea name="text" label={t.text} hint={t.textHint} value={values.text} rows={8} errors={errors} />
        <button type="submit">{t.send}</button>
      </form>
    </section>
  );
}
