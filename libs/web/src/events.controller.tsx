import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request, Response } from 'express';
import { Public } from '@mangfold/auth';
import { Language } from '@mangfold/common';
import { type AppConfig, InjectConfig, type SiteLanguage, siteLanguageOf, sitePaths } from '@mangfold/config';
import { EventQueries } from '@mangfold/calendar';
import { AppError, BadUserInputError, NotFoundError, TooManyRequestsError } from '@mangfold/graphql';
import { AttendeeInput, PublicWriteLimits, RegistrationsService, RegistrationStatus } from '@mangfold/registrations';
import { sendPage } from './respond';
import { EventPageData } from './events/event-page-data';
import { EVENTS_TEXT } from './events/events-text';
import { type ListedEvent } from './events/event-list';
import { ListingQueries, listingHref, pagerLinks } from './events/listing-query';
import { renderRss } from './events/rss';
import { closedText, EventPage, type RegistrationField, type RegistrationForm, registrationState } from './pages/event.page';
import { EventsPage } from './pages/events.page';
import { EmbedEventsPage } from './pages/embed-events.page';
import { NotFoundPage } from './pages/not-found.page';
import { PastEventsPage } from './pages/past-events.page';
import { RegisteredPage } from './pages/registered.page';

const PAGE_SIZE = 20;
const RSS_SIZE = 50;

const FIELD_OF: Record<string, RegistrationField> = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  organisation: 'organisation',
  partySize: 'partySize',
  consentToPrivacyNotice: 'consent',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The events pages: listing, archive, one event with its registration form, RSS and the embed. */
