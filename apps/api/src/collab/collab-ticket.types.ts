import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('CollabTicket', { description: 'Lets one user open one item’s live document for a short while' })
export class CollabTicketType {
  @Field(() => String, { description: 'Base URL for y-websocket’s WebsocketProvider, e.g. ws://host:3000/collab' })
  url!: string;
  @Field(() => String, { description: 'Pass as the `ticket` parameter' }) token!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => Boolean, { description: 'Readers get a read-only connection' }) readOnly!: boolean;
}
