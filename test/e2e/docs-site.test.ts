/**
 * paygen docs in a real browser: headless Chromium (Debian's chromium, driven by playwright-core;
 * nothing downloaded) opens the site of each bundled set and of a shared ISO 20022 set from file://,
 * reaches every message and code list from the index, expands a tree node, searches, switches the
 * theme, reads the page on a phone's width, and sees no console error. Screenshots go into
 * test-output/docs/. Without chromium the tests are reported skipped, by name — except when
 * PAYGEN_REQUIRE_BROWSER is set (CI), where a missing browser is a failure.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { ROOT } from '../helpers/paths.js';

const CHROMIUM = process.env.PAYGEN_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const RUN = CHROMIUM !== undefined || process.env.PAYGEN_REQUIRE_BROWSER !== undefined;
const SHOTS = join(ROOT, 'test-output', 'docs');

const SITES: Array<{ name: string; argv: string[]; search: string; found: RegExp }> = [
  { name: 'pxp', argv: ['--schema', 'pxp'], search: 'merchantTransactionID', found: /merchantTransactionID/ },
  { name: 'desjardins', argv: ['--schema', 'desjardins'], search: 'card_holder', found: /card_holder_name/ },
  { name: 'iso-camt.053', argv: ['--xsd', 'test/fixtures/corpus/iso-camt.053.001.02/schema/camt.053.001.02.xsd'], search: 'IBAN', found: /IBAN/ },
];

describe.skipIf(!RUN)('paygen docs in headless Chromium', () => {
  let browser: Browser;
  const dirs: string[] = [];

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error('PAYGEN_REQUIRE_BROWSER is set and no chromium was found (apt-get install chromium, or set PAYGEN_CHROMIUM)');
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** Runs a browser-side expression (a string: this project's types have no DOM). */
  const inPage = <T>(p: Page, expression: string): Promise<T> => p.evaluate(expression) as Promise<T>;

  /** A page that records every console error and uncaught exception. */
  async function page(width = 1280, height = 900): Promise<{ page: Page; errors: string[] }> {
    const p = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    p.on('pageerror', (e) => errors.push(String(e)));
    return { page: p, errors };
  }

  for (const site of SITES) {
    it(`${site.name}: every message and code list is reachable from the index; a tree node expands; search finds; no console error`, async () => {
      const out = mkdtempSync(join(tmpdir(), `paygen-docs-${site.name}-`));
      dirs.push(out);
      const written = await main(['docs', ...site.argv, '--out', out], { out: () => {}, err: () => {}, cwd: ROOT });
      expect(written).toBe(0);
      const { page: p, errors } = await page();
      const index = pathToFileURL(join(out, 'index.html')).href;
      await p.goto(index);
      await p.screenshot({ path: join(SHOTS, `${site.name}-index.png`) });
      const messages = await inPage<string[][]>(p, "[...document.querySelectorAll('a[data-message]')].map((a) => [a.dataset.message, a.href])");
      expect(messages.length).toBeGreaterThan(0);
      // the message page with the most closed tree nodes (the tree opens three levels): where one is expanded below
      let largest = { href: '', closed: -1 };
      for (const [name, href] of messages) {
        await p.goto(href!);
        expect(await p.textContent('h1'), href).toBe(name);
        expect(await inPage<number>(p, "document.querySelectorAll('.tree .node').length"), href).toBeGreaterThan(0);
        const closed = await inPage<number>(p, "document.querySelectorAll('.tree details:not([open])').length");
        if (closed > largest.closed) largest = { href: href!, closed };
      }
      await p.goto(index);
      const lists = await inPage<string[][]>(p, "[...document.querySelectorAll('a[data-code-list]')].map((a) => [a.dataset.codeList, a.href])");
      for (const [name, href] of lists) {
        await p.goto(href!);
        expect(await p.$(`#list-${name}`), href).not.toBeNull();
      }
      // a closed tree node opens on a click
      await p.goto(largest.href);
      const closed = await inPage<string | null>(p, "document.querySelector('.tree details:not([open])')?.id ?? null");
      expect(closed, largest.href).not.toBeNull();
      await p.click(`[id="${closed}"] > summary`);
      expect(await inPage<boolean>(p, `document.getElementById(${JSON.stringify(closed)}).open`)).toBe(true);
      // the search box: results, and a result leads to its node, shown
      await p.goto(messages.find(([n]) => n !== undefined)![1]!);
      await p.fill('#search', site.search);
      await p.waitForSelector('#results:not([hidden]) a');
      const first = await p.$('#results a');
      expect(await first!.textContent()).toMatch(site.found);
      await first!.click();
      await p.waitForLoadState();
      const target = decodeURIComponent(new URL(p.url()).hash.slice(1));
      // an element's result leads to its node, which is shown (its closed ancestors opened)
      expect(target).not.toBe('');
      expect(await inPage<boolean>(p, `document.getElementById(${JSON.stringify(target)}).offsetParent !== null`)).toBe(true);
      await p.screenshot({ path: join(SHOTS, `${site.name}-message.png`) });
      // the theme switch
      const before = await inPage<string>(p, "document.documentElement.dataset.theme ?? ''");
      await p.click('#theme');
      expect(await inPage<string>(p, 'document.documentElement.dataset.theme')).not.toBe(before);
      await p.screenshot({ path: join(SHOTS, `${site.name}-message-theme.png`) });
      expect(errors).toEqual([]);
      await p.close();
    }, 120_000);
  }

  it('reads on a phone: a message page does not overflow a 390-pixel screen', async () => {
    const out = mkdtempSync(join(tmpdir(), 'paygen-docs-phone-'));
    dirs.push(out);
    expect(await main(['docs', '--schema', 'pxp', '--out', out], { out: () => {}, err: () => {}, cwd: ROOT })).toBe(0);
    const { page: p, errors } = await page(390, 844);
    await p.goto(pathToFileURL(join(out, 'message-initiatePaymentRequest.html')).href);
    expect(await inPage<number>(p, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await p.screenshot({ path: join(SHOTS, 'pxp-phone.png'), fullPage: false });
    await p.goto(pathToFileURL(join(out, 'flows.html')).href);
    await p.screenshot({ path: join(SHOTS, 'pxp-flows.png') });
    expect(errors).toEqual([]);
    await p.close();
  }, 60_000);
});
