import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../../contract/oracle.js';
import type { Issue, IssueCode } from '../../runtime/issues.js';
import type { ElementPlan, ParticlePlan } from '../../runtime/plan.js';
import { removeSchemaFiles } from '../xsd/schema-fixture.js';
import { brief, doc, libxml, planFixture, position, slot, withoutSource, type PlanFixture } from './plan-fixture.js';

/**
 * Content models (XSD 1.0 Part 1 §3.8 model groups, §3.9 particles), end to end: a small XSD in
 * → the plan's slots and ParticlePlan out; documents in → typed values or the first issue out
 * (through the interpreter, strict reading); libxml2 on the same XSD must give each document
 * the same verdict; validate() on values (the ones read, and hand-made invalid ones); and
 * build() of each value read writes a document that reads back to it and that libxml2 accepts.
 */

afterAll(removeSchemaFiles);

/** The element `doc` of complex type T, whose content is `content`. */
const typeT = (content: string, more = ''): string => `<xs:element name="doc" type="t:T"/>\n${more}<xs:complexType name="T">${content}</xs:complexType>`;

const el = (slot: number, min = 1, max = 1): ParticlePlan => ({ kind: 'element', slot, min, max });
const grp = (kind: 'sequence' | 'choice' | 'all', items: ParticlePlan[], min = 1, max = 1): ParticlePlan => ({ kind, min, max, items });

interface DocCase {
  name: string;
  xml: string;
  /** The typed value of a valid document. */
  value?: unknown;
  /** The first issue of an invalid one; `at` is the text its line and column point at. */
  issue?: { code: IssueCode; path: string; at: string };
}

interface ValueCase {
  name: string;
  value: unknown;
  /** The first issue validate() reports. */
  issue: { code: IssueCode; path: string };
}

interface Construct {
  title: string;
  body: string;
  slots: ElementPlan[];
  model: ParticlePlan;
  docs: DocCase[];
  values: ValueCase[];
  /** More tests, given the fixture once it is built. */
  more?: (fx: () => PlanFixture) => void;
}

const ok = (name: string, xml: string, value: unknown): DocCase => ({ name, xml, value });
const bad = (name: string, xml: string, code: IssueCode, path: string, at: string): DocCase => ({ name, xml, issue: { code, path, at } });
const inval = (name: string, value: unknown, code: IssueCode, path: string): ValueCase => ({ name, value, issue: { code, path } });

function issuesOf(r: { ok: true } | { ok: false; issues: Issue[] }): Issue[] {
  return r.ok ? [] : r.issues;
}

