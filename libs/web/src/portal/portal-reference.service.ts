import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { District, HousingArea } from '@mangfold/associations';
import type { SiteLanguage } from '@mangfold/config';
import { localize } from '@mangfold/db';

export interface Choice {
  value: string;
  label: string;
}

/** Districts and housing areas as the choices of a form, in the reader's language and order. */
@Injectable()
export class PortalReferenceService {
  constructor(private readonly em: EntityManager) {}

  async districtChoices(lang: SiteLanguage): Promise<Choice[]> {
    const rows = await this.em.fork().find(District, {}, { fields: ['slug', 'name'] });
    return sortedChoices(
      rows.map((d) => ({ value: d.slug, label: localize(d.name, lang) ?? d.slug })),
      lang,
    );
  }

  async housingAreaChoices(lang: SiteLanguage): Promise<Choice[]> {
    const rows = await this.em.fork().find(HousingArea, {}, { fields: ['slug', 'name'] });
    return sortedChoices(
      rows.map((h) => ({ value: h.slug, label: localize(h.name, lang) ?? h.slug })),
      lang,
    );
  }
}

function sortedChoices(choices: Choice[], lang: SiteLanguage): Choice[] {
  const collator = new Intl.Collator(lang === 'da' ? 'da-DK' : 'en-GB');
  return choices.sort((a, b) => collator.compare(a.label, b.label));
}
