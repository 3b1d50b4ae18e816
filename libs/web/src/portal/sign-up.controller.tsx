import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mangfold/auth';
import { AssociationsService, SignUpAssociationInput } from '@mangfold/associations';
import { type AppConfig, InjectConfig, type SiteLanguage } from '@mangfold/config';
import { TooManyRequestsError, type FieldErrors } from '@mangfold/graphql';
import { checked, fieldErrorsOf, nested, optional, parseInput, text } from '../forms/form-input';
import { sendPage } from '../respond';
import { portalLanguage } from './portal-context';
import { PortalReferenceService } from './portal-reference.service';
import { SignUpPage, SignUpSentPage } from './sign-up.page';

const TOO_MANY = {
  da: (s: number) => `For mange tilmeldinger herfra. Prøv igen om ${s} sekunder.`,
  en: (s: number) => `Too many sign-ups from here. Try again in ${s} seconds.`,
} as const;

/** What the form posts, as the GraphQL input: blanks are "not given", the language is the page's. */
function signUpRaw(body: Record<string, unknown>, lang: SiteLanguage): Record<string, unknown> {
  const raw: Record<string, unknown> = { ...nested(body), showContact: checked(body, 'showContact'), locale: lang };
  for (const name of [
    'districtSlug',
    'housingAreaSlug',
    'website',
    'contactEmail',
    'contactPhone',
    'cvr',
    'memberName',
    'email',
    'password',
  ]) {
    raw[name] = optional(body, name);
  }
  return raw;
}

/** Signing up an association in the browser, by the same rules as `signUpAssociation`. */
@Controller('portal/sign-up')
@Public()
export class SignUpController {
  constructor(
    @InjectConfig() private readonly config: AppConfig,
    private readonly associations: AssociationsService,
    private readonly reference: PortalReferenceService,
  ) {}

  @Get()
  async form(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.render(req, res, {}, {}, 200);
  }

  @Get('sent')
  sent(@Req() req: Request, @Res() res: Response): void {
    sendPage(res, <SignUpSentPage lang={portalLanguage(req)} baseUrl={this.config.http.publicBaseUrl} />, { cache: 'no-store' });
  }

  @Post()
  async submit(@Req() req: Request, @Res() res: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const lang = portalLanguage(req);
    const values = Object.fromEntries(Object.keys(body).map((k) => [k, text(body, k)]));
    delete values.password;
    const parsed = await parseInput(SignUpAssociationInput, signUpRaw(body, lang));
    if (!parsed.ok) return this.render(req, res, values, parsed.errors, 422);
    try {
      await this.associations.signUp(parsed.value, req.user, req.ip);
      // Anonymous applicants always land on the same page, whether or not their email already had an
      // account (that person gets a mail instead), so the form tells nobody which emails are known.
      res.redirect(303, req.user ? '/portal?signedUp=1' : `/portal/sign-up/sent?lang=${lang}`);
    } catch (error) {
      if (error instanceof TooManyRequestsError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        return this.render(req, res, values, { name: TOO_MANY[lang](error.retryAfterSeconds) }, 429);
      }
      const fields = fieldErrorsOf(error);
      if (!fields) throw error;
      return this.render(req, res, values, fields, 422);
    }
  }

  private async render(req: Request, res: Response, values: Record<string, string>, errors: FieldErrors, status: number): Promise<void> {
    const lang = portalLanguage(req);
    const [districts, housingAreas] = await Promise.all([this.reference.districtChoices(lang), this.reference.housingAreaChoices(lang)]);
    sendPage(
      res,
      <SignUpPage
        lang={lang}
        baseUrl={this.config.http.publicBaseUrl}
        values={values}
        errors={errors}
        districts={districts}
        housingAreas={housingAreas}
        loggedIn={!!req.webSession}
        csrfToken={req.webSession?.csrfToken}
      />,
      { status, cache: 'no-store' },
    );
  }
}
