import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the public event filters: free-text search (trigram index over title and
 * description in both languages; pg_trgm ships with PostgreSQL's contrib and with the embedded
 * PGlite), spoken languages, time windows, recurring series and full events.
 */
export class Migration20261124154023_calendar_filters extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create index "event_search_trgm_idx" on "event" using gin ((coalesce("title"->>'da', '') || ' ' || coalesce("title"->>'en', '') || ' ' || coalesce("description"->>'da', '') || ' ' || coalesce("description"->>'en', '')) gin_trgm_ops);`);
    this.addSql(`create index "event_languages_idx" on "event" using gin ("languages" jsonb_path_ops);`);
    this.addSql(`create index "event_recurring_starts_at_idx" on "event" ("starts_at") where "recurrence" is not null;`);
    this.addSql(`create index "event_ends_at_index" on "event" ("ends_at");`);
    this.addSql(`create index "event_full_starts_at_idx" on "event" ("starts_at") where "capacity" is not null and "seats_taken" >= "capacity";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "event_search_trgm_idx";`);
    this.addSql(`drop index "event_languages_idx";`);
    this.addSql(`drop index "event_recurring_starts_at_idx";`);
    this.addSql(`drop index "event_ends_at_index";`);
    this.addSql(`drop index "event_full_starts_at_idx";`);
  }

}
