import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261124151504_initial } from './Migration20261124151504_initial';
import { Migration20261124153544_registrations } from './Migration20261124153544_registrations';
import { Migration20261124154023_calendar_filters } from './Migration20261124154023_calendar_filters';
import { Migration20261124154206_registration_capacity } from './Migration20261124154206_registration_capacity';
import { Migration20261124154710_status_reports } from './Migration20261124154710_status_reports';
import { Migration20261124154836_mail_delivery } from './Migration20261124154836_mail_delivery';
import { Migration20261124162301_feeds } from './Migration20261124162301_feeds';
import { Migration20261204071653_kpi_counters } from './Migration20261204071653_kpi_counters';
import { Migration20261204071924_workplan } from './Migration20261204071924_workplan';
import { Migration20261204071936_web_session } from './Migration20261204071936_web_session';
import { Migration20261204074329_association_location } from './Migration20261204074329_association_location';
import { Migration20261204080000_danish_reference_slugs } from './Migration20261204080000_danish_reference_slugs';
import { Migration20261204080236_seminar_package } from './Migration20261204080236_seminar_package';
import { Migration20261204152600_page_changes } from './Migration20261204152600_page_changes';

/** Applied in this order; `npm run migration:create` regenerates this list (a test checks none is missing). */
export const MIGRATIONS: MigrationObject[] = [
  { name: 'Migration20261124151504_initial', class: Migration20261124151504_initial },
  { name: 'Migration20261124153544_registrations', class: Migration20261124153544_registrations },
  { name: 'Migration20261124154023_calendar_filters', class: Migration20261124154023_calendar_filters },
  { name: 'Migration20261124154206_registration_capacity', class: Migration20261124154206_registration_capacity },
  { name: 'Migration20261124154710_status_reports', class: Migration20261124154710_status_reports },
  { name: 'Migration20261124154836_mail_delivery', class: Migration20261124154836_mail_delivery },
  { name: 'Migration20261124162301_feeds', class: Migration20261124162301_feeds },
  { name: 'Migration20261204071653_kpi_counters', class: Migration20261204071653_kpi_counters },
  { name: 'Migration20261204071924_workplan', class: Migration20261204071924_workplan },
  { name: 'Migration20261204071936_web_session', class: Migration20261204071936_web_session },
  { name: 'Migration20261204074329_association_location', class: Migration20261204074329_association_location },
  { name: 'Migration20261204080000_danish_reference_slugs', class: Migration20261204080000_danish_reference_slugs },
  { name: 'Migration20261204080236_seminar_package', class: Migration20261204080236_seminar_package },
  { name: 'Migration20261204152600_page_changes', class: Migration20261204152600_page_changes },
];
