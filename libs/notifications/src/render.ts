import type { Language } from '@mangfold/common';
import type { AppConfig } from '@mangfold/config';
import { privacyUrl } from './links';
import { renderHtml, renderText, type MailContent } from './templates/layout';
import { textsFor } from './templates/texts';

export interface RenderedMail {
  locale: Language;
  subject: string;
  text: string;
  html: string;
}

/** Lays out a mail's content as plain text and HTML with the footer of the recipient's language. */
export function renderMail(config: AppConfig, locale: Language, content: MailContent): RenderedMail {
  const { texts } = textsFor(locale);
  const footer = { ...texts.footer, privacyUrl: privacyUrl(config, locale) };
  return { locale, subject: content.subject, text: renderText(content, footer), html: renderHtml(content, footer, locale) };
}