function construct(c: Construct): void {
  const valid = c.docs.filter((d) => d.issue === undefined);
  const invalid = c.docs.filter((d) => d.issue !== undefined);

  describe(c.title, () => {
    let fx: PlanFixture;
    let docVerdicts: Verdict[];
    /** build() of each valid document's value (or what it threw). */
    let built: Array<{ name: string; xml?: string; error?: string }>;
    let builtVerdicts: Verdict[];

    beforeAll(async () => {
      fx = planFixture(c.body);
      built = valid.map((d) => {
        try {
          return { name: d.name, xml: fx.msg.build(d.value) };
        } catch (e) {
          return { name: d.name, error: String(e) };
        }
      });
      const written = built.filter((b) => b.xml !== undefined).map((b) => b.xml!);
      // one libxml2 call for the table's documents and the built ones
      const verdicts = await libxml(fx.bundle, [...c.docs.map((d) => d.xml), ...written]);
      docVerdicts = verdicts.slice(0, c.docs.length);
      builtVerdicts = verdicts.slice(c.docs.length);
    });

    it('maps to the expected element slots and content model', () => {
      const t = fx.plan.complexTypes.T;
      expect.soft(withoutSource(t.elements), 'slots').toEqual(c.slots);
      expect.soft(t.content, 'content model').toEqual({ kind: 'elements', model: c.model });
    });

    if (valid.length > 0) {
      it.each(valid)('reads $name as its exact typed value', (d) => {
        expect(fx.msg.safeParse(d.xml)).toEqual({ ok: true, value: d.value, warnings: [] });
        expect(fx.set.safeParseMessage(d.xml)).toEqual({ ok: true, value: { message: 'doc', value: d.value }, warnings: [] });
      });
    }

    if (invalid.length > 0) {
      it.each(invalid)('rejects $name with first issue $issue.code at $issue.path', (d) => {
        const issues = issuesOf(fx.msg.safeParse(d.xml));
        expect(issues.length, 'an invalid document has issues').toBeGreaterThan(0);
        expect(brief(issues[0], true)).toEqual({ code: d.issue!.code, path: d.issue!.path, ...position(d.xml, d.issue!.at) });
      });
    }

    it('libxml2 gives every document of the table the same verdict as paygen (valid ⇔ no issues)', () => {
      const got = c.docs.map((d, i) => ({ doc: d.name, libxml2: docVerdicts[i].valid, paygen: issuesOf(fx.msg.safeParse(d.xml)).length === 0 }));
      const want = c.docs.map((d) => ({ doc: d.name, libxml2: d.issue === undefined, paygen: d.issue === undefined }));
      expect(got).toEqual(want);
    });

    it('validate() finds no issue in any value read', () => {
      expect(valid.map((d) => ({ doc: d.name, issues: fx.msg.validate(d.value) }))).toEqual(valid.map((d) => ({ doc: d.name, issues: [] })));
    });

    if (c.values.length > 0) {
      it.each(c.values)('validate() of a value with $name reports $issue.code at $issue.path', (v) => {
        expect(brief(fx.msg.validate(v.value)[0], false)).toEqual(v.issue);
      });
    }

    it('build() of every valid value reads back to the same value', () => {
      expect(built.map((b) => ({ doc: b.name, error: b.error }))).toEqual(valid.map((d) => ({ doc: d.name, error: undefined })));
      for (const [i, b] of built.entries()) expect(fx.msg.safeParse(b.xml!), b.name).toEqual({ ok: true, value: valid[i].value, warnings: [] });
    });

    it('libxml2 accepts every document build() writes', () => {
      const written = built.filter((b) => b.xml !== undefined);
      expect(written.length, 'every valid value was written').toBe(valid.length);
      expect(written.map((b, i) => ({ doc: b.name, valid: builtVerdicts[i].valid, errors: builtVerdicts[i].errors }))).toEqual(written.map((b) => ({ doc: b.name, valid: true, errors: [] })));
    });

    c.more?.(() => fx);
  });
}

// ── a required choice ─────────────────────────────────────────────────────────────────

construct({
  title: 'a required choice',
  body: typeT('<xs:choice><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:int"/></xs:choice>'),
  // each alternative is optional in the typed form, but its own particle is 1..1
  slots: [slot('a', 'xs_string', { optional: true }), slot('b', 'xs_int', { optional: true })],
  model: grp('choice', [el(0), el(1)]),
  docs: [
    ok('one branch', doc('<a>x</a>'), { a: 'x' }),
    ok('the other branch', doc('<b>5</b>'), { b: 5 }),
    bad('both branches', doc('<a>x</a>', '<b>5</b>'), 'unexpected-element', '/b', '<b>'),
    bad('both branches, the second first', doc('<b>5</b>', '<a>x</a>'), 'unexpected-element', '/a', '<a>'),
    bad('neither branch', doc(), 'missing-element', '/a', '<doc'),
    bad('a branch repeated', doc('<a>x</a>', '<a>y</a>'), 'unexpected-element', '/a', '<a>y'),
    bad('an unknown element instead of a branch', doc('<c>x</c>'), 'unexpected-element', '/c', '<c>'),
    bad('a branch in another namespace', doc('<a xmlns="urn:other">x</a>'), 'wrong-namespace', '/a', '<a '),
  ],
  values: [
    inval('both branches', { a: 'x', b: 5 }, 'unexpected-element', '/b'),
    inval('neither branch', {}, 'missing-element', '/a'),
    inval('an unknown property', { a: 'x', c: 'y' }, 'unexpected-element', '/c'),
    inval('a branch of the wrong JS type', { b: 'five' }, 'invalid-value', '/b'),
  ],
});

// ── an optional choice ────────────────────────────────────────────────────────────────

