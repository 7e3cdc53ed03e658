/**
 * The schema sets bundled with paygen and how to load their generated modules (lazily: checking
 * PaymentProcessing documents does not load the other sets). The paths are the same from the
 * sources and from dist/.
 */
export const BUNDLED_MODULES: Record<string, { index: () => Promise<Record<string, unknown>>; arbitraries: () => Promise<Record<string, unknown>> }> = {
  pxp: { index: () => import('../generated/pxp/index.js'), arbitraries: () => import('../generated/pxp/arbitraries.js') },
  desjardins: { index: () => import('../generated/desjardins/index.js'), arbitraries: () => import('../generated/desjardins/arbitraries.js') },
};

export const BUNDLED_SETS = Object.keys(BUNDLED_MODULES);
