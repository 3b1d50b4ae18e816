import type { ResolvedSession } from '@mangfold/auth';
import type { Association } from '@mangfold/associations';
import { EventStatus } from '@mangfold/calendar';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import type { InternationalDay, Participation } from '@mangfold/registrations';
import { CheckboxField, ErrorSummary, TextArea, TextField, fieldId } from '../../forms/fields';
import { ACTIVITY_LABEL } from '../../labels';
import { LIVE_PARTICIPATION, participationStatusText } from '../participation-text';
import { formatWhen } from '../portal-format';
import { CsrfField, PortalPage } from '../portal-layout';
import { ACTIVITIES, activityField, type ParticipationFormValues } from './participation-form';
import { AssociationLinks } from './profile.page';

const TEXT = {
  da: {
    title: (name: string) => `${name}: International Dag`,
    none: 'Der er ikke planlagt nogen International Dag endnu. Kig forbi igen senere.',
    day: (year: number) => `International Dag ${year}`,
    when: 'Dagen',
    window: (from: string, to: string) => `Tilmelding fra ${from} til ${to}.`,
    publicPage: 'Se dagens offentlige side',
    yours: 'Jeres tilmeldinger',
    noneYet: 'Foreningen er ikke tilmeldt endnu.',
    reason: 'Begrundelse',
    signUp: 'Tilmeld foreningen',
    notOpen: 'Tilmeldingen er ikke åben nu.',
    live: 'Foreningen er tilmeldt. TFI skriver, når tilmeldingen er behandlet.',
    done: 'Foreningen er tilmeldt. Vi har sendt en bekræftelse til kontaktpersonen.',
    labels: {
      activities: 'Hvad vil I lave?',
      representatives: 'Antal repræsentanter (1–30)',
      tables: 'Borde ved standen (0–6)',
      needsPower: 'Standen skal have strøm',
      performanceMinutes: 'Optrædenens længde i minutter (1–120)',
      foodHygieneConfirmed: 'Vi følger reglerne for fødevarehygiejne (kræves, når I serverer mad)',
      notes: 'Andet, TFI skal vide (valgfrit)',
      contactName: 'Kontaktperson på dagen',
      contactEmail: 'Kontaktpersonens e-mail',
      contactPhone: 'Kontaktpersonens telefon (valgfri)',
    } as Record<string, string>,
    activitiesHint: 'Stand og mad giver en af de begrænsede stande.',
  },
  en: {
    title: (name: string) => `${name}: International Day`,
    none: 'No International Day has been planned yet. Please look again later.',
    day: (year: number) => `International Day ${year}`,
    when: 'The day',
    window: (from: string, to: string) => `Sign-up from ${from} until ${to}.`,
    publicPage: "See the day's public page",
    yours: 'Your sign-ups',
    noneYet: 'The association has not signed up yet.',
    reason: 'Reason',
    signUp: 'Sign up the association',
    notOpen: 'Sign-up is not open now.',
    live: 'The association is signed up. TFI writes once the sign-up has been handled.',
    done: 'The association is signed up. We have sent a confirmation to the contact person.',
    labels: {
      activities: 'What will you do?',
      representatives: 'Representatives coming (1–30)',
      tables: 'Tables at the stand (0–6)',
      needsPower: 'The stand needs electricity',
      performanceMinutes: 'Length of the performance in minutes (1–120)',
      foodHygieneConfirmed: 'We follow the food-hygiene rules (required when serving food)',
      notes: 'Anything else TFI should know (optional)',
      contactName: 'Contact person on the day',
      contactEmail: "The contact person's email",
      contactPhone: "The contact person's phone (optional)",
    } as Record<string, string>,
    activitiesHint: 'Stand and food take one of the limited stands.',
  },
} as const;

export interface ParticipationPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  association: Association;
  /** The day people sign up for now, with its event; null when none is planned. */
  day: InternationalDay | null;
  participations: Participation[];
  values: ParticipationFormValues;
  errors: FieldErrors;
  done?: boolean;
}

