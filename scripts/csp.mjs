// Adds a strict Content-Security-Policy to the built site (run after the
// build writes dist/index.html; `make dist` does):
//   - a <meta http-equiv="Content-Security-Policy"> as the first element of
//     <head>, allowing each inline script of index.html by its sha256 hash
//     (Trunk's module loader, and any other inline loader script);
//   - dist/_headers: the same policy as an HTTP header, plus the
//     header-only directives a meta tag cannot carry (Netlify/Cloudflare
//     Pages format; README says how to set it on other hosts).
// No 'unsafe-inline' or 'unsafe-eval' for scripts: 'wasm-unsafe-eval' only
// lets WebAssembly compile.
//   node scripts/csp.mjs [dist]
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const file = join(dist, 'index.html');
let html = await readFile(file, 'utf8');

// Drop a policy from an earlier run, so the step is idempotent.
html = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');

const hashes = [];
for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
  const [, attrs, body] = m;
  if (/\bsrc=/.test(attrs)) continue;
  hashes.push(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
}

const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
// Right after <meta charset>, which must stay first (Trunk's minified HTML
// writes it unquoted and has no <head> tag).
const charset = /<meta charset="?utf-8"?\s*\/?>/i;
if (!charset.test(html)) throw new Error(`csp: no <meta charset> in ${file}`);
html = html.replace(charset, (m) => `${m}${meta}`);
await writeFile(file, html);

// frame-ancestors is left open on purpose: embedding in any blog or wiki is
// a feature. It and the rest can only be set as headers.
const headers = `/*
  Content-Security-Policy: ${policy}
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer
  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()
`;
await writeFile(join(dist, '_headers'), headers);
console.log(`csp: ${hashes.length} inline script hash(es); policy: ${policy}`);
