import type { SessionUser } from '../app/session';

export interface ItemEditorProps {
  itemId: string;
  user: SessionUser;
}

/** The live editor of an item's body (being built). */
export default function ItemEditor({ itemId }: ItemEditorProps) {
  return <div data-item={itemId}>Editor</div>;
}
