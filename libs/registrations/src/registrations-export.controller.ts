import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, type AuthUser } from '@mangfold/auth';
import { RegistrationsCsv } from './registrations-csv';

/**
 * `GET /events/:id/registrations.csv` with `Authorization: Bearer …`: an event's registrations in
 * arrival order for its organisers and admins (`?status=CONFIRMED|WAITLISTED|CANCELLED` narrows).
 * UTF-8 with a byte-order mark so Excel reads æ, ø and å; every cell is CSV-injection safe.
 */
@Controller('events')
export class RegistrationsExportController {
  constructor(private readonly csv: RegistrationsCsv) {}

  @Get(':id/registrations.csv')
  async export(
    @Param('id') eventId: string,
    @Query('status') status: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ): Promise<void> {
    const { fileName, lines } = await this.csv.open(user, eventId, status);
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
    res.setHeader('Cache-Control', 'no-store');
    res.write('\uFEFF');
    for await (const line of lines) res.write(line);
    res.end();
  }
}
