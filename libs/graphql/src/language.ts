import { Args, registerEnumType } from '@nestjs/graphql';
import type { Request } from 'express';
import { localize, type LocalizedText } from '@mangfold/db';

export enum Language {
  DA = 'da',
  EN = 'en',
}

registerEnumType(Language, { name: 'Language', description: 'A language the calendar is written in' });

/** `lang` argument of localized fields; absent, the caller's Accept-Language decides, then Danish. */
export const LangArg = (): ParameterDecorator =>
  Args('lang', {
    type: () => Language,
    nullable: true,
    description: 'Language of the text; falls back to the other language when missing',
  });

export function preferredLanguage(req: Request | undefined, lang?: Language | null): Language {
  if (lang) return lang;
  const header = req?.headers['accept-language'];
  if (typeof header === 'string') {
    for (const part of header.split(',')) {
      const code = part.trim().slice(0, 2).toLowerCase();
      if (code === 'da') return Language.DA;
      if (code === 'en') return Language.EN;
    }
  }
  return Language.DA;
}

/** The text in the preferred language, falling back per field to the other one. */
export function localizedField(text: LocalizedText | null | undefined, req: Request | undefined, lang?: Language | null): string | null {
  return localize(text, preferredLanguage(req, lang)) ?? null;
}
