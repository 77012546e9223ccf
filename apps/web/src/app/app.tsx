import { lazy, Suspense } from 'react';
import { match, usePath } from './router';
import { useSession } from './session';

// The editor and its dependencies load only on an item page.
const ItemEditor = lazy(() => import('../editor/item-editor'));

/** Placeholder shell: the pages are being built (sign-in, communities, items). */
export function App() {
  const path = usePath();
  const { user } = useSession();
  const item = match('/items/:id', path);
  return (
    <main>
      <h1>Spiraal</h1>
      {item && user ? (
        <Suspense fallback={<p>Laden…</p>}>
          <ItemEditor itemId={item.id} user={user} />
        </Suspense>
      ) : (
        <p>Een kennisbank voor leernetwerken, volgens de kennisspiraal.</p>
      )}
    </main>
  );
}
