import { ITEM_KINDS, ItemKind, SECI_STAGES, SeciStage, TEMPLATES } from '@spiraal/domain';
import { may } from '../../shared/permissions/permissions';

/** Kinds and SECI stages come from the shared domain, as the API names them. */
export { ITEM_KINDS, SECI_STAGES };
export type { ItemKind, SeciStage };

/** Kinds the server starts from a written template. */
export const KINDS_WITH_TEMPLATE = Object.keys(TEMPLATES) as ItemKind[];

/** The kinds this role may create (a guideline is a facilitator's move). */
export function kindsFor(role: string | null | undefined): readonly ItemKind[] {
  return ITEM_KINDS.filter((kind) => may(role, kind === 'GUIDELINE' ? 'guideline.create' : 'item.create'));
}

export function isItemKind(value: string | null): value is ItemKind {
  return (ITEM_KINDS as readonly string[]).includes(value ?? '');
}

export function isSeciStage(value: string | null): value is SeciStage {
  return (SECI_STAGES as readonly string[]).includes(value ?? '');
}

/** Who may change an item's body, title, tags and stage. */
export function canEdit(role: string | null | undefined): boolean {
  return may(role, 'item.edit');
}
