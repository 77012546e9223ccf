import { Express, NextFunction, Request, Response } from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { basename, join } from 'node:path';

/** Paths the API answers itself; everything else that asks for a page gets the web app. */
const API_PATHS = /^\/(graphql|health|ready|collab|metrics|export|events|unsubscribe|files)(\/|$)/;

/** Vite names built files `<name>-<hash>.<ext>`: their content never changes under that name. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.(js|css|woff2?|svg|png|jpg|webp|wasm)$/;

/** Hashed files are kept for a year; anything else (index.html above all) is checked every time. */
function cacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader(
    'Cache-Control',
    HASHED.test(basename(path).replace(/\.(br|gz)$/, '')) ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
}

/**
 * Serves the built web app (apps/web/dist) at `/`, with index.html for the
 * app's own routes such as /items/<id>. The build writes Brotli and gzip
 * copies (apps/web/vite.config.ts); they go to browsers that accept them.
 */
export function serveWebApp(app: Express, webDir: string): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req, res) => {
      res
        .type('text/plain')
        .send(
          'Spiraal API draait; de webapp is niet gebouwd (npm run build) / The web app is not built (npm run build).',
        );
    });
    return;
  }
  app.use(
    expressStaticGzip(webDir, {
      index: false,
      enableBrotli: true,
      orderPreference: ['br', 'gz'],
      serveStatic: { index: false, cacheControl: false, setHeaders: cacheHeaders },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
