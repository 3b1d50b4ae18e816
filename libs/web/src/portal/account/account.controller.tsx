import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, Public } from '@mangfold/auth';
import { type AppConfig, InjectConfig, sitePaths } from '@mangfold/config';
import { TooManyRequestsError } from '@mangfold/graphql';
import { fieldErrorsOf, text } from '../../forms/form-input';
import { sendPage } from '../../respond';
import { portalLanguage } from '../portal-context';
import { ForgotPasswordPage } from './forgot-password.page';

const TOO_MANY = {
  da: (s: number) => `For mange forsøg. Prøv igen om ${s} sekunder.`,
  en: (s: number) => `Too many attempts. Try again in ${s} seconds.`,
} as const;

/** Asking for a password link, and the short addresses older mails carry. */
@Controller()
@Public()
export class AccountController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly auth: AuthService,
  ) {}

  @Get('portal/forgot-password')
  form(@Req() req: Request, @Res() res: Response): void {
    sendPage(res, <ForgotPasswordPage lang={portalLanguage(req)} baseUrl={this.config.http.publicBaseUrl} errors={{}} />, {
      cache: 'no-store',
    });
  }

  /** The same answer whether or not the address has an account (the service mails only real ones). */
  @Post('portal/forgot-password')
  async request(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const lang = portalLanguage(req);
    const email = text(body, 'email');
    const page = (props: { errors?: Record<string, string>; sent?: boolean }, status = 200) =>
      sendPage(
        res,
        <ForgotPasswordPage
          lang={lang}
          baseUrl={this.config.http.publicBaseUrl}
          email={email}
          errors={props.errors ?? {}}
          sent={props.sent}
        />,
        {
          status,
          cache: 'no-store',
        },
      );
    try {
      await this.auth.requestPasswordReset(email, req.ip);
      page({ sent: true });
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        return page({ errors: { email: TOO_MANY[lang](error.retryAfterSeconds) } }, 429);
      }
      const fields = fieldErrorsOf(error);
      if (!fields) throw error;
      page({ errors: fields }, 422);
    }
  }

  // Mails sent before the portal existed link here; each lands on the page that does the job now.
  @Get('login')
  login(@Res() res: Response): void {
    res.redirect(301, sitePaths.portalLogin('da'));
  }

  @Get('my/invitations')
  invitations(@Res() res: Response): void {
    res.redirect(301, sitePaths.portal());
  }

  @Get('my/events/:id')
  myEvent(@Param('id') id: string, @Res() res: Response): void {
    res.redirect(301, sitePaths.portalEvent(id));
  }

  @Get('admin/events/:id')
  adminEvent(@Param('id') id: string, @Res() res: Response): void {
    res.redirect(301, sitePaths.portalEvent(id));
  }
}
