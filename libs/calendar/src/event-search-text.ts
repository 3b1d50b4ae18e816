/**
 * The text free-text search looks in: title and description in both languages. The trigram index
 * (event_search_trgm_idx) is built on exactly this expression, so a query must use it verbatim
 * for PostgreSQL to use the index. Changing it needs a migration that rebuilds the index.
 */
export const EVENT_SEARCH_TEXT_SQL =
  `coalesce("title"->>'da', '') || ' ' || coalesce("title"->>'en', '') || ' ' || ` +
  `coalesce("description"->>'da', '') || ' ' || coalesce("description"->>'en', '')`;
