import { Injectable } from '@nestjs/common';
import { LiveService } from '../live/live.service';
import { MembershipEvents } from './membership-events';

/**
 * A changed membership reaches that person's open pages as a `permissions`
 * event on the live channel. Every process hears membership changes already,
 * so each delivers to its own streams only.
 */
@Injectable()
export class MembershipLive {
  constructor(events: MembershipEvents, live: LiveService) {
    events.subscribe(({ communityId, userId, role }) =>
      live.deliverHere([userId], { type: 'permissions', data: { communityId, role } }),
    );
  }
}
