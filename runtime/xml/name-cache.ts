/**
 * A process-wide set of names already checked (namespace names, xsi:type QNames): documents
 * declare the same few again and again, so a hit skips a regular expression. Bounded in count
 * and in characters, since it outlives every document: a name longer than `maxLength` is checked
 * every time and never kept, and once `maxEntries` are kept nothing more is added. What is kept
 * is a copy, never a slice of the document it came from: V8 shares the characters of a
 * substring with its parent string, so keeping a 30-character slice could keep a 16 Mi-character
 * document alive for the life of the process.
 */
export class NameCache {
  private readonly names = new Set<string>();

  constructor(
    readonly maxEntries: number,
    readonly maxLength: number,
  ) {}

  has(name: string): boolean {
    return name.length <= this.maxLength && this.names.has(name);
  }

  add(name: string): void {
    if (name.length > this.maxLength || this.names.size >= this.maxEntries || this.names.has(name)) return;
    this.names.add(copyOf(name));
  }

  get size(): number {
    return this.names.size;
  }

  /** At most this many characters are ever held: the bound is in count and in bytes. */
  get maxCharacters(): number {
    return this.maxEntries * this.maxLength;
  }
}

/** A string with characters of its own (joining code units builds a new flat string). */
function copyOf(s: string): string {
  const units: string[] = [];
  for (let i = 0; i < s.length; i++) units.push(s[i]);
  return units.join('');
}
