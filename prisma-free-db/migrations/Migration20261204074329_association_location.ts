import { Migration } from '@mikro-orm/migrations';

export class Migration20261204074329_association_location extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "association" add column "location_address" varchar(300) null, add column "location_postal_code" varchar(10) null, add column "location_city" varchar(100) null, add column "location_latitude" double precision null, add column "location_longitude" double precision null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "association" drop column "location_address", drop column "location_postal_code", drop column "location_city", drop column "location_latitude", drop column "location_longitude";`);
  }

}
