import type { Editor } from '@tiptap/core';
import { EditorContent } from '@tiptap/react';
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import type { SessionUser } from '../../shared/api/session';
import { graphql } from '../../shared/api/graphql';
import { useMessages } from '../../shared/i18n/language';
import { MENTION_MEMBERS_QUERY } from '../../entities/communities/community-queries';
import { mentionMessages } from '../../entities/communities/mention-messages';
import { useAccessChange, useAccessChanges } from './access-changes';
import { AccessChangeNotice, RefusedNotice } from './access-notices';
import { CollabSession } from './collab-session';
import { createEditor, editorProps } from './create-editor';
import './editor.css';
import { editorMessages, EditorMessages } from './messages';
import { Presence } from './presence';
import { SaveStatus } from './save-status';
import { Toolbar } from './toolbar';
import type { SlashCommand } from './slash-commands';
import { TableToolbar } from './table-toolbar';
import { useEditorKit } from './use-editor-kit';
import { FileUploads } from './file-uploads';
import { UploadStatus } from './upload-status';
import { proposalMessages } from './proposal-messages';
import { applyMode, setSuggesting } from './proposal-mode';
import { ProposalsPanel } from './proposals-panel';
import { findingsStore } from '../../entities/privacy/findings-store';
import { showFindings } from '../../entities/privacy/privacy-highlights';

export interface ItemEditorProps {
  itemId: string;
  user: SessionUser;
  /** Whose members `@` suggests, and whose templates "/" offers. */
  communityId?: string;
  /** More "/" menu entries (images, files), beside the blocks and templates (docs/editor-kit.md). */
  slashCommands?: readonly SlashCommand[];
  /** The viewer may accept or reject voorstellen (the item's author or a facilitator). */
  canDecideProposals?: boolean;
  /** After voorstellen were accepted or rejected (an adopted guideline may have a new version). */
  onProposalsDecided?(): void;
}

interface Live {
  session: CollabSession;
  editor: Editor;
  uploads: FileUploads;
}

/**
 * The live editor of an item's body: TipTap on the item's Y.Doc, synced over
 * y-websocket, with presence, carets and a save state.
 *
 * The Y.Doc, provider and editor are made in one effect and destroyed in its
 * cleanup, editor first: under React StrictMode's mount-unmount-mount the
 * first set is destroyed before it ever connected (the session connects on
 * the next tick).
 */
export default function ItemEditor({
  itemId,
  user,
  communityId,
  slashCommands,
  canDecideProposals = false,
  onProposalsDecided,
}: ItemEditorProps) {
  const kit = useEditorKit(itemId, communityId, slashCommands);
  const nm = useMessages(mentionMessages);
  const found = useRef(nm.suggestions);
  found.current = nm.suggestions;
  const t = useMessages(editorMessages);
  const [live, setLive] = useState<Live | null>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  /** Bumped to start over from the server's document (after the server refused our changes). */
  const [generation, setGeneration] = useState(0);
  const latest = useRef({ t, name: user.displayName });
  latest.current = { t, name: user.displayName };

  useEffect(() => {
    const session = new CollabSession(itemId, { id: user.id, name: latest.current.name });
    const uploads = new FileUploads(itemId);
    const editor = createEditor(session, {
      uploads,
      label: latest.current.t.editorLabel,
      readOnly: true,
      editable: false,
      onLinkShortcut: () => setLinkOpen(true),
      mentions: communityId ? { members: membersOf(communityId), found: (n) => found.current(n) } : undefined,
      kit: kit.options,
    });
    kit.attach(editor);
    session.start();
    setLive({ session, editor, uploads });
    // Privacy findings underlined while writing: asked again from the server when typing pauses.
    const findings = findingsStore(itemId);
    const onUpdate = () => findings.schedule();
    session.doc.on('update', onUpdate);
    const unsubscribe = findings.subscribe(() => showFindings(editor, findings.getSnapshot()));
    return () => {
      kit.attach(null);
      session.doc.off('update', onUpdate);
      unsubscribe();
      setLinkOpen(false);
      editor.destroy();
      session.destroy();
    };
  }, [itemId, user.id, generation, communityId, kit]);

  useEffect(() => {
    live?.session.setUserName(user.displayName);
  }, [live, user.displayName]);

  /** The editor's text when the server refused our changes: what was lost shows beside the server's document. */
  const [refusedFrom, setRefusedFrom] = useState<string | null>(null);
  const startOver = useCallback((localText: string) => {
    setRefusedFrom(localText);
    setGeneration((n) => n + 1);
  }, []);

  if (!live || live.session.itemId !== itemId || live.editor.isDestroyed) {
    return (
      <section className="item-editor" aria-busy="true">
        <div className="item-editor__status" data-tone="busy">
          <span className="item-editor__status-dot" aria-hidden="true" />
          <span role="status" aria-live="polite">
            {t.connecting}
          </span>
        </div>
      </section>
    );
  }
  return (
    <LiveEditor
      key={live.session.key}
      {...live}
      t={t}
      linkOpen={linkOpen}
      setLinkOpen={setLinkOpen}
      onRefused={startOver}
      proposals={{ itemId, canDecide: canDecideProposals, onDecided: onProposalsDecided }}
      communityId={communityId}
      refusedFrom={refusedFrom}
      onRefusedClose={() => setRefusedFrom(null)}
    />
  );
}

