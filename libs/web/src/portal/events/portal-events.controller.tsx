import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public, type ResolvedSession } from '@mangfold/auth';
import { CreateEventInput, EventsService, UpdateEventInput, type Event } from '@mangfold/calendar';
import { type AppConfig, InjectConfig, yearIn } from '@mangfold/config';
import type { FieldErrors } from '@mangfold/graphql';
import { fieldErrorsOf, parseInput, problemOf, text } from '../../forms/form-input';
import { sendPage } from '../../respond';
import { sendRefusal } from '../refusal.page';
import { isAdmin, portalLanguage, requireSession } from '../portal-context';
import { PortalReferenceService } from '../portal-reference.service';
import { eventInputFrom, formErrors, postedValues, valuesFromEvent, type EventFormValues } from './event-form';
import { EventFormPage } from './event-form.page';
import { EventDetailPage } from './event-detail.page';
import { PortalEventsService } from './portal-events.service';

const DEFAULT_ZONE = 'Europe/Copenhagen';

/** Which action of the event page a refused form belongs to. */
type Problem = { form: string; message: string };

/**
 * Creating, editing, copying, submitting and cancelling events in the browser, co-organiser
 * invitations, and TFI's publish or reject: each a form POST to the same services as GraphQL,
 * which check ownership; then a redirect to the event's page.
 */
