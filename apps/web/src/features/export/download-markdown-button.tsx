import { useState } from 'react';
import { ExportItemDocument } from '../../shared/api/generated/graphql';
import { graphql } from '../../shared/api/graphql';
import { useMessages } from '../../shared/i18n/language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { exportMessages } from './messages';

/** "Downloaden als Markdown": the item with its front matter, saved as a .md file. */
export function DownloadMarkdownButton({ itemId }: { itemId: string }) {
  const m = useMessages(exportMessages);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const { exportItem } = await graphql(ExportItemDocument, { id: itemId });
      const url = URL.createObjectURL(new Blob([exportItem.markdown], { type: 'text/markdown;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = exportItem.filename;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has the file once the click is handled; the URL may go.
      setTimeout(() => URL.revokeObjectURL(url), 0);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" className="button-secondary" onClick={() => void download()} disabled={busy}>
        {busy ? m.downloading : m.downloadMarkdown}
      </button>
      <ErrorMessage error={error} />
    </>
  );
}
