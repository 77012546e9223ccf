import { ALLOWED_FILE_TYPES, FILE_MAX_BYTES, FILE_TYPES } from '@spiraal/domain';
import { appError } from '../common/errors';

const MB = 1024 * 1024;
const allowedList = ALLOWED_FILE_TYPES.map((type) => FILE_TYPES[type].extension.toUpperCase()).join(', ');

/** The refusals of the file routes, Dutch first, with the codes the one REST mapping turns into 413 and 415. */
export const fileErrors = {
  tooLarge: () =>
    appError(
      'PAYLOAD_TOO_LARGE',
      `Het bestand is groter dan ${FILE_MAX_BYTES / MB} MB / The file is larger than ${FILE_MAX_BYTES / MB} MB`,
      { reason: 'FILE_TOO_LARGE', maxBytes: FILE_MAX_BYTES },
    ),
  quota: (quotaBytes: number) =>
    appError(
      'PAYLOAD_TOO_LARGE',
      `De bestanden van dit leernetwerk zouden meer dan ${Math.round(quotaBytes / MB)} MB innemen / This community's files would take more than ${Math.round(quotaBytes / MB)} MB`,
      { reason: 'COMMUNITY_QUOTA', quotaBytes },
    ),
  typeNotAllowed: (what: string) =>
    appError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Dit soort bestand kan niet (${what}); wel: ${allowedList} / This kind of file is not allowed (${what}); allowed: ${allowedList}`,
      { reason: 'TYPE_NOT_ALLOWED' },
    ),
  typeMismatch: (declared: string, actual: string) =>
    appError(
      'UNSUPPORTED_MEDIA_TYPE',
      `De inhoud van het bestand is geen ${declared} maar ${actual} / The file's content is not ${declared} but ${actual}`,
      { reason: 'TYPE_MISMATCH' },
    ),
  brokenImage: () =>
    appError(
      'UNSUPPORTED_MEDIA_TYPE',
      'Deze afbeelding is beschadigd of te groot / This image is damaged or too large',
      {
        reason: 'BROKEN_IMAGE',
      },
    ),
  badWidth: () =>
    appError(
      'BAD_USER_INPUT',
      'w moet een breedte van 16 tot 2560 pixels zijn / w must be a width of 16 to 2560 pixels',
    ),
};
