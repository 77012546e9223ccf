import { ApiError } from '../../shared/api/graphql';

/** What the server restored from an export archive (POST /export/communities/:id/import). */
export interface ArchiveSummary {
  alreadyImported: boolean;
  items: number;
  sources: number;
  mentions: number;
  appliesTo: number;
  stageChanges: number;
  guidelineVersions: number;
  comments: number;
}

/** Whether a chosen file is a zip, which only a community export can be. */
export function isArchiveFile(file: { name: string; type: string }): boolean {
  return /\.zip$/i.test(file.name) || file.type === 'application/zip' || file.type === 'application/x-zip-compressed';
}

/**
 * Restores a community export into the community: the zip as the request
 * body, signed in by the session cookie. The server checks `archive.import`
 * (facilitators) and answers in the GraphQL error shape, thrown as ApiError.
 */
export async function restoreArchive(communityId: string, file: Blob): Promise<ArchiveSummary> {
  let response: Response;
  try {
    response = await fetch(`/export/communities/${encodeURIComponent(communityId)}/import`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/zip' },
      body: file,
    });
  } catch {
    throw new ApiError('NETWORK', 'Geen verbinding met de server / No connection to the server');
  }
  let body: {
    data?: { importArchive?: ArchiveSummary };
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  try {
    body = await response.json();
  } catch {
    throw new ApiError('NETWORK', 'Onverwacht antwoord van de server / Unexpected answer from the server');
  }
  const error = body.errors?.[0];
  if (error)
    throw new ApiError(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR', error.message, error.extensions ?? {});
  if (!body.data?.importArchive)
    throw new ApiError('INTERNAL_SERVER_ERROR', 'Leeg antwoord van de server / Empty answer from the server');
  return body.data.importArchive;
}
