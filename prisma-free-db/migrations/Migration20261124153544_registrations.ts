import { Migration } from '@mikro-orm/migrations';

export class Migration20261124153544_registrations extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "registration_status" as enum ('CONFIRMED', 'WAITLISTED', 'CANCELLED');`);
    this.addSql(`create type "attendee_role" as enum ('PROJECT_LEADER', 'VOLUNTEER', 'RESEARCHER', 'MUNICIPAL_STAFF', 'RESIDENT', 'OTHER');`);
    this.addSql(`create type "cancelled_by" as enum ('REGISTRANT', 'ORGANIZER', 'SYSTEM');`);
    this.addSql(`create type "participation_status" as enum ('PENDING', 'CONFIRMED', 'WAITLISTED', 'DECLINED', 'CANCELLED');`);
    this.addSql(`create type "participation_activity" as enum ('STAND', 'PERFORMANCE', 'FOOD', 'WORKSHOP');`);
    this.addSql(`create table "registration" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "event_id" uuid not null, "status" "registration_status" not null, "queue_position" bigserial, "party_size" smallint not null, "name" varchar(200) null, "email" varchar(254) null, "phone" varchar(40) null, "organisation" varchar(200) null, "role" "attendee_role" null, "locale" varchar(8) not null default 'da', "consent_version" varchar(32) not null, "consented_at" timestamptz not null, "token_version" int not null default 0, "promoted_at" timestamptz null, "cancelled_at" timestamptz null, "cancelled_by" "cancelled_by" null, "checked_in_at" timestamptz null, "checked_in_by" uuid null, "anonymized_at" timestamptz null, constraint "registration_pkey" primary key ("id"));`);
    this.addSql(`create unique index "registration_event_email_live_unique" on "registration" ("event_id", "email") where "status" <> 'CANCELLED' and "email" is not null;`);
    this.addSql(`create index "registration_event_id_status_queue_position_index" on "registration" ("event_id", "status", "queue_position");`);

    this.addSql(`create table "international_day" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "year" smallint not null, "event_id" uuid not null, "stand_capacity" int not null, "registration_opens_at" timestamptz not null, "registration_closes_at" timestamptz not null, "practical_info" jsonb not null, constraint "international_day_pkey" primary key ("id"));`);
    this.addSql(`alter table "international_day" add constraint "international_day_year_unique" unique ("year");`);
    this.addSql(`alter table "international_day" add constraint "international_day_event_id_unique" unique ("event_id");`);

    this.addSql(`create table "feedback" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "registration_id" uuid not null, "event_id" uuid not null, "satisfied" boolean not null, "score" smallint null, "comment" text null, constraint "feedback_pkey" primary key ("id"));`);
    this.addSql(`alter table "feedback" add constraint "feedback_registration_id_unique" unique ("registration_id");`);
    this.addSql(`create index "feedback_event_id_index" on "feedback" ("event_id");`);

    this.addSql(`create table "participation" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "international_day_id" uuid not null, "association_id" uuid null, "organisation_name" varchar(200) null, "participant_kind" "association_kind" not null, "status" "participation_status" not null default 'PENDING', "queue_position" bigserial, "activities" "participation_activity"[] not null, "needs_stand" boolean not null, "representatives" smallint not null, "tables" smallint not null default 0, "needs_power" boolean not null default false, "performance_minutes" smallint null, "food_hygiene_confirmed" boolean not null default false, "notes" text null, "contact_name" varchar(200) null, "contact_email" varchar(254) null, "contact_phone" varchar(40) null, "status_reason" text null, "decided_at" timestamptz null, "decided_by" uuid null, "registered_by" uuid null, constraint "participation_pkey" primary key ("id"));`);
    this.addSql(`create index "participation_association_id_index" on "participation" ("association_id");`);
    this.addSql(`create index "participation_international_day_id_status_queue_position_index" on "participation" ("international_day_id", "status", "queue_position");`);

    this.addSql(`alter table "registration" add constraint "registration_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "international_day" add constraint "international_day_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "feedback" add constraint "feedback_registration_id_foreign" foreign key ("registration_id") references "registration" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "feedback" add constraint "feedback_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "participation" add constraint "participation_international_day_id_foreign" foreign key ("international_day_id") references "international_day" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "participation" add constraint "participation_association_id_foreign" foreign key ("association_id") references "association" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "feedback" drop constraint "feedback_registration_id_foreign";`);

    this.addSql(`alter table "participation" drop constraint "participation_international_day_id_foreign";`);

    this.addSql(`drop table if exists "registration" cascade;`);

    this.addSql(`drop table if exists "international_day" cascade;`);

    this.addSql(`drop table if exists "feedback" cascade;`);

    this.addSql(`drop table if exists "participation" cascade;`);

    this.addSql(`drop type "registration_status";`);
    this.addSql(`drop type "attendee_role";`);
    this.addSql(`drop type "cancelled_by";`);
    this.addSql(`drop type "participation_status";`);
    this.addSql(`drop type "participation_activity";`);
  }

}
