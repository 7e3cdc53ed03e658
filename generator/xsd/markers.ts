/**
 * paygen's own annotations, placed in `xs:annotation/xs:appinfo` so that the schema stays plain
 * XSD for every other tool (libxml2 ignores appinfo content).
 *
 *   <xs:appinfo><paygen:sensitive/></xs:appinfo>   on a simple type or element: its values are
 *                                                   masked in every issue, warning and report.
 */
export const PAYGEN_NS = 'urn:paygen:annotations';
