import { Migration } from '@mikro-orm/migrations';

export class Migration20261204071653_kpi_counters extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "kpi_event_count" ("event_id" uuid not null, "starts_at" timestamptz not null, "ends_at" timestamptz not null, "kind" "event_kind" not null, "counted" boolean not null, "occasion" boolean not null, "voluntary" int not null default 0, "confirmed" int not null default 0, "checked_in" int not null default 0, "answers" int not null default 0, "satisfied" int not null default 0, constraint "kpi_event_count_pkey" primary key ("event_id"));`);
    this.addSql(`create index "kpi_event_count_counted_ends_at_idx" on "kpi_event_count" ("ends_at") where "counted";`);

    this.addSql(`create table "kpi_year_total" ("year" smallint not null, "shard" smallint not null, "international_days" int not null default 0, "seminars" int not null default 0, "network_meetings" int not null default 0, "voluntary_initiatives" int not null default 0, "answers" int not null default 0, "satisfied" int not null default 0, "checked_in" int not null default 0, constraint "kpi_year_total_pkey" primary key ("year", "shard"));`);

    this.addSql(`create table "kpi_international_day_count" ("international_day_id" uuid not null, "confirmed" int not null default 0, constraint "kpi_international_day_count_pkey" primary key ("international_day_id"));`);

    this.addSql(`create table "kpi_association_year" ("association_id" uuid not null, "year" smallint not null, "events" int not null default 0, "first_ends_at" timestamptz null, constraint "kpi_association_year_pkey" primary key ("association_id", "year"));`);
    this.addSql(`create index "kpi_association_year_year_index" on "kpi_association_year" ("year");`);

    this.addSql(`alter table "kpi_event_count" add constraint "kpi_event_count_event_id_foreign" foreign key ("event_id") references "event" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "kpi_international_day_count" add constraint "kpi_international_day_count_international_day_id_foreign" foreign key ("international_day_id") references "international_day" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "kpi_association_year" add constraint "kpi_association_year_association_id_foreign" foreign key ("association_id") references "association" ("id") on update cascade on delete cascade;`);

    // The counters are kept by triggers, not by the services: every write path (the services, the
    // raw-SQL fast path of registrations, bulk SQL, an admin's psql) updates them in its own
    // transaction. Inserts and deletes are counted per statement (a bulk load moves each counter
    // once), updates per row and only when a column that counts changed. Counts move by deltas
    // under their row's lock; what a delta cannot keep (organisers per event, the first end of an
    // association's events) is recomputed after locking its rows, so the recomputing statement sees
    // whatever a concurrent change committed while it waited.
    this.addSql(`create function "kpi_year"("at" timestamptz) returns smallint language sql stable as $$
      select extract(year from "at" at time zone 'Europe/Copenhagen')::smallint $$;`);

    // An event's share of its year's totals (sign -1 takes it out); counted events only.
    this.addSql(`create function "kpi_year_share"("c" "kpi_event_count", "sign" int) returns "kpi_year_total" language sql stable as $$
      select row(
        extract(year from c."starts_at" at time zone 'Europe/Copenhagen')::smallint,
        (get_byte(uuid_send(c."event_id"), 15) % 16)::smallint,
        "sign" * (c."kind" = 'INTERNATIONAL_DAY')::int, "sign" * (c."kind" = 'SEMINAR')::int, "sign" * (c."kind" = 'NETWORK_MEETING')::int,
        "sign" * (c."voluntary" >= 2)::int, "sign" * c."answers", "sign" * c."satisfied", "sign" * c."checked_in"
      )::"kpi_year_total" $$;`);
    this.addSql(`create function "kpi_add_year_shares"("shares" "kpi_year_total"[]) returns void language sql as $$
      insert into "kpi_year_total" as t
        select x."year", x."shard", sum(x."international_days"), sum(x."seminars"), sum(x."network_meetings"), sum(x."voluntary_initiatives"),
               sum(x."answers"), sum(x."satisfied"), sum(x."checked_in")
          from unnest("shares") x
         group by 1, 2
        having (sum(x."international_days"), sum(x."seminars"), sum(x."network_meetings"), sum(x."voluntary_initiatives"),
                sum(x."answers"), sum(x."satisfied"), sum(x."checked_in")) <> (0, 0, 0, 0, 0, 0, 0)
         order by 1, 2
      on conflict ("year", "shard") do update set
        "international_days" = t."international_days" + excluded."international_days", "seminars" = t."seminars" + excluded."seminars",
        "network_meetings" = t."network_meetings" + excluded."network_meetings",
        "voluntary_initiatives" = t."voluntary_initiatives" + excluded."voluntary_initiatives",
        "answers" = t."answers" + excluded."answers", "satisfied" = t."satisfied" + excluded."satisfied",
        "checked_in" = t."checked_in" + excluded."checked_in" $$;`);
    this.addSql(`create function "kpi_event_count_changed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform "kpi_add_year_shares"(array(select "kpi_year_share"(n, 1) from "new_rows" n where n."counted"));
        elsif tg_op = 'DELETE' then
          perform "kpi_add_year_shares"(array(select "kpi_year_share"(o, -1) from "old_rows" o where o."counted"));
        else
          perform "kpi_add_year_shares"(array(
            select "kpi_year_share"(n, 1) from "new_rows" n where n."counted"
            union all
            select "kpi_year_share"(o, -1) from "old_rows" o where o."counted"));
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "kpi_event_count_inserted" after insert on "kpi_event_count" referencing new table as "new_rows"
      for each statement execute function "kpi_event_count_changed"();`);
    this.addSql(`create trigger "kpi_event_count_updated" after update on "kpi_event_count" referencing old table as "old_rows" new table as "new_rows"
      for each statement execute function "kpi_event_count_changed"();`);
    this.addSql(`create trigger "kpi_event_count_deleted" after delete on "kpi_event_count" referencing old table as "old_rows"
      for each statement execute function "kpi_event_count_changed"();`);

    this.addSql(`create function "kpi_refresh_voluntary"("evs" uuid[]) returns void language plpgsql as $$
      begin
        perform 1 from "kpi_event_count" where "event_id" = any("evs") order by "event_id" for update;
        update "kpi_event_count" c set "voluntary" = v."n"
          from (
            select x."id", count(a."id")::int as "n"
              from (select distinct unnest("evs") as "id") x
              left join "event_organizer" o on o."event_id" = x."id" and o."status" = 'ACCEPTED'
              left join "association" a on a."id" = o."association_id" and a."status" = 'APPROVED' and a."kind" = 'VOLUNTARY_ORGANISATION'
             group by x."id"
          ) v
         where c."event_id" = v."id" and c."voluntary" <> v."n";
      end $$;`);

    // Rows appear for an association and year once it qualifies and stay at zero after: deleting
    // one would let a writer waiting for its lock lose its update.
    this.addSql(`create function "kpi_refresh_association_years"("assocs" uuid[], "yrs" smallint[]) returns void language plpgsql as $$
      begin
        insert into "kpi_association_year" ("association_id", "year", "events")
          select q."a", q."y", 0 from (
            select distinct p."a", p."y" from unnest("assocs", "yrs") p("a", "y")
             where exists (
               select 1 from "event_organizer" o
                 join "association" s on s."id" = o."association_id"
                 join "event" e on e."id" = o."event_id"
                where o."association_id" = p."a" and o."status" = 'ACCEPTED'
                  and s."status" = 'APPROVED' and s."kind" in ('ASSOCIATION', 'PROJECT', 'VOLUNTARY_ORGANISATION')
                  and e."status" = 'PUBLISHED' and e."cancelled_at" is null and e."kind" = 'CULTURAL_EVENT' and e."occasion_id" is not null
                  and e."starts_at" >= make_timestamptz(p."y", 1, 1, 0, 0, 0, 'Europe/Copenhagen')
                  and e."starts_at" < make_timestamptz(p."y" + 1, 1, 1, 0, 0, 0, 'Europe/Copenhagen'))
          ) q
          order by 1, 2
          on conflict do nothing;
        perform 1 from "kpi_association_year" k join unnest("assocs", "yrs") p("a", "y") on k."association_id" = p."a" and k."year" = p."y"
          order by k."association_id", k."year" for update of k;
        update "kpi_association_year" k set "events" = x."events", "first_ends_at" = x."first_ends_at"
          from (
            select p."a", p."y", count(e."id")::int as "events", min(e."ends_at") as "first_ends_at"
              from (select distinct * from unnest("assocs", "yrs") q("a", "y")) p
              left join ("event_organizer" o
                join "association" s on s."id" = o."association_id" and s."status" = 'APPROVED'
                  and s."kind" in ('ASSOCIATION', 'PROJECT', 'VOLUNTARY_ORGANISATION')
                join "event" e on e."id" = o."event_id" and e."status" = 'PUBLISHED' and e."cancelled_at" is null
                  and e."kind" = 'CULTURAL_EVENT' and e."occasion_id" is not null)
                on o."association_id" = p."a" and o."status" = 'ACCEPTED'
                  and e."starts_at" >= make_timestamptz(p."y", 1, 1, 0, 0, 0, 'Europe/Copenhagen')
                  and e."starts_at" < make_timestamptz(p."y" + 1, 1, 1, 0, 0, 0, 'Europe/Copenhagen')
             group by p."a", p."y"
          ) x
         where k."association_id" = x."a" and k."year" = x."y"
           and (k."events", k."first_ends_at") is distinct from (x."events", x."first_ends_at");
      end $$;`);

    // Accepted organiser rows (event, association) that appeared or went: the events' voluntary
    // counts and the associations' years. An event deleted with its organisers has no year left to
    // read: then every year the association already has is recomputed.
    this.addSql(`create function "kpi_organizers_changed"("evs" uuid[], "assocs" uuid[]) returns void language plpgsql as $$
      declare
        a uuid[];
        y smallint[];
      begin
        perform "kpi_refresh_voluntary"("evs");
        select array_agg(p."a" order by p."a", p."y"), array_agg(p."y" order by p."a", p."y") into a, y from (
          select x."a", "kpi_year"(e."starts_at") as "y" from unnest("evs", "assocs") x("e", "a") join "event" e on e."id" = x."e"
          union
          select k."association_id", k."year" from unnest("evs", "assocs") x("e", "a")
            join "kpi_association_year" k on k."association_id" = x."a"
           where not exists (select 1 from "event" e where e."id" = x."e")
        ) p;
        if a is not null then perform "kpi_refresh_association_years"(a, y); end if;
      end $$;`);

    this.addSql(`create function "kpi_event_changed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          insert into "kpi_event_count" ("event_id", "starts_at", "ends_at", "kind", "counted", "occasion")
            select n."id", n."starts_at", n."ends_at", n."kind", n."status" = 'PUBLISHED' and n."cancelled_at" is null, n."occasion_id" is not null
              from "new_rows" n;
          return null;
        end if;
        update "kpi_event_count" set "starts_at" = new."starts_at", "ends_at" = new."ends_at", "kind" = new."kind",
            "counted" = new."status" = 'PUBLISHED' and new."cancelled_at" is null, "occasion" = new."occasion_id" is not null
         where "event_id" = new."id";
        perform "kpi_refresh_association_years"(array_agg(o."association_id" order by o."association_id", x."y"), array_agg(x."y" order by o."association_id", x."y"))
          from "event_organizer" o cross join (values ("kpi_year"(old."starts_at")), ("kpi_year"(new."starts_at"))) x("y")
         where o."event_id" = new."id" and o."status" = 'ACCEPTED'
        having count(*) > 0;
        return null;
      end $$;`);
    this.addSql(`create trigger "kpi_event_inserted" after insert on "event" referencing new table as "new_rows"
      for each statement execute function "kpi_event_changed"();`);
    this.addSql(`create trigger "kpi_event_updated" after update of "status", "cancelled_at", "starts_at", "ends_at", "kind", "occasion_id" on "event"
      for each row when (old."status" is distinct from new."status" or old."cancelled_at" is distinct from new."cancelled_at"
        or old."starts_at" is distinct from new."starts_at" or old."ends_at" is distinct from new."ends_at"
        or old."kind" is distinct from new."kind" or old."occasion_id" is distinct from new."occasion_id")
      execute function "kpi_event_changed"();`);

    this.addSql(`create function "kpi_organizer_changed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          perform "kpi_organizers_changed"(array_agg("event_id"), array_agg("association_id")) from "new_rows" where "status" = 'ACCEPTED' having count(*) > 0;
        elsif tg_op = 'DELETE' then
          perform "kpi_organizers_changed"(array_agg("event_id"), array_agg("association_id")) from "old_rows" where "status" = 'ACCEPTED' having count(*) > 0;
        else
          perform "kpi_organizers_changed"(array[old."event_id", new."event_id"], array[old."association_id", new."association_id"]);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "kpi_organizer_inserted" after insert on "event_organizer" referencing new table as "new_rows"
      for each statement execute function "kpi_organizer_changed"();`);
    this.addSql(`create trigger "kpi_organizer_deleted" after delete on "event_organizer" referencing old table as "old_rows"
      for each statement execute function "kpi_organizer_changed"();`);
    this.addSql(`create trigger "kpi_organizer_updated" after update of "status", "event_id", "association_id" on "event_organizer"
      for each row when ((old."status" = 'ACCEPTED' or new."status" = 'ACCEPTED') and (old."status", old."event_id", old."association_id") is distinct from (new."status", new."event_id", new."association_id"))
      execute function "kpi_organizer_changed"();`);

    this.addSql(`create function "kpi_association_changed"() returns trigger language plpgsql as $$
      begin
        perform "kpi_organizers_changed"(array_agg("event_id"), array_agg("association_id"))
          from "event_organizer" where "association_id" = new."id" and "status" = 'ACCEPTED' having count(*) > 0;
        return null;
      end $$;`);
    this.addSql(`create trigger "kpi_association_changed" after update of "status", "kind" on "association"
      for each row when (old."status" is distinct from new."status" or old."kind" is distinct from new."kind")
      execute function "kpi_association_changed"();`);

    this.addSql(`create function "kpi_registration_changed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update "kpi_event_count" c set "confirmed" = c."confirmed" + d."confirmed", "checked_in" = c."checked_in" + d."checked_in"
            from (select "event_id", count(*) filter (where "status" = 'CONFIRMED') as "confirmed",
                    count(*) filter (where "checked_in_at" is not null and "status" <> 'CANCELLED') as "checked_in"
                    from "new_rows" group by 1) d
           where c."event_id" = d."event_id" and (d."confirmed" > 0 or d."checked_in" > 0);
        elsif tg_op = 'DELETE' then
          update "kpi_event_count" c set "confirmed" = c."confirmed" - d."confirmed", "checked_in" = c."checked_in" - d."checked_in"
            from (select "event_id", count(*) filter (where "status" = 'CONFIRMED') as "confirmed",
                    count(*) filter (where "checked_in_at" is not null and "status" <> 'CANCELLED') as "checked_in"
                    from "old_rows" group by 1) d
           where c."event_id" = d."event_id" and (d."confirmed" > 0 or d."checked_in" > 0);
        else
          update "kpi_event_count" set
            "confirmed" = "confirmed" - (old."status" = 'CONFIRMED')::int,
            "checked_in" = "checked_in" - (old."checked_in_at" is not null and old."status" <> 'CANCELLED')::int
           where "event_id" = old."event_id";
          update "kpi_event_count" set
            "confirmed" = "confirmed" + (new."status" = 'CONFIRMED')::int,
            "checked_in" = "checked_in" + (new."checked_in_at" is not null and new."status" <> 'CANCELLED')::int
           where "event_id" = new."event_id";
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "kpi_registration_inserted" after insert on "registration" referencing new table as "new_rows"
      for each statement execute function "kpi_registration_changed"();`);
    this.addSql(`create trigger "kpi_registration_deleted" after delete on "registration" referencing old table as "old_rows"
      for each statement execute function "kpi_registration_changed"();`);
    this.addSql(`create trigger "kpi_registration_updated" after update of "status", "checked_in_at", "event_id" on "registration"
      for each row when ((old."status" = 'CONFIRMED') is distinct from (new."status" = 'CONFIRMED')
        or (old."checked_in_at" is not null and old."status" <> 'CANCELLED') is distinct from (new."checked_in_at" is not null and new."status" <> 'CANCELLED')
        or old."event_id" is distinct from new."event_id")
      execute function "kpi_registration_changed"();`);

    this.addSql(`create function "kpi_feedback_changed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update "kpi_event_count" c set "answers" = c."answers" + d."answers", "satisfied" = c."satisfied" + d."satisfied"
            from (select "event_id", count(*) as "answers", count(*) filter (where "satisfied") as "satisfied" from "new_rows" group by 1) d
           where c."event_id" = d."event_id";
        elsif tg_op = 'DELETE' then
          update "kpi_event_count" c set "answers" = c."answers" - d."answers", "satisfied" = c."satisfied" - d."satisfied"
            from (select "event_id", count(*) as "answers", count(*) filter (where "satisfied") as "satisfied" from "old_rows" group by 1) d
           where c."event_id" = d."event_id";
        else
          update "kpi_event_count" set "answers" = "answers" - 1, "satisfied" = "satisfied" - old."satisfied"::int where "event_id" = old."event_id";
          update "kpi_event_count" set "answers" = "answers" + 1, "satisfied" = "satisfied" + new."satisfied"::int where "event_id" = new."event_id";
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "kpi_feedback_inserted" after insert on "feedback" referencing new table as "new_rows"
      for each statement execute function "kpi_feedback_changed"();`);
    this.addSql(`create trigger "kpi_feedback_deleted" after delete on "feedback" referencing old table as "old_rows"
      for each statement execute function "kpi_feedback_changed"();`);
    this.addSql(`create trigger "kpi_feedback_updated" after update of "satisfied", "event_id" on "feedback"
      for each row when (old."satisfied" is distinct from new."satisfied" or old."event_id" is distinct from new."event_id")
      execute function "kpi_feedback_changed"();`);

    this.addSql(`create function "kpi_international_day_inserted"() returns trigger language plpgsql as $$
      begin
        insert into "kpi_international_day_count" ("international_day_id") select "id" from "new_rows";
        return null;
      end $$;`);
    this.addSql(`create trigger "kpi_international_day_inserted" after insert on "international_day" referencing new table as "new_rows"
      for each statement execute function "kpi_international_day_inserted"();`);

    this.addSql(`create function "kpi_participation_changed"() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          update "kpi_international_day_count" c set "confirmed" = c."confirmed" + d."n"
            from (select "international_day_id", count(*) as "n" from "new_rows" where "status" = 'CONFIRMED' group by 1) d
           where c."international_day_id" = d."international_day_id";
        elsif tg_op = 'DELETE' then
          update "kpi_international_day_count" c set "confirmed" = c."confirmed" - d."n"
            from (select "international_day_id", count(*) as "n" from "old_rows" where "status" = 'CONFIRMED' group by 1) d
           where c."international_day_id" = d."international_day_id";
        else
          update "kpi_international_day_count" set "confirmed" = "confirmed" - (old."status" = 'CONFIRMED')::int
           where "international_day_id" = old."international_day_id";
          update "kpi_international_day_count" set "confirmed" = "confirmed" + (new."status" = 'CONFIRMED')::int
           where "international_day_id" = new."international_day_id";
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger "kpi_participation_inserted" after insert on "participation" referencing new table as "new_rows"
      for each statement execute function "kpi_participation_changed"();`);
    this.addSql(`create trigger "kpi_participation_deleted" after delete on "participation" referencing old table as "old_rows"
      for each statement execute function "kpi_participation_changed"();`);
    this.addSql(`create trigger "kpi_participation_updated" after update of "status", "international_day_id" on "participation"
      for each row when ((old."status" = 'CONFIRMED') is distinct from (new."status" = 'CONFIRMED') or old."international_day_id" is distinct from new."international_day_id")
      execute function "kpi_participation_changed"();`);

    // Backfill after the triggers exist: creating them locked the tables against writes until this commits.
    this.addSql(`insert into "kpi_event_count" ("event_id", "starts_at", "ends_at", "kind", "counted", "occasion", "voluntary", "confirmed", "checked_in", "answers", "satisfied")
      select e."id", e."starts_at", e."ends_at", e."kind", e."status" = 'PUBLISHED' and e."cancelled_at" is null, e."occasion_id" is not null,
        coalesce(v."n", 0), coalesce(r."confirmed", 0), coalesce(r."checked_in", 0), coalesce(f."answers", 0), coalesce(f."satisfied", 0)
      from "event" e
      left join (
        select o."event_id", count(*) as "n" from "event_organizer" o join "association" a on a."id" = o."association_id"
         where o."status" = 'ACCEPTED' and a."status" = 'APPROVED' and a."kind" = 'VOLUNTARY_ORGANISATION' group by 1
      ) v on v."event_id" = e."id"
      left join (
        select "event_id", count(*) filter (where "status" = 'CONFIRMED') as "confirmed",
          count(*) filter (where "checked_in_at" is not null and "status" <> 'CANCELLED') as "checked_in"
          from "registration" group by 1
      ) r on r."event_id" = e."id"
      left join (
        select "event_id", count(*) as "answers", count(*) filter (where "satisfied") as "satisfied" from "feedback" group by 1
      ) f on f."event_id" = e."id";`);
    this.addSql(`insert into "kpi_association_year" ("association_id", "year", "events", "first_ends_at")
      select o."association_id", "kpi_year"(e."starts_at"), count(*), min(e."ends_at")
        from "event_organizer" o
        join "association" a on a."id" = o."association_id"
        join "event" e on e."id" = o."event_id"
       where o."status" = 'ACCEPTED' and a."status" = 'APPROVED' and a."kind" in ('ASSOCIATION', 'PROJECT', 'VOLUNTARY_ORGANISATION')
         and e."status" = 'PUBLISHED' and e."cancelled_at" is null and e."kind" = 'CULTURAL_EVENT' and e."occasion_id" is not null
       group by 1, 2;`);
    this.addSql(`insert into "kpi_international_day_count" ("international_day_id", "confirmed")
      select d."id", (select count(*) from "participation" p where p."international_day_id" = d."id" and p."status" = 'CONFIRMED')
        from "international_day" d;`);
  }

  override async down(): Promise<void> {
    const triggers: [string, string][] = [
      ['kpi_event_count', 'kpi_event_count_inserted'],
      ['kpi_event_count', 'kpi_event_count_updated'],
      ['kpi_event_count', 'kpi_event_count_deleted'],
      ['participation', 'kpi_participation_inserted'],
      ['participation', 'kpi_participation_deleted'],
      ['participation', 'kpi_participation_updated'],
      ['international_day', 'kpi_international_day_inserted'],
      ['feedback', 'kpi_feedback_inserted'],
      ['feedback', 'kpi_feedback_deleted'],
      ['feedback', 'kpi_feedback_updated'],
      ['registration', 'kpi_registration_inserted'],
      ['registration', 'kpi_registration_deleted'],
      ['registration', 'kpi_registration_updated'],
      ['association', 'kpi_association_changed'],
      ['event_organizer', 'kpi_organizer_inserted'],
      ['event_organizer', 'kpi_organizer_deleted'],
      ['event_organizer', 'kpi_organizer_updated'],
      ['event', 'kpi_event_inserted'],
      ['event', 'kpi_event_updated'],
    ];
    for (const [table, trigger] of triggers) this.addSql(`drop trigger if exists "${trigger}" on "${table}";`);
    for (const fn of [
      'kpi_participation_changed()',
      'kpi_international_day_inserted()',
      'kpi_feedback_changed()',
      'kpi_registration_changed()',
      'kpi_association_changed()',
      'kpi_organizer_changed()',
      'kpi_event_changed()',
      'kpi_organizers_changed(uuid[], uuid[])',
      'kpi_refresh_association_years(uuid[], smallint[])',
      'kpi_refresh_voluntary(uuid[])',
      'kpi_year(timestamptz)',
      'kpi_event_count_changed()',
      'kpi_add_year_shares(kpi_year_total[])',
      'kpi_year_share(kpi_event_count, integer)',
    ]) {
      this.addSql(`drop function if exists ${fn};`);
    }
    this.addSql(`drop table if exists "kpi_year_total" cascade;`);
    this.addSql(`drop table if exists "kpi_event_count" cascade;`);

    this.addSql(`drop table if exists "kpi_international_day_count" cascade;`);

    this.addSql(`drop table if exists "kpi_association_year" cascade;`);
  }

}
