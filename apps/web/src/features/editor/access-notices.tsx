import { useEffect, useId, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { useMessages } from '../../shared/i18n/language';
import { AccessChange } from './access-changes';
import { accessMessages } from './access-messages';
import './access-notices.css';
import { refusedText } from './refused-text';

/** "Your access changed": shown in place above the document until closed. */
export function AccessChangeNotice({ change, onClose }: { change: AccessChange; onClose(): void }) {
  const t = useMessages(accessMessages);
  return (
    <div className="access-notice message message-info" role="status" data-change={change}>
      <p>{t[change]}</p>
      <button type="button" className="button-quiet" onClick={onClose}>
        {t.close}
      </button>
    </div>
  );
}

/**
 * The server refused changes we made: the document shows the server's state
 * again, and what was lost stays here, selectable and copyable, until closed.
 * `localText` is the text the editor had when the refusal came; what is lost
 * is its difference with the server's document once that has loaded.
 */
export function RefusedNotice({
  localText,
  editor,
  loaded,
  onClose,
}: {
  localText: string;
  editor: Editor;
  loaded: boolean;
  onClose(): void;
}) {
  const t = useMessages(accessMessages);
  const [lost, setLost] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const textId = useId();
  useEffect(() => {
    if (loaded && lost === null && !editor.isDestroyed)
      setLost(refusedText(localText, editor.getText({ blockSeparator: '\n\n' })));
  }, [loaded, lost, localText, editor]);
  if (lost === null) return null;
  const copy = () =>
    navigator.clipboard?.writeText(lost).then(
      () => setCopied(true),
      () => undefined,
    );
  return (
    <div className="refused-notice message message-error" role="alert">
      <p>
        <strong>{t.refusedTitle}.</strong> {lost ? t.refused : t.refusedNothing}
      </p>
      {lost && (
        <>
          <label htmlFor={textId}>{t.refusedTextLabel}</label>
          <textarea id={textId} readOnly value={lost} rows={Math.min(8, lost.split('\n').length + 1)} />
        </>
      )}
      <div className="refused-notice__actions">
        {lost && (
          <button type="button" className="button-secondary" onClick={() => void copy()}>
            {copied ? t.copied : t.copy}
          </button>
        )}
        <button type="button" className="button-quiet" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </div>
  );
}