construct({
  title: 'an optional choice (minOccurs="0")',
  body: typeT('<xs:choice minOccurs="0"><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/></xs:choice>'),
  slots: [slot('a', 'xs_string', { optional: true }), slot('b', 'xs_string', { optional: true })],
  model: grp('choice', [el(0), el(1)], 0, 1),
  docs: [
    ok('one branch', doc('<a>x</a>'), { a: 'x' }),
    ok('the other branch', doc('<b>y</b>'), { b: 'y' }),
    ok('neither branch', doc(), {}),
    bad('both branches', doc('<a>x</a>', '<b>y</b>'), 'unexpected-element', '/b', '<b>'),
    bad('a branch repeated', doc('<b>x</b>', '<b>y</b>'), 'unexpected-element', '/b', '<b>y'),
    bad('an unknown element', doc('<c>x</c>'), 'unexpected-element', '/c', '<c>'),
  ],
  values: [inval('both branches', { a: 'x', b: 'y' }, 'unexpected-element', '/b'), inval('an unknown property', { c: 'y' }, 'unexpected-element', '/c')],
});

// ── a choice nested in a sequence ─────────────────────────────────────────────────────

construct({
  title: 'a choice nested in a sequence',
  body: typeT(`<xs:sequence>
    <xs:element name="head" type="xs:string"/>
    <xs:choice><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/></xs:choice>
    <xs:element name="tail" type="xs:string"/>
  </xs:sequence>`),
  slots: [slot('head'), slot('a', 'xs_string', { optional: true }), slot('b', 'xs_string', { optional: true }), slot('tail')],
  model: grp('sequence', [el(0), grp('choice', [el(1), el(2)]), el(3)]),
  docs: [
    ok('one branch', doc('<head>h</head>', '<a>x</a>', '<tail>t</tail>'), { head: 'h', a: 'x', tail: 't' }),
    ok('the other branch', doc('<head>h</head>', '<b>y</b>', '<tail>t</tail>'), { head: 'h', b: 'y', tail: 't' }),
    // the strict matcher reports what it expected at the first element that does not fit
    bad('both branches', doc('<head>h</head>', '<a>x</a>', '<b>y</b>', '<tail>t</tail>'), 'unexpected-element', '/b', '<b>'),
    bad('neither branch', doc('<head>h</head>', '<tail>t</tail>'), 'missing-element', '/a', '<tail>'),
    bad('a branch repeated', doc('<head>h</head>', '<a>x</a>', '<a>y</a>', '<tail>t</tail>'), 'unexpected-element', '/a', '<a>y'),
    bad('order swapped (the choice after tail)', doc('<head>h</head>', '<tail>t</tail>', '<a>x</a>'), 'missing-element', '/a', '<tail>'),
    bad('the first element missing', doc('<a>x</a>', '<tail>t</tail>'), 'missing-element', '/head', '<a>'),
    bad('the last element missing', doc('<head>h</head>', '<a>x</a>'), 'missing-element', '/tail', '</doc>'),
    bad('one element too many', doc('<head>h</head>', '<a>x</a>', '<tail>t</tail>', '<tail>u</tail>'), 'unexpected-element', '/tail', '<tail>u'),
    bad('an unknown element after the last', doc('<head>h</head>', '<a>x</a>', '<tail>t</tail>', '<zz/>'), 'unexpected-element', '/zz', '<zz/>'),
  ],
  values: [
    inval('both branches', { head: 'h', a: 'x', b: 'y', tail: 't' }, 'unexpected-element', '/b'),
    inval('neither branch', { head: 'h', tail: 't' }, 'missing-element', '/a'),
    inval('the required head missing', { a: 'x', tail: 't' }, 'missing-element', '/head'),
    inval('the required tail missing', { head: 'h', b: 'y' }, 'missing-element', '/tail'),
    inval('an unknown property', { head: 'h', a: 'x', tail: 't', zz: 1 }, 'unexpected-element', '/zz'),
  ],
  more: (fx) => {
    describe('tolerant reading (children in any order)', () => {
      it('accepts the children out of order, with a warning, as the same value', () => {
        const xml = doc('<tail>t</tail>', '<a>x</a>', '<head>h</head>');
        const r = fx().msg.safeParse(xml, { mode: 'tolerant' });
        expect(r.ok).toBe(true);
        expect(r.ok && r.value).toEqual({ head: 'h', a: 'x', tail: 't' });
        expect(r.warnings.map((w) => w.code)).toContain('tolerated');
      });

      it('still reports both branches of the choice (unexpected-element at the second)', () => {
        const xml = doc('<tail>t</tail>', '<a>x</a>', '<head>h</head>', '<b>y</b>');
        const issues = issuesOf(fx().msg.safeParse(xml, { mode: 'tolerant' }));
        expect(brief(issues[0], true)).toEqual({ code: 'unexpected-element', path: '/b', ...position(xml, '<b>') });
      });

      it('still reports both branches when the second branch comes first', () => {
        const xml = doc('<b>y</b>', '<tail>t</tail>', '<head>h</head>', '<a>x</a>');
        const issues = issuesOf(fx().msg.safeParse(xml, { mode: 'tolerant' }));
        expect(brief(issues[0], false)).toEqual({ code: 'unexpected-element', path: '/b' });
      });

      it('still reports neither branch of the required choice (missing-element)', () => {
        const xml = doc('<tail>t</tail>', '<head>h</head>');
        const issues = issuesOf(fx().msg.safeParse(xml, { mode: 'tolerant' }));
        expect(brief(issues[0], true)).toEqual({ code: 'missing-element', path: '/a', ...position(xml, '<doc') });
      });
    });
  },
});

