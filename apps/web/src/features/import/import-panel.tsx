// The server's limits (libs/domain/src/contracts.ts), checked here only to spare a pointless upload.
import { ARCHIVE_MAX_BYTES, IMPORT_FILE_MAX_BYTES } from '@spiraal/domain';
import { FormEvent, useId, useState } from 'react';
import { ImportDocumentDocument } from '../../shared/api/generated/graphql';
import { ApiError, graphql } from '../../shared/api/graphql';
import { may } from '../../shared/permissions/permissions';
import { isArchiveFile, restoreArchive } from './restore-archive';
import { useLanguage, useMessages } from '../../shared/i18n/language';
import { itemMessages } from '../../entities/items/messages';
import { ItemKind, kindsFor } from '../../entities/items/vocabulary';
import { serverText, useErrorText } from '../../shared/ui/error-message';
import { parseTags } from '../../shared/ui/format';
import { Link } from '../../shared/ui/link';
import { importMessages } from './messages';

type Status = 'IMPORTED' | 'SKIPPED' | 'FAILED';

interface FileResult {
  name: string;
  status: Status;
  reason: string | null;
  items: { id: string; title: string }[];
}

/**
 * "Documenten importeren" for people who may create items: several files at
 * once, each sent as bytes (the server detects the encoding and converts it),
 * one result per file. A file that fails does not stop the others.
 * A zip is a community export: a facilitator restores it here (the server
 * checks that too); anyone else is told that only a facilitator can.
 */
export function ImportPanel({ communityId, role }: { communityId: string; role: string | null }) {
  const m = useMessages(importMessages);
  const im = useMessages(itemMessages);
  const { language } = useLanguage();
  const errorText = useErrorText();
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [kind, setKind] = useState<ItemKind>('NOTE');
  const [tags, setTags] = useState('');
  const [split, setSplit] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [results, setResults] = useState<FileResult[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (files.length === 0) return setProblem(m.noFiles);
    setProblem(null);
    setResults([]);
    const done: FileResult[] = [];
    for (const [index, file] of files.entries()) {
      setProgress({ done: index, total: files.length });
      done.push(await importOne(file));
      setResults([...done]);
    }
    setProgress(null);
  };

  const importOne = async (file: File): Promise<FileResult> =>
    isArchiveFile(file) ? restoreOne(file) : convertOne(file);

  const restoreOne = async (file: File): Promise<FileResult> => {
    const failed = (reason: string): FileResult => ({ name: file.name, status: 'FAILED', reason, items: [] });
    if (!may(role, 'archive.import')) return failed(m.archiveFacilitatorsOnly);
    if (file.size > ARCHIVE_MAX_BYTES)
      return failed(m.archiveTooLarge((ARCHIVE_MAX_BYTES / 1024 / 1024).toLocaleString(language)));
    try {
      const summary = await restoreArchive(communityId, file);
      const links = summary.sources + summary.mentions + summary.appliesTo;
      if (summary.alreadyImported)
        return { name: file.name, status: 'SKIPPED', reason: m.archiveAlreadyRestored(summary.items), items: [] };
      return {
        name: file.name,
        status: 'IMPORTED',
        reason: m.archiveRestored(summary.items, links, summary.comments),
        items: [],
      };
    } catch (error) {
      return failed(
        errorText(error, {
          FORBIDDEN: m.archiveFacilitatorsOnly,
          PAYLOAD_TOO_LARGE: m.archiveTooLarge((ARCHIVE_MAX_BYTES / 1024 / 1024).toLocaleString(language)),
        }),
      );
    }
  };

  const convertOne = async (file: File): Promise<FileResult> => {
    if (file.size > IMPORT_FILE_MAX_BYTES)
      return {
        name: file.name,
        status: 'FAILED',
        reason: m.tooLarge((IMPORT_FILE_MAX_BYTES / 1024 / 1024).toLocaleString(language)),
        items: [],
      };
    try {
      const content = toBase64(new Uint8Array(await file.arrayBuffer()));
      const input = {
        communityId,
        kind,
        filename: file.name,
        content,
        contentEncoding: 'BASE64' as const,
        tags: parseTags(tags),
        splitHeadings: split,
      };
      const { importDocument } = await graphql(ImportDocumentDocument, { input });
      return {
        name: file.name,
        status: importDocument.status,
        reason: importDocument.reason && serverText(importDocument.reason, language),
        items: importDocument.items,
      };
    } catch (error) {
      return {
        name: file.name,
        status: 'FAILED',
        reason: error instanceof ApiError ? errorText(error) : String(error),
        items: [],
      };
    }
  };

  return (
    <section className="panel panel-plain" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{m.title}</h3>
      <p className="muted">{m.hint}</p>
      {may(role, 'archive.import') && <p className="muted">{m.archiveHint}</p>}
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <div className="field">
          <label htmlFor={`${id}-files`}>{m.files}</label>
          <input
            id={`${id}-files`}
            type="file"
            multiple
            accept=".md,.markdown,.txt,.html,.htm,.zip,text/markdown,text/plain,text/html,application/zip"
            onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{m.kind}</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as ItemKind)}>
            {kindsFor(role).map((k) => (
              <option key={k} value={k}>
                {im.kinds[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-tags`}>{m.tags}</label>
          <input id={`${id}-tags`} value={tags} onChange={(e) => setTags(e.target.value)} />
        </div>
        <label className="choice">
          <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} />
          <span>{m.split}</span>
        </label>
        {problem && (
          <p className="message message-error" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button-secondary" disabled={progress !== null}>
            {progress ? m.busy(progress.done + 1, progress.total) : m.submit}
          </button>
        </div>
      </form>
      {results.length > 0 && (
        <div aria-live="polite">
          <h4>{m.results}</h4>
          <ul className="import-results">
            {results.map((result, i) => (
              <li key={`${i}-${result.name}`} className={`import-result import-${result.status.toLowerCase()}`}>
                <strong>{result.name}</strong>: {m.status[result.status]}
                {result.items.length > 0 && ` (${m.items(result.items.length)})`}
                {result.reason && <span className="muted"> — {result.reason}</span>}
                {result.items.length > 0 && (
                  <ul>
                    {result.items.map((item) => (
                      <li key={item.id}>
                        <Link href={`/items/${item.id}`}>{item.title}</Link>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
