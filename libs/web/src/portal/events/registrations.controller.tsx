import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public, type ResolvedSession } from '@mangfold/auth';
import { type AppConfig, InjectConfig } from '@mangfold/config';
import { MessageRegistrantsInput, RegistrantMessages } from '@mangfold/notifications';
import { RegistrationStatus, RegistrationsService } from '@mangfold/registrations';
import { fieldErrorsOf, parseInput, problemOf, text } from '../../forms/form-input';
import { sendPage } from '../../respond';
import { sendRefusal } from '../refusal.page';
import { portalLanguage, requireSession } from '../portal-context';
import { PortalEventsService } from './portal-events.service';
import type { MessageFormState } from './registrants-message.form';
import { RegistrationsPage } from './registrations.page';

/** What the page shows besides the list: a notice, a problem, the message form as posted. */
interface PageExtras {
  done?: string;
  sent?: number;
  problem?: string;
  message?: MessageFormState;
}

/** One page holds this many registrations; the CSV holds them all. */
const PAGE_SIZE = 200;

@Controller('portal/events/:id/registrations')
@Public()
export class PortalRegistrationsController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly registrations: RegistrationsService,
    private readonly portalEvents: PortalEventsService,
    private readonly messages: RegistrantMessages,
  ) {}

  @Get()
  async list(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Query('after') after: unknown,
    @Query('done') done: unknown,
    @Query('sent') sent: unknown,
  ): Promise<void> {
    const session = requireSession(req, res);
    if (!session) return;
    const extras: PageExtras = { done: typeof done === 'string' ? done : undefined };
    if (typeof sent === 'string' && /^\d{1,9}$/.test(sent)) extras.sent = Number(sent);
    await this.render(req, res, session, id, typeof after === 'string' ? after : null, extras);
  }

  /** Mails a message to everyone confirmed or waiting (the same rules as the messageRegistrants mutation). */
  @Post('message')
  async message(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>): Promise<void> {
    const session = requireSession(req, res);
    if (!session) return;
    const values = { subject: text(body, 'subject'), text: text(body, 'text') };
    const parsed = await parseInput(MessageRegistrantsInput, values);
    if (!parsed.ok) return this.render(req, res, session, id, null, { message: { values, errors: parsed.errors } }, 422);
    try {
      const sent = await this.messages.send(session.user, id, parsed.value);
      res.redirect(303, `/portal/events/${id}/registrations?sent=${sent}`);
    } catch (error) {
      const errors = fieldErrorsOf(error);
      const problem = errors ? undefined : problemOf(error);
      if (!errors && problem === undefined) throw error;
      await this.render(req, res, session, id, null, { problem, message: { values, errors: errors ?? {} } }, 422);
    }
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
      await this.render(req, res, session, id, null, { problem: message }, 422);
    }
  }

  private async render(
    req: Request,
    res: Response,
    session: ResolvedSession,
    id: string,
    after: string | null,
    extras: PageExtras = {},
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
        {...extras}
      />,
      { status, cache: 'no-store' },
    );
  }

  private notFound(req: Request, res: Response, session: ResolvedSession): void {
    sendRefusal(req, res, this.config.http.publicBaseUrl, session, 404);
  }
}
