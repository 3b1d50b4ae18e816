import { Body, Controller, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, Public } from '@mangfold/auth';
import { InjectConfig, type AppConfig, type SiteLanguage } from '@mangfold/config';
import { BadUserInputError, TooManyRequestsError } from '@mangfold/graphql';
import { renderPage } from '@mangfold/web';
import { RESET_TEXT, ResetPasswordPage, type ResetState } from './reset-password.page';

/*
 * Setting a new password from the mailed link (the privacy notice moved to the public site, libs/web).
 * Server-rendered without scripts, so it works in any mail client's browser.
 */

function lang(value: unknown): SiteLanguage {
  return value === 'en' ? 'en' : 'da';
}

@Controller()
@Public()
export class PagesController {
  constructor(
    private readonly auth: AuthService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get('reset-password')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  resetForm(@Query('token') token: unknown, @Query('lang') language: unknown): string {
    return this.resetPage(lang(language), typeof token === 'string' && token ? { kind: 'form', token } : { kind: 'missing' });
  }

  @Post('reset-password')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async reset(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const l = lang(body.lang);
    const token = typeof body.token === 'string' ? body.token : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const send = (status: number, state: ResetState) => res.status(status).type('text/html; charset=utf-8').send(this.resetPage(l, state));
    if (!token) return void send(400, { kind: 'missing' });
    if (password !== body.repeat) return void send(400, { kind: 'form', token, error: RESET_TEXT[l].mismatch });
    try {
      await this.auth.resetPassword(token, password, req.ip);
    } catch (error) {
      if (error instanceof TooManyRequestsError) return void send(429, { kind: 'form', token, error: RESET_TEXT[l].tooMany });
      if (error instanceof BadUserInputError) return void send(400, { kind: 'form', token, error: Object.values(error.fields).join(' ') });
      throw error;
    }
    send(200, { kind: 'done' });
  }

  private resetPage(l: SiteLanguage, state: ResetState): string {
    return renderPage(<ResetPasswordPage lang={l} baseUrl={this.config.http.publicBaseUrl} state={state} />);
  }
}
