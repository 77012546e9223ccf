import { ReactNode, useEffect, useId, useRef } from 'react';
import { useMessages } from '../i18n/language';
import { uiMessages } from './messages';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
}

/**
 * A native modal `<dialog>`: the browser makes the page behind it inert (so
 * focus stays inside) and closes it on Escape. Render it only while open.
 * Focus goes to the first element marked `data-autofocus` and returns to
 * whatever had it before.
 */
export function Dialog({ title, onClose, children }: DialogProps) {
  const m = useMessages(uiMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current!;
    const opener = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // Escape: let React unmount us rather than the browser closing behind React's back.
        event.preventDefault();
        close.current();
      }}
    >
      <div className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button-quiet dialog-close" onClick={() => close.current()}>
          <span aria-hidden="true">×</span>
          <span className="visually-hidden">{m.close}</span>
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
