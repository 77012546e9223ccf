// Pure conversions for bringing documents into Spiraal and taking them out
// (file bytes, HTML, Markdown, plain text, front matter). No framework, no database.
export * from './import';
// Export of items and communities, and reading an export archive back.
export * from './export';
// What both sides share.
export { FRONT_MATTER_MAX_BYTES } from './shared/front-matter-block';
