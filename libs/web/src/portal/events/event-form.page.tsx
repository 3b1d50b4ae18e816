import { kindLabel } from '@mangfold/feeds';
import type { ResolvedSession } from '@mangfold/auth';
import { EventKind } from '@mangfold/calendar';
import type { SiteLanguage } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { CheckboxField, ErrorSummary, SelectField, TextArea, TextField, fieldId } from '../../forms/fields';
import { CsrfField, PortalPage } from '../portal-layout';
import type { Choice } from '../portal-reference.service';
import { LANGUAGE_CHOICES, type EventFormValues } from './event-form';
import { EVENT_FORM_TEXT, LANGUAGE_NAMES } from './event-form-text';

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

/** Create or edit an event: every field, in fieldsets by what they say about it; errors beside each field and summed up first. */
export function EventFormPage(props: EventFormPageProps) {
  const { lang, errors } = props;
  const t = EVENT_FORM_TEXT[lang];
  const title = props.mode === 'create' ? t.create : t.edit;
  return (
    <PortalPage lang={lang} title={title} baseUrl={props.baseUrl} path={props.action} session={props.session}>
      <h1>{title}</h1>
      {props.published ? <p class="notice">{t.publishedNote}</p> : null}
      <ErrorSummary lang={lang} errors={errors} labels={t.labels} />
      <form method="post" action={props.action} novalidate>
        <CsrfField session={props.session} />
        <BasicsFieldset {...props} />
        <WhenFieldset {...props} />
        <WhereFieldset {...props} />
        <RegistrationFieldset {...props} />
        <AudienceFieldset {...props} />
        <PriceFieldset {...props} />
        <p>
          <button type="submit">{t.save}</button>
        </p>
      </form>
    </PortalPage>
  );
}

/** Who holds it (when creating), its title and description in both languages, its kind and occasion. */
function BasicsFieldset({ lang, mode, values: v, errors, associations, occasions }: EventFormPageProps) {
  const t = EVENT_FORM_TEXT[lang];
  const l = t.labels;
  const kinds = Object.values(EventKind).map((k) => ({ value: k, label: kindLabel(k, lang) }));
  return (
    <fieldset>
      <legend>{t.basics}</legend>
      {mode === 'create' ? (
        <SelectField name="associationId" label={l.associationId} value={v.associationId} options={associations} errors={errors} />
      ) : null}
      <TextField name="title.da" label={l['title.da']} value={v['title.da']} errors={errors} />
      <TextField name="title.en" label={l['title.en']} value={v['title.en']} errors={errors} />
      <TextArea name="description.da" label={l['description.da']} value={v['description.da']} errors={errors} />
      <TextArea name="description.en" label={l['description.en']} value={v['description.en']} errors={errors} />
      <SelectField name="kind" label={l.kind} value={v.kind ?? EventKind.CULTURAL_EVENT} options={kinds} errors={errors} />
      <SelectField name="occasionId" label={l.occasionId} value={v.occasionId} options={occasions} blank={t.none} errors={errors} />
    </fieldset>
  );
}

/** Start and end, and the recurrence as plain choices: weekly or monthly, until a date or a number of times. */
function WhenFieldset({ lang, values: v, errors }: EventFormPageProps) {
  const t = EVENT_FORM_TEXT[lang];
  const l = t.labels;
  const repeats = [
    { value: 'none', label: t.repeatNone },
    { value: 'weekly', label: t.repeatWeekly },
    { value: 'monthly', label: t.repeatMonthly },
  ];
  return (
    <fieldset>
      <legend>{t.when}</legend>
      <CheckboxField name="allDay" label={l.allDay} checked={v.allDay === 'on'} errors={errors} />
      <TextField name="startDate" type="date" label={l.startDate} value={v.startDate} errors={errors} />
      <TextField name="startTime" type="time" label={l.startTime} value={v.startTime} errors={errors} />
      <TextField name="endDate" type="date" label={l.endDate} value={v.endDate} errors={errors} />
      <TextField name="endTime" type="time" label={l.endTime} value={v.endTime} errors={errors} />
      <SelectField name="repeat" label={l.repeat} value={v.repeat ?? 'none'} options={repeats} errors={errors} />
      <TextField name="repeatUntil" type="date" label={l.repeatUntil} value={v.repeatUntil} errors={errors} />
      <TextField name="repeatCount" type="number" min="1" max="999" label={l.repeatCount} value={v.repeatCount} errors={errors} />
      <TextArea name="skipDates" label={l.skipDates} value={v.skipDates} rows={3} errors={errors} />
    </fieldset>
  );
}

