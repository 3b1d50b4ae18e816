import type { Language } from '@mangfold/common';
import { renderCalendar } from './calendar-document';
import { fragmentZone, renderEventFragment, type FeedEventData } from './event-fragment';

export interface EventAttachmentOptions {
  lang: Language;
  /** PUBLIC_BASE_URL, as for the feeds: the UID and links are the feeds' own. */
  baseUrl: string;
  /** The calendar's name in `lang`. */
  name: string;
  defaultZone: string;
  /** When a subscriber-visible part of the event last changed (LAST-MODIFIED). */
  modifiedAt: Date;
  /** When the attachment is made (DTSTAMP). */
  now: Date;
}

/**
 * One event as a calendar file to attach to a mail: the feeds' own VEVENT (same UID, times, zone,
 * RRULE and EXDATEs, so a calendar app merges it with a subscribed feed) under METHOD:PUBLISH.
 */
export function renderEventAttachment(event: FeedEventData, options: EventAttachmentOptions): string {
  const zone = fragmentZone(event);
  // Whole seconds, as in the feeds: iCalendar has no fractions.
  const second = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);
  return renderCalendar({
    name: options.name,
    lang: options.lang,
    defaultZone: options.defaultZone,
    zones: zone ? [zone] : [],
    method: 'PUBLISH',
    body: renderEventFragment(event, options.lang, {
      baseUrl: options.baseUrl,
      modifiedAt: second(options.modifiedAt),
      stampedAt: second(options.now),
    }),
  });
}
