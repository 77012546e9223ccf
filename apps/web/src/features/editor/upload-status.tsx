import { ChangeEvent, useEffect, useRef, useSyncExternalStore } from 'react';
import { useMessages } from '../../shared/i18n/language';
import { fileMessages } from './file-messages';
import type { FileUploads } from './file-uploads';

const IMAGES = 'image/png,image/jpeg,image/webp,image/gif';
const DOCUMENTS = 'application/pdf,.docx,.xlsx,.odt,.txt';

/**
 * The hidden file picker behind the toolbar's button, and the uploads under
 * way: progress, then done or a clear reason, announced to screen readers.
 */
export function UploadStatus({ uploads }: { uploads: FileUploads }) {
  const t = useMessages(fileMessages);
  const input = useRef<HTMLInputElement>(null);
  const list = useSyncExternalStore(
    (listener) => uploads.subscribe(listener),
    () => uploads.list(),
  );
  useEffect(() => {
    uploads.picker = (kind) => {
      if (!input.current) return;
      input.current.accept = kind === 'image' ? IMAGES : `${IMAGES},${DOCUMENTS}`;
      input.current.click();
    };
    return () => {
      uploads.picker = null;
    };
  }, [uploads]);
  const picked = (event: ChangeEvent<HTMLInputElement>) => {
    uploads.add(Array.from(event.target.files ?? []));
    event.target.value = '';
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        accept={`${IMAGES},${DOCUMENTS}`}
        onChange={picked}
        aria-label={t.attach}
        data-testid="file-input"
      />
      <ul className="item-editor__uploads" aria-live="polite">
        {list.map((upload) => (
          <li key={upload.id} className="item-editor__upload" data-state={upload.state}>
            {upload.state === 'uploading' && (
              <>
                <span>{t.uploading(upload.name, upload.percent)}</span>
                <progress max={100} value={upload.percent} aria-hidden="true" />
              </>
            )}
            {upload.state === 'done' && <span>{t.uploaded(upload.name)}</span>}
            {upload.state === 'failed' && (
              <>
                <span role="alert">{t[upload.problem ?? 'failed'](upload.name)}</span>
                <button
                  type="button"
                  className="item-editor__upload-dismiss"
                  onClick={() => uploads.dismiss(upload.id)}
                >
                  {t.dismiss}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
