import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, Public, WebSessionsService, clearSessionCookie, setSessionCookie } from '@mangfold/auth';
import { type AppConfig, InjectConfig } from '@mangfold/config';
import { TooManyRequestsError, UnauthenticatedError } from '@mangfold/graphql';
import { sendPage } from '../respond';
import { LoginPage } from './login.page';
import { OverviewPage } from './overview.page';
import { portalLanguage, requireSession, safeNext } from './portal-context';
import { PortalOverviewService } from './portal-overview.service';

const LOGIN_ERRORS = {
  da: { wrong: 'Forkert e-mail eller adgangskode.', tooMany: (s: number) => `For mange forsøg. Prøv igen om ${s} sekunder.` },
  en: { wrong: 'Wrong email or password.', tooMany: (s: number) => `Too many attempts. Try again in ${s} seconds.` },
} as const;

/**
 * The portal's way in and its first page. Routes are public to the global guard and check the
 * session themselves, so a browser without one is sent to the login page rather than given JSON.
 */
@Controller('portal')
@Public()
export class PortalController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly auth: AuthService,
    private readonly sessions: WebSessionsService,
    private readonly overviews: PortalOverviewService,
  ) {}

  @Get('login')
  loginForm(@Req() req: Request, @Res() res: Response, @Query('next') next: unknown, @Query('out') out: unknown): void {
    if (req.webSession) return res.redirect(303, safeNext(next));
    sendPage(
      res,
      <LoginPage lang={portalLanguage(req)} baseUrl={this.config.http.publicBaseUrl} next={safeNext(next)} loggedOut={out === '1'} />,
      { cache: 'no-store' },
    );
  }

  @Post('login')
  async login(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const lang = portalLanguage(req);
    const email = typeof body.email === 'string' ? body.email : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const next = safeNext(body.next);
    try {
      const { user } = await this.auth.login(email, password, req.ip);
      const { token } = await this.sessions.start(user.id);
      setSessionCookie(req, res, token);
      res.redirect(303, next);
    } catch (error) {
      if (!(error instanceof UnauthenticatedError || error instanceof TooManyRequestsError)) throw error;
      const tooMany = error instanceof TooManyRequestsError;
      const message = tooMany ? LOGIN_ERRORS[lang].tooMany(error.retryAfterSeconds) : LOGIN_ERRORS[lang].wrong;
      if (tooMany) res.setHeader('Retry-After', String(error.retryAfterSeconds));
      sendPage(res, <LoginPage lang={lang} baseUrl={this.config.http.publicBaseUrl} next={next} email={email} error={message} />, {
        status: tooMany ? 429 : 401,
        cache: 'no-store',
      });
    }
  }

  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (req.webSession) await this.sessions.end(req.webSession.id);
    clearSessionCookie(req, res);
    res.redirect(303, '/portal/login?out=1');
  }

  @Get()
  async overview(@Req() req: Request, @Res() res: Response, @Query('signedUp') signedUp: unknown): Promise<void> {
    const session = requireSession(req, res);
    if (!session) return;
    const overview = await this.overviews.overview(session.user);
    sendPage(
      res,
      <OverviewPage
        lang={portalLanguage(req)}
        baseUrl={this.config.http.publicBaseUrl}
        session={session}
        overview={overview}
        signedUp={signedUp === '1'}
      />,
      { cache: 'no-store' },
    );
  }
}
