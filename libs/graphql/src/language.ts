import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { Args, ResolveField, registerEnumType } from '@nestjs/graphql';
import type { Request } from 'express';
import { acceptedLanguage, Language } from '@mangfold/common';
import { localize, type LocalizedText } from '@mangfold/db';

registerEnumType(Language, { name: 'Language', description: 'A language the calendar is written in' });

/** `lang` argument of localized fields; absent, the caller's Accept-Language decides, then Danish. */
export const LangArg = (): ParameterDecorator =>
  Args('lang', {
    type: () => Language,
    nullable: true,
    description: 'Language of the text; falls back to the other language when missing',
  });

export function preferredLanguage(req: Request | undefined, lang?: Language | null): Language {
  return lang ?? acceptedLanguage(req?.headers['accept-language']) ?? Language.DA;
}

/** The text in the preferred language, falling back per field to the other one. */
export function localizedField(text: LocalizedText | null | undefined, req: Request | undefined, lang?: Language | null): string | null {
  return localize(text, preferredLanguage(req, lang)) ?? null;
}

/** The arguments of a localized field. */
export interface LangArgs {
  lang?: Language | null;
}

/**
 * A field resolver returning a text in the language asked for, called by graphql-js directly as
 * `(parent, { lang }, context)`. @nestjs/graphql binds a field resolver without parameter
 * decorators straight into the schema, skipping the pipes and promises its context creator adds
 * to every call (a list of 100 events resolves hundreds of these); `lang` is declared for the
 * schema only (graphql-js validates it as an enum value). Guards never run on field resolvers.
 */
export function LocalizedField(options: { nullable?: boolean; description?: string } = {}): MethodDecorator {
  return (target, key, descriptor) => {
    ResolveField(() => String, options)(target, key, descriptor);
    LangArg()(target, key, 1);
    Reflect.deleteMetadata(ROUTE_ARGS_METADATA, target.constructor, key);
  };
}
