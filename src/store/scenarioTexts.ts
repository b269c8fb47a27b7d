import binpack from '../../docs/examples/binpack.yaml?raw';
import busy from '../../docs/examples/busy-cluster.yaml?raw';
import large from '../../docs/examples/large-cluster.yaml?raw';

/**
 * The texts of the built-in scenarios other than the first view's (./defaults.ts), by id: in the page a
 * chunk of its own, which `loadBuiltInTexts` brings when one is chosen or a saved world needs one.
 */
export const TEXTS: Record<string, string> = { 'busy-cluster': busy, binpack, 'large-cluster': large };
