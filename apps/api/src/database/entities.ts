import { SessionEntity } from './entities/session.entity';
import { CommunityEntity } from './entities/community.entity';
import { MembershipEntity } from './entities/membership.entity';
import { ItemAuthorEntity } from './entities/item-author.entity';
import { ItemEntity } from './entities/item.entity';
import { StageChangeEntity } from './entities/stage-change.entity';
import { TemplateEntity } from './entities/template.entity';
import { UserEntity } from './entities/user.entity';

/** Every TypeORM entity: the tables' mapping, beside the migrations that make them (docs/decisions/0007-api-layers.md). */
export const ENTITIES = [
  UserEntity,
  SessionEntity,
  CommunityEntity,
  MembershipEntity,
  ItemEntity,
  ItemAuthorEntity,
  StageChangeEntity,
  TemplateEntity,
];
