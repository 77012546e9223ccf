import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ItemKind, SeciStage } from '@spiraal/domain';

@Entity('items')
export class ItemEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('text') kind!: ItemKind;
  @Column('text') stage!: SeciStage;
  @Column('text') title!: string;
  @Column('text', { array: true }) tags!: string[];
  /** Plain text of the body, kept for display and search. */
  @Column('text') text!: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt!: Date | null;
}
