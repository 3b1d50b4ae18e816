import { Body, Controller, Get, Header, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, Public } from '@mangfold/auth';
import { escapeHtml, Language, parseLanguage } from '@mangfold/common';
import { InjectConfig, type AppConfig } from '@mangfold/config';
import { BadUserInputError, TooManyRequestsError } from '@mangfold/graphql';
import { PRIVACY_NOTICE_VERSION, layout } from '@mangfold/registrations';

/*
 * The two pages the mails link to besides the registration page: the privacy notice and setting a
 * new password. Plain server-rendered HTML without scripts, so they work in any mail client's browser.
 */

const PRIVACY = {
  da: (days: number, contact: string) => `<h1>Sådan behandler vi dine oplysninger</h1>
<p>Mangfoldighedskalenderen drives af Københavns Kommunes TaskForce Integration (TFI).</p>
<h2>Når du tilmelder dig et arrangement</h2>
<p>Vi gemmer dit navn, din e-mail, evt. telefonnummer og organisation, din rolle, antal pladser og dit sprog,
så arrangøren kan planlægge, og så vi kan sende dig bekræftelse, påmindelser og et spørgeskema bagefter.
Arrangørerne af arrangementet og TFI kan se din tilmelding. Offentlige kalendere og feeds viser aldrig personoplysninger.</p>
<h2>Hvor længe</h2>
<p>${days} dage efter arrangementet anonymiserer vi dine oplysninger automatisk. Antallet af deltagere og
tilfredshedssvar bevares uden at kunne føres tilbage til dig.</p>
<h2>Dine rettigheder</h2>
<p>Linket i din bekræftelsesmail viser dine oplysninger, og derfra kan du afmelde dig eller slette dine oplysninger med det samme.
Du kan også bede om indsigt, berigtigelse eller sletning ved at skrive til ${contact}.</p>
<p><small>Version ${PRIVACY_NOTICE_VERSION}</small></p>`,
  en: (days: number, contact: string) => `<h1>How we handle your data</h1>
<p>The diversity calendar is run by the City of Copenhagen's TaskForce Integration (TFI).</p>
<h2>When you register for an event</h2>
<p>We keep your name, email, optionally your phone number and organisation, your role, number of seats and your language,
so the organisers can plan and we can send you a confirmation, reminders and a short survey afterwards.
The event's organisers and TFI can see your registration. Public calendars and feeds never show personal data.</p>
<h2>For how long</h2>
<p>${days} days after the event your data is anonymised automatically. Head counts and satisfaction answers are kept
without any link to you.</p>
<h2>Your rights</h2>
<p>The link in your confirmation mail shows your data; from there you can cancel or erase it at once.
You can also ask for access, correction or erasure by writing to ${contact}.</p>
<p><small>Version ${PRIVACY_NOTICE_VERSION}</small></p>`,
};

const RESET = {
  da: {
    title: 'Vælg en ny adgangskode',
    password: 'Ny adgangskode (mindst 10 tegn)',
    repeat: 'Gentag adgangskoden',
    save: 'Gem adgangskoden',
    mismatch: 'De to adgangskoder er ikke ens.',
    done: 'Din adgangskode er gemt. Du kan nu logge ind.',
    missing: 'Linket mangler sin kode. Bed om et nyt link.',
    tooMany: 'For mange forsøg. Prøv igen om lidt.',
  },
  en: {
    title: 'Choose a new password',
    password: 'New password (at least 10 characters)',
    repeat: 'Repeat the password',
    save: 'Save the password',
    mismatch: 'The two passwords differ.',
    done: 'Your password is saved. You can log in now.',
    missing: 'The link lacks its code. Ask for a new link.',
    tooMany: 'Too many attempts. Try again in a while.',
  },
};

function lang(value: unknown): Language {
  return parseLanguage(value) ?? Language.DA;
}

@Controller()
@Public()
export class PagesController {
  constructor(
    private readonly auth: AuthService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  @Get(['privatliv', 'en/privacy'])
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  privacy(@Req() req: Request): string {
    const l: Language = req.path.startsWith('/en/') ? 'en' : 'da';
    const contact = escapeHtml(this.config.auth.adminEmail ?? 'TFI');
    return layout(l, l === 'da' ? 'Privatliv' : 'Privacy', PRIVACY[l](this.config.privacy.retentionDays, contact));
  }

  @Get('reset-password')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  resetForm(@Query('token') token: unknown, @Query('lang') language: unknown): string {
    return this.resetPage(lang(language), typeof token === 'string' ? token : '');
  }

  @Post('reset-password')
  @Header('Cache-Control', 'no-store')
  @Header('Referrer-Policy', 'no-referrer')
  async reset(@Body() body: Record<string, unknown>, @Req() req: Request, @Res() res: Response): Promise<void> {
    const l = lang(body.lang);
    const token = typeof body.token === 'string' ? body.token : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const send = (status: number, html: string) => res.status(status).type('text/html; charset=utf-8').send(html);
    if (password !== body.repeat) return void send(400, this.resetPage(l, token, RESET[l].mismatch));
    try {
      await this.auth.resetPassword(token, password, req.ip);
    } catch (error) {
      if (error instanceof TooManyRequestsError) return void send(429, this.resetPage(l, token, RESET[l].tooMany));
      if (error instanceof BadUserInputError) return void send(400, this.resetPage(l, token, Object.values(error.fields).join(' ')));
      throw error;
    }
    send(200, layout(l, RESET[l].title, `<h1>${RESET[l].title}</h1>\n<p class="status">${RESET[l].done}</p>`));
  }

  private resetPage(l: Language, token: string, error?: string): string {
    const t = RESET[l];
    if (!token) return layout(l, t.title, `<h1>${t.title}</h1>\n<p class="error">${t.missing}</p>`);
    return layout(
      l,
      t.title,
      `<h1>${t.title}</h1>
${error ? `<p class="error">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/reset-password">
<input type="hidden" name="token" value="${escapeHtml(token)}"><input type="hidden" name="lang" value="${l}">
<label>${t.password}<br><input type="password" name="password" minlength="10" required autocomplete="new-password"></label>
<label>${t.repeat}<br><input type="password" name="repeat" minlength="10" required autocomplete="new-password"></label>
<button type="submit">${t.save}</button>
</form>`,
    );
  }
}
