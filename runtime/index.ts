/**
 * paygen/runtime: what generated code imports, and what its users may import directly
 * (the error type, options, the tokenizer limits, the interpreter). Small and free of
 * dependencies. docs/architecture.md describes how the pieces fit.
 */
export { PaygenError, quote, type Issue, type IssueCode } from './issues.js';
export { MIXED_TEXT, ReadContext, displayKey, type ParseMode, type ParseOptions } from './read-context.js';
export { NILLABLE, REQUIRED, ValueChecker, XSI_RESTRICTION_BLOCKED } from './check.js';
export { simpleType, checkDecimalFacets, isXmlText, ucs2length, type DecimalBounds, type Fault, type SimpleType, type SimpleTypeDef } from './simple-type.js';
export { all, choice, complexType, element, family, sequence, type ComplexType, type ComplexTypeDef, type Family, type FamilyDef } from './descriptors.js';
export { EMPTY_CONTENT, type ContentModel } from './content-model.js';
export { WhiteSpace, compareDecimal, decimalDigits, normalizeSpace, parseBoolean } from './lexical.js';
export {
  buildBytesWith,
  buildWith,
  parseWith,
  rootMismatch,
  rootOf,
  safeParseAmong,
  safeParseAny,
  safeParseWith,
  type BuildOptions,
  type BytesBuildOptions,
  type ReadBinding,
  type SafeParseResult,
  type WriteBinding,
} from './document.js';
export { escapeAttr, escapeText, QNameWriter, redeclareDefault, UnrepresentableError, writeQNameElement, writeQNamesElement } from './write.js';
export { admits, fragmentFault, writeFragment, writeOtherAttributes, type FragmentSlot, type LaxReading, type WildcardCheckers, type WildcardReaders } from './wildcard.js';
export { LaxContent, laxReading } from './lax-content.js';
export { checkProfiles, type ProfileCheck } from './profiles.js';
export { checkIdentity, type IdentityMap } from './identity.js';
export { checkIdRefs, type IdRefMap } from './id-refs.js';
export { collectSecrets, maskCardNumbers, maskIssues, maskSecret, type MaskOptions, type SensitiveShape, type SensitivityMap } from './sensitive.js';
export { decodeXml, DecodeError, type Decoded, type EncodingName } from './xml/decode.js';
export { encodeText, referenceUnencodable, resolveEncoding, type EncodingOption, type WritableEncoding } from './encode.js';
export { DEFAULT_LIMITS, type DoctypePolicy, type XmlLimits } from './xml/limits.js';
export { XSI_NS } from './xml/cursor.js';
export { interpret, type InterpretedMessage, type InterpretedSet } from './interpret.js';
export * from './plan.js';
