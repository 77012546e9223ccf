// meilisearch publishes its types only through package.json "exports",
// which the classic module resolution used here does not read.
declare module 'meilisearch' {
  export * from 'meilisearch/dist/index';
}
