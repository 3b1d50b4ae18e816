import { Migration } from '@mikro-orm/migrations';

export class Migration20261124154206_registration_capacity extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "registration_settings" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "event_id" uuid not null, "allow_waitlist_skipping" boolean not null default false, constraint "registration_settings_pkey" primary key ("id"));`);
    this.addSql(`alter table "registration_settings" add constraint "registration_settings_event_id_unique" unique ("event_id");`);

    this.addSql(`alter table "registration_settings" add constraint "registration_settings_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "registration" add column "personal_feed_key" varchar(64) null;`);
    this.addSql(`create index "registration_personal_feed_key_index" on "registration" ("personal_feed_key");`);

    this.addSql(`create unique index "participation_day_organisation_live_unique" on "participation" ("international_day_id", lower("organisation_name")) where "status" not in ('DECLINED', 'CANCELLED') and "organisation_name" is not null;`);
    this.addSql(`create unique index "participation_day_association_live_unique" on "participation" ("international_day_id", "association_id") where "status" not in ('DECLINED', 'CANCELLED') and "association_id" is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "registration_settings" cascade;`);

    this.addSql(`drop index "participation_day_organisation_live_unique";`);
    this.addSql(`drop index "participation_day_association_live_unique";`);

    this.addSql(`drop index "registration_personal_feed_key_index";`);
    this.addSql(`alter table "registration" drop column "personal_feed_key";`);
  }

}
