import { Migration } from '@mikro-orm/migrations';

// The seeded districts and housing areas had slugs with æ/ø/å dropped ("norrebro"), while every
// generated slug transliterates them the Danish way ("noerrebro"). Frozen here: later renames are
// later migrations. The old district slugs stay known to the feeds (a 301 to the new URL).
const DISTRICTS: [string, string][] = [
  ['osterbro', 'oesterbro'],
  ['norrebro', 'noerrebro'],
  ['vanlose', 'vanloese'],
  ['bronshoj-husum', 'broenshoej-husum'],
  ['amager-ost', 'amager-oest'],
];
const HOUSING_AREAS: [string, string][] = [['mjolnerparken', 'mjoelnerparken']];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class Migration20261204080000_danish_reference_slugs extends Migration {
  override async up(): Promise<void> {
    this.rename(DISTRICTS, HOUSING_AREAS);
  }

  override async down(): Promise<void> {
    const back = (pairs: [string, string][]) => pairs.map(([from, to]): [string, string] => [to, from]);
    this.rename(back(DISTRICTS), back(HOUSING_AREAS));
  }

  private rename(districts: [string, string][], areas: [string, string][]): void {
    for (const [from, to] of districts) {
      this.addSql(`update "district" set "slug" = ${quote(to)} where "slug" = ${quote(from)};`);
      // A district's feed is stored under its slug: its events' fragments move to the new key, and
      // the feed is rendered again under it (the sweep finds it wanted; a request renders it too).
      const [oldKey, newKey] = [quote(`district/${from}`), quote(`district/${to}`)];
      this.addSql(`update "event_feed_fragment" set "feed_keys" = array_replace("feed_keys", ${oldKey}, ${newKey}) where ${oldKey} = any("feed_keys");`);
      this.addSql(`delete from "feed_snapshot" where "feed_key" = ${oldKey};`);
      this.addSql(
        `update "feed_state" set "feed_key" = ${newKey}, "wanted_version" = "rendered_version" + 1, "dirty_at" = now() where "feed_key" = ${oldKey};`,
      );
    }
    for (const [from, to] of areas) this.addSql(`update "housing_area" set "slug" = ${quote(to)} where "slug" = ${quote(from)};`);
  }
}
