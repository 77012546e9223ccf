import express, { Express, NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API answers itself; everything else that asks for a page gets the web app. */
const API_PATHS = /^\/(graphql|health|ready|collab|metrics|export|events|unsubscribe)(\/|$)/;

/**
 * Serves the built web app (apps/web/dist) at `/`, with index.html for the
 * app's own routes such as /items/<id>.
 */
export function serveWebApp(app: Express, webDir: string): void {
  const index = join(webDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (_req, res) => {
      res.type('text/plain').send('Spiraal API draait; de webapp is niet gebouwd (npm run build) / The web app is not built (npm run build).');
    });
    return;
  }
  app.use(express.static(webDir, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PATHS.test(req.path) || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