// ── a sequence nested in a choice branch ──────────────────────────────────────────────

construct({
  title: 'a sequence nested in a choice branch',
  body: typeT(`<xs:choice>
    <xs:sequence><xs:element name="x" type="xs:string"/><xs:element name="y" type="xs:string"/></xs:sequence>
    <xs:element name="z" type="xs:string"/>
  </xs:choice>`),
  slots: [slot('x', 'xs_string', { optional: true }), slot('y', 'xs_string', { optional: true }), slot('z', 'xs_string', { optional: true })],
  model: grp('choice', [grp('sequence', [el(0), el(1)]), el(2)]),
  docs: [
    ok('the sequence branch', doc('<x>1</x>', '<y>2</y>'), { x: '1', y: '2' }),
    ok('the element branch', doc('<z>3</z>'), { z: '3' }),
    bad('both branches (sequence first)', doc('<x>1</x>', '<y>2</y>', '<z>3</z>'), 'unexpected-element', '/z', '<z>'),
    bad('both branches (element first)', doc('<z>3</z>', '<x>1</x>'), 'unexpected-element', '/x', '<x>'),
    bad('neither branch', doc(), 'missing-element', '/x', '<doc'),
    bad('the sequence branch incomplete', doc('<x>1</x>'), 'missing-element', '/y', '</doc>'),
    bad('the sequence branch in the wrong order', doc('<y>2</y>', '<x>1</x>'), 'missing-element', '/x', '<y>'),
    bad('one element of the sequence too many', doc('<x>1</x>', '<y>2</y>', '<y>3</y>'), 'unexpected-element', '/y', '<y>3'),
    bad('the element branch repeated', doc('<z>3</z>', '<z>4</z>'), 'unexpected-element', '/z', '<z>4'),
  ],
  values: [
    inval('both branches', { x: '1', y: '2', z: '3' }, 'unexpected-element', '/z'),
    inval('part of the sequence branch and the element branch', { y: '2', z: '3' }, 'unexpected-element', '/z'),
    inval('the sequence branch incomplete', { x: '1' }, 'missing-element', '/y'),
    inval('neither branch', {}, 'missing-element', '/x'),
    inval('an unknown property', { z: '3', w: '4' }, 'unexpected-element', '/w'),
  ],
});

// ── a choice with an optional branch ──────────────────────────────────────────────────

