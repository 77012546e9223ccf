import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useState } from 'react';
import { AcceptProposalsDocument, RejectProposalsDocument } from '../../shared/api/generated/graphql';
import { graphql } from '../../shared/api/graphql';
import { useAction } from '../../shared/api/use-query';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { proposalMessages } from './proposal-messages';
import { openProposals } from './proposal-mode';
import { colorFor, safeColor } from './people';

/**
 * The open voorstellen in the text, live from the editor's document. The
 * item's author and facilitators accept or reject each, or all at once; the
 * server decides on the live document (acceptProposals / rejectProposals).
 */
export function ProposalsPanel({
  editor,
  itemId,
  canDecide,
  onDecided,
}: {
  editor: Editor;
  itemId: string;
  canDecide: boolean;
  onDecided?(): void;
}) {
  const m = useMessages(proposalMessages);
  const { run, busy, error } = useAction();
  const [status, setStatus] = useState('');
  const proposals = useEditorState({
    editor,
    selector: ({ editor: e }) => openProposals(e.state.doc),
    equalityFn: (a, b) => JSON.stringify(a) === JSON.stringify(b),
  });
  if (!proposals.length && !status) return null;

  const decide = async (accept: boolean, ids?: string[]) => {
    const input = { itemId, proposalIds: ids ?? null };
    const done = await run<unknown>(() =>
      accept ? graphql(AcceptProposalsDocument, { input }) : graphql(RejectProposalsDocument, { input }),
    );
    if (!done) return;
    setStatus(m.decided(ids?.length ?? proposals.length, accept));
    onDecided?.();
  };

  return (
    <section className="proposals" aria-labelledby={`proposals-${itemId}`}>
      <h3 id={`proposals-${itemId}`} className="proposals__title">
        {m.title} ({proposals.length})
      </h3>
      <p role="status" className="proposals__status">
        {status}
      </p>
      {proposals.length === 0 ? (
        <p className="proposals__none">{m.none}</p>
      ) : (
        <ul className="proposals__list">
          {proposals.map((p) => (
            <li
              key={p.id}
              className="proposals__item"
              style={{ borderColor: safeColor(p.authorId ? colorFor(p.authorId) : null) }}
            >
              <span className="proposals__author">{m.by(p.authorName)}</span>
              {p.deleted && (
                <span className="proposals__change">
                  {m.deleted}: <del>{p.deleted}</del>
                </span>
              )}
              {p.inserted && (
                <span className="proposals__change">
                  {m.inserted}: <ins>{p.inserted}</ins>
                </span>
              )}
              {canDecide && (
                <span className="proposals__actions">
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={m.acceptOne(p.authorName)}
                    onClick={() => void decide(true, [p.id])}
                  >
                    {m.accept}
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={m.rejectOne(p.authorName)}
                    onClick={() => void decide(false, [p.id])}
                  >
                    {m.reject}
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {canDecide && proposals.length > 1 && (
        <p className="proposals__all">
          <button type="button" disabled={busy} onClick={() => void decide(true)}>
            {m.acceptAll}
          </button>
          <button type="button" disabled={busy} onClick={() => void decide(false)}>
            {m.rejectAll}
          </button>
        </p>
      )}
      <ErrorMessage error={error} />
    </section>
  );
}
