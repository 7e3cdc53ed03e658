/**
 * Character classes of XML 1.0 (Fifth Edition) §2.2 (Char) and §2.3 (NameStartChar, NameChar),
 * as code-unit tests the tokenizer can run without allocating.
 */

/** ASCII lookup: 1 = NCName start char, 2 = NCName char only (digits, '-', '.'). ':' is handled by the QName rules. */
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_]/.test(ch)) ASCII_NAME[c] = 1;
  else if (/[0-9.-]/.test(ch)) ASCII_NAME[c] = 2;
}

/** Non-ASCII NameStartChar ranges (BMP part; a surrogate pair counts as #x10000-#xEFFFF). */
function isWideNameStart(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

function isWideNameChar(c: number): boolean {
  return isWideNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040);
}

/**
 * True when the code unit may start an NCName. High surrogates are accepted here and checked by
 * the caller; only D800–DB7F, whose pairs are U+10000–U+EFFFF: §2.3 NameStartChar stops at
 * #xEFFFF, and planes 15–16 (DB80–DBFF) are Chars but not name characters.
 */
export function isNameStartUnit(c: number): boolean {
  return c < 128 ? ASCII_NAME[c] === 1 : isWideNameStart(c) || (c >= 0xd800 && c <= 0xdb7f);
}

export function isNameUnit(c: number): boolean {
  return c < 128 ? ASCII_NAME[c] !== 0 : isWideNameChar(c) || (c >= 0xd800 && c <= 0xdb7f) || (c >= 0xdc00 && c <= 0xdfff);
}

/** S ::= (#x20 | #x9 | #xD | #xA)+ */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
}

/**
 * Finds the first character that is not an XML Char (control characters, U+FFFE/U+FFFF,
 * unpaired surrogates). Returns its index, or -1.
 */
const NON_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function findNonXmlChar(s: string): number {
  const m = NON_CHAR.exec(s);
  return m ? m.index : -1;
}

/** True when the code point may appear in an XML 1.0 document (Char production). */
export function isXmlCodePoint(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

const NCNAME =
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: U+200C and U+200D are NameStartChars of XML 1.0 on their own (§2.3), not joiners here
  /^[A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\u{10000}-\u{effff}][A-Za-z_\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\u{10000}-\u{effff}\-.0-9\u00b7\u0300-\u036f\u203f\u2040]*$/u;

/** Full NCName check (used on names that contain non-ASCII characters, and on xsi:type values). */
export function isNCName(s: string): boolean {
  return NCNAME.test(s);
}
