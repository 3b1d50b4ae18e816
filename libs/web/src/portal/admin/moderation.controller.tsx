import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mangfold/auth';
import { EventQueries } from '@mangfold/calendar';
import { type AppConfig, InjectConfig } from '@mangfold/config';
import { sendPage } from '../../respond';
import { portalLanguage } from '../portal-context';
import { requireAdmin } from '../require-admin';
import { ModerationPage } from './moderation.page';

/** How many submitted events the queue shows at once; TFI works through them oldest first. */
const QUEUE_PAGE = 100;

@Controller('portal/admin/moderation')
@Public()
export class ModerationController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly queries: EventQueries,
  ) {}

  @Get()
  async queue(@Req() req: Request, @Res() res: Response): Promise<void> {
    const session = requireAdmin(req, res, this.config.http.publicBaseUrl);
    if (!session) return;
    const page = await this.queries.moderationQueue(false, QUEUE_PAGE, null, false);
    sendPage(
      res,
      <ModerationPage
        lang={portalLanguage(req)}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        events={page.edges.map((e) => e.node)}
      />,
      { cache: 'no-store' },
    );
  }
}