function ActivitiesField({ lang, values, errors }: { lang: SiteLanguage; values: ParticipationFormValues; errors: FieldErrors }) {
  const t = TEXT[lang];
  const error = errors.activities;
  return (
    <fieldset id={fieldId('activities')} aria-describedby={error ? `${fieldId('activities')}-error` : `${fieldId('activities')}-hint`}>
      <legend>{t.labels.activities}</legend>
      <p class="muted" id={`${fieldId('activities')}-hint`}>
        {t.activitiesHint}
      </p>
      {error ? (
        <p class="field-error" id={`${fieldId('activities')}-error`}>
          {error}
        </p>
      ) : null}
      {ACTIVITIES.map((a) => (
        <CheckboxField
          key={a}
          name={activityField(a)}
          label={ACTIVITY_LABEL[lang][a]}
          checked={values[activityField(a)] === 'on'}
          errors={{}}
        />
      ))}
    </fieldset>
  );
}

function SignUpForm({ lang, session, association, values, errors }: ParticipationPageProps) {
  const t = TEXT[lang];
  const l = t.labels;
  const field = (name: string, type = 'text') => <TextField name={name} type={type} label={l[name]} value={values[name]} errors={errors} />;
  return (
    <form method="post" action={sitePaths.portalAssociationInternationalDay(association.id)} novalidate>
      <CsrfField session={session} />
      <ActivitiesField lang={lang} values={values} errors={errors} />
      {field('representatives', 'number')}
      {field('tables', 'number')}
      <CheckboxField name="needsPower" label={l.needsPower} checked={values.needsPower === 'on'} errors={errors} />
      {field('performanceMinutes', 'number')}
      <CheckboxField
        name="foodHygieneConfirmed"
        label={l.foodHygieneConfirmed}
        checked={values.foodHygieneConfirmed === 'on'}
        errors={errors}
      />
      <TextArea name="notes" label={l.notes} value={values.notes} errors={errors} rows={3} />
      {field('contactName')}
      {field('contactEmail', 'email')}
      {field('contactPhone', 'tel')}
      <p>
        <button type="submit">{t.signUp}</button>
      </p>
    </form>
  );
}

/** An association's International Day: the day, its sign-ups and their status, and the sign-up form while it is open. */
export function ParticipationPage(props: ParticipationPageProps) {
  const { lang, baseUrl, session, association, day, participations, errors } = props;
  const t = TEXT[lang];
  const path = sitePaths.portalAssociationInternationalDay(association.id);
  const now = new Date();
  const open = !!day && day.registrationOpensAt <= now && now < day.registrationClosesAt && day.event.status !== EventStatus.CANCELLED;
  const live = participations.some((p) => LIVE_PARTICIPATION.includes(p.status));
  const summaryErrors = Object.fromEntries(Object.entries(errors).filter(([key]) => key !== 'form'));
  return (
    <PortalPage lang={lang} title={t.title(association.name)} baseUrl={baseUrl} path={path} session={session}>
      <h1>{t.title(association.name)}</h1>
      <AssociationLinks lang={lang} association={association} />
      {props.done ? (
        <p class="notice" role="status">
          {t.done}
        </p>
      ) : null}
      {day ? (
        <>
          <h2>{t.day(day.year)}</h2>
          <p>
            {formatWhen(lang, day.event.startsAt, day.event.timeZone, day.event.allDay)}.{' '}
            {t.window(
              formatWhen(lang, day.registrationOpensAt, day.event.timeZone),
              formatWhen(lang, day.registrationClosesAt, day.event.timeZone),
            )}
          </p>
          {day.event.status === EventStatus.PUBLISHED ? (
            <p>
              <a href={sitePaths.internationalDay(lang, day.year)}>{t.publicPage}</a>
            </p>
          ) : null}
          {errors.form ? (
            <p class="notice error" role="alert">
              {errors.form}
            </p>
          ) : null}
          <h2>{t.yours}</h2>
          {participations.length ? (
            <ul>
              {participations.map((p) => (
                <li key={p.id}>
                  {p.activities.map((a) => ACTIVITY_LABEL[lang][a]).join(', ')}: <strong>{participationStatusText(lang, p.status)}</strong>
                  {p.statusReason ? ` (${t.reason}: ${p.statusReason})` : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t.noneYet}</p>
          )}
          {live ? <p>{t.live}</p> : null}
          {!live && open ? (
            <>
              <h2>{t.signUp}</h2>
              <ErrorSummary lang={lang} errors={summaryErrors} labels={t.labels} />
              <SignUpForm {...props} />
            </>
          ) : null}
          {!live && !open ? <p>{t.notOpen}</p> : null}
        </>
      ) : (
        <p>{t.none}</p>
      )}
    </PortalPage>
  );
}
