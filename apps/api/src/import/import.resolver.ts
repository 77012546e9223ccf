import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { IMPORT_LIMITS } from '@spiraal/interchange';
import type { AuthUser } from '../common/request-context';
import { appError, badInput } from '../common/errors';
import { Viewer } from '../common/request-context';
import { ContentEncoding, ImportDocumentInput, ImportResultType, ImportStatus } from './import.types';
import { ImportService } from './import.service';

const MB = (IMPORT_LIMITS.fileMaxBytes / 1024 / 1024).toString().replace('.', ',');

@Resolver()
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Mutation(() => ImportResultType, {
    description:
      'Import one Markdown, text or HTML file as items, converted on the server. A file that cannot be imported is BAD_USER_INPUT with `extensions.reason`.',
  })
  async importDocument(
    @Viewer() viewer: AuthUser,
    @Args('input') input: ImportDocumentInput,
  ): Promise<ImportResultType> {
    const bytes = decodeContent(input.content, input.contentEncoding ?? ContentEncoding.UTF8);
    const outcome = await this.imports.importFile(
      viewer,
      input.communityId,
      { filename: input.filename, bytes },
      input,
    );
    if (outcome.status === 'FAILED') {
      if (outcome.code === 'FORBIDDEN') throw appError('FORBIDDEN', outcome.reason);
      throw appError('BAD_USER_INPUT', outcome.reason, { field: 'content', reason: outcome.code });
    }
    return { ...outcome, status: ImportStatus[outcome.status] };
  }
}

/** Size is checked on the encoded form first, so an oversized upload is never decoded. */
function decodeContent(content: string, encoding: ContentEncoding): Uint8Array {
  const tooLarge = () => badInput(`Het bestand is groter dan ${MB} MB / The file is larger than ${MB} MB`, 'content');
  if (encoding === ContentEncoding.UTF8) {
    if (content.length > IMPORT_LIMITS.fileMaxBytes) throw tooLarge();
    const bytes = Buffer.from(content, 'utf8');
    if (bytes.length > IMPORT_LIMITS.fileMaxBytes) throw tooLarge();
    return bytes;
  }
  const compact = content.replace(/\s+/g, '');
  if (compact.length > Math.ceil(IMPORT_LIMITS.fileMaxBytes / 3) * 4) throw tooLarge();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1)
    throw badInput('De inhoud is geen geldige base64 / The content is not valid base64', 'content');
  return Buffer.from(compact, 'base64');
}
