import type { ComplexType, SchemaModel } from '../model/model.js';

/**
 * The subtype index: for each complex type, the types an instance may name with xsi:type in
 * its place (XSD 1.0 Part 1 §3.4.6, Type Derivation OK (Complex), with the declared type's
 * {prohibited substitutions} = `block`). A declaration is polymorphic when its type is abstract
 * or has such subtypes; its typed form is then a union discriminated by `$type`.
 */
export class SubtypeIndex {
  private readonly derived = new Map<string, string[]>();

  constructor(private readonly model: SchemaModel) {
    for (const t of Object.values(model.complexTypes)) {
      for (const ancestor of this.ancestors(t)) {
        if (!this.derivationAllowed(t, ancestor)) continue;
        const list = this.derived.get(ancestor.key) ?? [];
        list.push(t.key);
        this.derived.set(ancestor.key, list);
      }
    }
    for (const list of this.derived.values()) list.sort();
  }

  /** Complex types `t` derives from, nearest first. */
  ancestors(t: ComplexType): ComplexType[] {
    const out: ComplexType[] = [];
    let cur = t;
    while (cur.base && this.model.complexTypes[cur.base]) {
      cur = this.model.complexTypes[cur.base];
      out.push(cur);
    }
    return out;
  }

  /** May an instance of `t` stand where `ancestor` is declared? */
  private derivationAllowed(t: ComplexType, ancestor: ComplexType): boolean {
    let cur: ComplexType = t;
    while (cur.key !== ancestor.key) {
      if (cur.derivation && ancestor.block.includes(cur.derivation)) return false;
      cur = this.model.complexTypes[cur.base!];
    }
    return true;
  }

  /** Types that may replace `key` through xsi:type (not including itself). */
  subtypes(key: string): string[] {
    return this.derived.get(key) ?? [];
  }

  isPolymorphic(key: string): boolean {
    const t = this.model.complexTypes[key];
    return t !== undefined && (t.abstract || this.subtypes(key).length > 0);
  }

  /** The concrete types a polymorphic declaration of `key` admits: itself (unless abstract), then its subtypes. */
  members(key: string): string[] {
    const t = this.model.complexTypes[key];
    const all = [...(t && !t.abstract ? [key] : []), ...this.subtypes(key)];
    return all.filter((k) => !this.model.complexTypes[k].abstract);
  }
}
