import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SeciStage } from '@spiraal/domain';

/** One move of an item through the spiral: these records are the spiral. */
@Entity('stage_changes')
export class StageChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column('uuid', { name: 'item_id' }) itemId!: string;
  @Column('text', { name: 'from_stage', nullable: true }) fromStage!: SeciStage | null;
  @Column('text', { name: 'to_stage' }) toStage!: SeciStage;
  @Column('text', { nullable: true }) reason!: string | null;
  @Column('uuid', { name: 'changed_by', nullable: true }) changedBy!: string | null;
  @Column('timestamptz', { name: 'changed_at' }) changedAt!: Date;
}
