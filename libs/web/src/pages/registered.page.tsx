import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { inBothLanguages } from '../links';
import { Layout } from '../layout';
import type { EventPageEvent } from './event.page';
import { EVENTS_TEXT } from '../events/events-text';
import { formatWhen } from '../events/format';

export type RegistrationOutcome = { kind: 'confirmed'; partySize: number } | { kind: 'waitlisted'; position: number } | { kind: 'already' };

/** The answer to a registration: which it is, said plainly, and what the mailed link is for. */
export function RegisteredPage({
  lang,
  baseUrl,
  event,
  occurrence,
  outcome,
}: {
  lang: SiteLanguage;
  baseUrl: string;
  event: EventPageEvent;
  occurrence: { startsAt: Date; endsAt: Date };
  outcome: RegistrationOutcome;
}) {
  const t = EVENTS_TEXT[lang];
  const heading =
    outcome.kind === 'confirmed' ? t.registeredTitle : outcome.kind === 'waitlisted' ? t.waitlistedTitle(outcome.position) : t.alreadyTitle;
  const body =
    outcome.kind === 'confirmed' ? t.registeredBody(outcome.partySize) : outcome.kind === 'waitlisted' ? t.waitlistedBody : t.alreadyBody;
  const title = localize(event.title, lang) ?? event.slug;
  return (
    <Layout
      meta={{
        lang,
        title: heading,
        baseUrl,
        noindex: true,
        alternates: inBothLanguages((l) => sitePaths.event(l, event.slug)),
      }}
    >
      <div class="notice" role="status">
        <h1>{heading}</h1>
        <p>
          <strong>{title}</strong>, {formatWhen(occurrence, event.allDay, event.timeZone, lang)}
        </p>
      </div>
      <p>{body}</p>
      <p>{t.mailBody}</p>
      <p>
        <a href={sitePaths.event(lang, event.slug)}>{t.backToEvent}</a>
      </p>
    </Layout>
  );
}
