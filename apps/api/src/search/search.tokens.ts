/** Every engine the indexer delivers to: PostgreSQL always, Meilisearch when configured. */
export const SEARCH_ENGINES = Symbol('SEARCH_ENGINES');
/** The engine queries go to first (Meilisearch when configured, else PostgreSQL). */
export const PRIMARY_ENGINE = Symbol('PRIMARY_ENGINE');
