import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { EntityManager } from '@mikro-orm/postgresql';
import { CurrentUser, type AuthUser } from '@mangfold/auth';
import { Event } from '@mangfold/calendar';
import { csvRow } from '@mangfold/common';
import { BadUserInputError } from '@mangfold/graphql';
import { EventAccess } from './event-access.service';
import { Registration, RegistrationStatus } from './registration.entity';

const PAGE = 500;
const HEADER = [
  'position',
  'status',
  'name',
  'email',
  'phone',
  'organisation',
  'role',
  'party_size',
  'language',
  'registered_at',
  'promoted_at',
  'checked_in_at',
  'cancelled_at',
];

/**
 * `GET /events/:id/registrations.csv` with `Authorization: Bearer …`: an event's registrations in
 * arrival order for its organisers and admins (`?status=CONFIRMED|WAITLISTED|CANCELLED` narrows).
 * UTF-8 with a byte-order mark so Excel reads æ, ø and å; every cell is CSV-injection safe.
 */
@Controller('events')
export class RegistrationsExportController {
  constructor(
    private readonly em: EntityManager,
    private readonly access: EventAccess,
  ) {}

  @Get(':id/registrations.csv')
  async export(
    @Param('id') eventId: string,
    @Query('status') status: string | undefined,
    @CurrentUser() user: AuthUser,
    @Res() res: Response,
  ): Promise<void> {
    const id = await this.access.assertCanManage(user, eventId);
    if (status !== undefined && !Object.values(RegistrationStatus).includes(status as RegistrationStatus)) {
      throw BadUserInputError.field('status', `must be one of ${Object.values(RegistrationStatus).join(', ')}`);
    }
    const event = await this.em.findOneOrFail(Event, id, { fields: ['slug'] });
    res.status(200);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="registrations-${event.slug}.csv"`);
    res.setHeader('Cache-Control', 'no-store');
    res.write(`\uFEFF${csvRow(HEADER)}`);

    // Keyset pages, so a long list streams in constant memory.
    let after = '0';
    let waitlisted = 0;
    for (;;) {
      const rows = await this.em.find(
        Registration,
        { event: id, queuePosition: { $gt: after }, ...(status ? { status: status as RegistrationStatus } : {}) },
        { orderBy: { queuePosition: 'asc' }, limit: PAGE },
      );
      for (const r of rows) {
        const position = r.status === RegistrationStatus.WAITLISTED ? ++waitlisted : null;
        res.write(
          csvRow([
            position,
            r.status,
            r.name,
            r.email,
            r.phone,
            r.organisation,
            r.role,
            r.partySize,
            r.locale,
            r.createdAt,
            r.promotedAt,
            r.checkedInAt,
            r.cancelledAt,
          ]),
        );
      }
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1].queuePosition;
      this.em.clear();
    }
    res.end();
  }
}