@Controller()
@Public()
export class EventsController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly pages: EventPageData,
    private readonly queries: EventQueries,
    private readonly listing: ListingQueries,
    private readonly registrations: RegistrationsService,
    private readonly limits: PublicWriteLimits,
  ) {}

  private get baseUrl(): string {
    return this.config.http.publicBaseUrl;
  }

  /** One listing page of the query's filters, or its errors (unknown values name nothing: no list). */
  private async list(req: Request, lang: SiteLanguage, size: number, withCount: boolean) {
    let choices = await this.listing.choices(lang);
    let query = this.listing.parse(req.query, lang, choices, new Date());
    if (query.errors.length > 0) {
      choices = await this.listing.choices(lang, true);
      query = this.listing.parse(req.query, lang, choices, new Date());
    }
    const districtNames = new Map(choices.districts.map((d) => [d.id, d.name]));
    if (query.errors.length > 0)
      return { choices, query, districtNames, items: [] as ListedEvent[], count: null, pager: { next: null, previous: null } };
    try {
      const [page, count] = await Promise.all([
        this.queries.listPublic(query.filter, size, query.after),
        withCount ? this.queries.countPublic(query.filter) : Promise.resolve(null),
      ]);
      const items = page.edges.map((e) => ({
        event: e.node,
        occurrence: { startsAt: e.occurrence.startsAt, endsAt: e.occurrence.endsAt },
      }));
      const pager = pagerLinks(sitePaths.events(lang), query.values, query, page.pageInfo);
      return { choices, query, districtNames, items, count, pager };
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      query.errors.push(EVENTS_TEXT[lang].unknown.page());
      return { choices, query, districtNames, items: [] as ListedEvent[], count: null, pager: { next: null, previous: null } };
    }
  }

  @Get(['arrangementer', 'en/events'])
  async events(@Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const result = await this.list(req, lang, PAGE_SIZE, true);
    sendPage(res, <EventsPage lang={lang} baseUrl={this.baseUrl} {...result} />, { status: result.query.errors.length ? 400 : 200 });
  }

  @Get(['arrangementer.rss', 'en/events.rss'])
  async rss(@Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const { query, items } = await this.list(req, lang, RSS_SIZE, false);
    if (query.errors.length) {
      res
        .status(400)
        .type('text/plain; charset=utf-8')
        .setHeader('Cache-Control', 'no-store')
        .send(`${query.errors.join('\n')}\n`);
      return;
    }
    const body = renderRss({
      lang,
      baseUrl: this.baseUrl,
      selfPath: listingHref(sitePaths.eventsRss(lang), query.values),
      listPath: listingHref(sitePaths.events(lang), query.values),
      items,
    });
    res
      .status(200)
      .setHeader('Content-Type', 'application/rss+xml; charset=utf-8')
      .setHeader('Cache-Control', 'public, max-age=300')
      .send(body);
  }

  @Get(['embed/arrangementer', 'en/embed/events'])
  async embed(@Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const { query, items, districtNames } = await this.list(req, lang, PAGE_SIZE, false);
    sendPage(
      res,
      <EmbedEventsPage
        lang={lang}
        items={items}
        districtNames={districtNames}
        errors={query.errors}
        more={`${this.baseUrl}${listingHref(sitePaths.events(lang), query.values)}`}
      />,
      { status: query.errors.length ? 400 : 200 },
    );
  }

  @Get(['arrangementer/tidligere', 'en/events/past'])
  async past(@Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const choices = await this.listing.choices(lang);
    const districtNames = new Map(choices.districts.map((d) => [d.id, d.name]));
    const q = req.query as Record<string, unknown>;
    const after = str(q.after) || null;
    const rawBack = q.back;
    const back = (Array.isArray(rawBack) ? rawBack : rawBack === undefined ? [] : [rawBack]).filter(
      (b): b is string => typeof b === 'string',
    );
    const alternates = {
      da: listingHref(sitePaths.pastEvents('da'), {}, { after, back }),
      en: listingHref(sitePaths.pastEvents('en'), {}, { after, back }),
    };
    try {
      const page = await this.queries.listPast(new Date(), PAGE_SIZE, after);
      const items = page.edges.map((e) => ({
        event: e.node,
        occurrence: { startsAt: e.node.startsAt, endsAt: e.node.lastEndsAt ?? e.node.endsAt },
      }));
      const pager = pagerLinks(sitePaths.pastEvents(lang), {}, { after, back }, page.pageInfo);
      sendPage(
        res,
        <PastEventsPage
          lang={lang}
          baseUrl={this.baseUrl}
          items={items}
          count={page.totalCount}
          pager={pager}
          districtNames={districtNames}
          alternates={alternates}
        />,
      );
    } catch (error) {
      if (!(error instanceof BadUserInputError)) throw error;
      sendPage(
        res,
        <PastEventsPage
          lang={lang}
          baseUrl={this.baseUrl}
          items={[]}
          count={0}
          pager={{ next: null, previous: null }}
          districtNames={districtNames}
          alternates={alternates}
          badPage
        />,
        { status: 400 },
      );
    }
  }

  private notFound(res: Response, lang: SiteLanguage, slug: string): void {
    sendPage(
      res,
      <NotFoundPage lang={lang} baseUrl={this.baseUrl} path={{ da: sitePaths.event('da', slug), en: sitePaths.event('en', slug) }} />,
      {
        status: 404,
      },
    );
  }

  @Get(['arrangementer/:slug', 'en/events/:slug'])
  async event(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const data = await this.pages.load(slug);
    if (!data) return this.notFound(res, lang, slug);
    sendPage(res, <EventPage lang={lang} baseUrl={this.baseUrl} {...data} />);
  }

  /**
   * Registration without JavaScript: the form posts here, under the rules of `registerForEvent`
   * (the same validation, rate limits and service). Errors come back beside their fields with the
   * input kept; success answers with the result page directly (no cookie, nothing to redirect to
   * that would carry personal data), and the confirmation mail goes out as from the API.
   */
  @Post(['arrangementer/:slug', 'en/events/:slug'])
  async register(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const t = EVENTS_TEXT[lang];
    const data = await this.pages.load(slug);
    if (!data) return this.notFound(res, lang, slug);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const values: RegistrationForm['values'] = {
      name: str(body.name).slice(0, 300),
      email: str(body.email).slice(0, 300),
      phone: str(body.phone).slice(0, 100),
      organisation: str(body.organisation).slice(0, 300),
      partySize: str(body.partySize).trim().slice(0, 10) || '1',
      consent: str(body.consent) === 'yes' ? 'yes' : '',
    };
    const again = (status: number, form: RegistrationForm) =>
      sendPage(res, <EventPage lang={lang} baseUrl={this.baseUrl} {...data} form={form} />, { status, cache: 'no-store' });

    const input = plainToInstance(AttendeeInput, {
      name: values.name,
      email: values.email,
      phone: values.phone || undefined,
      organisation: values.organisation || undefined,
      partySize: /^\d+$/.test(values.partySize!) ? Number(values.partySize) : values.partySize,
      language: lang === 'en' ? Language.EN : Language.DA,
      consentToPrivacyNotice: values.consent === 'yes',
    });
    const errors: RegistrationForm['errors'] = {};
    for (const e of await validate(input)) {
      const field = FIELD_OF[e.property];
      if (field) errors[field] = t.fieldErrors[field];
    }
    if (Object.keys(errors).length > 0) return again(422, { values, errors });

    try {
      await this.limits.register(req, input.email);
      const result = await this.registrations.register(data.event.id, input, input.language!);
      const r = result.registration;
      const outcome = !result.created
        ? ({ kind: 'already' } as const)
        : r.status === RegistrationStatus.WAITLISTED
          ? ({ kind: 'waitlisted', position: result.waitlistPosition ?? 1 } as const)
          : ({ kind: 'confirmed', partySize: r.partySize } as const);
      sendPage(
        res,
        <RegisteredPage lang={lang} baseUrl={this.baseUrl} event={data.event} occurrence={data.occurrence} outcome={outcome} />,
        {
          cache: 'no-store',
        },
      );
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        return again(429, { values, errors: {}, problem: t.rateLimited });
      }
      if (error instanceof NotFoundError) return this.notFound(res, lang, slug);
      if (error instanceof BadUserInputError || error instanceof AppError) {
        const state = registrationState(data.event, new Date());
        const problem = state.open ? error.message : closedText(lang, state, data.event.timeZone);
        return again(409, { values, errors: {}, problem });
      }
      throw error;
    }
  }

  /** The paths before the public site: links in old mails and calendars keep working. */
  @Get('events/:slug')
  oldEvent(@Param('slug') slug: string, @Res() res: Response): void {
    res.redirect(301, sitePaths.event('da', slug));
  }

  @Get('associations/:slug')
  oldAssociation(@Param('slug') slug: string, @Res() res: Response): void {
    res.redirect(301, sitePaths.association('da', slug));
  }
}
