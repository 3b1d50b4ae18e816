import type { ResolvedSession } from '@mangfold/auth';
import { EventKind } from '@mangfold/calendar';
import type { SiteLanguage } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { CheckboxField, ErrorSummary, SelectField, TextArea, TextField, fieldId } from '../../forms/fields';
import { CsrfField, PortalPage } from '../portal-layout';
import type { Choice } from '../portal-reference.service';
import { LANGUAGE_CHOICES, type EventFormValues } from './event-form';

export const KIND_LABELS: Record<SiteLanguage, Record<EventKind, string>> = {
  da: {
    [EventKind.CULTURAL_EVENT]: 'Kulturarrangement',
    [EventKind.INTERNATIONAL_DAY]: 'International Dag',
    [EventKind.SEMINAR]: 'Seminar',
    [EventKind.NETWORK_MEETING]: 'Netværksmøde',
  },
  en: {
    [EventKind.CULTURAL_EVENT]: 'Cultural event',
    [EventKind.INTERNATIONAL_DAY]: 'International Day',
    [EventKind.SEMINAR]: 'Seminar',
    [EventKind.NETWORK_MEETING]: 'Network meeting',
  },
};

const LANGUAGE_NAMES: Record<SiteLanguage, Record<string, string>> = {
  da: {
    da: 'Dansk',
    en: 'Engelsk',
    ar: 'Arabisk',
    tr: 'Tyrkisk',
    ur: 'Urdu',
    so: 'Somali',
    fa: 'Persisk',
    pl: 'Polsk',
    uk: 'Ukrainsk',
    es: 'Spansk',
    fr: 'Fransk',
    de: 'Tysk',
  },
  en: {
    da: 'Danish',
    en: 'English',
    ar: 'Arabic',
    tr: 'Turkish',
    ur: 'Urdu',
    so: 'Somali',
    fa: 'Persian',
    pl: 'Polish',
    uk: 'Ukrainian',
    es: 'Spanish',
    fr: 'French',
    de: 'German',
  },
};

export const EVENT_FORM_TEXT = {
  da: {
    create: 'Opret et arrangement',
    edit: 'Redigér arrangementet',
    publishedNote: 'Arrangementet er offentliggjort og forbliver det, når du gemmer. Abonnenter får ændringen.',
    basics: 'Arrangementet',
    when: 'Hvornår',
    where: 'Hvor',
    registration: 'Tilmelding',
    audience: 'Sprog, målgruppe og tilgængelighed',
    price: 'Pris',
    choose: 'Vælg',
    sameAsAssociation: 'Samme som foreningens',
    none: 'Ingen',
    repeatNone: 'Gentages ikke',
    repeatWeekly: 'Hver uge',
    repeatMonthly: 'Hver måned (samme dato)',
    save: 'Gem',
    labels: {
      associationId: 'Forening',
      'title.da': 'Titel på dansk',
      'title.en': 'Titel på engelsk',
      'description.da': 'Beskrivelse på dansk',
      'description.en': 'Beskrivelse på engelsk',
      kind: 'Type',
      occasionId: 'Anledning',
      allDay: 'Hele dagen',
      startDate: 'Startdato',
      startTime: 'Starttid',
      endDate: 'Slutdato',
      endTime: 'Sluttid',
      startsAt: 'Start',
      endsAt: 'Slut',
      repeat: 'Gentagelse',
      repeatUntil: 'Gentages til og med',
      repeatCount: 'eller antal gange',
      skipDates: 'Datoer der springes over (én pr. linje, ÅÅÅÅ-MM-DD)',
      recurrence: 'Gentagelse',
      recurrenceExceptions: 'Datoer der springes over',
      'location.name': 'Stedets navn',
      'location.address': 'Adresse',
      'location.postalCode': 'Postnummer',
      'location.city': 'By',
      'location.latitude': 'Breddegrad (valgfri)',
      'location.longitude': 'Længdegrad (valgfri)',
      districtId: 'Bydel',
      housingAreaId: 'Boligområde',
      registrationRequired: 'Deltagerne skal tilmelde sig',
      capacity: 'Antal pladser (tom: ubegrænset)',
      registrationOpensAt: 'Tilmelding åbner',
      registrationClosesAt: 'Tilmelding lukker',
      languages: 'Sprog',
      'audience.da': 'Målgruppe på dansk',
      'audience.en': 'Målgruppe på engelsk',
      'accessibility.da': 'Tilgængelighed på dansk (fx trinfri adgang, tolkning)',
      'accessibility.en': 'Tilgængelighed på engelsk',
      isFree: 'Gratis',
      'price.da': 'Pris på dansk (hvis ikke gratis)',
      'price.en': 'Pris på engelsk',
      title: 'Titel',
    } as Record<string, string>,
  },
  en: {
    create: 'Create an event',
    edit: 'Edit the event',
    publishedNote: 'The event is published and stays published when you save. Subscribers get the change.',
    basics: 'The event',
    when: 'When',
    where: 'Where',
    registration: 'Registration',
    audience: 'Languages, audience and accessibility',
    price: 'Price',
    choose: 'Choose',
    sameAsAssociation: "Same as the association's",
    none: 'None',
    repeatNone: 'Does not repeat',
    repeatWeekly: 'Every week',
    repeatMonthly: 'Every month (same date)',
    save: 'Save',
    labels: {
      associationId: 'Association',
      'title.da': 'Title in Danish',
      'title.en': 'Title in English',
      'description.da': 'Description in Danish',
      'description.en': 'Description in English',
      kind: 'Kind',
      occasionId: 'Occasion',
      allDay: 'All day',
      startDate: 'Start date',
      startTime: 'Start time',
      endDate: 'End date',
      endTime: 'End time',
      startsAt: 'Start',
      endsAt: 'End',
      repeat: 'Repeats',
      repeatUntil: 'Repeats until (inclusive)',
      repeatCount: 'or number of times',
      skipDates: 'Dates skipped (one per line, YYYY-MM-DD)',
      recurrence: 'Repeats',
      recurrenceExceptions: 'Dates skipped',
      'location.name': 'Name of the place',
      'location.address': 'Address',
      'location.postalCode': 'Postal code',
      'location.city': 'City',
      'location.latitude': 'Latitude (optional)',
      'location.longitude': 'Longitude (optional)',
      districtId: 'District',
      housingAreaId: 'Housing area',
      registrationRequired: 'People must register',
      capacity: 'Seats (blank: unlimited)',
      registrationOpensAt: 'Registration opens',
      registrationClosesAt: 'Registration closes',
      languages: 'Languages',
      'audience.da': 'Audience in Danish',
      'audience.en': 'Audience in English',
      'accessibility.da': 'Accessibility in Danish (e.g. step-free access, interpretation)',
      'accessibility.en': 'Accessibility in English',
      isFree: 'Free',
      'price.da': 'Price in Danish (when not free)',
      'price.en': 'Price in English',
      title: 'Title',
    } as Record<string, string>,
  },
} as const;

