import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import { Public } from '@mangfold/auth';
import { type AppConfig, InjectConfig, routesOf, siteLanguageOf, sitePaths, yearIn, type SiteLanguage } from '@mangfold/config';
import { localize } from '@mangfold/db';
import { AssociationKind } from '@mangfold/associations';
import { EventKind } from '@mangfold/calendar';
import { ActorPage } from './pages/actor.page';
import { AssociationsPage } from './pages/associations.page';
import { DistrictPage, HousingAreaPage } from './pages/area.page';
import { HomePage } from './pages/home.page';
import { InternationalDayPage } from './pages/international-day.page';
import { NotFoundPage } from './pages/not-found.page';
import { OccasionPage } from './pages/occasion.page';
import { PosterPage } from './pages/poster.page';
import { PrivacyPage } from './pages/privacy.page';
import { ProjectsPage } from './pages/projects.page';
import { SubscribePage } from './pages/subscribe.page';
import { sendPage } from './respond';
import { placeOf, SiteData } from './site-data.service';
import { VisitsService } from '@mangfold/workplan';

const ZONE = 'Europe/Copenhagen';
/** How many upcoming events a scope page shows before pointing to the listing. */
const SCOPE_EVENTS = 12;
const YEAR = /^\d{4}$/;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

/**
 * The public pages besides the events listing and event pages (WEB.md): front page, associations,
 * project bank, districts, housing areas, occasions, International Day, how to subscribe, privacy
 * and the event poster. Public data only; anything not public is a 404 page in the layout.
 */
