import type { Issue } from './issues.js';
import { ORDERED_PROP, type ElementPlan, type Plan, type SimpleTypePlan, type TypeRef } from './plan.js';
import { MAX_VALUE_DEPTH } from './check.js';
import { typedWildcardElements } from './wildcard.js';

/**
 * xs:ID and xs:IDREF over a whole document (XSD 1.0 Part 1 §3.3.4, Validation Rule "Validation
 * Root Valid (ID/IDREF)", cvc-id; the ID/IDREF table of §3.15.5): every value of type xs:ID, or of
 * a type derived from it by restriction, is unique in the document (cvc-id.2: `duplicate-id`), and
 * every value of type xs:IDREF (or derived), each item of an xs:IDREFS or of a list whose item type
 * is or derives from xs:IDREF, is the value of some ID of the document (cvc-id.1: `unmatched-idref`).
 * IDs are NCNames: values compare after whitespace collapse, as strings.
 *
 * As with identity constraints (runtime/identity.ts), the check runs on the typed value, so that
 * reading (its issues located by a second read: runtime/document.ts) and validation share it; what
 * the typed form does not say — which properties hold IDs and IDREFs — comes from an IdRefMap, a
 * slice of the plan as data (a literal in generated validate.ts; the interpreter builds it).
 *
 * What is not looked at, and why:
 * - content kept as XML text under an xs:any or xs:anyType: with processContents="skip" XSD does
 *   not assess it, so its attributes have no type and are no IDs (and with "lax" paygen refuses, as
 *   `unsupported`, the declared elements a lax reading would have to check inside it:
 *   runtime/wildcard.ts); what a lax or strict wildcard holds as a typed item is looked at as any
 *   element is; attributes an xs:anyAttribute admitted carry no type;
 * - unions with an ID or IDREF member, and lists of IDs: XSD 1.0's table holds neither (XSD 1.1
 *   adds them); libxml2 checks neither.
 */

/** What a value of a simple type is in the ID/IDREF table: an ID, an IDREF, or a list of IDREFs. */
export type IdRole = 'id' | 'idref' | 'idrefs';

/** A type reference: complex `c`, family `f`, simple `s`; `w`: an item of a wildcard slot (XML text, or a typed item of `IdRefMap.wildcard`). */
export type IdRefRef = readonly [kind: 'c' | 'f' | 's' | 'w', id: string];

export interface IdRefShape {
  /** Attributes of an ID or IDREF type: property, role, whether required, the default (or fixed) value an absent one has. */
  readonly attributes?: ReadonlyArray<readonly [prop: string, role: IdRole, required: boolean, dflt?: string]>;
  /**
   * Elements that are IDs or IDREFs (`role`), or whose type holds some below: only those. `array`:
   * the property holds every occurrence; `min`: how many occurrences it needs (the arbitraries drop no more).
   */
  readonly elements?: ReadonlyArray<{
    readonly prop: string;
    readonly type: IdRefRef;
    readonly role?: IdRole;
    readonly array?: boolean;
    readonly min?: number;
    readonly dflt?: string;
  }>;
  readonly ordered?: boolean;
  /** Simple content that is an ID or IDREF: the role of `value`. */
  readonly simple?: IdRole;
}

export interface IdRefMap {
  /** Complex types that are, or hold below, an ID or IDREF. */
  readonly complex: Readonly<Record<string, IdRefShape>>;
  /** xsi:type families: `$type` tag → complex type id (those of the map). */
  readonly families: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Messages whose value can hold an ID or IDREF: their root's type (and its role, for a root of simple type). */
  readonly messages: Readonly<Record<string, { readonly type: IdRefRef; readonly role?: IdRole }>>;
  /** Typed wildcard items (Plan.wildcardElements) that are, or hold below, an ID or IDREF, by their key (`{ns}local`, or `local`). */
  readonly wildcard?: Readonly<Record<string, { readonly type: IdRefRef; readonly role?: IdRole; readonly dflt?: string }>>;
}

/** What a simple type's values are in the ID/IDREF table, if anything. */
export function idRole(plan: Plan, s: SimpleTypePlan | undefined): IdRole | undefined {
  if (!s) return undefined;
  // `builtin` is the nearest built-in ancestor: nothing built in derives from ID or IDREF
  if (s.variety === 'atomic') return s.builtin === 'ID' ? 'id' : s.builtin === 'IDREF' ? 'idref' : undefined;
  if (s.variety === 'list' && s.item !== undefined) return idRole(plan, plan.simpleTypes[s.item]) === 'idref' ? 'idrefs' : undefined;
  return undefined;
}

