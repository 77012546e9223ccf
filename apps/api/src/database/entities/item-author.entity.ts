import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Everyone who contributed to an item's body. */
@Entity('item_authors')
export class ItemAuthorEntity {
  @PrimaryColumn('uuid', { name: 'item_id' }) itemId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('timestamptz', { name: 'first_contributed_at' }) firstContributedAt!: Date;
}
