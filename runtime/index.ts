/**
 * paygen/runtime: what generated code imports, and what its users may import directly
 * (the error type, options, the tokenizer limits). Small and free of dependencies.
 */
export { PaygenError, quote, type Issue, type IssueCode } from './issues.js';
export { ReadContext, SimpleKind, displayKey, type ParseMode, type ParseOptions, type SimpleReader, type SlotTable } from './read-context.js';
export { WhiteSpace, compareDecimal, decimalDigits, normalizeSpace, parseBoolean } from './lexical.js';
export { buildBytesWith, buildWith, parseWith, rootMismatch, rootOf, safeParseAmong, safeParseAny, safeParseWith, type BuildOptions, type BytesBuildOptions, type ReadBinding, type SafeParseResult, type WriteBinding } from './document.js';
export { checkDecimalFacets, issuesFromErrors, runValidator, ucs2length, type CompiledValidator, type DecimalFacets, type Masker, type ValidatorError } from './validation.js';
export { escapeAttr, escapeText, UnrepresentableError } from './write.js';
export { checkProfiles, type ProfileCheck } from './profiles.js';
export { collectSecrets, maskCardNumbers, maskIssues, maskSecret, type SensitiveShape, type SensitivityMap } from './sensitive.js';
export { decodeXml, DecodeError, type Decoded, type EncodingName } from './xml/decode.js';
export { encodeText, referenceUnencodable, type WritableEncoding } from './encode.js';
export { DEFAULT_LIMITS, type DoctypePolicy, type XmlLimits } from './xml/limits.js';
export { XSI_NS } from './xml/cursor.js';
