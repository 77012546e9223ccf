import { Injectable, Logger } from '@nestjs/common';

export interface InvitationMail {
  email: string;
  communityName: string;
  inviterName: string;
  /** The token of the acceptance link (see invitation-link.ts). */
  token: string;
  expiresAt: Date;
}

/**
 * Sends the invitation mail with its signed link. The seam to the mail layer
 * (apps/api/src/mail, issue 19's notifications): until it is configured the
 * invitation is only shown in the app (myInvitations), which also serves
 * addresses that register later.
 */
@Injectable()
export class InvitationMailer {
  private readonly logger = new Logger(InvitationMailer.name);

  async send(mail: InvitationMail): Promise<void> {
    this.logger.debug(`Invitation to ${mail.communityName} not mailed: no mail layer configured`);
  }
}
