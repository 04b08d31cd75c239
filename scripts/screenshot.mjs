// Takes README's screenshot (docs/screenshot.png) of the built dist/: the
// article's scenario, 1280 px wide, light scheme. Serves dist/ itself.
//   node scripts/screenshot.mjs [out.png]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const out = process.argv[2] ?? 'docs/screenshot.png';
const port = 4199;
const server = spawn('node', ['tests/e2e/serve.mjs', String(port)], { stdio: 'ignore' });
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 1900 }, colorScheme: 'light' });
  for (let i = 0; ; i++) {
    try {
      await page.goto(`http://127.0.0.1:${port}/?budget=7&period=day&p.lambda_gbs=0.00001667`);
      break;
    } catch (e) {
      if (i > 50) throw e;
      await new Promise((r) => setTimeout(r, 100)); // the server is starting
    }
  }
  await page.waitForFunction(() => 'backcast' in window);
  await page.getByTestId('requests-table').waitFor();
  await page.screenshot({ path: out });
  await browser.close();
  console.log(`wrote ${out}`);
} finally {
  server.kill();
}