export interface EventFormPageProps {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  /** Where the form posts: /portal/events (create) or /portal/events/:id/edit. */
  action: string;
  mode: 'create' | 'edit';
  published?: boolean;
  values: EventFormValues;
  errors: FieldErrors;
  associations: Choice[];
  occasions: Choice[];
  districts: Choice[];
  housingAreas: Choice[];
}

export function EventFormPage(props: EventFormPageProps) {
  const { lang, values: v, errors } = props;
  const t = EVENT_FORM_TEXT[lang];
  const l = t.labels;
  const title = props.mode === 'create' ? t.create : t.edit;
  const chosenLanguages = new Set((v.languages ?? '').split(',').filter(Boolean));
  const kinds = Object.values(EventKind).map((k) => ({ value: k, label: KIND_LABELS[lang][k] }));
  return (
    <PortalPage lang={lang} title={title} baseUrl={props.baseUrl} path={props.action} session={props.session}>
      <h1>{title}</h1>
      {props.published ? <p class="notice">{t.publishedNote}</p> : null}
      <ErrorSummary lang={lang} errors={errors} labels={l} />
      <form method="post" action={props.action} novalidate>
        <CsrfField session={props.session} />
        <fieldset>
          <legend>{t.basics}</legend>
          {props.mode === 'create' ? (
            <SelectField
              name="associationId"
              label={l.associationId}
              value={v.associationId}
              options={props.associations}
              errors={errors}
            />
          ) : null}
          <TextField name="title.da" label={l['title.da']} value={v['title.da']} errors={errors} />
          <TextField name="title.en" label={l['title.en']} value={v['title.en']} errors={errors} />
          <TextArea name="description.da" label={l['description.da']} value={v['description.da']} errors={errors} />
          <TextArea name="description.en" label={l['description.en']} value={v['description.en']} errors={errors} />
          <SelectField name="kind" label={l.kind} value={v.kind ?? EventKind.CULTURAL_EVENT} options={kinds} errors={errors} />
          <SelectField
            name="occasionId"
            label={l.occasionId}
            value={v.occasionId}
            options={props.occasions}
            blank={t.none}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend>{t.when}</legend>
          <CheckboxField name="allDay" label={l.allDay} checked={v.allDay === 'on'} errors={errors} />
          <TextField name="startDate" type="date" label={l.startDate} value={v.startDate} errors={errors} />
          <TextField name="startTime" type="time" label={l.startTime} value={v.startTime} errors={errors} />
          <TextField name="endDate" type="date" label={l.endDate} value={v.endDate} errors={errors} />
          <TextField name="endTime" type="time" label={l.endTime} value={v.endTime} errors={errors} />
          <SelectField
            name="repeat"
            label={l.repeat}
            value={v.repeat ?? 'none'}
            options={[
              { value: 'none', label: t.repeatNone },
              { value: 'weekly', label: t.repeatWeekly },
              { value: 'monthly', label: t.repeatMonthly },
            ]}
            errors={errors}
          />
          <TextField name="repeatUntil" type="date" label={l.repeatUntil} value={v.repeatUntil} errors={errors} />
          <TextField name="repeatCount" type="number" min="1" max="999" label={l.repeatCount} value={v.repeatCount} errors={errors} />
          <TextArea name="skipDates" label={l.skipDates} value={v.skipDates} rows={3} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>{t.where}</legend>
          <TextField name="location.name" label={l['location.name']} value={v['location.name']} errors={errors} />
          <TextField
            name="location.address"
            label={l['location.address']}
            value={v['location.address']}
            errors={errors}
            autocomplete="street-address"
          />
          <TextField
            name="location.postalCode"
            label={l['location.postalCode']}
            value={v['location.postalCode']}
            errors={errors}
            autocomplete="postal-code"
          />
          <TextField name="location.city" label={l['location.city']} value={v['location.city']} errors={errors} />
          <TextField name="location.latitude" label={l['location.latitude']} value={v['location.latitude']} errors={errors} />
          <TextField name="location.longitude" label={l['location.longitude']} value={v['location.longitude']} errors={errors} />
          <SelectField
            name="districtId"
            label={l.districtId}
            value={v.districtId}
            options={props.districts}
            blank={t.sameAsAssociation}
            errors={errors}
          />
          <SelectField
            name="housingAreaId"
            label={l.housingAreaId}
            value={v.housingAreaId}
            options={props.housingAreas}
            blank={t.none}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend>{t.registration}</legend>
          <CheckboxField
            name="registrationRequired"
            label={l.registrationRequired}
            checked={v.registrationRequired === 'on'}
            errors={errors}
          />
          <TextField name="capacity" type="number" min="1" label={l.capacity} value={v.capacity} errors={errors} />
          <TextField
            name="registrationOpensAt"
            type="datetime-local"
            label={l.registrationOpensAt}
            value={v.registrationOpensAt}
            errors={errors}
          />
          <TextField
            name="registrationClosesAt"
            type="datetime-local"
            label={l.registrationClosesAt}
            value={v.registrationClosesAt}
            errors={errors}
          />
        </fieldset>
        <fieldset>
          <legend>{t.audience}</legend>
          <fieldset aria-describedby={errors.languages ? `${fieldId('languages')}-error` : undefined}>
            <legend>{l.languages}</legend>
            {LANGUAGE_CHOICES.map((code) => (
              <label class="choice" key={code} for={fieldId(`languages-${code}`)}>
                <input
                  id={fieldId(`languages-${code}`)}
                  type="checkbox"
                  name="languages"
                  value={code}
                  checked={chosenLanguages.has(code)}
                />
                {LANGUAGE_NAMES[lang][code]}
              </label>
            ))}
            {errors.languages ? (
              <p class="field-error" id={`${fieldId('languages')}-error`}>
                {errors.languages}
              </p>
            ) : null}
          </fieldset>
          <TextArea name="audience.da" label={l['audience.da']} value={v['audience.da']} rows={2} errors={errors} />
          <TextArea name="audience.en" label={l['audience.en']} value={v['audience.en']} rows={2} errors={errors} />
          <TextArea name="accessibility.da" label={l['accessibility.da']} value={v['accessibility.da']} rows={2} errors={errors} />
          <TextArea name="accessibility.en" label={l['accessibility.en']} value={v['accessibility.en']} rows={2} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>{t.price}</legend>
          <CheckboxField name="isFree" label={l.isFree} checked={v.isFree === 'on'} errors={errors} />
          <TextField name="price.da" label={l['price.da']} value={v['price.da']} errors={errors} />
          <TextField name="price.en" label={l['price.en']} value={v['price.en']} errors={errors} />
        </fieldset>
        <p>
          <button type="submit">{t.save}</button>
        </p>
      </form>
    </PortalPage>
  );
}
