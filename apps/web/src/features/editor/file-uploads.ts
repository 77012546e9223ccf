import type { Editor } from '@tiptap/core';
import { FILE_MAX_BYTES, isImageType } from '@spiraal/domain';

/** What the upload route answers (POST /items/:itemId/files). */
export interface StoredFile {
  id: string;
  url: string;
  name: string;
  size: number;
  contentType: string;
}

export type UploadProblem = 'tooLarge' | 'quota' | 'typeNotAllowed' | 'forbidden' | 'failed';

export interface Upload {
  id: number;
  name: string;
  /** 0–100 while it goes, then done or a problem. */
  percent: number;
  state: 'uploading' | 'done' | 'failed';
  problem?: UploadProblem;
}

/** What the picker offers: images only, or every allowed file. */
export type PickKind = 'image' | 'any';

let uploadIds = 0;

/** Which words explain a refusal (the API answers in the GraphQL error shape, docs/decisions/file-storage.md). */
export function problemOf(status: number, body: string): UploadProblem {
  if (status === 413) return /COMMUNITY_QUOTA/.test(body) ? 'quota' : 'tooLarge';
  if (status === 415) return 'typeNotAllowed';
  if (status === 403 || status === 404 || status === 401) return 'forbidden';
  return 'failed';
}

/**
 * The uploads of one editor: each file is sent as the raw body with
 * XMLHttpRequest (for its progress events), then put into the document as an
 * image node or a file chip, a node in the Y.Doc like any other, so every
 * editor of the item sees it.
 */
export class FileUploads {
  private uploads: Upload[] = [];
  private readonly listeners = new Set<() => void>();
  private editor: Editor | null = null;
  /** Opens the file picker (set by the component that holds the hidden input). */
  picker: ((kind: PickKind) => void) | null = null;

  constructor(private readonly itemId: string) {}

  attach(editor: Editor): void {
    this.editor = editor;
  }

  list(): readonly Upload[] {
    return this.uploads;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  pick(kind: PickKind = 'any'): void {
    this.picker?.(kind);
  }

  dismiss(id: number): void {
    this.update(id, null);
  }

  /** Uploads the files and inserts each at `position` (or the selection) when it is stored. */
  add(files: readonly File[], position?: number): void {
    for (const file of files) void this.send(file, position);
  }

  private update(id: number, change: Partial<Upload> | null): void {
    this.uploads = change
      ? this.uploads.map((u) => (u.id === id ? { ...u, ...change } : u))
      : this.uploads.filter((u) => u.id !== id);
    for (const listener of this.listeners) listener();
  }

  private async send(file: File, position?: number): Promise<void> {
    const id = ++uploadIds;
    this.uploads = [...this.uploads, { id, name: file.name || 'bestand', percent: 0, state: 'uploading' }];
    this.update(id, {});
    if (file.size > FILE_MAX_BYTES) {
      this.update(id, { state: 'failed', problem: 'tooLarge' });
      return;
    }
    try {
      const stored = await new Promise<StoredFile>((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open('POST', `/items/${encodeURIComponent(this.itemId)}/files`);
        request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
        request.setRequestHeader('X-Filename', encodeURIComponent(file.name || 'bestand'));
        request.upload.onprogress = (event) => {
          if (event.lengthComputable) this.update(id, { percent: Math.round((event.loaded / event.total) * 100) });
        };
        request.onload = () => {
          if (request.status === 201) resolve(JSON.parse(request.responseText) as StoredFile);
          else reject(problemOf(request.status, request.responseText));
        };
        request.onerror = () => reject('failed' satisfies UploadProblem);
        request.send(file);
      });
      this.insert(stored, position);
      this.update(id, { state: 'done', percent: 100 });
      window.setTimeout(() => this.update(id, null), 4000);
    } catch (problem) {
      this.update(id, {
        state: 'failed',
        problem: typeof problem === 'string' ? (problem as UploadProblem) : 'failed',
      });
    }
  }

  private insert(stored: StoredFile, position?: number): void {
    const editor = this.editor;
    if (!editor || editor.isDestroyed || !editor.isEditable) return;
    const node = isImageType(stored.contentType)
      ? { type: 'image', attrs: { src: stored.url, alt: stored.name } }
      : { type: 'fileAttachment', attrs: { href: stored.url, name: stored.name, size: stored.size } };
    // After the selection, never over it: the image inserted just before is selected, and must stay.
    const at =
      position !== undefined && position <= editor.state.doc.content.size ? position : editor.state.selection.to;
    editor.chain().insertContentAt(at, node).run();
  }
}