@Controller()
@Public()
export class PublicPagesController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly data: SiteData,
    private readonly visits: VisitsService,
  ) {}

  private get baseUrl(): string {
    return this.config.http.publicBaseUrl;
  }

  private notFound(res: Response, lang: SiteLanguage): void {
    sendPage(res, <NotFoundPage lang={lang} baseUrl={this.baseUrl} />, { status: 404 });
  }

  @Get(routesOf(sitePaths.home))
  async home(@Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const now = DateTime.now().setZone(ZONE);
    const year = now.year;
    const [week, occasionDates, thisYearsDay, nextYearsDay] = await Promise.all([
      this.data.eventCards(lang, { from: now.toJSDate(), to: now.plus({ days: 7 }).toJSDate() }, SCOPE_EVENTS),
      this.data.upcomingOccasionDates(now.toISODate()!, 6),
      this.data.internationalDay(year),
      this.data.internationalDay(year + 1),
    ]);
    // A quiet week still shows what comes next, rather than an empty front page.
    const soon = week.cards.length ? [] : (await this.data.eventCards(lang, {}, 6)).cards;
    // Once this year's International Day is over (or when it has none), the front page points to next year's, if planned.
    const thisYearsOver = !thisYearsDay || thisYearsDay.event.endsAt.getTime() < Date.now();
    const day = thisYearsOver && nextYearsDay ? nextYearsDay : thisYearsDay;
    sendPage(
      res,
      <HomePage
        lang={lang}
        baseUrl={this.baseUrl}
        week={week.cards}
        soon={soon}
        occasions={occasionDates.map((d) => ({
          slug: d.occasion.slug,
          name: localize(d.occasion.name, lang) ?? d.occasion.slug,
          startsOn: d.startsOn,
          endsOn: d.endsOn,
        }))}
        internationalDay={{ year: day?.year ?? year, when: day ? day.event : null }}
      />,
    );
  }

  @Get(routesOf(sitePaths.associations))
  async associations(
    @Req() req: Request,
    @Res() res: Response,
    @Query('kind') kind: unknown,
    @Query('district') district: unknown,
  ): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const districts = await this.data.districts();
    const selected = {
      kind: oneOf(Object.values(AssociationKind), kind),
      district: oneOf(
        districts.map((d) => d.slug),
        district,
      ),
    };
    const actors = await this.data.actors(lang, { kind: selected.kind, districtSlug: selected.district });
    sendPage(
      res,
      <AssociationsPage
        lang={lang}
        baseUrl={this.baseUrl}
        actors={actors}
        districts={districts.map((d) => ({ slug: d.slug, name: localize(d.name, lang) ?? d.slug }))}
        selected={selected}
      />,
    );
  }

  @Get(routesOf(sitePaths.projects))
  async projects(@Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const projects = await this.data.actors(lang, { kind: AssociationKind.PROJECT });
    sendPage(res, <ProjectsPage lang={lang} baseUrl={this.baseUrl} projects={projects} />);
  }

  @Get(['foreninger/:slug', 'en/associations/:slug'])
  association(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string): Promise<void> {
    return this.actor(req, res, slug, 'association');
  }

  @Get(['projektbank/:slug', 'en/projects/:slug'])
  project(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string): Promise<void> {
    return this.actor(req, res, slug, 'project');
  }

  /** Projects have their page in the project bank, everything else under associations; the wrong section redirects. */
  private async actor(req: Request, res: Response, slug: string, section: 'association' | 'project'): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const association = await this.data.association(slug);
    if (!association) return this.notFound(res, lang);
    const isProject = association.kind === AssociationKind.PROJECT;
    if (isProject !== (section === 'project')) {
      return res.redirect(301, isProject ? sitePaths.project(lang, slug) : sitePaths.association(lang, slug));
    }
    const [events, findings] = await Promise.all([
      this.data.eventCards(lang, { associationSlug: slug }, SCOPE_EVENTS),
      isProject ? this.visits.publishedFindings(association.id) : Promise.resolve([]),
    ]);
    const place = (p: { slug: string; name: Record<string, string | undefined> } | null) =>
      p ? { slug: p.slug, name: localize(p.name, lang) ?? p.slug } : null;
    sendPage(
      res,
      <ActorPage
        lang={lang}
        baseUrl={this.baseUrl}
        events={events.cards}
        actor={{
          slug: association.slug,
          name: association.name,
          kind: association.kind,
          description: localize(association.description, lang) ?? null,
          district: place(association.district),
          housingArea: place(association.housingArea),
          website: association.website,
          // The same rule as the GraphQL Association type: contact details only when the association opted in.
          contact: association.showContact ? { email: association.contactEmail, phone: association.contactPhone } : null,
          findings: findings.map((f) => ({ visitedOn: f.visitedOn, text: localize(f.goodPractice, lang) ?? '' })).filter((f) => f.text),
        }}
      />,
    );
  }

  @Get(['bydele/:slug', 'en/districts/:slug'])
  async district(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const district = await this.data.district(slug);
    if (!district) return this.notFound(res, lang);
    const [events, actors, areas] = await Promise.all([
      this.data.eventCards(lang, { districtSlug: slug }, SCOPE_EVENTS),
      this.data.actors(lang, { districtSlug: slug }),
      this.data.housingAreas(slug),
    ]);
    sendPage(
      res,
      <DistrictPage
        lang={lang}
        baseUrl={this.baseUrl}
        district={{ slug: district.slug, name: localize(district.name, lang) ?? district.slug }}
        housingAreas={areas.map((h) => ({ slug: h.slug, name: localize(h.name, lang) ?? h.slug }))}
        events={events.cards}
        actors={actors}
      />,
    );
  }

  @Get(['boligomraader/:slug', 'en/housing-areas/:slug'])
  async housingArea(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const area = await this.data.housingArea(slug);
    if (!area) return this.notFound(res, lang);
    const [events, actors] = await Promise.all([
      this.data.eventCards(lang, { housingAreaSlug: slug }, SCOPE_EVENTS),
      this.data.actors(lang, { housingAreaSlug: slug }),
    ]);
    sendPage(
      res,
      <HousingAreaPage
        lang={lang}
        baseUrl={this.baseUrl}
        housingArea={{ slug: area.slug, name: localize(area.name, lang) ?? area.slug }}
        district={{ slug: area.district.slug, name: localize(area.district.name, lang) ?? area.district.slug }}
        events={events.cards}
        actors={actors}
      />,
    );
  }

  @Get(['anledninger/:slug', 'en/occasions/:slug'])
  async occasion(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const occasion = await this.data.occasion(slug);
    if (!occasion) return this.notFound(res, lang);
    const year = yearIn(ZONE);
    const years = [year, year + 1];
    const [dates, events] = await Promise.all([
      this.data.occasionDates(occasion, years),
      this.data.eventCards(lang, { occasionSlug: slug }, SCOPE_EVENTS),
    ]);
    sendPage(
      res,
      <OccasionPage
        lang={lang}
        baseUrl={this.baseUrl}
        occasion={{
          slug: occasion.slug,
          name: localize(occasion.name, lang) ?? occasion.slug,
          description: localize(occasion.description, lang) ?? null,
          tradition: occasion.tradition,
        }}
        years={years}
        dates={dates.map((d) => ({ year: d.year, startsOn: d.startsOn, endsOn: d.endsOn }))}
        events={events.cards}
      />,
    );
  }

  @Get(routesOf((lang) => sitePaths.internationalDay(lang)))
  internationalDayNow(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.internationalDayOf(req, res, yearIn(ZONE), true);
  }

  @Get(['international-dag/:year', 'en/international-day/:year'])
  internationalDay(@Req() req: Request, @Res() res: Response, @Param('year') year: string): Promise<void> {
    if (!YEAR.test(year)) return Promise.resolve(this.notFound(res, siteLanguageOf(req.path)));
    return this.internationalDayOf(req, res, Number(year), false);
  }

  /** A year's programme and confirmed participants; a year without an International Day is a 404 unless it is this year. */
  private async internationalDayOf(req: Request, res: Response, year: number, defaultYear: boolean): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const [day, years] = await Promise.all([this.data.internationalDay(year), this.data.internationalDayYears()]);
    if (!day && year !== yearIn(ZONE)) return this.notFound(res, lang);
    const start = DateTime.fromObject({ year }, { zone: ZONE }).startOf('year');
    const [programme, participants] = await Promise.all([
      this.data.eventCards(
        lang,
        { kind: EventKind.INTERNATIONAL_DAY, from: start.toJSDate(), to: start.plus({ years: 1 }).toJSDate() },
        50,
      ),
      day ? this.data.confirmedParticipants(day) : Promise.resolve([]),
    ]);
    const place = day ? placeOf(day.event.location) : null;
    sendPage(
      res,
      <InternationalDayPage
        lang={lang}
        baseUrl={this.baseUrl}
        year={year}
        defaultYear={defaultYear}
        day={day ? { when: day.event, place } : null}
        programme={programme.cards}
        participants={participants}
        years={years}
      />,
    );
  }

  @Get(routesOf(sitePaths.subscribe))
  subscribe(@Req() req: Request, @Res() res: Response): void {
    sendPage(res, <SubscribePage lang={siteLanguageOf(req.path)} baseUrl={this.baseUrl} />);
  }

  @Get(routesOf(sitePaths.privacy))
  privacy(@Req() req: Request, @Res() res: Response): void {
    sendPage(
      res,
      <PrivacyPage
        lang={siteLanguageOf(req.path)}
        baseUrl={this.baseUrl}
        retentionDays={this.config.privacy.retentionDays}
        contact={this.config.auth.adminEmail ?? 'TFI'}
      />,
    );
  }

  @Get(['arrangementer/:slug/plakat', 'en/events/:slug/poster'])
  async poster(@Req() req: Request, @Res() res: Response, @Param('slug') slug: string): Promise<void> {
    const lang = siteLanguageOf(req.path);
    const event = await this.data.publicEvent(lang, slug);
    if (!event) return this.notFound(res, lang);
    const qrSvg = await QRCode.toString(`${this.baseUrl}${sitePaths.event(lang, event.slug)}`, {
      type: 'svg',
      margin: 1,
      errorCorrectionLevel: 'M',
    });
    sendPage(res, <PosterPage lang={lang} baseUrl={this.baseUrl} event={event} qrSvg={qrSvg} />);
  }
}
