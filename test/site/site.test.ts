/** paygen docs without a browser: what the trees say, the diagrams, the bytes (site/). */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/paygen.js';
import { loadBundledSet } from '../../contract/set.js';
import { readFlows } from '../../mock/flows.js';
import { stateDiagram } from '../../site/diagrams.js';
import { messageTree, walk, type TreeNode } from '../../site/tree.js';
import { ROOT } from '../helpers/paths.js';

async function paygen(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l), cwd: ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function find(tree: TreeNode, path: string): TreeNode | undefined {
  let hit: TreeNode | undefined;
  walk(tree, (n) => {
    if (!hit && n.path === path) hit = n;
  });
  return hit;
}

describe('the message tree', () => {
  it('says of each element its type, occurrence, facets, code list, nillability and TypeScript type', async () => {
    const { plan } = await loadBundledSet('pxp');
    const tree = messageTree(plan, 'initiatePaymentRequest');
    expect(find(tree, 'initiatePaymentRequest.paymentMethodID')).toMatchObject({ kind: 'element', occurs: '1', type: 'codeID', codeList: 'paymentMethod', ts: 'CodeID' });
    expect(find(tree, 'initiatePaymentRequest.merchantID')!.facets).toEqual(['pattern [A-Za-z0-9_.:@\\-]+', 'length 1..100']);
    expect(find(tree, 'initiatePaymentRequest.amount')).toMatchObject({ occurs: '0..1', type: 'nonNegativeMoney' });
    expect(find(tree, 'initiatePaymentRequest.amount.@currencyCode')).toMatchObject({ kind: 'attribute', occurs: '1', type: 'threeLetterCode' });
    expect(find(tree, 'initiatePaymentRequest.userData.email')).toMatchObject({ nillable: true, occurs: '0..1' });
  });

  it('shows an xsi:type family as its members, and a type used again once, pointing to where it is shown', async () => {
    const { plan } = await loadBundledSet('pxp');
    const tree = messageTree(plan, 'handlePaymentStateChangedNotificationRequest');
    const payment = find(tree, 'handlePaymentStateChangedNotificationRequest.payment')!;
    expect(payment.children.map((c) => c.name)).toEqual(['xsi:type="paymentWithState"', 'xsi:type="paymentWithPaymentAccount"']);
    const again: TreeNode[] = [];
    walk(tree, (n) => {
      if (n.sameAs) again.push(n);
    });
    expect(again.length).toBeGreaterThan(0);
    for (const n of again) expect(find(tree, n.sameAs!), n.path).toBeDefined();
  });

  it('is as large as the types of an ISO 20022 message, not as its paths', async () => {
    const out = mkdtempSync(join(tmpdir(), 'paygen-docs-camt-'));
    try {
      const r = await paygen('docs', '--xsd', 'test/fixtures/corpus/iso-camt.053.001.02/schema/camt.053.001.02.xsd', '--out', out);
      expect(r.code, r.err).toBe(0);
      const page = readFileSync(join(out, 'message-Document.html'), 'utf8');
      // each complex type expanded once: its later uses point to it (a page of every path would be many megabytes)
      expect(page.length).toBeLessThan(500_000);
      expect(page.match(/its content is shown at/g)!.length).toBeGreaterThan(50);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('the diagrams', () => {
  it('draw every state of a payment flow, final ones outlined twice', () => {
    const book = readFlows({ flows: join(ROOT, 'schemas', 'pxp', 'flows.json'), codes: join(ROOT, 'schemas', 'pxp', 'codes.json') });
    const svg = stateDiagram(book.flowOf(434)!);
    for (const s of ['RedirectURLCreated', 'DepositedByProvider', 'RefusedByProvider', 'Expired', 'Approve', 'Decline', 'after 48 h from next UTC midnight']) expect(svg).toContain(s);
    expect(svg.match(/class="state final/g)).toHaveLength(3);
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});

describe('paygen diff --format html', () => {
  it("marks each change on the new version's message tree, and says where a removed element was", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paygen-diff-html-'));
    try {
      for (const f of readdirSync(join(ROOT, 'schemas', 'pxp'))) if (/\.(xsd|json)$/.test(f)) writeFileSync(join(dir, f), readFileSync(join(ROOT, 'schemas', 'pxp', f)));
      const main_ = readFileSync(join(dir, 'payment-processing.xsd'), 'utf8');
      expect(main_).toContain('<xs:element name="userSessionID" type="xs:string"/>');
      writeFileSync(join(dir, 'payment-processing.xsd'), main_.replace('<xs:element name="userSessionID" type="xs:string"/>', ''));
      const types = readFileSync(join(dir, 'types.xsd'), 'utf8');
      const lines = types.split('\n');
      const at = lines.findIndex((l) => l.includes('<xs:element name="shopID" type="pp:stringID"/>'));
      lines[at] = lines[at]!.replace('type="pp:stringID"/>', 'type="pp:stringID" minOccurs="0"/>');
      writeFileSync(join(dir, 'types.xsd'), lines.join('\n'));
      const r = await paygen('diff', '--format', 'html', 'schemas/pxp/payment-processing.xsd', join(dir, 'payment-processing.xsd'));
      expect(r.code, r.err).toBe(1);
      expect(r.out).toMatch(/^<!doctype html>/);
      expect(r.out).toMatch(/<div class="node leaf changed" id="n-initiatePaymentRequest\.shopID">/);
      expect(r.out).toMatch(/element-removed[\s\S]*\(at userSessionID, not in the new version\)/);
      expect(r.out).not.toMatch(/(src|href)="https?:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('paygen docs', () => {
  it('writes the same bytes twice, every page linked from the index', async () => {
    const [a, b] = [mkdtempSync(join(tmpdir(), 'paygen-docs-a-')), mkdtempSync(join(tmpdir(), 'paygen-docs-b-'))];
    try {
      for (const d of [a, b]) expect((await paygen('docs', '--schema', 'pxp', '--out', d)).code).toBe(0);
      const files = readdirSync(a).sort();
      expect(readdirSync(b).sort()).toEqual(files);
      for (const f of files) expect(readFileSync(join(b, f), 'utf8'), f).toBe(readFileSync(join(a, f), 'utf8'));
      const index = readFileSync(join(a, 'index.html'), 'utf8');
      for (const f of files.filter((x) => x.endsWith('.html') && x !== 'index.html')) expect(index, f).toContain(`href="${f}`);
      // nothing is fetched from elsewhere when the site is read
      for (const f of files) expect(readFileSync(join(a, f), 'utf8'), f).not.toMatch(/(src|href)="https?:/);
    } finally {
      for (const d of [a, b]) rmSync(d, { recursive: true, force: true });
    }
  });

  it('masks card numbers in the samples it shows (the Desjardins purchase template carries the test card)', async () => {
    const out = mkdtempSync(join(tmpdir(), 'paygen-docs-dj-'));
    try {
      expect((await paygen('docs', '--schema', 'desjardins', '--out', out)).code).toBe(0);
      const page = readFileSync(join(out, 'message-purchaseRequest.html'), 'utf8');
      expect(page).not.toContain('4530911100000990');
      expect(page).toContain('************0990');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('needs --out, and a set when there are several', async () => {
    expect((await paygen('docs', '--schema', 'pxp')).err).toContain('give --out DIR');
    expect((await paygen('docs', '--out', 'x')).err).toContain('give --schema NAME');
    expect((await paygen('docs', '--schema', 'nope', '--out', 'x')).err).toContain("unknown schema set 'nope'");
  });
});
