import { Controller, Get, Logger, Param, Post, Req, Res } from '@nestjs/common';
import { ARCHIVE_MAX_BYTES, attachmentDisposition } from '@spiraal/interchange';
import type { Request, Response } from 'express';
import type { AuthUser } from '../common/request-context';
import { SessionService } from '../auth/session.service';
import { appError, refusalFor } from '../common/errors';
import { RateLimits } from '../common/rate-limits';
import { tokenFrom } from '../common/request-context';
import { ArchiveImportService } from './archive-import.service';
import { ExportService } from './export.service';
import { RestoreSlots } from './restore-slots';

/**
 * Binary downloads and uploads GraphQL cannot carry well: the community
 * export (a zip) and restoring one. Signed in like the rest of the API
 * (session cookie or bearer token); refusals are JSON in the GraphQL error
 * shape, with the same codes and messages, never a stack trace.
 */
@Controller('export/communities/:communityId')
export class ExportController {
  private readonly logger = new Logger(ExportController.name);

  constructor(
    private readonly sessions: SessionService,
    private readonly exports: ExportService,
    private readonly archives: ArchiveImportService,
    private readonly limits: RateLimits,
    private readonly slots: RestoreSlots,
  ) {}

  @Get()
  async download(@Param('communityId') communityId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      // ?pseudonymise=1: the archive with personal data replaced, instead of being refused while findings are open.
      const result = await this.exports.community(await this.user(req), communityId, {
        pseudonymise: req.query.pseudonymise === '1' || req.query.pseudonymise === 'true',
      });
      res.status(200);
      res.setHeader('Content-Type', 'application/zip');
      res.setHeader('Content-Disposition', attachmentDisposition(result.filename));
      res.setHeader('Cache-Control', 'no-store');
      res.end(Buffer.from(result.zip.buffer, result.zip.byteOffset, result.zip.byteLength));
    });
  }

  /** Restores an export: the body is the zip itself (`Content-Type: application/zip`). */
  @Post('import')
  async restore(@Param('communityId') communityId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.answer(res, async () => {
      const user = await this.user(req);
      await this.limits.mutation(user.id, 1); // a write like any mutation, counted the same
      if (!req.is('application/zip')) {
        throw appError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Stuur het archief als application/zip / Send the archive as application/zip',
        );
      }
      // Refused before the upload is read: whoever may not restore here cannot make the server take in 64 MB.
      await this.archives.checkAccess(user, communityId);
      const summary = await this.slots.run(async () =>
        this.archives.restore(user, communityId, await readLimited(req, ARCHIVE_MAX_BYTES)),
      );
      res.status(200).json({ data: { importArchive: summary } });
    });
  }

  private async user(req: Request): Promise<AuthUser> {
    const token = tokenFrom(req);
    const user = token ? await this.sessions.userFor(token) : null;
    if (!user) throw appError('UNAUTHENTICATED', 'Je bent niet ingelogd / You are not signed in');
    return user;
  }

  private async answer(res: Response, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      const refusal = refusalFor(error);
      if (res.headersSent) {
        res.destroy();
      } else if (refusal) {
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

/** The request body, refused as soon as it grows past `limit` bytes. */
function readLimited(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () =>
    appError(
      'PAYLOAD_TOO_LARGE',
      `Het archief is groter dan ${limit / 1024 / 1024} MB / The archive is larger than ${limit / 1024 / 1024} MB`,
    );
  if (declared > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    req.on('error', reject);
  });
}
