import type { ComponentChildren } from 'preact';
import { type SiteLanguage, sitePaths } from '@mangfold/config';
import { STYLESHEET_PATH } from './assets';
import { SITE_TEXT } from './site-text';

export interface PageMeta {
  lang: SiteLanguage;
  /** The page's own title; the site's name is appended. */
  title: string;
  description?: string;
  /** Root-relative paths of this page in each language (hreflang, the language switch). */
  alternates: Record<SiteLanguage, string>;
  /** Absolute base of links (PUBLIC_BASE_URL), for canonical, hreflang and Open Graph. */
  baseUrl: string;
  /** Portal pages and pages with secrets in their URL stay out of search engines. */
  noindex?: boolean;
  /** Machine-readable extras for <head> (JSON-LD, feed links). */
  head?: ComponentChildren;
}

/** A page that opens with its title and, as its lead, the description search engines get too. */
export function IntroLayout({ meta, children }: { meta: PageMeta & { description: string }; children: ComponentChildren }) {
  return (
    <Layout meta={meta}>
      <h1>{meta.title}</h1>
      <p class="lead">{meta.description}</p>
      {children}
    </Layout>
  );
}

/**
 * The frame of every full page: skip link, header with navigation and language switch, main, footer.
 * The portal passes its own navigation.
 */
export function Layout({ meta, nav, children }: { meta: PageMeta; nav?: ComponentChildren; children: ComponentChildren }) {
  const t = SITE_TEXT[meta.lang];
  const canonical = `${meta.baseUrl}${meta.alternates[meta.lang]}`;
  const title = `${meta.title} · ${t.siteName}`;
  return (
    <html lang={meta.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        {meta.description ? <meta name="description" content={meta.description} /> : null}
        {meta.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hrefLang="da" href={`${meta.baseUrl}${meta.alternates.da}`} />
        <link rel="alternate" hrefLang="en" href={`${meta.baseUrl}${meta.alternates.en}`} />
        <link rel="alternate" hrefLang="x-default" href={`${meta.baseUrl}${meta.alternates.da}`} />
        <meta property="og:title" content={meta.title} />
        {meta.description ? <meta property="og:description" content={meta.description} /> : null}
        <meta property="og:url" content={canonical} />
        <meta property="og:site_name" content={t.siteName} />
        <meta property="og:locale" content={meta.lang === 'da' ? 'da_DK' : 'en_GB'} />
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        {meta.head}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.skip}
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-name" href={sitePaths.home(meta.lang)}>
              {t.siteName}
            </a>
            {nav ?? <SiteNav meta={meta} />}
          </div>
        </header>
        <main id="main" class="wrap" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t.footer}</p>
            <ul class="footer-links">
              <li>
                <a href={sitePaths.privacy(meta.lang)}>{t.privacy}</a>
              </li>
              <li>
                <a href={sitePaths.accessibility(meta.lang)}>{t.accessibility}</a>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The public pages' navigation, with the link to the page in the other language. */
function SiteNav({ meta }: { meta: PageMeta }) {
  const t = SITE_TEXT[meta.lang];
  const other: SiteLanguage = meta.lang === 'da' ? 'en' : 'da';
  return (
    <nav aria-label={t.nav}>
      <ul class="nav">
        <li>
          <a href={sitePaths.events(meta.lang)}>{t.events}</a>
        </li>
        <li>
          <a href={sitePaths.associations(meta.lang)}>{t.associations}</a>
        </li>
        <li>
          <a href={sitePaths.projects(meta.lang)}>{t.projects}</a>
        </li>
        <li>
          <a href={sitePaths.atlas(meta.lang)}>{t.atlas}</a>
        </li>
        <li>
          <a href={sitePaths.internationalDay(meta.lang)}>{t.internationalDay}</a>
        </li>
        <li>
          <a href={sitePaths.subscribe(meta.lang)}>{t.subscribe}</a>
        </li>
        <li>
          <a href={meta.alternates[other]} hrefLang={other} lang={other}>
            {t.otherLanguage}
          </a>
        </li>
      </ul>
    </nav>
  );
}
