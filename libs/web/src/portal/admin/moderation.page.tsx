import type { ResolvedSession } from '@mangfold/auth';
import type { EventRecord } from '@mangfold/calendar';
import type { SiteLanguage } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { formatWhen } from '../portal-format';
import { PortalPage } from '../portal-layout';

const TEXT = {
  da: { title: 'Arrangementer til godkendelse', none: 'Ingen arrangementer venter.', submitted: 'sendt' },
  en: { title: 'Events awaiting moderation', none: 'No events are waiting.', submitted: 'submitted' },
} as const;

/** TFI's moderation queue: each submitted event links to its page, where it is published or rejected. */
export function ModerationPage({
  lang,
  baseUrl,
  session,
  events,
}: {
  lang: SiteLanguage;
  baseUrl: string;
  session: ResolvedSession;
  events: EventRecord[];
}) {
  const t = TEXT[lang];
  return (
    <PortalPage lang={lang} title={t.title} baseUrl={baseUrl} path="/portal/admin/moderation" session={session}>
      <h1>{t.title}</h1>
      {events.length ? (
        <ul>
          {events.map((e) => (
            <li key={e.id}>
              <a href={`/portal/events/${e.id}`}>{localize(e.title, lang)}</a>, {formatWhen(lang, e.startsAt, e.timeZone, e.allDay)}
              {e.submittedAt ? (
                <span class="muted">
                  {' '}
                  ({t.submitted} {formatWhen(lang, e.submittedAt, e.timeZone)})
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.none}</p>
      )}
    </PortalPage>
  );
}