construct({
  title: 'a choice with an optional branch (the choice is emptiable)',
  body: typeT('<xs:choice><xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string" minOccurs="0"/></xs:choice>'),
  slots: [slot('a', 'xs_string', { optional: true }), slot('b', 'xs_string', { optional: true, min: 0 })],
  model: grp('choice', [el(0), el(1, 0, 1)]),
  docs: [
    ok('one branch', doc('<a>x</a>'), { a: 'x' }),
    ok('the optional branch', doc('<b>y</b>'), { b: 'y' }),
    ok('neither branch (the empty optional branch)', doc(), {}),
    bad('both branches', doc('<a>x</a>', '<b>y</b>'), 'unexpected-element', '/b', '<b>'),
    bad('both branches, the optional one first', doc('<b>y</b>', '<a>x</a>'), 'unexpected-element', '/a', '<a>'),
    bad('a branch repeated', doc('<a>x</a>', '<a>y</a>'), 'unexpected-element', '/a', '<a>y'),
    bad('an unknown element', doc('<c/>'), 'unexpected-element', '/c', '<c/>'),
  ],
  values: [inval('both branches', { a: 'x', b: 'y' }, 'unexpected-element', '/b'), inval('an unknown property', { a: 'x', c: 'y' }, 'unexpected-element', '/c')],
});

// ── xs:all ────────────────────────────────────────────────────────────────────────────

construct({
  title: 'xs:all with required and optional members',
  body: typeT('<xs:all><xs:element name="p" type="xs:string"/><xs:element name="q" type="xs:int" minOccurs="0"/><xs:element name="r" type="xs:string"/></xs:all>'),
  slots: [slot('p'), slot('q', 'xs_int', { optional: true, min: 0 }), slot('r')],
  model: grp('all', [el(0), el(1, 0, 1), el(2)]),
  docs: [
    ok('every member, in declaration order', doc('<p>1</p>', '<q>2</q>', '<r>3</r>'), { p: '1', q: 2, r: '3' }),
    ok('every member, in reverse order', doc('<r>3</r>', '<q>2</q>', '<p>1</p>'), { p: '1', q: 2, r: '3' }),
    ok('the required members only, in another order', doc('<r>3</r>', '<p>1</p>'), { p: '1', r: '3' }),
    bad('a required member missing', doc('<p>1</p>', '<q>2</q>'), 'missing-element', '/r', '</doc>'),
    bad('the other required member missing', doc('<r>3</r>'), 'missing-element', '/p', '</doc>'),
    bad('no member at all', doc(), 'missing-element', '/p', '<doc'),
    bad('a member repeated', doc('<p>1</p>', '<r>3</r>', '<p>4</p>'), 'unexpected-element', '/p', '<p>4'),
    bad('an unknown element after the members', doc('<p>1</p>', '<r>3</r>', '<s/>'), 'unexpected-element', '/s', '<s/>'),
  ],
  values: [
    inval('a required member missing', { p: '1' }, 'missing-element', '/r'),
    inval('the first required member missing', { q: 2, r: '3' }, 'missing-element', '/p'),
    inval('an unknown property', { p: '1', r: '3', s: '' }, 'unexpected-element', '/s'),
  ],
});

// ── repeated single-element groups ────────────────────────────────────────────────────

construct({
  title: 'a repeated single-element group as the whole content (folded into the element)',
  body: typeT('<xs:sequence maxOccurs="3"><xs:element name="a" type="xs:string"/></xs:sequence>'),
  // <sequence maxOccurs=3><a/></sequence> accepts exactly what <sequence><a maxOccurs=3/></sequence>
  // accepts: the group's occurrence moves to the element, as it does for a group inside a sequence
  slots: [slot('a', 'xs_string', { array: true, min: 1, max: 3 })],
  model: grp('sequence', [el(0, 1, 3)]),
  docs: [
    ok('one occurrence', doc('<a>x</a>'), { a: ['x'] }),
    ok('three occurrences', doc('<a>x</a>', '<a>y</a>', '<a>z</a>'), { a: ['x', 'y', 'z'] }),
    bad('no occurrence', doc(), 'missing-element', '/a', '<doc'),
    bad('one occurrence too many', doc('<a>x</a>', '<a>y</a>', '<a>z</a>', '<a>w</a>'), 'unexpected-element', '/a', '<a>w'),
  ],
  values: [
    inval('an empty array', { a: [] }, 'missing-element', '/a'),
    inval('one item too many', { a: ['x', 'y', 'z', 'w'] }, 'unexpected-element', '/a'),
    inval('the element missing', {}, 'missing-element', '/a'),
  ],
});

