import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { EventStatus } from '@mangfold/calendar';
import { localize } from '@mangfold/db';
import { htmlToText } from '@mangfold/feeds';
import { SITE_TEXT } from '../site-text';
import type { ListedEvent } from './event-list';
import { EVENTS_TEXT } from './events-text';
import { formatPlace, formatWhen } from './format';

const xml = (s: string) =>
  s
    // Control characters XML 1.0 does not allow at all (tab, line feed and carriage return it does).
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** RSS 2.0 of a listing: one item per occurrence, linking to the event page; the GUID tells occurrences apart. */
export function renderRss(opts: { lang: SiteLanguage; baseUrl: string; selfPath: string; listPath: string; items: ListedEvent[] }): string {
  const { lang, baseUrl } = opts;
  const t = EVENTS_TEXT[lang];
  const items = opts.items.map(({ event, occurrence }) => {
    const url = `${baseUrl}${sitePaths.event(lang, event.slug)}`;
    const cancelled = event.status === EventStatus.CANCELLED;
    const title = `${cancelled ? `${t.cancelled}: ` : ''}${localize(event.title, lang) ?? event.slug}`;
    const when = formatWhen(occurrence, event.allDay, event.timeZone, lang);
    const place = formatPlace(event.location);
    const text = htmlToText(localize(event.description, lang) ?? '').trim();
    const description = [when, place, text].filter(Boolean).join('\n\n');
    return [
      '<item>',
      `<title>${xml(title)}</title>`,
      `<link>${xml(url)}</link>`,
      `<guid isPermaLink="false">${xml(`${event.id}@${occurrence.startsAt.toISOString()}`)}</guid>`,
      `<pubDate>${(event.publishedAt ?? event.createdAt).toUTCString()}</pubDate>`,
      `<description>${xml(description)}</description>`,
      '</item>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xml(`${t.listTitle} · ${SITE_TEXT[lang].siteName}`)}</title>`,
    `<link>${xml(`${baseUrl}${opts.listPath}`)}</link>`,
    `<description>${xml(t.listLead)}</description>`,
    `<language>${lang === 'da' ? 'da-dk' : 'en-gb'}</language>`,
    `<atom:link href="${xml(`${baseUrl}${opts.selfPath}`)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
