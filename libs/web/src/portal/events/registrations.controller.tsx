import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public, type ResolvedSession } from '@mangfold/auth';
import { type AppConfig, InjectConfig } from '@mangfold/config';
import { RegistrationStatus, RegistrationsService } from '@mangfold/registrations';
import { problemOf } from '../../forms/form-input';
import { sendPage } from '../../respond';
import { sendRefusal } from '../refusal.page';
import { portalLanguage, requireSession } from '../portal-context';
import { PortalEventsService } from './portal-events.service';
import { RegistrationsPage } from './registrations.page';

/** One page holds this many registrations; the CSV holds them all. */
const PAGE_SIZE = 200;

@Controller('portal/events/:id/registrations')
@Public()
export class PortalRegistrationsController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly registrations: RegistrationsService,
    private readonly portalEvents: PortalEventsService,
  ) {}

  @Get()
  async list(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('after') after: unknown,
    @Query('done') done: unknown,
  ): Promise<void> {
    const session = requireSession(req, res);
    if (session)
      await this.render(req, res, session, id, typeof after === 'string' ? after : null, typeof done === 'string' ? done : undefined);
  }

  @Post(':registrationId/:action')
  async checkIn(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('registrationId') registrationId: string,
    @Param('action') action: string,
  ): Promise<void> {
    const session = requireSession(req, res);
    if (!session) return;
    if (action !== 'check-in' && action !== 'undo') return this.notFound(req, res, session);
    try {
      await this.registrations.checkIn(session.user, registrationId, action === 'undo');
      res.redirect(303, `/portal/events/${id}/registrations?done=${action === 'undo' ? 'undone' : 'checked-in'}`);
    } catch (error) {
      const message = problemOf(error);
      if (message === undefined) throw error;
      await this.render(req, res, session, id, null, undefined, message, 422);
    }
  }

  private async render(
    req: Request,
    res: Response,
    session: ResolvedSession,
    id: string,
    after: string | null,
    done?: string,
    problem?: string,
    status = 200,
  ): Promise<void> {
    const found = await this.portalEvents.load(session.user, id);
    if (!found?.canEdit) return this.notFound(req, res, session);
    // The service checks again that the viewer organises the event (or is TFI).
    const page = await this.registrations.listForEvent(session.user, id, { first: PAGE_SIZE, after });
    const waiting = await this.registrations.listForEvent(session.user, id, {
      first: PAGE_SIZE,
      filter: { status: RegistrationStatus.WAITLISTED },
    });
    const positions = new Map(waiting.edges.map((e, i) => [e.node.id, i + 1]));
    sendPage(
      res,
      <RegistrationsPage
        lang={portalLanguage(req)}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        event={found.event}
        registrations={page.edges.map((e) => e.node)}
        positions={positions}
        totalCount={page.totalCount ?? page.edges.length}
        nextCursor={page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null}
        done={done}
        problem={problem}
      />,
      { status, cache: 'no-store' },
    );
  }

  private notFound(req: Request, res: Response, session: ResolvedSession): void {
    sendRefusal(req, res, this.config.http.publicBaseUrl, session, 404);
  }
}
