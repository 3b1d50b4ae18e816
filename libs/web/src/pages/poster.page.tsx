import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { whenText } from '../format';
import { inBothLanguages } from '../links';
import { Layout } from '../layout';
import type { EventCardData } from '../site-data.service';

const TEXT = {
  da: {
    title: (name: string) => `Plakat: ${name}`,
    print: 'Plakaten passer til et A4-ark: udskriv siden fra browseren (Ctrl+P eller ⌘+P).',
    back: 'Tilbage til arrangementet',
    cancelled: 'Aflyst',
    when: 'Hvornår',
    where: 'Hvor',
    by: 'Arrangør',
    byMany: 'Arrangører',
    marks: 'Markerer',
    scan: 'Scan koden, eller gå til',
    qr: (url: string) => `QR-kode til ${url}`,
    footer: 'Mangfoldighedskalenderen · Københavns Kommune',
  },
  en: {
    title: (name: string) => `Poster: ${name}`,
    print: 'The poster fits an A4 sheet: print the page from your browser (Ctrl+P or ⌘+P).',
    back: 'Back to the event',
    cancelled: 'Cancelled',
    when: 'When',
    where: 'Where',
    by: 'Organiser',
    byMany: 'Organisers',
    marks: 'Marks',
    scan: 'Scan the code, or go to',
    qr: (url: string) => `QR code for ${url}`,
    footer: 'Diversity Calendar · City of Copenhagen',
  },
} as const;

/** A printable A4 poster of an event with a QR code of its page (an inline SVG made on the server). */
export function PosterPage({ lang, baseUrl, event, qrSvg }: { lang: SiteLanguage; baseUrl: string; event: EventCardData; qrSvg: string }) {
  const t = TEXT[lang];
  const url = `${baseUrl}${sitePaths.event(lang, event.slug)}`;
  const where = [event.place, event.district?.name].filter(Boolean).join(', ');
  return (
    <Layout
      meta={{
        lang,
        title: t.title(event.title),
        baseUrl,
        noindex: true,
        alternates: inBothLanguages((l) => sitePaths.poster(l, event.slug)),
      }}
    >
      <div class="no-print">
        <p>
          <a href={sitePaths.event(lang, event.slug)}>{t.back}</a>
        </p>
        <p class="notice">{t.print}</p>
      </div>
      <article class="poster">
        <h1>{event.title}</h1>
        {event.cancelled ? <p class="badge cancelled">{t.cancelled}</p> : null}
        <dl class="facts">
          <dt>{t.when}</dt>
          <dd>{whenText(lang, event)}</dd>
          {where ? (
            <>
              <dt>{t.where}</dt>
              <dd>{where}</dd>
            </>
          ) : null}
          {event.organisers.length ? (
            <>
              <dt>{event.organisers.length > 1 ? t.byMany : t.by}</dt>
              <dd>{event.organisers.map((o) => o.name).join(', ')}</dd>
            </>
          ) : null}
          {event.occasion ? (
            <>
              <dt>{t.marks}</dt>
              <dd>{event.occasion.name}</dd>
            </>
          ) : null}
        </dl>
        <figure class="qr">
          <div class="qr-code" role="img" aria-label={t.qr(url)} dangerouslySetInnerHTML={{ __html: qrSvg }} />
          <figcaption>
            {t.scan} <span class="url">{url}</span>
          </figcaption>
        </figure>
        <p class="muted poster-footer">{t.footer}</p>
      </article>
    </Layout>
  );
}
