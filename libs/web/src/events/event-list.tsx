import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { EventStatus, type EventRecord } from '@mangfold/calendar';
import { localize } from '@mangfold/db';
import { EVENTS_TEXT } from './events-text';
import { formatPlace, formatWhen } from './format';

export interface ListedEvent {
  event: EventRecord;
  occurrence: { startsAt: Date; endsAt: Date };
}

export interface EventListProps {
  lang: SiteLanguage;
  items: ListedEvent[];
  /** District names by id, to say where without another query per event. */
  districtNames: ReadonlyMap<string, string>;
  /** h2 in an embed (it sits inside another site's page), h3 under a page's own h2. */
  headingLevel: 2 | 3;
  /** Links open in the top window (the embed is framed). */
  target?: '_top';
}

/** Seats left, null when the event has no limit. */
export function seatsLeft(event: Pick<EventRecord, 'capacity' | 'seatsTaken'>): number | null {
  return event.capacity === null ? null : Math.max(0, event.capacity - event.seatsTaken);
}

/** One card per occurrence: title (a link to the event page), when, where, and what a visitor must know first. */
export function EventList({ lang, items, districtNames, headingLevel, target }: EventListProps) {
  const t = EVENTS_TEXT[lang];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul class="cards event-list">
      {items.map(({ event, occurrence }) => {
        const cancelled = event.status === EventStatus.CANCELLED;
        const title = localize(event.title, lang) ?? event.slug;
        const place = formatPlace(event.location);
        const district = event.district ? districtNames.get(event.district.id) : undefined;
        const left = seatsLeft(event);
        return (
          <li class="card" key={`${event.id}-${occurrence.startsAt.toISOString()}`}>
            <Heading>
              <a href={sitePaths.event(lang, event.slug)} target={target}>
                {title}
              </a>
            </Heading>
            <p class="when">
              <time dateTime={occurrence.startsAt.toISOString()}>{formatWhen(occurrence, event.allDay, event.timeZone, lang)}</time>
            </p>
            {place || district ? <p class="muted">{[place, district].filter(Boolean).join(' · ')}</p> : null}
            <ul class="inline-list">
              {cancelled ? (
                <li>
                  <span class="badge cancelled">{t.cancelled}</span>
                </li>
              ) : null}
              {event.recurrence ? (
                <li>
                  <span class="badge">{t.recurring}</span>
                </li>
              ) : null}
              {event.isFree ? (
                <li>
                  <span class="badge ok">{t.free_}</span>
                </li>
              ) : null}
              {!cancelled && left !== null ? (
                <li>
                  <span class={left > 0 ? 'badge ok' : 'badge warn'}>{left > 0 ? t.seatsLeft(left) : t.full}</span>
                </li>
              ) : null}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