@Controller('portal/events')
@Public()
export class PortalEventsController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly events: EventsService,
    private readonly portalEvents: PortalEventsService,
    private readonly reference: PortalReferenceService,
  ) {}

  @Get('new')
  async newForm(@Req() req: Request, @Res() res: Response, @Query('copy') copy: unknown): Promise<void> {
    const session = requireSession(req, res);
    if (!session) return;
    let values: EventFormValues = { isFree: 'on', repeat: 'none' };
    if (typeof copy === 'string') {
      const source = await this.portalEvents.load(session.user, copy);
      if (!source) return this.notFound(req, res, session);
      // A copy keeps everything but the dates, which the new event gets anew.
      values = { ...valuesFromEvent(source.event), startDate: '', endDate: '', repeatUntil: '', skipDates: '' };
    }
    await this.renderForm(req, res, session, { mode: 'create', action: '/portal/events', values, errors: {} });
  }

  @Post()
  async create(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const session = requireSession(req, res);
    if (!session) return;
    const values = postedValues(body);
    const errors: FieldErrors = {};
    const raw: Record<string, unknown> = { ...eventInputFrom(values, DEFAULT_ZONE, errors), associationId: text(body, 'associationId') };
    // The blank district is "the association's": left out, the service gives a new event that one (null would mean none).
    if (raw.districtId === null) delete raw.districtId;
    const parsed = await parseInput(CreateEventInput, raw);
    if (!parsed.ok || Object.keys(errors).length) {
      return this.renderForm(
        req,
        res,
        session,
        { mode: 'create', action: '/portal/events', values, errors: formErrors({ ...(parsed.ok ? {} : parsed.errors), ...errors }) },
        422,
      );
    }
    try {
      const event = await this.events.create(session.user, parsed.value);
      res.redirect(303, `/portal/events/${event.id}?done=created`);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) throw error;
      await this.renderForm(req, res, session, { mode: 'create', action: '/portal/events', values, errors: formErrors(fields) }, 422);
    }
  }

  @Get(':id')
  async show(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Query('done') done: unknown): Promise<void> {
    const session = requireSession(req, res);
    if (session) await this.renderDetail(req, res, session, id, typeof done === 'string' ? done : undefined);
  }

  @Get(':id/edit')
  async editForm(@Req() req: Request, @Res() res: Response, @Param('id') id: string): Promise<void> {
    const session = requireSession(req, res);
    if (!session) return;
    const found = await this.portalEvents.load(session.user, id);
    if (!found?.canEdit) return this.notFound(req, res, session);
    await this.renderForm(req, res, session, {
      mode: 'edit',
      action: `/portal/events/${id}/edit`,
      values: valuesFromEvent(found.event),
      errors: {},
      event: found.event,
    });
  }

  @Post(':id/edit')
  async edit(@Req() req: Request, @Res() res: Response, @Param('id') id: string, @Body() body: Record<string, unknown>): Promise<void> {
    const session = requireSession(req, res);
    if (!session) return;
    const found = await this.portalEvents.load(session.user, id);
    if (!found?.canEdit) return this.notFound(req, res, session);
    const values = postedValues(body);
    const errors: FieldErrors = {};
    const parsed = await parseInput(UpdateEventInput, eventInputFrom(values, found.event.timeZone, errors));
    const form = { mode: 'edit' as const, action: `/portal/events/${id}/edit`, values, event: found.event };
    if (!parsed.ok || Object.keys(errors).length) {
      return this.renderForm(req, res, session, { ...form, errors: formErrors({ ...(parsed.ok ? {} : parsed.errors), ...errors }) }, 422);
    }
    try {
      await this.events.update(session.user, id, parsed.value);
      res.redirect(303, `/portal/events/${id}?done=saved`);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      if (!fields) throw error;
      await this.renderForm(req, res, session, { ...form, errors: formErrors(fields) }, 422);
    }
  }

  @Post(':id/:action')
  async act(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const session = requireSession(req, res);
    if (!session) return;
    const user = session.user;
    const steps: Record<string, () => Promise<{ done: string; event: Event }>> = {
      submit: async () => ({ done: 'submitted', event: await this.events.submit(user, id) }),
      cancel: async () => ({ done: 'cancelled', event: await this.events.cancel(user, id, text(body, 'reason')) }),
      publish: async () => ({ done: 'published', event: await this.events.publish(user, id) }),
      reject: async () => ({ done: 'rejected', event: await this.events.reject(user, id, text(body, 'reason')) }),
      invite: async () => ({ done: 'invited', event: await this.events.inviteCoOrganiser(user, id, text(body, 'associationId')) }),
      respond: async () => {
        const accept = text(body, 'answer') === 'accept';
        const event = await this.events.respondToInvitation(user, id, text(body, 'associationId') || null, accept);
        return { done: accept ? 'accepted' : 'declined', event };
      },
    };
    const step = Object.hasOwn(steps, action) ? steps[action] : undefined;
    if (!step) return this.notFound(req, res, session);
    try {
      const { done } = await step();
      res.redirect(303, `/portal/events/${id}?done=${done}`);
    } catch (error) {
      const message = problemOf(error);
      if (message === undefined) throw error;
      const form = action === 'cancel' || action === 'reject' || action === 'invite' ? action : 'page';
      await this.renderDetail(req, res, session, id, undefined, { form, message }, 422);
    }
  }

  private async renderDetail(
    req: Request,
    res: Response,
    session: ResolvedSession,
    id: string,
    done?: string,
    problem?: Problem,
    status = 200,
  ): Promise<void> {
    const found = await this.portalEvents.load(session.user, id);
    if (!found) return this.notFound(req, res, session);
    const inviteChoices = found.canEdit ? await this.portalEvents.inviteChoices(found) : [];
    sendPage(
      res,
      <EventDetailPage
        lang={portalLanguage(req)}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        event={found.event}
        organisers={found.organisers}
        canEdit={found.canEdit}
        invitedAs={found.invitedAs}
        inviteChoices={inviteChoices}
        isAdmin={isAdmin(session)}
        done={done}
        problem={problem}
      />,
      { status, cache: 'no-store' },
    );
  }

  private async renderForm(
    req: Request,
    res: Response,
    session: ResolvedSession,
    form: { mode: 'create' | 'edit'; action: string; values: EventFormValues; errors: FieldErrors; event?: Event },
    status = 200,
  ): Promise<void> {
    const lang = portalLanguage(req);
    const [associations, occasions, districts, housingAreas] = await Promise.all([
      this.portalEvents.associationChoices(session.user),
      this.reference.occasionChoices(lang, yearIn(DEFAULT_ZONE)),
      this.reference.districtChoices(lang, 'id'),
      this.reference.housingAreaChoices(lang, 'id'),
    ]);
    sendPage(
      res,
      <EventFormPage
        lang={lang}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        action={form.action}
        mode={form.mode}
        published={form.event?.status === 'PUBLISHED'}
        values={form.values}
        errors={form.errors}
        associations={associations}
        occasions={occasions}
        districts={districts}
        housingAreas={housingAreas}
      />,
      { status, cache: 'no-store' },
    );
  }

  private notFound(req: Request, res: Response, session: ResolvedSession): void {
    sendRefusal(req, res, this.config.http.publicBaseUrl, session, 404);
  }
}
