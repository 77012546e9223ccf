import { NOTIFICATION_KIND_LABELS, NotificationKind } from '@spiraal/domain';
import type { MailMessage } from '../mail/mail-message';

/** One notification as a mail shows it. */
export interface MailEntry {
  kind: NotificationKind;
  summary: string;
  itemTitle: string | null;
  excerpt: string;
  link: string;
}

export interface MailLinks {
  /** The signed one-click unsubscribe address (List-Unsubscribe). */
  unsubscribe: string;
  /** The preferences page in the web app. */
  preferences: string;
}

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function headers(links: MailLinks): Record<string, string> {
  // RFC 8058: a POST with "List-Unsubscribe=One-Click" to this address unsubscribes, without signing in.
  return { 'List-Unsubscribe': `<${links.unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

function entryText(entry: MailEntry): string {
  const what = entry.itemTitle ? `${entry.summary} — ${entry.itemTitle}` : entry.summary;
  return [what, entry.excerpt ? `  "${entry.excerpt}"` : '', `  ${entry.link}`].filter(Boolean).join('\n');
}

function entryHtml(entry: MailEntry): string {
  const title = entry.itemTitle
    ? ` — <a href="${escape(entry.link)}">${escape(entry.itemTitle)}</a>`
    : ` — <a href="${escape(entry.link)}">bekijken</a>`;
  const excerpt = entry.excerpt ? `<br><span style="color:#555">“${escape(entry.excerpt)}”</span>` : '';
  return `<li style="margin-bottom:12px">${escape(entry.summary)}${title}${excerpt}</li>`;
}

function footerText(links: MailLinks, why: string): string {
  return `\n--\n${why}\nInstellingen voor meldingen: ${links.preferences}\nAfmelden: ${links.unsubscribe}\n`;
}

function footerHtml(links: MailLinks, why: string): string {
  return `<hr><p style="color:#555;font-size:13px">${escape(why)}<br><a href="${escape(links.preferences)}">Instellingen voor meldingen</a> · <a href="${escape(links.unsubscribe)}">Afmelden</a></p>`;
}

function page(body: string): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Spiraal</title></head><body style="font-family:sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`;
}

/** A mail for one notification, sent at once (mentions by default). */
export function immediateMail(to: string, communityName: string, entry: MailEntry, links: MailLinks): MailMessage {
  const subject = `${entry.summary}${entry.itemTitle ? ` in "${entry.itemTitle}"` : ''} (${communityName})`
    .replace(/[\r\n]+/g, ' ')
    .slice(0, 200);
  const why = `Je krijgt deze e-mail omdat je meldingen over "${NOTIFICATION_KIND_LABELS[entry.kind]}" meteen per e-mail ontvangt.`;
  return {
    to,
    subject,
    text: `${communityName}\n\n${entryText(entry)}\n${footerText(links, why)}`,
    html: page(
      `<p><strong>${escape(communityName)}</strong></p><ul style="padding-left:20px">${entryHtml(entry)}</ul>${footerHtml(links, why)}`,
    ),
    headers: headers(links),
  };
}

/** A digest: the notifications since the last one, grouped per community. */
export function digestMail(
  to: string,
  period: 'DAILY' | 'WEEKLY',
  communities: { name: string; entries: MailEntry[] }[],
  links: MailLinks,
): MailMessage {
  const count = communities.reduce((sum, c) => sum + c.entries.length, 0);
  const label = period === 'DAILY' ? 'dagelijkse' : 'wekelijkse';
  const subject = `Spiraal: ${count} ${count === 1 ? 'nieuwe melding' : 'nieuwe meldingen'} (${label} samenvatting)`;
  const why = `Je krijgt deze ${label} samenvatting van Spiraal.`;
  const text = communities.map((c) => `== ${c.name} ==\n\n${c.entries.map(entryText).join('\n\n')}`).join('\n\n');
  const html = communities
    .map(
      (c) =>
        `<h2 style="font-size:18px">${escape(c.name)}</h2><ul style="padding-left:20px">${c.entries.map(entryHtml).join('')}</ul>`,
    )
    .join('');
  return {
    to,
    subject,
    text: `Je ${label} samenvatting\n\n${text}\n${footerText(links, why)}`,
    html: page(`<h1 style="font-size:20px">Je ${label} samenvatting</h1>${html}${footerHtml(links, why)}`),
    headers: headers(links),
  };
}
