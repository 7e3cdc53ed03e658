/** A schema with xs:QName values everywhere a simple value is (test/plan/qname-attributes.test.ts, test/generator/qname-values.test.ts). */
const OTHER = 'urn:other';
const BODY = [
  '<xs:element name="doc" type="t:T"/>',
  '<xs:simpleType name="Names"><xs:list itemType="xs:QName"/></xs:simpleType>',
  '<xs:simpleType name="IntOrName"><xs:union memberTypes="xs:int xs:QName"/></xs:simpleType>',
  '<xs:simpleType name="Fault"><xs:restriction base="xs:QName" xmlns:o="urn:other"><xs:enumeration value="t:Client"/><xs:enumeration value="o:Server"/></xs:restriction></xs:simpleType>',
  '<xs:complexType name="Code"><xs:simpleContent><xs:extension base="xs:QName"><xs:attribute name="kind" type="xs:QName"/></xs:extension></xs:simpleContent></xs:complexType>',
  '<xs:complexType name="T"><xs:sequence>',
  '  <xs:element name="code" type="t:Code" minOccurs="0"/>',
  '  <xs:element name="names" type="t:Names" minOccurs="0"/>',
  '  <xs:element name="either" type="t:IntOrName" minOccurs="0"/>',
  '  <xs:element name="fault" type="t:Fault" minOccurs="0"/>',
  '  <xs:element name="dflt" type="xs:QName" default="t:Dflt" minOccurs="0"/>',
  '  <xs:element name="child" type="xs:string" minOccurs="0"/>',
  '</xs:sequence>',
  '<xs:attribute name="ref" type="xs:QName"/>',
  '<xs:attribute name="refs" type="t:Names"/>',
  '<xs:attribute name="fixedRef" type="xs:QName" fixed="t:Fixed"/>',
  '<xs:attribute name="faultAttr" type="t:Fault"/>',
  '</xs:complexType>',
];

export const QNAME_SCHEMA = { OTHER, BODY };
