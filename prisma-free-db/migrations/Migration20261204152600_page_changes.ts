import { Migration } from '@mikro-orm/migrations';

/** The tables whose rows the cached public pages show (libs/web's PageCache). */
const PAGE_TABLES = ['event', 'event_organizer', 'event_theme', 'association', 'district', 'housing_area', 'occasion', 'theme'];

export class Migration20261204152600_page_changes extends Migration {

  override async up(): Promise<void> {
    // Every committed change to a table the public pages show is announced by PostgreSQL itself,
    // as a NOTIFY on "mangfold_changes" carrying the table's name: no write path (a service, the
    // raw-SQL seat ledger of registrations, bulk SQL, an admin's psql) can forget it, and nothing
    // is announced for a transaction that rolls back. Per statement, not per row: the listeners
    // only need to know that a table changed, and PostgreSQL folds equal notifications of one
    // transaction into one. NOTIFY takes no row lock, so registrations on different events do not
    // wait for each other as they would on a shared version counter.
    this.addSql(`create function "announce_change"() returns trigger language plpgsql as $$
      begin
        perform pg_notify('mangfold_changes', tg_table_name);
        return null;
      end $$;`);
    for (const table of PAGE_TABLES) {
      this.addSql(`create trigger "${table}_announce_change" after insert or update or delete or truncate on "${table}"
        for each statement execute function "announce_change"();`);
    }
  }

  override async down(): Promise<void> {
    for (const table of PAGE_TABLES) this.addSql(`drop trigger if exists "${table}_announce_change" on "${table}";`);
    this.addSql(`drop function if exists "announce_change"();`);
  }

}
