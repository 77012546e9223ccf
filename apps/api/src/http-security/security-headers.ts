import type { NextFunction, Request, Response } from 'express';

/**
 * The Content-Security-Policy the web app runs under: its own scripts, styles
 * and connections only (`'self'` covers ws:// and wss:// to the same host in
 * CSP Level 3, which the browser tests check), no inline script or style
 * element, no plugins, no framing, no <base>, forms only to ourselves.
 *
 * Styles the app sets from script (React's `style` prop, the editor's caret
 * colours, ProseMirror decorations) go through the CSSOM, which `style-src`
 * does not govern; TipTap's injected <style> is switched off (`injectCSS: false`).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** The headers every response carries, besides the CSP. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/** Only sent over HTTPS (RFC 6797): browsers ignore it over HTTP, and it must not pin a plain-HTTP install. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Sets the security headers on every response: the web app, /graphql, /health
 * and errors alike. HTTPS is decided as for the session cookie's Secure flag
 * (`req.secure`, so behind a TLS-terminating proxy only where Express is told
 * to trust it).
 *
 * In development, /graphql may serve Apollo's landing page, which brings its
 * own CSP (nonces and Apollo's CDN); ours would block it there. Production and
 * test never serve that page.
 */
export function securityHeaders(options: { development: boolean }) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!(options.development && req.path === '/graphql'))
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (req.secure) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    next();
  };
}
