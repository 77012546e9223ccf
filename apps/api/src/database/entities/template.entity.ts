import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ItemKind } from '@spiraal/domain';

/** A template a community's facilitators wrote (docs/templates.md); built-in ones live in libs/domain. */
@Entity('templates')
export class TemplateEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('uuid', { name: 'community_id' }) communityId!: string;
  @Column('text') kind!: ItemKind;
  @Column('text') name!: string;
  @Column('text') description!: string;
  /** Markdown: headings, with the prompt under each (docs/templates.md). */
  @Column('text') body!: string;
  @Column('uuid', { name: 'created_by', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
  @Column('timestamptz', { name: 'archived_at', nullable: true }) archivedAt!: Date | null;
}
