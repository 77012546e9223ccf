import type { SessionUser } from '../../shared/api/session';

export type AuthAnswer<K extends string> = Record<K, { user: SessionUser }>;

// The token is also set as an httpOnly cookie; the app never reads it.
export const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { user { id email displayName } } }`;
export const REGISTER = `mutation Register($input: RegisterInput!) { register(input: $input) { user { id email displayName } } }`;
