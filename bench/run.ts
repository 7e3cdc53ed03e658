/**
 * npm run bench: paygen's typed parse + validate and build, side by side in the same run with
 * fast-xml-parser's generic XMLParser (attributes kept, values as strings) and XMLBuilder, on the
 * documented samples. Never part of npm test: timings are reported, not asserted.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import * as pxp from '../generated/pxp/index.js';
import { packageRoot } from '../generator/emit/templates.js';

const SAMPLES = [
  'client-handlePaymentStateChangedNotificationRequest-visa.xml',
  'seed-initiatePaymentRequest-434.xml',
  'seed-initiatePaymentResponse-RedirectURLCreated.xml',
  'client-handlePaymentStateChangedNotificationResponse.xml',
];
const MS = Number(process.env.BENCH_MS ?? 1500);

function rate(f: () => unknown): number {
  for (let i = 0; i < 3000; i++) f();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < MS) {
    for (let i = 0; i < 100; i++) f();
    n += 100;
  }
  return n / ((performance.now() - t0) / 1000);
}

const fxpParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false });
const fxpBuilder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_' });

console.log(`node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB`);
console.log('document'.padEnd(62), 'bytes', '  paygen parse+validate', '  fxp parse', ' ratio', '  paygen build', '  fxp build', ' ratio');
for (const file of SAMPLES) {
  const xml = readFileSync(join(packageRoot(), 'test', 'fixtures', 'pxp', file), 'utf8');
  const bytes = Buffer.byteLength(xml);
  const parsed = pxp.parseMessage(xml);
  const build = () => {
    switch (parsed.message) {
      case 'initiatePaymentRequest': return pxp.buildInitiatePaymentRequest(parsed.value);
      case 'initiatePaymentResponse': return pxp.buildInitiatePaymentResponse(parsed.value);
      case 'handlePaymentStateChangedNotificationRequest': return pxp.buildHandlePaymentStateChangedNotificationRequest(parsed.value);
      case 'handlePaymentStateChangedNotificationResponse': return pxp.buildHandlePaymentStateChangedNotificationResponse(parsed.value);
    }
  };
  const generic = fxpParser.parse(xml) as unknown;
  const p = rate(() => pxp.parseMessage(xml));
  const fp = rate(() => fxpParser.parse(xml));
  const b = rate(build);
  const fb = rate(() => fxpBuilder.build(generic));
  const f = (x: number) => `${Math.round(x).toLocaleString('en')}/s`.padStart(12);
  console.log(file.padEnd(62), String(bytes).padStart(5), f(p).padStart(24), f(fp), `${(p / fp).toFixed(1)}×`.padStart(6), f(b).padStart(15), f(fb), `${(b / fb).toFixed(1)}×`.padStart(6));
}
