/**
 * A fault of paygen inside `generate`, `contract` or `sample` was reported as a bare
 * `internal error: TypeError: …`, naming neither the schema set nor its files (only `validate`
 * named its document). Each now says what it was doing and to which set, in one line, with the
 * stack only under --debug. The faults are injected by replacing one function of each path.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/paygen.js';
import { ROOT } from '../helpers/paths.js';

vi.mock('../../generator/generate.js', async (original) => ({
  ...(await original<typeof import('../../generator/generate.js')>()),
  generateSet: () => {
    throw new TypeError('a fault in the generator');
  },
}));
vi.mock('../../contract/index.js', async (original) => ({
  ...(await original<typeof import('../../contract/index.js')>()),
  runContract: async () => {
    throw new TypeError('a fault in the contract suite');
  },
}));
vi.mock('../../contract/set.js', async (original) => {
  const real = await original<typeof import('../../contract/set.js')>();
  return {
    ...real,
    loadBundledSet: async (name: string) => ({
      ...(await real.loadBundledSet(name)),
      messages: [
        {
          name: 'ping',
          arbitrary: fc.constant({}),
          build: () => {
            throw new TypeError('a fault in a writer');
          },
        },
      ],
    }),
  };
});

async function paygen(...argv: string[]) {
  const err: string[] = [];
  const code = await main(argv, { out: () => {}, err: (l) => err.push(l), cwd: ROOT });
  return { code, err };
}

describe('an internal error names the set it concerns', () => {
  it('in generate', async () => {
    const r = await paygen('generate', '--schema', 'desjardins', '--check');
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe(
      "paygen generate: internal error while generating schema set 'desjardins' (schemas/desjardins/login-request.xsd, schemas/desjardins/login-response.xsd, schemas/desjardins/error-response.xsd, schemas/desjardins/purchase-request.xsd, schemas/desjardins/status-push.xsd, schemas/desjardins/acknowledgement.xsd, schemas/desjardins/confirm-request.xsd, schemas/desjardins/final-response.xsd): TypeError: a fault in the generator",
    );
    expect(r.err.join('\n')).not.toMatch(/\n\s+at /);
  });

  it('in contract', async () => {
    const r = await paygen('contract', '--schema', 'pxp', '--runs', '1');
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe("paygen contract: internal error while running the contract suite on the bundled schema set 'pxp': TypeError: a fault in the contract suite");
  });

  it('in sample, and --debug shows the stack', async () => {
    const r = await paygen('sample', '--schema', 'pxp', 'ping', '--seed', '1', '--debug');
    expect(r.code).toBe(2);
    expect(r.err[0]).toBe("paygen sample: internal error while sampling ping of the bundled schema set 'pxp': TypeError: a fault in a writer");
    expect(r.err[1]).toMatch(/^TypeError: a fault in a writer\n\s+at /);
  });
});