describe('repeated groups of several particles (no form of one property per element: ordered content)', () => {
  const two = '<xs:element name="a" type="xs:string"/><xs:element name="b" type="xs:string"/>';
  it.each([
    ['a repeated sequence of two elements inside a sequence', `<xs:sequence><xs:sequence maxOccurs="2">${two}</xs:sequence></xs:sequence>`],
    ['a repeated sequence of two elements as the whole content', `<xs:sequence maxOccurs="2">${two}</xs:sequence>`],
    ['a repeated choice of two elements inside a sequence', `<xs:sequence><xs:choice maxOccurs="unbounded">${two}</xs:choice></xs:sequence>`],
    ['a repeated choice of two elements as the whole content', `<xs:choice maxOccurs="unbounded">${two}</xs:choice>`],
  ])('%s: the children are $content, in document order (test/plan/ordered-content.test.ts)', (_name, content) => {
    const f = planFixture(typeT(content));
    expect(f.plan.complexTypes.T.ordered).toBe(true);
    expect(f.plan.complexTypes.T.content).toMatchObject({ kind: 'elements' });
  });
});

construct({
  title: 'repeated single-element groups inside a sequence (folded into the elements)',
  body: typeT(`<xs:sequence>
    <xs:element name="head" type="xs:string"/>
    <xs:sequence minOccurs="0" maxOccurs="3"><xs:element name="a" type="xs:string"/></xs:sequence>
    <xs:choice maxOccurs="unbounded"><xs:element name="c" type="xs:int"/></xs:choice>
  </xs:sequence>`),
  slots: [slot('head'), slot('a', 'xs_string', { optional: true, array: true, min: 0, max: 3 }), slot('c', 'xs_int', { array: true, min: 1, max: -1 })],
  model: grp('sequence', [el(0), el(1, 0, 3), el(2, 1, -1)]),
  docs: [
    ok('no a, one c', doc('<head>h</head>', '<c>1</c>'), { head: 'h', c: [1] }),
    ok('three a, many c', doc('<head>h</head>', '<a>x</a>', '<a>y</a>', '<a>z</a>', '<c>1</c>', '<c>2</c>', '<c>3</c>', '<c>4</c>'), { head: 'h', a: ['x', 'y', 'z'], c: [1, 2, 3, 4] }),
    bad('one a too many', doc('<head>h</head>', '<a>x</a>', '<a>y</a>', '<a>z</a>', '<a>w</a>', '<c>1</c>'), 'unexpected-element', '/a', '<a>w'),
    bad('no c', doc('<head>h</head>', '<a>x</a>'), 'missing-element', '/c', '</doc>'),
    bad('order swapped', doc('<head>h</head>', '<c>1</c>', '<a>x</a>'), 'unexpected-element', '/a', '<a>'),
    bad('head missing', doc('<a>x</a>', '<c>1</c>'), 'missing-element', '/head', '<a>'),
  ],
  values: [
    inval('one a too many', { head: 'h', a: ['x', 'y', 'z', 'w'], c: [1] }, 'unexpected-element', '/a'),
    inval('an empty array of c', { head: 'h', c: [] }, 'missing-element', '/c'),
    inval('head missing', { c: [1] }, 'missing-element', '/head'),
    inval('a single value where an array is expected', { head: 'h', c: 1 }, 'invalid-value', '/c'),
  ],
});

// ── an element with minOccurs="2" maxOccurs="4" ───────────────────────────────────────

