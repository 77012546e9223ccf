import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { GuidelineStatus, ItemKind, SeciStage } from '@spiraal/domain';

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
  /** Guidelines only: status, the number of the version being worked on, when to review. */
  @Column('text', { name: 'guideline_status', nullable: true }) guidelineStatus!: GuidelineStatus | null;
  @Column('integer', { name: 'guideline_version', nullable: true }) guidelineVersion!: number | null;
  @Column('timestamptz', { name: 'review_date', nullable: true }) reviewDate!: Date | null;
  /** Practice reflections only: the guideline and the version they applied. */
  @Column('uuid', { name: 'applies_guideline_id', nullable: true }) appliesGuidelineId!: string | null;
  @Column('integer', { name: 'applies_version', nullable: true }) appliesVersion!: number | null;
  /** The template the item started from (a built-in id or a template's uuid); its prompts show as placeholders. */
  @Column('text', { name: 'template_id', nullable: true }) templateId!: string | null;
}
