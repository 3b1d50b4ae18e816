import { Migration } from '@mikro-orm/migrations';

export class Migration20261124154710_status_reports extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "report_period" as enum ('AUGUST', 'DECEMBER', 'AD_HOC');`);
    this.addSql(`create type "report_trigger" as enum ('SCHEDULE', 'ADMIN');`);
    this.addSql(`create table "status_report" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "year" smallint not null, "period" "report_period" not null, "slot" varchar(32) null, "trigger" "report_trigger" not null, "generated_at" timestamptz not null, "generated_by_id" uuid null, "generated_by_email" varchar(254) null, "recipients" jsonb not null, "snapshot" jsonb not null, constraint "status_report_pkey" primary key ("id"));`);
    this.addSql(`alter table "status_report" add constraint "status_report_slot_unique" unique ("slot");`);
    this.addSql(`create index "status_report_year_generated_at_index" on "status_report" ("year", "generated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "status_report" cascade;`);

    this.addSql(`drop type "report_period";`);
    this.addSql(`drop type "report_trigger";`);
  }

}
