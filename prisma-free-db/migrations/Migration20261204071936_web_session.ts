import { Migration } from '@mikro-orm/migrations';

export class Migration20261204071936_web_session extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "web_session" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "user_id" uuid not null, "token_hash" varchar(64) not null, "csrf_token" varchar(64) not null, "token_version" int not null, "expires_at" timestamptz not null, "last_seen_at" timestamptz not null, constraint "web_session_pkey" primary key ("id"));`);
    this.addSql(`create index "web_session_user_id_index" on "web_session" ("user_id");`);
    this.addSql(`alter table "web_session" add constraint "web_session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "web_session" add constraint "web_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "web_session" cascade;`);
  }

}
