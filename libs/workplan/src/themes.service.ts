import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { AssociationAccess } from '@mangfold/associations';
import { Role, type AuthUser } from '@mangfold/auth';
import { Event, EventOrganiser, EventStatus, EventTheme, OrganiserStatus, ReferenceData, Theme } from '@mangfold/calendar';
import { audit } from '@mangfold/db';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError, type LoaderFactory } from '@mangfold/graphql';
import { enqueue, JobName } from '@mangfold/jobs';
import type { CreateThemeInput, UpdateThemeInput } from './inputs/theme.inputs';
import { requiredText } from './localized';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_THEMES_PER_EVENT = 10;

@Injectable()
export class ThemesService {
  constructor(
    private readonly em: EntityManager,
    private readonly access: AssociationAccess,
    private readonly reference: ReferenceData,
  ) {}

  /** In list order, from the reference data kept in memory. */
  async list(): Promise<Theme[]> {
    return [...(await this.reference.snapshot()).themes];
  }

  async create(user: AuthUser, input: CreateThemeInput): Promise<Theme> {
    const name = requiredText('name', input.name);
    try {
      const created = await this.em.transactional(async (em) => {
        const [last] = await em.find(Theme, {}, { orderBy: { sortOrder: 'desc' }, limit: 1 });
        const theme = em.create(Theme, { slug: input.slug, name, sortOrder: (last?.sortOrder ?? -1) + 1 });
        audit(em, { actorId: user.id, action: 'theme.created', entityType: 'Theme', entityId: theme.id, changes: { slug: input.slug } });
        return theme;
      });
      await this.reference.changed('theme');
      return created;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw new ConflictError(`A theme with slug "${input.slug}" exists`);
      throw error;
    }
  }

  /** Renames a theme; the feeds of its published events show the new name. */
  async update(user: AuthUser, id: string, input: UpdateThemeInput): Promise<Theme> {
    const name = requiredText('name', input.name);
    const updated = await this.em.transactional(async (em) => {
      const theme = UUID.test(id) ? await em.findOne(Theme, { id: id.toLowerCase() }) : null;
      if (!theme) throw new NotFoundError('The theme');
      theme.name = name;
      const uses = await em.find(EventTheme, { theme, event: { status: EventStatus.PUBLISHED } }, { fields: ['event'] });
      for (const use of uses) enqueue(em, JobName.EventChanged, { eventId: use.event.id });
      audit(em, { actorId: user.id, action: 'theme.updated', entityType: 'Theme', entityId: theme.id });
      return theme;
    });
    await this.reference.changed('theme');
    return updated;
  }

  /** Replaces an event's themes: its accepted organisers or an admin. */
  async setEventThemes(user: AuthUser, eventId: string, slugs: string[]): Promise<Event> {
    if (!UUID.test(eventId)) throw BadUserInputError.field('eventId', 'is not a valid id');
    const wanted = [...new Set(slugs)];
    if (wanted.length > MAX_THEMES_PER_EVENT) throw BadUserInputError.field('themeSlugs', `at most ${MAX_THEMES_PER_EVENT} themes`);
    return this.em.transactional(async (em) => {
      const event = await em.findOne(Event, { id: eventId.toLowerCase() }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!event) throw new NotFoundError('The event');
      await this.assertOrganiser(em, user, event);
      if (event.status === EventStatus.CANCELLED) throw new ConflictError('A cancelled event cannot be edited');
      const themes = await em.find(Theme, { slug: { $in: wanted } });
      const unknown = wanted.filter((s) => !themes.some((t) => t.slug === s));
      if (unknown.length) throw BadUserInputError.field('themeSlugs', `unknown theme: ${unknown.join(', ')}`);
      const current = await em.find(EventTheme, { event }, { populate: ['theme'] });
      const before = current.map((c) => c.theme.slug).sort();
      const after = [...wanted].sort();
      if (before.join() === after.join()) return event;
      for (const c of current) if (!wanted.includes(c.theme.slug)) em.remove(c);
      for (const t of themes) if (!before.includes(t.slug)) em.create(EventTheme, { event, theme: t });
      // Themes show in feeds as CATEGORIES: a change subscribers see.
      if (event.status === EventStatus.PUBLISHED) {
        event.sequence += 1;
        enqueue(em, JobName.EventChanged, { eventId: event.id });
      }
      audit(em, {
        actorId: user.id,
        action: 'event.themes-set',
        entityType: 'Event',
        entityId: event.id,
        changes: { from: before, to: after },
      });
      return event;
    });
  }

  private async assertOrganiser(em: EntityManager, user: AuthUser, event: Event): Promise<void> {
    if (user.role === Role.ADMIN) return;
    const mine = await this.access.memberAssociationIds(user.id);
    const count = mine.length ? await em.count(EventOrganiser, { event, status: OrganiserStatus.ACCEPTED, association: { $in: mine } }) : 0;
    if (count === 0) throw new ForbiddenError("Only this event's organisers (or TFI) can change it");
  }

  /** Each event's themes in list order: one query per response. */
  readonly themesByEvent: LoaderFactory<string, Theme[]> = () =>
    new DataLoader<string, Theme[]>(async (eventIds) => {
      const rows = await this.em.find(
        EventTheme,
        { event: { $in: [...eventIds] } },
        { populate: ['theme'], orderBy: { theme: { sortOrder: 'asc', slug: 'asc' } } },
      );
      const byEvent = new Map<string, Theme[]>(eventIds.map((id) => [id, []]));
      for (const r of rows) byEvent.get(r.event.id)?.push(r.theme);
      return eventIds.map((id) => byEvent.get(id)!);
    });
}
