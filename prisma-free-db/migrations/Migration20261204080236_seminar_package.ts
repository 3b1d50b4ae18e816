import { Migration } from '@mikro-orm/migrations';

export class Migration20261204080236_seminar_package extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "advice_kind" as enum ('ADVICE', 'PITFALL');`);
    this.addSql(`create table "advice_item" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "kind" "advice_kind" not null, "title" jsonb not null, "body" jsonb not null, "sort_order" smallint not null default 0, "published_at" timestamptz null, constraint "advice_item_pkey" primary key ("id"));`);

    this.addSql(`create table "speaker" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "name" varchar(200) not null, "organisation" varchar(200) null, "topics" jsonb not null, "contact_email" varchar(254) null, "contact_phone" varchar(40) null, constraint "speaker_pkey" primary key ("id"));`);

    this.addSql(`create table "material" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "title" jsonb not null, "url" varchar(500) null, "event_id" uuid null, "file_name" varchar(200) null, "content_type" varchar(100) null, "size" int null, "content" bytea null, "published_at" timestamptz null, constraint "material_pkey" primary key ("id"));`);
    this.addSql(`create index "material_event_id_index" on "material" ("event_id");`);

    this.addSql(`create table "event_speaker" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "event_id" uuid not null, "speaker_id" uuid not null, constraint "event_speaker_pkey" primary key ("id"));`);
    this.addSql(`create index "event_speaker_speaker_id_index" on "event_speaker" ("speaker_id");`);
    this.addSql(`alter table "event_speaker" add constraint "event_speaker_event_id_speaker_id_unique" unique ("event_id", "speaker_id");`);

    this.addSql(`alter table "material" add constraint "material_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "event_speaker" add constraint "event_speaker_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "event_speaker" add constraint "event_speaker_speaker_id_foreign" foreign key ("speaker_id") references "speaker" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter type "association_kind" add value if not exists 'HOUSING_ORGANISATION' after 'MUNICIPAL_UNIT';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "event_speaker" drop constraint "event_speaker_speaker_id_foreign";`);

    this.addSql(`drop table if exists "advice_item" cascade;`);

    this.addSql(`drop table if exists "speaker" cascade;`);

    this.addSql(`drop table if exists "material" cascade;`);

    this.addSql(`drop table if exists "event_speaker" cascade;`);

    this.addSql(`drop type "advice_kind";`);
  }

}
