import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { VNode } from 'preact';
import { Public } from '@mangfold/auth';
import type { Language } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { AppError, NotFoundError } from '@mangfold/graphql';
import { PersonalDataService, PublicWriteLimits, Registration, RegistrationsService, personalFeedUrl } from '@mangfold/registrations';
import { noindex, sendTokenPage, tokenPageLanguage } from './token-page';
import { EraseConfirmPage, ErasedPage, ManageNotFoundPage, ManageRegistrationPage, managePath } from './manage-registration.page';
import { MANAGE_TEXT } from './manage-text';

interface TokenForm {
  token?: unknown;
  lang?: unknown;
}

interface FeedbackForm extends TokenForm {
  satisfied?: unknown;
  score?: unknown;
  comment?: unknown;
}

/**
 * The page behind the link in every registration mail (`managementUrl`): see the registration,
 * cancel it, rate the event afterwards and erase one's data, with nothing but a browser. Plain HTML forms; the
 * secret token travels in the query string (never logged) and in the form body, so a forged
 * form from another site cannot act without it.
 */
@Controller('registrations/manage')
@Public()
export class ManageRegistrationController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly limits: PublicWriteLimits,
    private readonly personalData: PersonalDataService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get()
  async show(
    @Query('token') token: unknown,
    @Query('lang') lang: unknown,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const registration = await this.find(token);
    if (!registration) return this.notFound(res, language(lang));
    await this.render(res, 200, registration, String(token), language(lang, registration), {
      done: done === 'cancelled' || done === 'feedback' ? done : undefined,
    });
  }

  @Post('cancel')
  async cancel(@Body() form: TokenForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.limits.useToken(req);
    const registration = await this.find(form.token);
    if (!registration) return this.notFound(res, language(form.lang));
    try {
      await this.registrations.cancelByToken(String(form.token));
    } catch (error) {
      return this.failed(res, error, registration, String(form.token), language(form.lang, registration));
    }
    this.back(res, String(form.token), language(form.lang, registration), 'cancelled');
  }

  /** The first step only shows what erasure takes away; nothing is erased until the second POST. */
  @Post('erase')
  async eraseAsk(@Body() form: TokenForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.limits.useToken(req);
    const registration = await this.find(form.token);
    if (!registration) return this.notFound(res, language(form.lang));
    const event = await this.registrations.eventOf(registration);
    const lang = language(form.lang, registration);
    this.send(res, 200, <EraseConfirmPage lang={lang} baseUrl={this.baseUrl} token={String(form.token)} event={event} />);
  }

  /** Erases as the eraseRegistration mutation does; afterwards the token opens nothing. */
  @Post('erase/confirm')
  async erase(@Body() form: TokenForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.limits.useToken(req);
    const registration = await this.find(form.token);
    if (!registration) return this.notFound(res, language(form.lang));
    const lang = language(form.lang, registration);
    try {
      await this.personalData.eraseByToken(String(form.token));
    } catch (error) {
      return this.failed(res, error, registration, String(form.token), lang);
    }
    noindex(res).redirect(303, `/registrations/manage/erased?lang=${lang}`);
  }

  @Get('erased')
  erased(@Query('lang') lang: unknown, @Res() res: Response): void {
    this.send(res, 200, <ErasedPage lang={language(lang)} baseUrl={this.baseUrl} />);
  }

  @Post('feedback')
  async feedback(@Body() form: FeedbackForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.limits.useToken(req);
    const registration = await this.find(form.token);
    if (!registration) return this.notFound(res, language(form.lang));
    const lang = language(form.lang, registration);
    const score = form.score === undefined || form.score === '' ? null : Number(form.score);
    const comment = typeof form.comment === 'string' ? form.comment.trim() : '';
    if (
      (form.satisfied !== 'yes' && form.satisfied !== 'no') ||
      (score !== null && ![1, 2, 3, 4, 5].includes(score)) ||
      comment.length > 2000
    ) {
      return this.render(res, 400, registration, String(form.token), lang, { error: MANAGE_TEXT[lang].invalidFeedback });
    }
    try {
      await this.registrations.submitFeedback(String(form.token), { satisfied: form.satisfied === 'yes', score, comment: comment || null });
    } catch (error) {
      return this.failed(res, error, registration, String(form.token), lang);
    }
    this.back(res, String(form.token), lang, 'feedback');
  }

  private async find(token: unknown): Promise<Registration | undefined> {
    if (typeof token !== 'string' || token.length > 200) return undefined;
    try {
      return await this.registrations.findByToken(token);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  private async render(
    res: Response,
    status: number,
    registration: Registration,
    token: string,
    lang: Language,
    extra: { done?: 'cancelled' | 'feedback'; error?: string },
  ): Promise<void> {
    const view = await this.registrations.managementView(registration);
    const fresh = view.registration;
    const page = (
      <ManageRegistrationPage
        lang={lang}
        baseUrl={this.baseUrl}
        token={token}
        {...view}
        personalFeedUrl={fresh.email ? personalFeedUrl(this.config, fresh.email) : null}
        now={new Date()}
        {...extra}
      />
    );
    this.send(res, status, page);
  }

  private async failed(res: Response, error: unknown, registration: Registration, token: string, lang: Language): Promise<void> {
    if (!(error instanceof AppError) || error.code === 'INTERNAL_SERVER_ERROR') throw error;
    const fields = (error.extensions.fields ?? {}) as Record<string, string>;
    await this.render(res, error.code === 'CONFLICT' ? 409 : 400, registration, token, lang, {
      error: Object.values(fields)[0] ?? error.message,
    });
  }

  private back(res: Response, token: string, lang: Language, done: 'cancelled' | 'feedback'): void {
    noindex(res).redirect(303, managePath(token, lang, done));
  }

  private notFound(res: Response, lang: Language): void {
    this.send(res, 404, <ManageNotFoundPage lang={lang} baseUrl={this.baseUrl} />);
  }

  /** Never cached, never indexed: the address holds the secret token. */
  private send(res: Response, status: number, page: VNode): void {
    sendTokenPage(res, status, page);
  }

  private get baseUrl(): string {
    return this.config.http.publicBaseUrl;
  }
}

function language(value: unknown, registration?: Registration): Language {
  return tokenPageLanguage(value, registration?.locale);
}
