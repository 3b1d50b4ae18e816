import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124151504_initial } from './Migration20261124151504_initial';
import { Migration20261124162301_feeds } from './Migration20261124162301_feeds';

/** Applied in this order; `npm run migration:create` regenerates this list (a test checks none is missing). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261124151504_initial', class: Migration20261124151504_initial },
  { name: 'Migration20261124162301_feeds', class: Migration20261124162301_feeds },
];
