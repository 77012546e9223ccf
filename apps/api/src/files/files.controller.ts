import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { attachmentDisposition } from '@spiraal/interchange';
import { isImageType } from '@spiraal/domain';
import type { Request, Response } from 'express';
import { pipeline } from 'node:stream/promises';
import { SessionService } from '../auth/session.service';
import { appError, refusalFor } from '../common/errors';
import { RateLimits } from '../common/rate-limits';
import { AuthUser, tokenFrom } from '../common/request-context';
import { fileErrors } from './file-errors';
import { FilesService } from './files.service';

/** A downloaded file may never run anything, whatever a browser makes of it. */
const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** How far an upload refused halfway is still read (so the client hears the answer) before the connection is cut. */
const DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Files and images in items (issue 22): `POST /items/:itemId/files` with the
 * file as the raw body (`Content-Type`, `X-Filename`), and `GET /files/:id`.
 * Signed in like the rest of the API (session cookie or bearer token); the
 * address grants nothing. Refusals are JSON in the GraphQL error shape with
 * the statuses of the one mapping (common/errors.ts `HTTP_STATUS`).
 */
@Controller()
export class FilesController {
  private readonly logger = new Logger(FilesController.name);

  constructor(
    private readonly sessions: SessionService,
    private readonly files: FilesService,
    private readonly limits: RateLimits,
  ) {}

  @Post('items/:itemId/files')
  async upload(@Param('itemId') itemId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(req, res, async () => {
      const user = await this.user(req);
      await this.limits.mutation(user.id, 1);
      const length = req.headers['content-length'];
      const stored = await this.files.upload(user, {
        itemId,
        declaredType: req.headers['content-type'] ?? '',
        declaredLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : null,
        filename: headerValue(req.headers['x-filename']),
        body: req,
      });
      res.status(201).json(stored);
    });
  }

  /** `?w=<pixels>`: an image resized to at most that width, for display (the stored file is the full size). */
  @Get('files/:id')
  async download(@Param('id') id: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(req, res, async () => {
      const user = await this.user(req);
      const width = widthOf(req.query.w);
      const { file, body, resized } = await this.files.open(user, id, width);
      res.status(200);
      res.setHeader('Content-Type', file.content_type);
      if (!resized) res.setHeader('Content-Length', file.size);
      // Only raster images are shown in the page; everything else is a download (SVG and HTML are never stored).
      const disposition = attachmentDisposition(file.name);
      res.setHeader(
        'Content-Disposition',
        isImageType(file.content_type) ? disposition.replace(/^attachment/, 'inline') : disposition,
      );
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Security-Policy', FILE_CSP);
      // A file's bytes never change under its id; only this browser may keep them (they are not public).
      res.setHeader('Cache-Control', 'private, max-age=86400');
      await pipeline(body, res);
    });
  }

  private async user(req: Request): Promise<AuthUser> {
    const token = tokenFrom(req);
    const user = token ? await this.sessions.userFor(token) : null;
    if (!user) throw appError('UNAUTHENTICATED', 'Je bent niet ingelogd / You are not signed in');
    return user;
  }

  private async answer(req: Request, res: Response, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const refusal = refusalFor(error);
      if (res.headersSent) {
        this.logger.warn(`A file download broke off: ${String((error as Error)?.message ?? error)}`);
        res.destroy();
        return;
      }
      settleBody(req);
      if (refusal) {
        if (refusal.status >= 500) this.logger.warn(`${refusal.extensions.code}: ${(error as Error).message}`);
        res
          .status(refusal.status)
          .set(refusal.headers)
          .json({ errors: [{ message: refusal.message, extensions: refusal.extensions }] });
      } else {
        this.logger.error(error);
        res.status(500).json({
          errors: [
            {
              message: 'Er ging iets mis aan onze kant / Something went wrong on our side',
              extensions: { code: 'INTERNAL_SERVER_ERROR' },
            },
          ],
        });
      }
    }
  }
}

/**
 * After a refusal the rest of an upload is read and thrown away (nothing is
 * kept), so the client receives the answer instead of a broken pipe; past
 * `DRAIN_BYTES` the connection is cut.
 */
function settleBody(req: Request): void {
  if (req.readableEnded || req.method !== 'POST') return;
  let drained = 0;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) req.socket.destroy();
  });
  req.resume();
  req.res?.setHeader('Connection', 'close');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function widthOf(raw: unknown): number | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'string' || !/^\d{1,4}$/.test(raw)) throw fileErrors.badWidth();
  const width = Number(raw);
  if (width < 16 || width > 2560) throw fileErrors.badWidth();
  return width;
}
