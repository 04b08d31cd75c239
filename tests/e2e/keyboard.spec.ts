import { test, expect, type Page } from '@playwright/test';

/** Presses Tab until the focused element has `testid`, at most `max` times. */
async function tabTo(page: Page, testid: string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (at === testid) return;
  }
  throw new Error(`Tab never reached ${testid}`);
}

// Everything works from the keyboard alone, with a visible focus ring.
test('keyboard alone: presets, fields and the GB-s helper', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('3,280');

  // The first Tab lands on the skip link.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to results' })).toBeFocused();

  await tabTo(page, 'preset-etl');
  const ring = await page.getByTestId('preset-etl').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('input-budget')).toHaveValue('10');

  // Space on a preset button works too.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('preset-api')).toBeFocused();
  await page.keyboard.press(' ');
  await expect(page.getByTestId('input-budget')).toHaveValue('20');

  await tabTo(page, 'input-budget');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('40');
  // 40 a month; the api preset costs 18.9509888853 (core/src/presets.rs:
  // requests 1 + duration 3.33335 + INIT 0.1000005 + logs 3.0826777220 +
  // 0.1849606633 + HTTP API 5 + DynamoDB 0.625 + 3.125 + 2.5), so
  // 21.0490111147 is left ($21.05).
  await expect(page.getByTestId('figure-2').locator('.detail')).toContainText('$21.05 headroom');

  // A folded group opens from the keyboard. The api preset uses logs and
  // an HTTP API, so those groups are open; Step Functions, not in use, is
  // the first folded one.
  await expect(page.getByTestId('input-log_kb')).toBeVisible();
  await expect(page.getByTestId('input-apigw')).toBeVisible();
  await tabTo(page, 'fold');
  await expect(page.getByTestId('group-sfn').locator('summary')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('input-sfn')).toBeVisible();

  // Open the GB-s helper with the keyboard, fill it, apply it. It edits
  // gbs, so it shows while no functions are given: the article's page.
  await page.goto('./');
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('3,280');
  await tabTo(page, 'input-fns');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // the <summary>
  await expect(page.getByTestId('gbs-helper')).toHaveAttribute('open');
  await tabTo(page, 'input-helper_memory_mb');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('256');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('500');
  // 256 MB x 500 ms / 1000 / 1024 = 0.125 GB-s per invocation, x 1.
  await expect(page.getByTestId('helper-result')).toContainText('= 0.125 GB-s per request');
  await tabTo(page, 'apply-helper');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('input-gbs')).toHaveValue('0.125');
});

// The rest of the page from the keyboard: the table's rows field, sharing,
// the embed snippet and the exports, each reached by Tab and used by keys.
test('keyboard alone: rows, share, embed and export', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./');
  await expect(page.getByTestId('figure-0').locator('.value')).toHaveText('3,280');
  await tabTo(page, 'input-rows', 80);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('128,256');
  // 7 / (0.0000166667 x 256 + 0.0000002) = 7 / 0.0042672752 = 1,640.4
  await expect(page.getByTestId('requests-table').locator('tbody tr')).toHaveCount(2);
  await tabTo(page, 'copy-link', 40);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('copy-status')).not.toBeEmpty();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('embed-button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('embed-code')).toBeVisible();
  await tabTo(page, 'export-open', 40);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('export-format-markdown')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // radio group: to CSV
  await expect(page.getByTestId('export-format-csv')).toBeChecked();
  await expect(page.getByTestId('export-text')).toHaveValue(/1,640/);
});
