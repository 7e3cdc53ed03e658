import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PXP_XSD = join(ROOT, 'schemas', 'pxp', 'payment-processing.xsd');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