construct({
  title: 'an element with minOccurs="2" maxOccurs="4"',
  body: typeT('<xs:sequence><xs:element name="n" type="xs:int" minOccurs="2" maxOccurs="4"/><xs:element name="end" type="xs:string" minOccurs="0"/></xs:sequence>'),
  slots: [slot('n', 'xs_int', { array: true, min: 2, max: 4 }), slot('end', 'xs_string', { optional: true, min: 0 })],
  model: grp('sequence', [el(0, 2, 4), el(1, 0, 1)]),
  docs: [
    ok('the minimum', doc('<n>1</n>', '<n>2</n>'), { n: [1, 2] }),
    ok('the maximum, then the optional element', doc('<n>1</n>', '<n>2</n>', '<n>3</n>', '<n>4</n>', '<end>e</end>'), { n: [1, 2, 3, 4], end: 'e' }),
    bad('one too few', doc('<n>1</n>'), 'missing-element', '/n', '</doc>'),
    bad('one too few, then the next element', doc('<n>1</n>', '<end>e</end>'), 'missing-element', '/n', '<end>'),
    bad('one too many', doc('<n>1</n>', '<n>2</n>', '<n>3</n>', '<n>4</n>', '<n>5</n>'), 'unexpected-element', '/n', '<n>5'),
    bad('none', doc(), 'missing-element', '/n', '<doc'),
    bad('order swapped', doc('<end>e</end>', '<n>1</n>', '<n>2</n>'), 'missing-element', '/n', '<end>'),
    bad('an unknown element', doc('<n>1</n>', '<n>2</n>', '<m>3</m>'), 'unexpected-element', '/m', '<m>'),
  ],
  values: [
    inval('one item too few', { n: [1] }, 'missing-element', '/n'),
    inval('one item too many', { n: [1, 2, 3, 4, 5] }, 'unexpected-element', '/n'),
    inval('the element missing', {}, 'missing-element', '/n'),
    inval('an unknown property', { n: [1, 2], m: 3 }, 'unexpected-element', '/m'),
  ],
});

// ── nested sequences (xs:group refs) ──────────────────────────────────────────────────

construct({
  title: 'nested sequences from xs:group refs',
  body: typeT(
    '<xs:sequence><xs:group ref="t:Outer"/><xs:element name="last" type="xs:string"/></xs:sequence>',
    `<xs:group name="Inner"><xs:sequence><xs:element name="i1" type="xs:string"/><xs:element name="i2" type="xs:string" minOccurs="0"/></xs:sequence></xs:group>
<xs:group name="Outer"><xs:sequence><xs:element name="o1" type="xs:string"/><xs:group ref="t:Inner" minOccurs="0"/></xs:sequence></xs:group>
`,
  ),
  // i1 is optional in the typed form (its group may be absent) but required within it
  slots: [slot('o1'), slot('i1', 'xs_string', { optional: true }), slot('i2', 'xs_string', { optional: true, min: 0 }), slot('last')],
  model: grp('sequence', [grp('sequence', [el(0), grp('sequence', [el(1), el(2, 0, 1)], 0, 1)]), el(3)]),
  docs: [
    ok('every element', doc('<o1>a</o1>', '<i1>b</i1>', '<i2>c</i2>', '<last>d</last>'), { o1: 'a', i1: 'b', i2: 'c', last: 'd' }),
    ok('the optional inner group absent', doc('<o1>a</o1>', '<last>d</last>'), { o1: 'a', last: 'd' }),
    ok('the inner group without its optional element', doc('<o1>a</o1>', '<i1>b</i1>', '<last>d</last>'), { o1: 'a', i1: 'b', last: 'd' }),
    bad('order swapped', doc('<i1>b</i1>', '<o1>a</o1>', '<last>d</last>'), 'missing-element', '/o1', '<i1>'),
    bad('the first element missing', doc('<last>d</last>'), 'missing-element', '/o1', '<last>'),
    bad('the last element missing', doc('<o1>a</o1>', '<i1>b</i1>'), 'missing-element', '/last', '</doc>'),
    bad('one element too many', doc('<o1>a</o1>', '<last>d</last>', '<last>e</last>'), 'unexpected-element', '/last', '<last>e'),
    bad('an unknown element', doc('<o1>a</o1>', '<last>d</last>', '<zz/>'), 'unexpected-element', '/zz', '<zz/>'),
    bad('text between the elements', doc('<o1>a</o1>', 'oops', '<last>d</last>'), 'unexpected-text', '', 'oops'),
  ],
  values: [
    inval('an optional group present without its required element', { o1: 'a', i2: 'c', last: 'd' }, 'missing-element', '/i1'),
    inval('the first element missing', { i1: 'b', last: 'd' }, 'missing-element', '/o1'),
    inval('the last element missing', { o1: 'a' }, 'missing-element', '/last'),
    inval('an unknown property', { o1: 'a', last: 'd', zz: '' }, 'unexpected-element', '/zz'),
  ],
});
