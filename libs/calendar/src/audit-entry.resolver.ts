import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuditEntry } from '@mangfold/db';
import type { GqlContext } from '@mangfold/graphql';
import { CalendarLoaders } from './calendar-loaders';
import { AuditChangeModel, AuditEntryModel } from './models/audit-entry.model';

/** Audit entries are only reachable through admin queries, so the actor's email may show. */
@Resolver(() => AuditEntryModel)
export class AuditEntryResolver {
  constructor(private readonly loaders: CalendarLoaders) {}

  @ResolveField(() => String, { nullable: true, description: "The acting user's email" })
  actorEmail(@Parent() entry: AuditEntry, @Context() { loaders }: GqlContext): Promise<string | null> | null {
    return entry.actorId ? loaders.get(this.loaders.userEmailById).load(entry.actorId) : null;
  }

  @ResolveField(() => [AuditChangeModel], { description: 'In field-name order' })
  changes(@Parent() entry: AuditEntry): AuditChangeModel[] {
    const entries = Object.entries(entry.changes ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.map(([field, value]) => {
      const change = value as { from?: unknown; to?: unknown } | null;
      const isChange = change !== null && typeof change === 'object' && ('from' in change || 'to' in change);
      const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
      return isChange ? { field, from: json(change.from), to: json(change.to) } : { field, from: null, to: json(value) };
    });
  }
}
