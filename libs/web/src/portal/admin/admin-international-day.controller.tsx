import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public, type ResolvedSession } from '@mangfold/auth';
import { type AppConfig, InjectConfig, sitePaths, yearIn } from '@mangfold/config';
import { BadUserInputError, NotFoundError } from '@mangfold/graphql';
import { InternationalDayService, ParticipationDirectory } from '@mangfold/registrations';
import { problemOf, text } from '../../forms/form-input';
import { sendPage } from '../../respond';
import { portalLanguage } from '../portal-context';
import { requireAdmin } from '../require-admin';
import { AdminInternationalDayPage, type AdminInternationalDayPageProps } from './admin-international-day.page';

const PAGE_SIZE = 100;
const YEAR = /^\d{4}$/;

/** A year asked for in the query or a form; else the coming day's, else the latest day's, else this year. */
async function yearOf(value: unknown, directory: ParticipationDirectory): Promise<number> {
  if (typeof value === 'string' && YEAR.test(value)) return Number(value);
  const upcoming = await directory.upcoming();
  if (upcoming) return upcoming.year;
  return (await directory.years()).at(-1) ?? yearIn('Europe/Copenhagen');
}

/**
 * TFI's International Day participations: a year's list, and confirm or decline each, by the same
 * service methods as confirmParticipation and declineParticipation (mails, waiting list and all).
 */
@Controller('portal/admin/international-day')
@Public()
export class AdminInternationalDayController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly days: InternationalDayService,
    private readonly directory: ParticipationDirectory,
  ) {}

  @Get()
  async list(
    @Req() req: Request,
    @Res() res: Response,
    @Query('year') year: unknown,
    @Query('after') after: unknown,
    @Query('done') done: unknown,
  ): Promise<void> {
    const session = requireAdmin(req, res, this.config.http.publicBaseUrl);
    if (!session) return;
    await this.render(req, res, session, await yearOf(year, this.directory), {
      after: typeof after === 'string' ? after : null,
      done: typeof done === 'string' ? done : undefined,
    });
  }

  @Post('participations/:pid/:action')
  async decide(
    @Req() req: Request,
    @Res() res: Response,
    @Param('pid') pid: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const session = requireAdmin(req, res, this.config.http.publicBaseUrl);
    if (!session) return;
    if (action !== 'confirm' && action !== 'decline') {
      res.status(404).end();
      return;
    }
    const year = await yearOf(text(body, 'year'), this.directory);
    try {
      if (action === 'confirm') await this.days.confirm(session.user, pid);
      else await this.days.decline(session.user, pid, text(body, 'reason'));
      res.redirect(303, `${sitePaths.portalAdminInternationalDay(year)}&done=${action === 'confirm' ? 'confirmed' : 'declined'}`);
    } catch (error) {
      const message = problemOf(error);
      if (message === undefined) throw error;
      const problem = { form: `${action}-${pid}`, message };
      await this.render(req, res, session, year, { after: null, problem }, error instanceof NotFoundError ? 404 : 422);
    }
  }

  /** A page of the year's participations; a cursor that is not one of ours starts from the first. */
  private async page(session: ResolvedSession, year: number, after: string | null) {
    try {
      return await this.directory.page(session.user, year, PAGE_SIZE, after);
    } catch (error) {
      if (!(error instanceof BadUserInputError) || after === null) throw error;
      return this.directory.page(session.user, year, PAGE_SIZE, null);
    }
  }

  private async render(
    req: Request,
    res: Response,
    session: ResolvedSession,
    year: number,
    state: { after: string | null; done?: string; problem?: AdminInternationalDayPageProps['problem'] },
    status = 200,
  ): Promise<void> {
    const [day, years] = await Promise.all([this.directory.ofYear(year), this.directory.years()]);
    const [page, counts] = day ? await Promise.all([this.page(session, year, state.after), this.days.counts([day.id])]) : [null, null];
    sendPage(
      res,
      <AdminInternationalDayPage
        lang={portalLanguage(req)}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        year={year}
        years={years}
        day={day}
        standsTaken={counts?.[0].standsTaken ?? 0}
        participations={page?.edges.map((e) => e.node) ?? []}
        after={page?.pageInfo.hasNextPage ? page.pageInfo.endCursor : null}
        done={state.done}
        problem={state.problem}
      />,
      { status, cache: 'no-store' },
    );
  }
}
