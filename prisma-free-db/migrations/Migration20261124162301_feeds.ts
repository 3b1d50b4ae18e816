import { Migration } from '@mikro-orm/migrations';

export class Migration20261124162301_feeds extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "feed_snapshot" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "feed_key" varchar(200) not null, "lang" varchar(2) not null, "body_gzip" bytea not null, "etag" varchar(64) not null, "last_modified" timestamptz not null, "version" int not null, "event_count" int not null, "byte_size" int not null, constraint "feed_snapshot_pkey" primary key ("id"));`);
    this.addSql(`alter table "feed_snapshot" add constraint "feed_snapshot_feed_key_lang_unique" unique ("feed_key", "lang");`);
    // Already gzipped: no point in TOAST compressing it again.
    this.addSql(`alter table "feed_snapshot" alter column "body_gzip" set storage external;`);

    this.addSql(`create table "feed_state" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "feed_key" varchar(200) not null, "subject_id" uuid null, "wanted_version" int not null default 0, "rendered_version" int not null default 0, "dirty_at" timestamptz null, "valid_until" timestamptz null, constraint "feed_state_pkey" primary key ("id"));`);
    this.addSql(`alter table "feed_state" add constraint "feed_state_feed_key_unique" unique ("feed_key");`);
    this.addSql(`create index "feed_state_valid_until_index" on "feed_state" ("valid_until");`);
    this.addSql(`create index "feed_state_subject_id_index" on "feed_state" ("subject_id");`);

    this.addSql(`create table "event_feed_fragment" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "event_id" uuid not null, "lang" varchar(2) not null, "body" text not null, "feed_keys" text[] not null, "starts_at" timestamptz not null, "expires_at" timestamptz null, "tzid" varchar(64) null, "content_hash" varchar(64) not null, "renderer_version" smallint not null, "modified_at" timestamptz not null, constraint "event_feed_fragment_pkey" primary key ("id"));`);
    this.addSql(`create index "event_feed_fragment_expires_at_index" on "event_feed_fragment" ("expires_at");`);
    this.addSql(`create index "event_feed_fragment_feed_keys_gin" on "event_feed_fragment" using gin ("feed_keys");`);
    this.addSql(`alter table "event_feed_fragment" add constraint "event_feed_fragment_event_id_lang_unique" unique ("event_id", "lang");`);

    this.addSql(`alter table "event_feed_fragment" add constraint "event_feed_fragment_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "feed_snapshot" cascade;`);

    this.addSql(`drop table if exists "feed_state" cascade;`);

    this.addSql(`drop table if exists "event_feed_fragment" cascade;`);
  }

}
