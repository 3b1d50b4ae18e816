import type { ResolvedSession } from '@mangfold/auth';
import { type Association, AssociationKind, AssociationStatus } from '@mangfold/associations';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { CheckboxField, ErrorSummary, SelectField, TextArea, TextField } from '../../forms/fields';
import { KIND_LABEL } from '../../labels';
import { CsrfField, PortalPage } from '../portal-layout';
import type { Choice } from '../portal-reference.service';
import type { ProfileFormValues } from './profile-form';

export const PROFILE_TEXT = {
  da: {
    title: (name: string) => `${name}: profil`,
    about: 'Om foreningen',
    contact: 'Kontakt',
    contactIntro: 'Kontaktoplysningerne vises kun offentligt, hvis I sætter flueben i feltet herunder.',
    place: 'Adresse og placering på TFI-atlasset',
    placeIntro: 'Med koordinater vises foreningen som et punkt på kortet på atlasset; uden dem står den kun i listen.',
    labels: {
      name: 'Foreningens navn',
      kind: 'Type',
      'description.da': 'Beskrivelse på dansk',
      'description.en': 'Beskrivelse på engelsk',
      districtSlug: 'Bydel',
      housingAreaSlug: 'Boligområde',
      cvr: 'CVR-nummer',
      website: 'Hjemmeside',
      contactEmail: 'Kontakt-e-mail',
      contactPhone: 'Telefonnummer',
      showContact: 'Vis e-mail og telefonnummer offentligt',
      'location.address': 'Gade og nummer',
      'location.postalCode': 'Postnummer',
      'location.city': 'By',
      'location.latitude': 'Breddegrad',
      'location.longitude': 'Længdegrad',
    } as Record<string, string>,
    coordinatesHint: 'Decimalgrader (WGS 84), fx 55,6867 og 12,5701. Udfyld begge eller ingen.',
    none: 'Ingen',
    save: 'Gem profilen',
    saved: 'Profilen er gemt.',
    members: 'Medlemmer',
    internationalDay: 'International Dag',
    publicPage: 'Foreningens offentlige side',
    atlas: 'TFI-atlasset',
  },
  en: {
    title: (name: string) => `${name}: profile`,
    about: 'About the association',
    contact: 'Contact',
    contactIntro: 'The contact details are shown to the public only if you tick the box below.',
    place: 'Address and place on the TFI atlas',
    placeIntro: 'With coordinates the association is a point on the atlas map; without them it is only in the list.',
    labels: {
      name: "The association's name",
      kind: 'Kind',
      'description.da': 'Description in Danish',
      'description.en': 'Description in English',
      districtSlug: 'District',
      housingAreaSlug: 'Housing area',
      cvr: 'CVR number',
      website: 'Website',
      contactEmail: 'Contact email',
      contactPhone: 'Phone number',
      showContact: 'Show the email and phone number to the public',
      'location.address': 'Street and number',
      'location.postalCode': 'Postal code',
      'location.city': 'Town',
      'location.latitude': 'Latitude',
      'location.longitude': 'Longitude',
    } as Record<string, string>,
    coordinatesHint: 'Decimal degrees (WGS 84), e.g. 55.6867 and 12.5701. Give both or neither.',
    none: 'None',
    save: 'Save the profile',
    saved: 'The profile is saved.',
    members: 'Members',
    internationalDay: 'International Day',
    publicPage: "The association's public page",
    atlas: 'The TFI atlas',
  },
} as const;

export interface ProfilePageProps {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  association: Association;
  values: ProfileFormValues;
  errors: FieldErrors;
  districts: Choice[];
  housingAreas: Choice[];
  saved?: boolean;
}

/** Links from an association's portal pages to its other pages. */
export function AssociationLinks({ lang, association }: { lang: SiteLanguage; association: Association }) {
  const t = PROFILE_TEXT[lang];
  return (
    <ul class="nav">
      <li>
        <a href={sitePaths.portalAssociation(association.id)}>{t.about}</a>
      </li>
      <li>
        <a href={sitePaths.portalAssociationMembers(association.id)}>{t.members}</a>
      </li>
      <li>
        <a href={sitePaths.portalAssociationInternationalDay(association.id)}>{t.internationalDay}</a>
      </li>
      {association.status === AssociationStatus.APPROVED ? (
        <li>
          <a href={sitePaths.association(lang, association.slug)}>{t.publicPage}</a>
        </li>
      ) : null}
    </ul>
  );
}

/** The association's own details: texts, contact and whether it is public, address and coordinates. */
export function ProfilePage(props: ProfilePageProps) {
  const { lang, baseUrl, session, association, values, errors } = props;
  const t = PROFILE_TEXT[lang];
  const l = t.labels;
  const kinds = Object.values(AssociationKind).map((k) => ({ value: k, label: KIND_LABEL[lang][k] }));
  const path = sitePaths.portalAssociation(association.id);
  return (
    <PortalPage lang={lang} title={t.title(association.name)} baseUrl={baseUrl} path={path} session={session}>
      <h1>{t.title(association.name)}</h1>
      <AssociationLinks lang={lang} association={association} />
      {props.saved ? (
        <p class="notice" role="status">
          {t.saved}
        </p>
      ) : null}
      <ErrorSummary lang={lang} errors={errors} labels={l} />
      <form method="post" action={path} novalidate>
        <CsrfField session={session} />
        <fieldset>
          <legend>{t.about}</legend>
          <TextField name="name" label={l.name} value={values.name} errors={errors} required />
          <SelectField name="kind" label={l.kind} value={values.kind} options={kinds} errors={errors} />
          <TextArea name="description.da" label={l['description.da']} value={values['description.da']} errors={errors} />
          <TextArea name="description.en" label={l['description.en']} value={values['description.en']} errors={errors} />
          <SelectField
            name="districtSlug"
            label={l.districtSlug}
            value={values.districtSlug}
            options={props.districts}
            blank={t.none}
            errors={errors}
          />
          <SelectField
            name="housingAreaSlug"
            label={l.housingAreaSlug}
            value={values.housingAreaSlug}
            options={props.housingAreas}
            blank={t.none}
            errors={errors}
          />
          <TextField name="cvr" label={l.cvr} value={values.cvr} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>{t.contact}</legend>
          <p>{t.contactIntro}</p>
          <TextField name="website" type="url" label={l.website} value={values.website} errors={errors} />
          <TextField name="contactEmail" type="email" label={l.contactEmail} value={values.contactEmail} errors={errors} />
          <TextField name="contactPhone" type="tel" label={l.contactPhone} value={values.contactPhone} errors={errors} />
          <CheckboxField name="showContact" label={l.showContact} checked={values.showContact === 'on'} errors={errors} />
        </fieldset>
        <fieldset>
          <legend>{t.place}</legend>
          <p>
            {t.placeIntro} <a href={sitePaths.atlas(lang)}>{t.atlas}</a>
          </p>
          <TextField name="location.address" label={l['location.address']} value={values['location.address']} errors={errors} />
          <TextField name="location.postalCode" label={l['location.postalCode']} value={values['location.postalCode']} errors={errors} />
          <TextField name="location.city" label={l['location.city']} value={values['location.city']} errors={errors} />
          {(['location.latitude', 'location.longitude'] as const).map((name) => (
            <TextField key={name} name={name} label={l[name]} value={values[name]} errors={errors} hint={t.coordinatesHint} />
          ))}
        </fieldset>
        <p>
          <button type="submit">{t.save}</button>
        </p>
      </form>
    </PortalPage>
  );
}