/** Which complex types reach something, and whether a type or a slot does (typesReaching). */
export interface TypeReach {
  readonly reaches: ReadonlySet<string>;
  readonly typeReaches: (t: TypeRef) => boolean;
  readonly slotReaches: (e: ElementPlan) => boolean;
}

/**
 * The complex types that have something (`own`) or hold below a type that has it (a fixpoint over
 * the type graph), and whether a type or a slot reaches one: a simple type when `simple` says so,
 * a family when a member does, a wildcard slot when one of its typed items does.
 */
export function typesReaching(plan: Plan, own: (c: Plan['complexTypes'][string]) => boolean, simple: (id: string) => boolean = () => false): TypeReach {
  const reaches = new Set(
    Object.values(plan.complexTypes)
      .filter(own)
      .map((c) => c.id),
  );
  const typeReaches = (t: TypeRef): boolean =>
    t.kind === 'complex' ? reaches.has(t.id) : t.kind === 'family' ? plan.families[t.id].members.some((m) => reaches.has(m)) : t.kind === 'simple' && simple(t.id);
  const slotReaches = (e: ElementPlan): boolean => (e.type.kind === 'any' ? typedWildcardElements(plan, e).some((w) => typeReaches(w.type)) : typeReaches(e.type));
  for (let changed = true; changed; ) {
    changed = false;
    for (const c of Object.values(plan.complexTypes)) {
      if (!reaches.has(c.id) && c.elements.some(slotReaches)) {
        reaches.add(c.id);
        changed = true;
      }
    }
  }
  return { reaches, typeReaches, slotReaches };
}

/** Which complex types are, or hold below, an ID or IDREF (typesReaching). */
export function idReach(plan: Plan): TypeReach {
  const role = (id: string): IdRole | undefined => idRole(plan, plan.simpleTypes[id]);
  const own = (c: Plan['complexTypes'][string]): boolean =>
    c.attributes.some((a) => role(a.type)) || (c.content.kind === 'simple' && role(c.content.type) !== undefined) || c.elements.some((e) => e.type.kind === 'simple' && role(e.type.id));
  return typesReaching(plan, own, (id) => role(id) !== undefined);
}

/** The slice of a plan the ID/IDREF check needs, or undefined when no message can hold an ID or IDREF. */
export function idRefMap(plan: Plan): IdRefMap | undefined {
  const role = (id: string): IdRole | undefined => idRole(plan, plan.simpleTypes[id]);
  const { typeReaches, slotReaches, reaches } = idReach(plan);
  const messages: Record<string, { type: IdRefRef; role?: IdRole }> = {};
  for (const m of plan.messages) {
    if (m.type.kind === 'any' || !typeReaches(m.type)) continue;
    const r = m.type.kind === 'simple' ? role(m.type.id) : undefined;
    messages[m.name] = { type: refOf(m.type), ...(r ? { role: r } : {}) };
  }
  if (Object.keys(messages).length === 0) return undefined;
  const complex: Record<string, IdRefShape> = {};
  for (const c of Object.values(plan.complexTypes)) {
    if (!reaches.has(c.id)) continue;
    const attributes = c.attributes.flatMap((a) => {
      const r = role(a.type);
      if (!r) return [];
      const dflt = a.default ?? a.fixed;
      return [dflt !== undefined ? ([a.prop, r, a.required, dflt] as const) : ([a.prop, r, a.required] as const)];
    });
    const elements = c.elements.flatMap((e) => {
      if (!slotReaches(e)) return [];
      if (e.type.kind === 'any') return [{ prop: e.prop, type: ['w', ''] as const, ...(e.array ? { array: true } : {}), ...(e.array && e.min !== 1 ? { min: e.min } : {}) }];
      const r = e.type.kind === 'simple' ? role(e.type.id) : undefined;
      const dflt = e.default ?? e.fixed;
      return [
        {
          prop: e.prop,
          type: refOf(e.type),
          ...(r ? { role: r } : {}),
          ...(e.array ? { array: true } : {}),
          ...(e.array && e.min !== 1 ? { min: e.min } : {}),
          ...(dflt !== undefined ? { dflt } : {}),
        },
      ];
    });
    const simple = c.content.kind === 'simple' ? role(c.content.type) : undefined;
    complex[c.id] = {
      ...(attributes.length > 0 ? { attributes } : {}),
      ...(elements.length > 0 ? { elements } : {}),
      ...(c.ordered ? { ordered: true } : {}),
      ...(simple ? { simple } : {}),
    };
  }
  const families: Record<string, Record<string, string>> = {};
  for (const f of Object.values(plan.families)) {
    const members = f.members.filter((m) => reaches.has(m));
    if (members.length > 0) families[f.id] = Object.fromEntries(members.map((m) => [plan.complexTypes[m].typeTag ?? m, m]));
  }
  const wildcard: Record<string, { type: IdRefRef; role?: IdRole; dflt?: string }> = {};
  for (const w of Object.values(plan.wildcardElements ?? {})) {
    if (!typeReaches(w.type)) continue;
    const r = w.type.kind === 'simple' ? role(w.type.id) : undefined;
    const dflt = w.default ?? w.fixed;
    wildcard[w.prop] = { type: refOf(w.type), ...(r ? { role: r } : {}), ...(dflt !== undefined ? { dflt } : {}) };
  }
  return { complex, families, messages, ...(Object.keys(wildcard).length > 0 ? { wildcard } : {}) };
}

