import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Perspective, Role } from '@spiraal/domain';

@Entity('memberships')
export class MembershipEntity {
  @PrimaryColumn('uuid', { name: 'community_id' }) communityId!: string;
  @PrimaryColumn('uuid', { name: 'user_id' }) userId!: string;
  @Column('text') role!: Role;
  @Column('text') perspective!: Perspective;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
