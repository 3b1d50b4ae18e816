import { Body, Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public, type ResolvedSession } from '@mangfold/auth';
import { AssociationOrder, AssociationStatus, AssociationsService } from '@mangfold/associations';
import { type AppConfig, InjectConfig } from '@mangfold/config';
import { NotFoundError } from '@mangfold/graphql';
import { problemOf, text } from '../../forms/form-input';
import { sendPage } from '../../respond';
import { portalLanguage } from '../portal-context';
import { requireAdmin } from '../require-admin';
import { AdminAssociationsPage } from './admin-associations.page';

const ACTIONS = ['approve', 'reject', 'suspend'] as const;
type Action = (typeof ACTIONS)[number];
const DONE: Record<Action, string> = { approve: 'approved', reject: 'rejected', suspend: 'suspended' };

/** TFI decides on sign-ups in the browser, by the same service as the GraphQL mutations. */
@Controller('portal/admin/associations')
@Public()
export class AdminAssociationsController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly associations: AssociationsService,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response, @Query('done') done: unknown): Promise<void> {
    const session = requireAdmin(req, res, this.config.http.publicBaseUrl);
    if (session) await this.render(req, res, session, typeof done === 'string' ? done : undefined);
  }

  @Post(':id/:action')
  async decide(
    @Req() req: Request,
    @Res() res: Response,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const session = requireAdmin(req, res, this.config.http.publicBaseUrl);
    if (!session) return;
    if (!(ACTIONS as readonly string[]).includes(action)) {
      res.status(404).end();
      return;
    }
    const verb = action as Action;
    try {
      if (verb === 'approve') await this.associations.approve(id, session.user);
      else if (verb === 'reject') await this.associations.reject(id, text(body, 'reason'), session.user);
      else await this.associations.suspend(id, text(body, 'reason'), session.user);
      res.redirect(303, `/portal/admin/associations?done=${DONE[verb]}`);
    } catch (error) {
      const message = problemOf(error);
      if (message === undefined) throw error;
      await this.render(req, res, session, undefined, { id: `${verb}-${id}`, message }, error instanceof NotFoundError ? 404 : 422);
    }
  }

  private async render(
    req: Request,
    res: Response,
    session: ResolvedSession,
    done?: string,
    error?: { id: string; message: string },
    status = 200,
  ): Promise<void> {
    const [pending, approved] = await Promise.all(
      [AssociationStatus.PENDING, AssociationStatus.APPROVED].map((status) =>
        this.associations.list({ status }, 100, null, AssociationOrder.OLDEST_FIRST, session.user),
      ),
    );
    sendPage(
      res,
      <AdminAssociationsPage
        lang={portalLanguage(req)}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        pending={pending.edges.map((e) => e.node)}
        approved={approved.edges.map((e) => e.node)}
        done={done}
        error={error}
      />,
      { status, cache: 'no-store' },
    );
  }
}
