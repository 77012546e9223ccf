import { SessionEntity } from '../auth/session.entity';
import { CommunityEntity } from '../communities/community.entity';
import { MembershipEntity } from '../communities/membership.entity';
import { ItemAuthorEntity } from '../items/item-author.entity';
import { ItemEntity } from '../items/item.entity';
import { StageChangeEntity } from '../items/stage-change.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [UserEntity, SessionEntity, CommunityEntity, MembershipEntity, ItemEntity, ItemAuthorEntity, StageChangeEntity];