function LiveEditor({
  session,
  editor,
  uploads,
  t,
  linkOpen,
  setLinkOpen,
  onRefused,
  proposals,
  communityId,
  refusedFrom,
  onRefusedClose,
}: Live & {
  t: EditorMessages;
  linkOpen: boolean;
  setLinkOpen(open: boolean): void;
  onRefused(localText: string): void;
  proposals: { itemId: string; canDecide: boolean; onDecided?(): void };
  communityId?: string;
  refusedFrom: string | null;
  onRefusedClose(): void;
}) {
  const pm = useMessages(proposalMessages);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const mode = useSyncExternalStore(session.subscribe, session.getMode);
  useAccessChanges(session, communityId);
  const [accessChange, closeAccessChange] = useAccessChange(state, mode);
  const peers = useSyncExternalStore(session.subscribe, session.getPeers);
  const editable = state.loaded && !state.readOnly;
  const contentId = useId();
  const readOnlyHintId = useId();
  const keyboardHintId = useId();

  useEffect(() => {
    if (editor.isDestroyed) return;
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
    editor.setOptions({
      editorProps: editorProps(
        { label: t.editorLabel, readOnly: !editable, describedBy: state.readOnly ? readOnlyHintId : keyboardHintId },
        // Focusable also when read-only, so it can be reached and read with the keyboard.
        { id: contentId, tabindex: '0' },
      ),
    });
  }, [editor, editable, state.readOnly, t.editorLabel, contentId, readOnlyHintId, keyboardHintId]);

  // EDIT, SUGGEST or READ: suggestion mode is forced on in SUGGEST (the server stores nothing else).
  useEffect(() => {
    if (state.loaded) applyMode(editor, state.readOnly ? 'READ' : mode);
  }, [editor, mode, state.loaded, state.readOnly]);

  useEffect(() => {
    if (!editable) setLinkOpen(false);
  }, [editable, setLinkOpen]);

  // Our changes were refused (we became a reader): show the server's document again, read-only.
  useEffect(() => {
    if (state.refused) onRefused(editor.getText({ blockSeparator: '\n\n' }));
  }, [state.refused, onRefused, editor]);

  // Unconfirmed changes live only in this tab: ask before it closes.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!session.getState().unsaved) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [session]);

  return (
    <section className="item-editor" data-readonly={state.readOnly || undefined} aria-busy={!state.loaded}>
      {refusedFrom !== null && (
        <RefusedNotice localText={refusedFrom} editor={editor} loaded={state.loaded} onClose={onRefusedClose} />
      )}
      {accessChange && <AccessChangeNotice change={accessChange} onClose={closeAccessChange} />}
      <div className="item-editor__bar">
        {state.readOnly ? (
          <p className="item-editor__readonly">
            <span className="item-editor__badge">{t.readOnly}</span>
            <span id={readOnlyHintId} className="item-editor__hint">
              {t.readOnlyHint}
            </span>
          </p>
        ) : (
          <Toolbar
            editor={editor}
            t={t}
            controls={contentId}
            linkOpen={linkOpen}
            onLinkOpen={() => editable && setLinkOpen(true)}
            onLinkClose={() => setLinkOpen(false)}
            onPickFile={() => editable && uploads.pick()}
            suggest={{
              label: pm.suggest,
              forced: mode === 'SUGGEST',
              toggle: () => setSuggesting(editor, !editor.storage.proposals.suggesting),
            }}
          />
        )}
        {editable && <TableToolbar editor={editor} controls={contentId} />}
        {!state.readOnly && <UploadStatus uploads={uploads} />}
        <div className="item-editor__meta">
          <Presence peers={peers} t={t} />
          <SaveStatus state={state} t={t} onRetry={() => session.retry()} />
        </div>
      </div>
      <p id={keyboardHintId} className="item-editor__sr-only">
        {t.keyboardHint}
      </p>
      {!state.readOnly && (
        <p className="item-editor__hint item-editor__suggest-hint" data-mode={mode}>
          {mode === 'SUGGEST' ? pm.suggestOnlyHint : null}
        </p>
      )}
      <EditorContent editor={editor} className="item-editor__body" />
      <ProposalsPanel
        editor={editor}
        itemId={proposals.itemId}
        canDecide={proposals.canDecide}
        onDecided={proposals.onDecided}
      />
    </section>
  );
}

/** The community's members for `@`, fetched once per editor when first asked for. */
function membersOf(communityId: string): () => Promise<{ id: string; label: string }[]> {
  let members: Promise<{ id: string; label: string }[]> | null = null;
  return () => {
    members ??= graphql(MENTION_MEMBERS_QUERY, { id: communityId }).then(
      (data) => data.community.members.map((m) => ({ id: m.user.id, label: m.user.displayName })),
      () => {
        members = null;
        return [];
      },
    );
    return members;
  };
}
