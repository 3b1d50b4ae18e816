import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { LoaderFactory } from '@mangfold/graphql';
import { Feedback } from './feedback.entity';
import { RegistrationCountsReader, type RegistrationCounts } from './registration-counts';
import { RegistrationSettings } from './registration-settings.entity';
import { SeatLedger } from './seat-ledger';

/** The per-request batch loaders of registrations' fields (see RegistrationsService, which hands them out). */
@Injectable()
export class RegistrationLoaders {
  /** Positions of waitlisted registrations (1 = next in line), null for the others. */
  readonly waitlistPositions: LoaderFactory<string, number | null> = () =>
    new DataLoader<string, number | null>((ids) => this.ledger.waitlistPositions(this.em, 'registration', ids));

  readonly countsByEvent: LoaderFactory<string, RegistrationCounts | null> = () =>
    new DataLoader<string, RegistrationCounts | null>((ids) => this.reader.counts([...ids]));

  readonly feedbackByRegistration: LoaderFactory<string, Feedback | null> = () =>
    new DataLoader<string, Feedback | null>(async (ids) => {
      const rows = await this.em.find(Feedback, { registration: { $in: [...ids] } });
      const byId = new Map(rows.map((f) => [f.registration.id, f]));
      return ids.map((id) => byId.get(id) ?? null);
    });

  readonly settingsByEvent: LoaderFactory<string, boolean> = () =>
    new DataLoader<string, boolean>(async (ids) => {
      const rows = await this.em.find(RegistrationSettings, { event: { $in: [...ids] } });
      const byId = new Map(rows.map((s) => [s.event.id, s.allowWaitlistSkipping]));
      return ids.map((id) => byId.get(id) ?? false);
    });

  constructor(
    private readonly em: EntityManager,
    private readonly ledger: SeatLedger,
    private readonly reader: RegistrationCountsReader,
  ) {}
}
