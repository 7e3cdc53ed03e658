import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestGroup, Validity } from './suite.js';

/**
 * libxml2's verdicts on a test group, as `xmllint --noout --schema SCHEMA FILE…` gives them (the
 * native xmllint of libxml2-utils: the reference the W3C figures of the issue were measured with).
 * A schema that fails to compile is invalid and its instances are not judged. A group of several
 * schema documents is given to xmllint as one wrapper schema that imports (or, for documents
 * without a target namespace, includes) each of them.
 */

export interface LibxmlVerdicts {
  schema: Validity;
  /** Per instance of the group, in order; empty when the schema did not compile. */
  instances: Validity[];
}

/** The xmllint on the PATH, with its libxml2 version (`20914` → '2.9.14'), or undefined when there is none. */
export function findXmllint(): { version: string } | undefined {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const m = /libxml version (\d+)/.exec(`${r.stdout}${r.stderr}`);
  const n = m ? Number(m[1]) : 0;
  return { version: n ? `${Math.floor(n / 10000)}.${Math.floor(n / 100) % 100}.${n % 100}` : 'unknown' };
}

export class Xmllint {
  private readonly dir = mkdtempSync(join(tmpdir(), 'paygen-conformance-'));
  private readonly dummy = join(this.dir, 'dummy.xml');

  constructor() {
    // the document judged when a group has no instance: only the schema's compilation matters then
    writeFileSync(this.dummy, '<paygen-no-instance/>');
  }

  judge(group: TestGroup): LibxmlVerdicts | undefined {
    const st = group.schema;
    if (!st) return undefined;
    const schema = st.documents.length === 1 ? st.documents[0] : this.wrapper(st.documents);
    const files = group.instances.length > 0 ? group.instances.map((i) => i.document) : [this.dummy];
    const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', schema, ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 60_000 });
    const err = r.stderr ?? '';
    // exit status 5: the schema did not compile (xmllint's "WXS schema … failed to compile")
    if (r.status === 5 || /failed to compile/.test(err)) return { schema: 'invalid', instances: [] };
    const lines = err.split('\n');
    const instances = group.instances.map((i): Validity => (lines.some((l) => l === `${i.document} validates`) ? 'valid' : 'invalid'));
    return { schema: 'valid', instances };
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }

  private wrapper(documents: readonly string[]): string {
    const file = join(this.dir, `wrapper-${this.count++}.xsd`);
    const parts = documents.map((d) => {
      const ns = targetNamespace(d);
      return ns === undefined ? `<xs:include schemaLocation="${escape(d)}"/>` : `<xs:import namespace="${escape(ns)}" schemaLocation="${escape(d)}"/>`;
    });
    writeFileSync(file, `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">${parts.join('')}</xs:schema>`);
    return file;
  }

  private count = 0;
}

function targetNamespace(file: string): string | undefined {
  const r = spawnSync('xmllint', ['--xpath', 'string(/*/@targetNamespace)', file], { encoding: 'utf8' });
  const ns = (r.stdout ?? '').trim();
  return ns === '' ? undefined : ns;
}

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
