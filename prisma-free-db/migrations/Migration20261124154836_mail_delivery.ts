import { Migration } from '@mikro-orm/migrations';

export class Migration20261124154836_mail_delivery extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "mail_delivery_status" as enum ('SENDING', 'SENT', 'RETRYING', 'FAILED');`);
    this.addSql(`create table "mail_delivery" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "key" varchar(300) not null, "kind" varchar(64) not null, "status" "mail_delivery_status" not null, "recipient" varchar(254) null, "locale" varchar(8) not null default 'da', "subject" varchar(300) null, "registration_id" uuid null, "event_id" uuid null, "offset_minutes" int null, "message_id" varchar(200) not null, "attempts" int not null default 0, "last_error" text null, "response" varchar(500) null, "claimed_at" timestamptz null, "sent_at" timestamptz null, "failed_at" timestamptz null, constraint "mail_delivery_pkey" primary key ("id"));`);
    this.addSql(`alter table "mail_delivery" add constraint "mail_delivery_key_unique" unique ("key");`);
    this.addSql(`create index "mail_delivery_registration_id_index" on "mail_delivery" ("registration_id");`);
    this.addSql(`create index "mail_delivery_event_id_index" on "mail_delivery" ("event_id");`);
    this.addSql(`create index "mail_delivery_status_updated_at_index" on "mail_delivery" ("status", "updated_at");`);

    this.addSql(`alter table "mail_delivery" add constraint "mail_delivery_registration_id_foreign" foreign key ("registration_id") references "registration" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "mail_delivery" add constraint "mail_delivery_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete set null;`);

    // Anonymising a registration also forgets where its mails went (and the addresses in server answers).
    this.addSql(`create function "mail_delivery_forget_recipient"() returns trigger language plpgsql as $$
      begin
        update "mail_delivery"
           set "recipient" = null,
               "last_error" = regexp_replace("last_error", '[^[:space:]<>@]+@[^[:space:]<>@]+', '[address removed]', 'g'),
               "response" = regexp_replace("response", '[^[:space:]<>@]+@[^[:space:]<>@]+', '[address removed]', 'g')
         where "registration_id" = new."id";
        return new;
      end $$;`);
    this.addSql(`create trigger "registration_anonymized_forget_mail_recipient" after update of "anonymized_at" on "registration"
      for each row when (old."anonymized_at" is null and new."anonymized_at" is not null)
      execute function "mail_delivery_forget_recipient"();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "registration_anonymized_forget_mail_recipient" on "registration";`);
    this.addSql(`drop function if exists "mail_delivery_forget_recipient"();`);
    this.addSql(`drop table if exists "mail_delivery" cascade;`);

    this.addSql(`drop type "mail_delivery_status";`);
  }

}
