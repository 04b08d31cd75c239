// A tiny static server for the end-to-end tests: serves dist/ on loopback,
// both at "/" and under the sub-path "/tools/backcast/" (to prove that the
// build's relative asset URLs work wherever it is deployed). No dependencies.
// Test fixtures (a host page that embeds Backcast in a sandboxed iframe) are
// served from tests/e2e/fixtures/ under "/__e2e/". Every response allows
// any origin (CORS), as a static host must for `sandbox="allow-scripts"`
// frames, whose origin is opaque. Request lines up to 1 MB are accepted, so
// 100 KB links reach the page.
//   node tests/e2e/serve.mjs [port]   (default 4173; env PORT also works)
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const root = resolve(process.env.DIST_DIR ?? 'dist');
const fixtures = resolve('tests/e2e/fixtures');
const fixturePath = '/__e2e/';
const port = Number(process.argv[2] ?? process.env.PORT ?? 4173);
const subPath = '/tools/backcast/';
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer({ maxHeaderSize: 1 << 20 }, async (req, res) => {
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  let base = root;
  if (path.startsWith(fixturePath)) {
    base = fixtures;
    path = '/' + path.slice(fixturePath.length);
  } else if (path.startsWith(subPath)) path = '/' + path.slice(subPath.length);
  else if (path === subPath.slice(0, -1)) {
    res.writeHead(301, { Location: subPath }).end();
    return;
  }
  if (path.endsWith('/')) path += 'index.html';
  const file = normalize(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': types[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`serving ${root} on http://127.0.0.1:${port}/ and ${subPath}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
