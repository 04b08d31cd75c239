// A static server for the throttled benchmark (bench/throttled.mjs): serves
// dist/ on loopback compressed, as a real static host serves it. No
// dependencies (node:http, node:zlib). Python's http.server and the e2e
// server (tests/e2e/serve.mjs) send every file uncompressed, which
// overstates what a first visit transfers.
//
// Each file is read and compressed once at start, with the settings of
// scripts/transfer.mjs (gzip level 9, brotli quality 11), so a response
// costs no compression time and carries the same bytes the size gate counts.
// The encoding is chosen per request from Accept-Encoding (brotli first,
// then gzip, else none), or forced for a whole run (`encoding` below, also
// settable on the returned server between runs). Every response is
// `Cache-Control: no-store`.
//
//   node bench/compressed-server.mjs [--encoding auto|gzip|br|identity] [--port 4198]
import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENCODINGS = ['auto', 'gzip', 'br', 'identity'];

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};
// Already compressed, or not worth it: sent as they are.
const compressible = (ext) => ext in types;

/** Every file directly in `root` (dist/ is flat), with its gzip and brotli bodies. */
async function precompress(root) {
  const files = new Map();
  for (const ent of await readdir(root, { withFileTypes: true })) {
    if (!ent.isFile()) continue;
    const raw = await readFile(join(root, ent.name));
    const ext = extname(ent.name);
    const f = { type: types[ext] ?? 'application/octet-stream', identity: raw };
    if (compressible(ext)) {
      f.gzip = gzipSync(raw, { level: 9 });
      f.br = brotliCompressSync(raw, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
      });
    }
    files.set(`/${ent.name}`, f);
  }
  return files;
}

/** The encoding a request gets: the forced one, or the best it accepts. */
function pick(forced, accept, file) {
  if (!file.gzip) return 'identity';
  if (forced !== 'auto') return forced;
  const accepted = new Set(
    (accept ?? '')
      .split(',')
      .map((s) => s.trim().split(';'))
      .filter(([, q]) => !q || Number(q.trim().replace(/^q=/, '')) > 0)
      .map(([name]) => name.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

/**
 * Starts the server; resolves with the http.Server, which also has
 * `encoding` (writable), `files` (path -> {type, identity, gzip, br}) and
 * `url` (its base URL).
 */
export async function startCompressedServer({ root = resolve(process.env.DIST_DIR ?? 'dist'), port = 0, encoding = 'auto' } = {}) {
  if (!ENCODINGS.includes(encoding)) throw new Error(`encoding must be one of ${ENCODINGS.join(', ')}`);
  const files = await precompress(root);
  if (!files.has('/index.html')) throw new Error(`no index.html in ${root}`);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }).end('not found\n');
      return;
    }
    const enc = pick(server.encoding, req.headers['accept-encoding'], file);
    const body = file[enc];
    const headers = {
      'Content-Type': file.type,
      'Content-Length': body.length,
      'Cache-Control': 'no-store',
      Vary: 'Accept-Encoding',
    };
    if (enc !== 'identity') headers['Content-Encoding'] = enc;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  server.encoding = encoding;
  server.files = files;
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  server.url = `http://127.0.0.1:${server.address().port}`;
  return server;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opt = (name, dflt) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : dflt;
  };
  const server = await startCompressedServer({ port: Number(opt('port', 4198)), encoding: opt('encoding', 'auto') });
  console.log(`serving ${resolve(process.env.DIST_DIR ?? 'dist')} on ${server.url}/ (encoding: ${server.encoding})`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
}
