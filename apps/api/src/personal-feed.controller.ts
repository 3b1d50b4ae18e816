import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '@mangfold/auth';
import { Language, LANGUAGE_PROBLEM, parseLanguage } from '@mangfold/common';
import { FeedSnapshots, sendCalendar } from '@mangfold/feeds';
import { RegistrationStatus, RegistrationsService } from '@mangfold/registrations';

const NAMES = { da: 'Mine tilmeldinger', en: 'My registrations' } as const;

/**
 * `GET /calendar/registrations/:token.ics`: one person's confirmed registrations as a calendar to
 * subscribe to, by the secret calendar token in their mails. Built from the same kept event texts
 * as the public feeds; an unknown token is a plain 404 that says nothing about who exists.
 */
@Controller('calendar/registrations')
@Public()
export class PersonalFeedController {
  constructor(
    private readonly registrations: RegistrationsService,
    private readonly snapshots: FeedSnapshots,
  ) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const language = parseLanguage(lang);
    if (!language) {
      res.status(400).type('text/plain; charset=utf-8').send(LANGUAGE_PROBLEM);
      return;
    }
    const token = /^([^/]+)\.ics$/.exec(file)?.[1];
    const entries = token ? await this.registrations.personalFeedEntries(token) : null;
    if (!entries) {
      res.status(404).type('text/plain; charset=utf-8').send('Not found');
      return;
    }
    // A waiting-list place is not a plan yet: only confirmed seats go into the person's calendar.
    const eventIds = [...new Set(entries.filter((e) => e.status === RegistrationStatus.CONFIRMED).map((e) => e.eventId))];
    const body = await this.snapshots.calendarForEvents(eventIds, language, { name: NAMES[language] });
    sendCalendar(req, res, body, { fileName: language === Language.DA ? 'mine-tilmeldinger.ics' : 'my-registrations.ics' });
  }
}