const refOf = (t: TypeRef): IdRefRef => [t.kind === 'complex' ? 'c' : t.kind === 'family' ? 'f' : 's', t.id];

/** Whether a message's value can hold an ID or IDREF. */
export function idRefsChecked(map: IdRefMap, message: string): boolean {
  return map.messages[message] !== undefined;
}

/** One ID or IDREF value of the document: where it is, and how to replace it (for matchIdRefs). */
interface Occurrence {
  readonly role: IdRole;
  readonly path: string;
  /** The value as the typed form holds it (an array for a list of IDREFs). */
  readonly value: unknown;
  readonly set: (v: unknown) => void;
  /** Removes it from its parent, where that leaves the value valid: an optional attribute, a repeated element's extra occurrence (for matchIdRefs). */
  readonly drop?: () => void;
}

/** Every ID/IDREF issue of a message's value (unmasked): duplicate IDs at their second occurrence, IDREFs that name no ID. */
export function checkIdRefs(value: unknown, map: IdRefMap, message: string): Issue[] {
  const root = map.messages[message];
  if (!root) return [];
  const found = collect(map, root.type, root.role, value);
  const issues: Issue[] = [];
  const ids = new Map<string, string>();
  for (const o of found) {
    if (o.role !== 'id') continue;
    const v = idText(o.value);
    if (v === undefined) continue;
    const first = ids.get(v);
    if (first === undefined) ids.set(v, o.path);
    else
      issues.push({
        code: 'duplicate-id',
        path: o.path,
        message: `the ID '${v}' is already the ID of ${first || 'the root'}; IDs are unique in a document`,
        expected: 'an ID no other element or attribute of the document has',
        received: v,
      });
  }
  for (const o of found) {
    if (o.role === 'id') continue;
    for (const v of refTexts(o)) {
      if (ids.has(v)) continue;
      issues.push({ code: 'unmatched-idref', path: o.path, message: `the IDREF '${v}' is the ID of nothing in the document`, expected: 'the value of an ID of the document', received: v });
    }
  }
  return issues;
}

/**
 * A copy of a message's value whose IDREFs name IDs of the value, as a document's do: what
 * arbitraries draw at random names no ID. An IDREF that names none takes the value of one of the
 * value's IDs; where the value has no ID, an IDREF the schema lets be absent is removed. What is
 * left (a required IDREF with no ID to name, two IDs drawn alike) is for the validity filter after
 * it. As matchKeyrefs does, an IDREF takes an ID's value without looking at the IDREF type's own
 * facets (a restriction of xs:IDREF narrower than the IDs is for that filter, too).
 */
export function matchIdRefs<T>(value: T, map: IdRefMap, message: string): T {
  const root = map.messages[message];
  if (!root) return value;
  const copy = structuredClone(value);
  const found = collect(map, root.type, root.role, copy);
  const ids = [...new Set(found.flatMap((o) => (o.role === 'id' ? [idText(o.value)] : [])).filter((v): v is string => v !== undefined))];
  const known = new Set(ids);
  let next = 0;
  const pick = (): string => ids[next++ % ids.length];
  // drops run last, from the end, so that removing array items leaves the indexes of the others
  const drops: Array<() => void> = [];
  for (const o of found) {
    if (o.role === 'id') continue;
    const refs = refTexts(o);
    if (refs.every((v) => known.has(v))) continue;
    if (ids.length === 0) {
      if (o.drop) drops.push(o.drop);
      continue;
    }
    if (o.role === 'idref') o.set(pick());
    else if (Array.isArray(o.value)) o.set(o.value.map((v) => (typeof v === 'string' && known.has(collapse(v)) ? v : pick())));
  }
  for (const d of drops.reverse()) d();
  return copy;
}

const collapse = (v: string): string => v.replace(/[\t\n\r ]+/g, ' ').trim();

function idText(v: unknown): string | undefined {
  return typeof v === 'string' ? collapse(v) : undefined;
}

