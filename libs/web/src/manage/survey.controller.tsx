import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { VNode } from 'preact';
import { Public } from '@mangfold/auth';
import type { Language } from '@mangfold/common';
import { type AppConfig, InjectConfig } from '@mangfold/config';
import { NotFoundError } from '@mangfold/graphql';
import { PublicWriteLimits } from '@mangfold/registrations';
import { type Assignment, AssignmentsService, SurveyAlreadyAnsweredError } from '@mangfold/workplan';
import { noindex, sendTokenPage, tokenPageLanguage } from './token-page';
import { SURVEY_PATH, SurveyNotFoundPage, SurveyPage, type SurveyMessage } from './survey.page';

interface SurveyForm {
  token?: unknown;
  lang?: unknown;
  satisfied?: unknown;
  comment?: unknown;
}

/**
 * The page behind the link in the survey mail: answer once with nothing but a browser. The secret
 * token travels in the query string and the form body, so a forged form from elsewhere cannot answer.
 */
@Controller('assignments/survey')
@Public()
export class SurveyController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly limits: PublicWriteLimits,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get()
  async show(
    @Query('token') token: unknown,
    @Query('lang') lang: unknown,
    @Query('done') done: unknown,
    @Res() res: Response,
  ): Promise<void> {
    const assignment = await this.find(token);
    const language = languageOf(lang, assignment);
    if (!assignment) return this.send(res, 404, <SurveyNotFoundPage lang={language} baseUrl={this.config.http.publicBaseUrl} />);
    this.page(res, 200, assignment, String(token), language, done === 'answered' ? 'thanks' : undefined);
  }

  @Post()
  async answer(@Body() form: SurveyForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.limits.useToken(req);
    const assignment = await this.find(form.token);
    const lang = languageOf(form.lang, assignment);
    if (!assignment) return this.send(res, 404, <SurveyNotFoundPage lang={lang} baseUrl={this.config.http.publicBaseUrl} />);
    const token = String(form.token);
    const comment = typeof form.comment === 'string' ? form.comment.trim() : '';
    if ((form.satisfied !== 'yes' && form.satisfied !== 'no') || comment.length > 2000) {
      return this.page(res, 400, assignment, token, lang, 'invalid');
    }
    try {
      await this.assignments.answerSurvey(token, { satisfied: form.satisfied === 'yes', comment: comment || null });
    } catch (error) {
      if (error instanceof SurveyAlreadyAnsweredError) return this.page(res, 409, assignment, token, lang, 'answered');
      throw error;
    }
    const query = new URLSearchParams({ token, lang, done: 'answered' });
    noindex(res).redirect(303, `${SURVEY_PATH}?${query.toString()}`);
  }

  private async find(token: unknown): Promise<Assignment | undefined> {
    if (typeof token !== 'string' || token.length > 200) return undefined;
    try {
      return await this.assignments.findBySurveyToken(token);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  private page(res: Response, status: number, a: Assignment, token: string, lang: Language, message?: SurveyMessage): void {
    const answered = a.surveyAnsweredAt !== null || message === 'answered';
    const page = (
      <SurveyPage
        lang={lang}
        baseUrl={this.config.http.publicBaseUrl}
        token={token}
        title={a.title}
        answered={answered}
        message={message}
      />
    );
    this.send(res, status, page);
  }

  /** Never cached, never indexed: the address holds the secret token. */
  private send(res: Response, status: number, page: VNode): void {
    sendTokenPage(res, status, page);
  }
}

function languageOf(value: unknown, assignment?: Assignment): Language {
  return tokenPageLanguage(value, assignment?.requesterLocale);
}
