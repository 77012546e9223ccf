/** Roles, perspectives and visibility come from the shared domain, as the API names them. */
export { PERSPECTIVES, ROLES } from '@spiraal/domain';
export type { Perspective, Role, Visibility } from '@spiraal/domain';
