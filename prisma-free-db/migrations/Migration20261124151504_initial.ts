import { Migration } from '@mikro-orm/migrations';

export class Migration20261124151504_initial extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "user_role" as enum ('ADMIN', 'ASSOCIATION_MEMBER');`);
    this.addSql(`create type "event_kind" as enum ('CULTURAL_EVENT', 'INTERNATIONAL_DAY', 'SEMINAR', 'NETWORK_MEETING');`);
    this.addSql(`create type "event_status" as enum ('DRAFT', 'SUBMITTED', 'PUBLISHED', 'REJECTED', 'CANCELLED');`);
    this.addSql(`create type "association_kind" as enum ('ASSOCIATION', 'PROJECT', 'VOLUNTARY_ORGANISATION', 'EMBASSY', 'MUNICIPAL_UNIT', 'OTHER');`);
    this.addSql(`create type "association_status" as enum ('PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED');`);
    this.addSql(`create type "organizer_role" as enum ('PRIMARY', 'CO_ORGANIZER');`);
    this.addSql(`create type "organizer_status" as enum ('INVITED', 'ACCEPTED', 'DECLINED');`);
    this.addSql(`create table "audit_entry" ("id" uuid not null, "at" timestamptz not null default now(), "actor_id" uuid null, "action" varchar(64) not null, "entity_type" varchar(64) not null, "entity_id" uuid not null, "changes" jsonb null, constraint "audit_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_entry_entity_type_entity_id_at_index" on "audit_entry" ("entity_type", "entity_id", "at");`);

    this.addSql(`create table "district" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name" jsonb not null, "sort_order" smallint not null default 0, constraint "district_pkey" primary key ("id"));`);
    this.addSql(`alter table "district" add constraint "district_slug_unique" unique ("slug");`);

    this.addSql(`create table "housing_area" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name" jsonb not null, "district_id" uuid not null, constraint "housing_area_pkey" primary key ("id"));`);
    this.addSql(`alter table "housing_area" add constraint "housing_area_slug_unique" unique ("slug");`);

    this.addSql(`create table "kpi_target" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key" varchar(64) not null, "year" smallint not null, "target" double precision null, constraint "kpi_target_pkey" primary key ("id"));`);
    this.addSql(`alter table "kpi_target" add constraint "kpi_target_key_year_unique" unique ("key", "year");`);

    this.addSql(`create table "occasion" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name" jsonb not null, "description" jsonb not null, "tradition" varchar(80) null, constraint "occasion_pkey" primary key ("id"));`);
    this.addSql(`alter table "occasion" add constraint "occasion_slug_unique" unique ("slug");`);

    this.addSql(`create table "occasion_date" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "occasion_id" uuid not null, "year" smallint not null, "starts_on" date not null, "ends_on" date not null, constraint "occasion_date_pkey" primary key ("id"));`);
    this.addSql(`create index "occasion_date_year_index" on "occasion_date" ("year");`);
    this.addSql(`alter table "occasion_date" add constraint "occasion_date_occasion_id_year_unique" unique ("occasion_id", "year");`);

    this.addSql(`create table "outbox_message" ("id" bigserial primary key, "queue" varchar(64) not null, "name" varchar(64) not null, "job_id" varchar(200) not null, "payload" jsonb not null, "run_at" timestamptz null, "dedupe_id" varchar(200) null, "dedupe_ttl_ms" int null, "created_at" timestamptz not null default now(), "dispatched_at" timestamptz null);`);
    this.addSql(`create index "outbox_message_pending_idx" on "outbox_message" ("id") where "dispatched_at" is null;`);

    this.addSql(`create table "app_user" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "email" varchar(254) not null, "password_hash" varchar(255) not null, "role" "user_role" not null default 'ASSOCIATION_MEMBER', "name" varchar(200) null, "locale" varchar(8) not null default 'da', "last_login_at" timestamptz null, "token_version" int not null default 0, constraint "app_user_pkey" primary key ("id"));`);
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);
    this.addSql(`create index "app_user_role_index" on "app_user" ("role");`);

    this.addSql(`create table "password_reset_token" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "token_hash" varchar(64) not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "password_reset_token_pkey" primary key ("id"));`);
    this.addSql(`create index "password_reset_token_user_id_index" on "password_reset_token" ("user_id");`);
    this.addSql(`alter table "password_reset_token" add constraint "password_reset_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "event" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(120) not null, "kind" "event_kind" not null default 'CULTURAL_EVENT', "status" "event_status" not null default 'DRAFT', "title" jsonb not null, "description" jsonb not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "all_day" boolean not null default false, "time_zone" varchar(64) not null default 'Europe/Copenhagen', "recurrence" varchar(500) null, "recurrence_exceptions" jsonb not null, "last_ends_at" timestamptz null, "location_name" varchar(200) null, "location_address" varchar(300) null, "location_postal_code" varchar(10) null, "location_city" varchar(100) null, "location_latitude" double precision null, "location_longitude" double precision null, "district_id" uuid null, "housing_area_id" uuid null, "occasion_id" uuid null, "capacity" int null, "registration_required" boolean not null default false, "registration_opens_at" timestamptz null, "registration_closes_at" timestamptz null, "seats_taken" int not null default 0, "waitlist_length" int not null default 0, "languages" jsonb not null, "audience" jsonb not null, "accessibility" jsonb not null, "is_free" boolean not null default true, "price_info" jsonb not null, "reminder_offsets_minutes" jsonb null, "sequence" int not null default 0, "submitted_at" timestamptz null, "published_at" timestamptz null, "cancelled_at" timestamptz null, "status_reason" text null, "created_by_id" uuid null, constraint "event_pkey" primary key ("id"));`);
    this.addSql(`alter table "event" add constraint "event_slug_unique" unique ("slug");`);
    this.addSql(`create index "event_last_ends_at_index" on "event" ("last_ends_at");`);
    this.addSql(`create index "event_occasion_id_index" on "event" ("occasion_id");`);
    this.addSql(`create index "event_housing_area_id_index" on "event" ("housing_area_id");`);
    this.addSql(`create index "event_district_id_index" on "event" ("district_id");`);
    this.addSql(`create index "event_kind_starts_at_index" on "event" ("kind", "starts_at");`);
    this.addSql(`create index "event_status_starts_at_id_index" on "event" ("status", "starts_at", "id");`);

    this.addSql(`create table "association" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name" varchar(200) not null, "kind" "association_kind" not null, "description" jsonb not null, "district_id" uuid null, "housing_area_id" uuid null, "website" varchar(500) null, "contact_email" varchar(254) null, "contact_phone" varchar(40) null, "show_contact" boolean not null default false, "cvr" varchar(8) null, "status" "association_status" not null default 'PENDING', "status_reason" text null, "status_changed_at" timestamptz null, "status_changed_by_id" uuid null, constraint "association_pkey" primary key ("id"));`);
    this.addSql(`alter table "association" add constraint "association_slug_unique" unique ("slug");`);
    this.addSql(`create index "association_district_id_index" on "association" ("district_id");`);
    this.addSql(`create index "association_status_kind_index" on "association" ("status", "kind");`);

    this.addSql(`create table "membership" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "association_id" uuid not null, constraint "membership_pkey" primary key ("id"));`);
    this.addSql(`create index "membership_association_id_index" on "membership" ("association_id");`);
    this.addSql(`alter table "membership" add constraint "membership_user_id_association_id_unique" unique ("user_id", "association_id");`);

    this.addSql(`create table "event_organizer" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "event_id" uuid not null, "association_id" uuid not null, "role" "organizer_role" not null default 'CO_ORGANIZER', "status" "organizer_status" not null default 'INVITED', "responded_at" timestamptz null, constraint "event_organizer_pkey" primary key ("id"));`);
    this.addSql(`create index "event_organizer_association_id_status_index" on "event_organizer" ("association_id", "status");`);
    this.addSql(`alter table "event_organizer" add constraint "event_organizer_event_id_association_id_unique" unique ("event_id", "association_id");`);

    this.addSql(`alter table "housing_area" add constraint "housing_area_district_id_foreign" foreign key ("district_id") references "district" ("id") on update cascade;`);

    this.addSql(`alter table "occasion_date" add constraint "occasion_date_occasion_id_foreign" foreign key ("occasion_id") references "occasion" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "password_reset_token" add constraint "password_reset_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "event" add constraint "event_district_id_foreign" foreign key ("district_id") references "district" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event" add constraint "event_housing_area_id_foreign" foreign key ("housing_area_id") references "housing_area" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event" add constraint "event_occasion_id_foreign" foreign key ("occasion_id") references "occasion" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "event" add constraint "event_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "association" add constraint "association_district_id_foreign" foreign key ("district_id") references "district" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "association" add constraint "association_housing_area_id_foreign" foreign key ("housing_area_id") references "housing_area" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "association" add constraint "association_status_changed_by_id_foreign" foreign key ("status_changed_by_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "membership" add constraint "membership_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "membership" add constraint "membership_association_id_foreign" foreign key ("association_id") references "association" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "event_organizer" add constraint "event_organizer_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_organizer" add constraint "event_organizer_association_id_foreign" foreign key ("association_id") references "association" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "housing_area" drop constraint "housing_area_district_id_foreign";`);

    this.addSql(`alter table "event" drop constraint "event_district_id_foreign";`);

    this.addSql(`alter table "association" drop constraint "association_district_id_foreign";`);

    this.addSql(`alter table "event" drop constraint "event_housing_area_id_foreign";`);

    this.addSql(`alter table "association" drop constraint "association_housing_area_id_foreign";`);

    this.addSql(`alter table "occasion_date" drop constraint "occasion_date_occasion_id_foreign";`);

    this.addSql(`alter table "event" drop constraint "event_occasion_id_foreign";`);

    this.addSql(`alter table "password_reset_token" drop constraint "password_reset_token_user_id_foreign";`);

    this.addSql(`alter table "event" drop constraint "event_created_by_id_foreign";`);

    this.addSql(`alter table "association" drop constraint "association_status_changed_by_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_user_id_foreign";`);

    this.addSql(`alter table "event_organizer" drop constraint "event_organizer_event_id_foreign";`);

    this.addSql(`alter table "membership" drop constraint "membership_association_id_foreign";`);

    this.addSql(`alter table "event_organizer" drop constraint "event_organizer_association_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);

    this.addSql(`drop table if exists "district" cascade;`);

    this.addSql(`drop table if exists "housing_area" cascade;`);

    this.addSql(`drop table if exists "kpi_target" cascade;`);

    this.addSql(`drop table if exists "occasion" cascade;`);

    this.addSql(`drop table if exists "occasion_date" cascade;`);

    this.addSql(`drop table if exists "outbox_message" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "password_reset_token" cascade;`);

    this.addSql(`drop table if exists "event" cascade;`);

    this.addSql(`drop table if exists "association" cascade;`);

    this.addSql(`drop table if exists "membership" cascade;`);

    this.addSql(`drop table if exists "event_organizer" cascade;`);

    this.addSql(`drop type "user_role";`);
    this.addSql(`drop type "event_kind";`);
    this.addSql(`drop type "event_status";`);
    this.addSql(`drop type "association_kind";`);
    this.addSql(`drop type "association_status";`);
    this.addSql(`drop type "organizer_role";`);
    this.addSql(`drop type "organizer_status";`);
  }

}