/** The place, its coordinates for the atlas, and its district (the association's unless chosen) and housing area. */
function WhereFieldset({ lang, values: v, errors, districts, housingAreas }: EventFormPageProps) {
  const t = EVENT_FORM_TEXT[lang];
  const l = t.labels;
  return (
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
        options={districts}
        blank={t.sameAsAssociation}
        errors={errors}
      />
      <SelectField
        name="housingAreaId"
        label={l.housingAreaId}
        value={v.housingAreaId}
        options={housingAreas}
        blank={t.none}
        errors={errors}
      />
    </fieldset>
  );
}

/** Whether people register, the seats, and when registration opens and closes. */
function RegistrationFieldset({ lang, values: v, errors }: EventFormPageProps) {
  const t = EVENT_FORM_TEXT[lang];
  const l = t.labels;
  return (
    <fieldset>
      <legend>{t.registration}</legend>
      <CheckboxField name="registrationRequired" label={l.registrationRequired} checked={v.registrationRequired === 'on'} errors={errors} />
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
  );
}

/** The languages spoken, who it is for, and how accessible it is, in both languages. */
function AudienceFieldset({ lang, values: v, errors }: EventFormPageProps) {
  const t = EVENT_FORM_TEXT[lang];
  const l = t.labels;
  return (
    <fieldset>
      <legend>{t.audience}</legend>
      <LanguageChoices lang={lang} chosen={v.languages} error={errors.languages} />
      <TextArea name="audience.da" label={l['audience.da']} value={v['audience.da']} rows={2} errors={errors} />
      <TextArea name="audience.en" label={l['audience.en']} value={v['audience.en']} rows={2} errors={errors} />
      <TextArea name="accessibility.da" label={l['accessibility.da']} value={v['accessibility.da']} rows={2} errors={errors} />
      <TextArea name="accessibility.en" label={l['accessibility.en']} value={v['accessibility.en']} rows={2} errors={errors} />
    </fieldset>
  );
}

/** One checkbox per language offered; the chosen ones come as a comma-separated value. */
function LanguageChoices({ lang, chosen, error }: { lang: SiteLanguage; chosen: string | undefined; error: string | undefined }) {
  const l = EVENT_FORM_TEXT[lang].labels;
  const chosenLanguages = new Set((chosen ?? '').split(',').filter(Boolean));
  return (
    <fieldset aria-describedby={error ? `${fieldId('languages')}-error` : undefined}>
      <legend>{l.languages}</legend>
      {LANGUAGE_CHOICES.map((code) => (
        <label class="choice" key={code} for={fieldId(`languages-${code}`)}>
          <input id={fieldId(`languages-${code}`)} type="checkbox" name="languages" value={code} checked={chosenLanguages.has(code)} />
          {LANGUAGE_NAMES[lang][code]}
        </label>
      ))}
      {error ? (
        <p class="field-error" id={`${fieldId('languages')}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

function PriceFieldset({ lang, values: v, errors }: EventFormPageProps) {
  const t = EVENT_FORM_TEXT[lang];
  const l = t.labels;
  return (
    <fieldset>
      <legend>{t.price}</legend>
      <CheckboxField name="isFree" label={l.isFree} checked={v.isFree === 'on'} errors={errors} />
      <TextField name="price.da" label={l['price.da']} value={v['price.da']} errors={errors} />
      <TextField name="price.en" label={l['price.en']} value={v['price.en']} errors={errors} />
    </fieldset>
  );
}
