import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ServerSecretService } from '../database/server-secret.service';
import { PreferencesService } from './preferences.service';
import { verifyUnsubscribe } from './unsubscribe-token';

const page = (title: string, body: string) =>
  `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title></head>` +
  `<body style="font-family:sans-serif;max-width:32em;margin:3em auto;line-height:1.5"><h1>${title}</h1>${body}</body></html>`;

/**
 * `/unsubscribe?token=…` from the mails, without signing in: POST (RFC 8058
 * one-click, or the button below) unsubscribes; GET only shows that button,
 * because mail scanners follow links. A tampered or foreign token: 400,
 * nothing changes.
 */
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly secrets: ServerSecretService,
    private readonly preferences: PreferencesService,
  ) {}

  @Get()
  async confirm(@Query('token') token: string, @Res() res: Response): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    if (!(await this.verify(token)))
      return void res
        .status(400)
        .type('html')
        .send(page('Ongeldige link', '<p>Deze afmeldlink klopt niet. / This unsubscribe link is not valid.</p>'));
    res
      .status(200)
      .type('html')
      .send(
        page(
          'Afmelden',
          `<p>Wil je deze e-mails niet meer ontvangen? / Stop these e-mails?</p><form method="post"><input type="hidden" name="token" value="${token.replace(/[^A-Za-z0-9_.-]/g, '')}"><button type="submit">Afmelden / Unsubscribe</button></form>`,
        ),
      );
  }

  @Post()
  async unsubscribe(
    @Query('token') queryToken: string | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const token = queryToken ?? (await formField(req, 'token'));
    const valid = await this.verify(token);
    if (!valid)
      return void res.status(400).json({
        errors: [
          { message: 'Ongeldige afmeldlink / Invalid unsubscribe link', extensions: { code: 'BAD_USER_INPUT' } },
        ],
      });
    const changed = await this.preferences.unsubscribe(valid.userId, valid.scope);
    if (req.accepts(['json', 'html']) === 'html') {
      return void res
        .status(200)
        .type('html')
        .send(
          page(
            'Afgemeld',
            '<p>Je bent afgemeld. Je kunt dit altijd weer aanzetten bij je instellingen voor meldingen. / You are unsubscribed.</p>',
          ),
        );
    }
    res.status(200).json({ unsubscribed: valid.scope, changed });
  }

  private async verify(token: unknown) {
    return typeof token === 'string' ? verifyUnsubscribe(await this.secrets.get('unsubscribe'), token) : null;
  }
}

/** A field of a small urlencoded form body (the app reads no such bodies elsewhere); at most 4 KB. */
async function formField(req: Request, name: string): Promise<string | undefined> {
  if (!req.is('application/x-www-form-urlencoded')) return undefined;
  let body = '';
  for await (const chunk of req) {
    body += chunk;
    if (body.length > 4096) return undefined;
  }
  return new URLSearchParams(body).get(name) ?? undefined;
}
