import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mangfold/auth';
import { Language, parseLanguage } from '@mangfold/common';
import { NotFoundError } from '@mangfold/graphql';
import { PublicWriteLimits } from '@mangfold/registrations';
import type { Assignment } from './assignment.entity';
import { AssignmentsService, SurveyAlreadyAnsweredError } from './assignments.service';
import { surveyNotFoundPage, surveyPage, type SurveyMessage } from './survey-page';

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
    if (!assignment) return this.send(res, 404, surveyNotFoundPage(language));
    this.page(res, 200, assignment, String(token), language, done === 'answered' ? 'thanks' : undefined);
  }

  @Post()
  async answer(@Body() form: SurveyForm, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.limits.useToken(req);
    const assignment = await this.find(form.token);
    const lang = languageOf(form.lang, assignment);
    if (!assignment) return this.send(res, 404, surveyNotFoundPage(lang));
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
    this.headers(res).redirect(303, `/assignments/survey?${query.toString()}`);
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
    this.send(
      res,
      status,
      surveyPage({ lang, token, title: a.title, answered: a.surveyAnsweredAt !== null || message === 'answered', message }),
    );
  }

  private send(res: Response, status: number, html: string): void {
    this.headers(res).status(status).send(html);
  }

  private headers(res: Response): Response {
    return res
      .setHeader('Content-Type', 'text/html; charset=utf-8')
      .setHeader('Cache-Control', 'no-store')
      .setHeader('Referrer-Policy', 'no-referrer')
      .setHeader('X-Robots-Tag', 'noindex')
      .setHeader('X-Frame-Options', 'DENY')
      .setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'");
  }
}

function languageOf(value: unknown, assignment?: Assignment): Language {
  const fallback = parseLanguage(assignment?.requesterLocale) ?? Language.DA;
  return parseLanguage(value, fallback) ?? fallback;
}
