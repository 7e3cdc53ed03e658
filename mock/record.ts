import { maskCardNumbers, maskSecret } from '../runtime/sensitive.js';
import { escapeAttr, escapeText } from '../runtime/write.js';

/**
 * A document exchanged, as `--record` keeps it: its bytes as they went over the wire (whatever
 * their encoding), with the values the schema marks sensitive masked where they stand, and what
 * else looks like a card number masked too. A recording is kept to be validated and replayed, so
 * when the masks (`*`) make it invalid — a card number whose type is digits, a 16-digit id in a
 * guid — the same characters are masked with `0` (a letter with `X`) instead, which a digits
 * pattern still accepts. Either way nothing masked is left: only its last four characters show.
 *
 * The bytes are read as Latin-1 for this, one character per byte, so that masking (which writes
 * ASCII over ASCII) and writing back give the same bytes everywhere else, in UTF-8 and Latin-9
 * documents alike. A secret with characters beyond ASCII is not found this way; card numbers, the
 * secrets of the bundled sets, are digits.
 */
export function maskedRecording(bytes: Uint8Array, secrets: readonly string[], stillValid: (masked: Uint8Array) => boolean): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  let out = text;
  for (const s of secrets) {
    if (s.length < 3 || !/^[\x20-\x7e]+$/.test(s)) continue;
    // as the writer writes it in text, and in an attribute
    for (const written of new Set([escapeText(s), escapeAttr(s)])) out = out.split(written).join(maskSecret(written));
  }
  const starred = maskCardNumbers(out);
  if (starred === text) return bytes;
  const stars = Buffer.from(starred, 'latin1');
  if (stillValid(stars)) return stars;
  // both masks keep the text's length: the characters they hid are at the same places
  let zeroed = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    zeroed += starred[i] === '*' && c !== '*' ? (/[0-9]/.test(c) ? '0' : /[A-Za-z]/.test(c) ? 'X' : c) : starred[i];
  }
  return Buffer.from(zeroed, 'latin1');
}
