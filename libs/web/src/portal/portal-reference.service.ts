import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { OccasionDate, ReferenceData } from '@mangfold/calendar';
import type { SiteLanguage } from '@mangfold/config';
import { localize } from '@mangfold/db';

export interface Choice {
  value: string;
  label: string;
}

/** Districts, housing areas and occasions as the choices of a form, in the reader's language and order. */
@Injectable()
export class PortalReferenceService {
  constructor(
    private readonly em: EntityManager,
    private readonly reference: ReferenceData,
  ) {}

  /** Districts by slug (the sign-up form) or by id (the event form). */
  async districtChoices(lang: SiteLanguage, by: 'slug' | 'id' = 'slug'): Promise<Choice[]> {
    const rows = (await this.reference.snapshot()).districts;
    return sortedChoices(
      rows.map((d) => ({ value: d[by], label: localize(d.name, lang) ?? d.slug })),
      lang,
    );
  }

  async housingAreaChoices(lang: SiteLanguage, by: 'slug' | 'id' = 'slug'): Promise<Choice[]> {
    const rows = (await this.reference.snapshot()).housingAreas;
    return sortedChoices(
      rows.map((h) => ({ value: h[by], label: localize(h.name, lang) ?? h.slug })),
      lang,
    );
  }

  /** Occasions by name, each with its date this year when it has one ("Diwali (1. november 2026)"). */
  async occasionChoices(lang: SiteLanguage, year: number): Promise<Choice[]> {
    const [{ occasions }, dates] = await Promise.all([
      this.reference.snapshot(),
      this.em.fork().find(OccasionDate, { year }, { fields: ['occasion', 'startsOn'] }),
    ]);
    const format = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' });
    const dateOf = new Map(dates.map((d) => [d.occasion.id, format.format(new Date(`${d.startsOn}T00:00:00Z`))]));
    return sortedChoices(
      occasions.map((o) => {
        const name = localize(o.name, lang) ?? o.slug;
        const date = dateOf.get(o.id);
        return { value: o.id, label: date ? `${name} (${date})` : name };
      }),
      lang,
    );
  }
}

function sortedChoices(choices: Choice[], lang: SiteLanguage): Choice[] {
  const collator = new Intl.Collator(lang === 'da' ? 'da-DK' : 'en-GB');
  return choices.sort((a, b) => collator.compare(a.label, b.label));
}