/** The IDs an IDREF occurrence names (each item of a list). */
function refTexts(o: Occurrence): string[] {
  if (o.role === 'idref') return typeof o.value === 'string' ? [collapse(o.value)] : [];
  if (Array.isArray(o.value)) return o.value.filter((v): v is string => typeof v === 'string').map(collapse);
  // a list given as text (the validator reports the type): its items
  return typeof o.value === 'string' ? collapse(o.value).split(' ').filter(Boolean) : [];
}

/** The ID and IDREF values of a value, in document order (attributes before children). */
function collect(map: IdRefMap, root: IdRefRef, rootRole: IdRole | undefined, value: unknown): Occurrence[] {
  const out: Occurrence[] = [];
  let depth = 0;
  const element = (type: IdRefRef, role: IdRole | undefined, v: unknown, path: string, dflt: string | undefined, set: (x: unknown) => void, drop?: () => void): void => {
    if (v === undefined || v === null) return;
    if (type[0] === 'w') {
      // an item of a wildcard slot: XML text holds no ID (not assessed, or refused); a typed item is its element's value
      if (typeof v !== 'object') return;
      const [key] = Object.keys(v);
      const w = key === undefined ? undefined : map.wildcard?.[key];
      if (w)
        element(w.type, w.role, (v as Record<string, unknown>)[key], `${path}/${key}`, w.dflt, (x) => {
          (v as Record<string, unknown>)[key] = x;
        });
      return;
    }
    if (role) {
      // an empty element has its declaration's default (an ID has none: a schema error)
      const held = v === '' && dflt !== undefined ? dflt : v;
      out.push({ role, path, value: held, set, ...(drop ? { drop } : {}) });
      return;
    }
    if (typeof v !== 'object') return;
    const shape = shapeOf(map, type, v as Record<string, unknown>);
    // a value deeper than typed values may be is refused by the checker; nothing below is walked
    if (!shape || depth >= MAX_VALUE_DEPTH) return;
    depth++;
    walk(shape, v as Record<string, unknown>, path);
    depth--;
  };
  const walk = (shape: IdRefShape, record: Record<string, unknown>, path: string): void => {
    for (const [prop, role, required, dflt] of shape.attributes ?? []) {
      const v = record[prop] ?? dflt;
      if (v === undefined) continue;
      const set = (x: unknown): void => {
        record[prop] = x;
      };
      const drop =
        !required && record[prop] !== undefined && dflt === undefined
          ? () => {
              delete record[prop];
            }
          : undefined;
      out.push({ role, path: `${path}/${prop}`, value: v, set, ...(drop ? { drop } : {}) });
    }
    if (shape.simple && record.value !== undefined) {
      out.push({
        role: shape.simple,
        path,
        value: record.value,
        set: (x) => {
          record.value = x;
        },
      });
    }
    const elements = shape.elements ?? [];
    if (elements.length === 0) return;
    if (shape.ordered) {
      const items = record[ORDERED_PROP];
      if (!Array.isArray(items)) return;
      const byProp = new Map(elements.map((e) => [e.prop, e]));
      items.forEach((item, i) => {
        if (item === null || typeof item !== 'object') return;
        for (const [key, v] of Object.entries(item as Record<string, unknown>)) {
          const e = byProp.get(key);
          if (!e) continue;
          element(e.type, e.role, v, `${path}/${ORDERED_PROP}/${i}/${key}`, e.dflt, (x) => {
            (item as Record<string, unknown>)[key] = x;
          });
        }
      });
      return;
    }
    for (const e of elements) {
      const v = record[e.prop];
      if (v === undefined) continue;
      if (e.array && Array.isArray(v)) {
        // never below the particle's minimum, and never empty: an enclosing choice may need the element
        const min = Math.max(e.min ?? 1, 1);
        for (let i = 0; i < v.length; i++) {
          const item = v[i];
          const drop = () => {
            const at = v.indexOf(item);
            if (v.length > min && at >= 0) v.splice(at, 1);
          };
          element(
            e.type,
            e.role,
            item,
            `${path}/${e.prop}/${i}`,
            e.dflt,
            (x) => {
              v[i] = x;
            },
            drop,
          );
        }
      } else {
        element(e.type, e.role, v, `${path}/${e.prop}`, e.dflt, (x) => {
          record[e.prop] = x;
        });
      }
    }
  };
  element(root, rootRole, value, '', undefined, () => {});
  return out;
}

function shapeOf(map: IdRefMap, t: IdRefRef, v: Record<string, unknown>): IdRefShape | undefined {
  if (t[0] === 'c') return map.complex[t[1]];
  if (t[0] === 'f') {
    const member = map.families[t[1]]?.[v.$type as string];
    return member !== undefined ? map.complex[member] : undefined;
  }
  return undefined;
}
