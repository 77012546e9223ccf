/** Placeholder start page until the web app (sign-in, items, live editor) lands. */
export function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '40rem', margin: '4rem auto', lineHeight: 1.5, padding: '0 1rem' }}>
      <h1>Spiraal</h1>
      <p>
        Een kennisbank voor leernetwerken, volgens de kennisspiraal: socialisatie, externalisatie, combinatie en internalisatie.
      </p>
      <p lang="en">A knowledge base for communities of practice, following the SECI knowledge spiral.</p>
      <p>
        De API draait op <a href="/graphql">/graphql</a>.
      </p>
    </main>
  );
}
