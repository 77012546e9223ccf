import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum CollabModeEnum {
  EDIT = 'EDIT',
  SUGGEST = 'SUGGEST',
  READ = 'READ',
}
registerEnumType(CollabModeEnum, {
  name: 'CollabMode',
  description: 'EDIT changes the document; SUGGEST only records voorstellen (proposals); READ reads',
});

@ObjectType('CollabTicket', { description: 'Lets one user open one item’s live document for a short while' })
export class CollabTicketType {
  @Field(() => String, { description: 'Base URL for y-websocket’s WebsocketProvider, e.g. ws://host:3000/collab' })
  url!: string;
  @Field(() => String, { description: 'Pass as the `ticket` parameter' }) token!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Boolean, { description: 'Readers get a read-only connection' }) readOnly!: boolean;
  @Field(() => CollabModeEnum, {
    description: 'How the connection may work: SUGGEST is enforced by the server (only own voorstellen are stored)',
  })
  mode!: CollabModeEnum;
}
