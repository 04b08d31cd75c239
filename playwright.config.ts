import { defineConfig } from '@playwright/test';

// End-to-end tests against the release build in dist/ (run `make dist` first;
// `make test` does). Debian's Chromium only: never `npx playwright install`.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  reporter: 'list',
  workers: 2,
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: [
    {
      command: `node tests/e2e/serve.mjs ${port}`,
      url: `http://127.0.0.1:${port}/index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // A debug build (`make dist-debug`), for what exists only in debug
      // builds: the panic trigger of tests/e2e/panic.spec.ts.
      command: `node tests/e2e/serve.mjs ${port + 1}`,
      env: { DIST_DIR: 'target/dist-debug' },
      url: `http://127.0.0.1:${port + 1}/index.html`,
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
