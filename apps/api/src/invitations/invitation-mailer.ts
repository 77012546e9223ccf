import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MailService } from '../mail/mail.service';

export interface InvitationMail {
  email: string;
  communityName: string;
  inviterName: string;
  /** The token of the acceptance link (see invitation-link.ts). */
  token: string;
  expiresAt: Date;
}

/** The five characters that matter in HTML text, escaped (names come from users). */
function html(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * The invitation mail with its signed link, through the mail outbox (in the
 * invitation's transaction: the mail exists exactly when the invitation
 * does). Without SMTP_URL nothing is mailed; the invitation is then shown in
 * the app only (myInvitations), also to an address that registers later.
 */
@Injectable()
export class InvitationMailer {
  constructor(private readonly mail: MailService) {}

  async send(invitation: InvitationMail, manager?: EntityManager): Promise<void> {
    if (!this.mail.enabled) return;
    const link = this.mail.link(`/uitnodiging?token=${encodeURIComponent(invitation.token)}`);
    const until = invitation.expiresAt.toLocaleDateString('nl-NL', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Europe/Amsterdam',
    });
    const nl = `${invitation.inviterName} nodigt je uit voor het leernetwerk ${invitation.communityName} in Spiraal.`;
    const en = `${invitation.inviterName} invites you to the community ${invitation.communityName} in Spiraal.`;
    await this.mail.enqueue(
      {
        to: invitation.email,
        subject: `Uitnodiging voor ${invitation.communityName} / Invitation to ${invitation.communityName}`.replace(
          /[\r\n]+/g,
          ' ',
        ),
        text: `${nl}\n\nAannemen of afwijzen (tot ${until}):\n${link}\n\nKen je dit niet? Dan hoef je niets te doen.\n\n${en}\nAccept or decline: ${link}\n`,
        html: `<p>${html(nl)}</p><p><a href="${html(link)}">Uitnodiging bekijken</a> (tot ${html(until)})</p><p>Ken je dit niet? Dan hoef je niets te doen.</p><hr><p lang="en">${html(en)} <a href="${html(link)}">View the invitation</a></p>`,
      },
      { manager },
    );
  }
}
