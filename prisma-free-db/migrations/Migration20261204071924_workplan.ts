import { Migration } from '@mikro-orm/migrations';

export class Migration20261204071924_workplan extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "assignment_kind" as enum ('ADVICE', 'NETWORK_BUILDING', 'CONFERENCE_OR_SEMINAR', 'CAMPAIGN', 'TALK', 'CONFLICT_MEDIATION', 'VOLUNTARY_WORK', 'DIVERSITY_AT_WORK');`);
    this.addSql(`create type "assignment_status" as enum ('AGREED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED');`);
    this.addSql(`create table "area" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name" jsonb not null, "atlas_intro" jsonb not null, "atlas_published_at" timestamptz null, "sort_order" smallint not null default 0, constraint "area_pkey" primary key ("id"));`);
    this.addSql(`alter table "area" add constraint "area_slug_unique" unique ("slug");`);

    this.addSql(`create table "area_district" ("area_id" uuid not null, "district_id" uuid not null, constraint "area_district_pkey" primary key ("area_id", "district_id"));`);

    this.addSql(`create table "area_housing_area" ("area_id" uuid not null, "housing_area_id" uuid not null, constraint "area_housing_area_pkey" primary key ("area_id", "housing_area_id"));`);

    this.addSql(`create table "theme" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "slug" varchar(80) not null, "name" jsonb not null, "sort_order" smallint not null default 0, constraint "theme_pkey" primary key ("id"));`);
    this.addSql(`alter table "theme" add constraint "theme_slug_unique" unique ("slug");`);

    this.addSql(`create table "event_theme" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "event_id" uuid not null, "theme_id" uuid not null, constraint "event_theme_pkey" primary key ("id"));`);
    this.addSql(`create index "event_theme_theme_id_index" on "event_theme" ("theme_id");`);
    this.addSql(`alter table "event_theme" add constraint "event_theme_event_id_theme_id_unique" unique ("event_id", "theme_id");`);

    this.addSql(`create table "project_visit" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "project_id" uuid not null, "visited_on" date not null, "visitor_id" uuid null, "notes" text null, "good_practice" jsonb null, "findings_published_at" timestamptz null, "in_focus_housing_area" boolean not null default false, "on_safety" boolean not null default false, "on_employment" boolean not null default false, constraint "project_visit_pkey" primary key ("id"));`);
    this.addSql(`create index "project_visit_project_id_index" on "project_visit" ("project_id");`);
    this.addSql(`create index "project_visit_visited_on_index" on "project_visit" ("visited_on");`);

    this.addSql(`create table "assignment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" varchar(200) not null, "kind" "assignment_kind" not null, "requester_department" varchar(200) not null, "requester_name" varchar(200) null, "requester_email" varchar(254) null, "requester_locale" varchar(2) not null default 'da', "frame_specific" text not null, "frame_measurable" text not null, "frame_attractive" text not null, "frame_realistic" text not null, "frame_time_bound" text not null, "deadline" date not null, "status" "assignment_status" not null default 'AGREED', "completed_at" timestamptz null, "survey_answered_at" timestamptz null, "survey_satisfied" boolean null, "survey_comment" text null, "anonymized_at" timestamptz null, "created_by_id" uuid null, constraint "assignment_pkey" primary key ("id"));`);
    this.addSql(`create index "assignment_status_completed_at_index" on "assignment" ("status", "completed_at");`);

    this.addSql(`alter table "area_district" add constraint "area_district_area_id_foreign" foreign key ("area_id") references "area" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "area_district" add constraint "area_district_district_id_foreign" foreign key ("district_id") references "district" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "area_housing_area" add constraint "area_housing_area_area_id_foreign" foreign key ("area_id") references "area" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "area_housing_area" add constraint "area_housing_area_housing_area_id_foreign" foreign key ("housing_area_id") references "housing_area" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "event_theme" add constraint "event_theme_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_theme" add constraint "event_theme_theme_id_foreign" foreign key ("theme_id") references "theme" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "project_visit" add constraint "project_visit_project_id_foreign" foreign key ("project_id") references "association" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_visit" add constraint "project_visit_visitor_id_foreign" foreign key ("visitor_id") references "app_user" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "assignment" add constraint "assignment_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "area_district" drop constraint "area_district_area_id_foreign";`);

    this.addSql(`alter table "area_housing_area" drop constraint "area_housing_area_area_id_foreign";`);

    this.addSql(`alter table "event_theme" drop constraint "event_theme_theme_id_foreign";`);

    this.addSql(`drop table if exists "area" cascade;`);

    this.addSql(`drop table if exists "area_district" cascade;`);

    this.addSql(`drop table if exists "area_housing_area" cascade;`);

    this.addSql(`drop table if exists "theme" cascade;`);

    this.addSql(`drop table if exists "event_theme" cascade;`);

    this.addSql(`drop table if exists "project_visit" cascade;`);

    this.addSql(`drop table if exists "assignment" cascade;`);

    this.addSql(`drop type "assignment_kind";`);
    this.addSql(`drop type "assignment_status";`);
  }

}
