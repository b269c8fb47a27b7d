export type Layer = 'app' | 'ui' | 'store' | 'content' | 'formats' | 'cli' | 'sim' | 'i18n';
export declare const LAYERS: Record<Layer, Layer[]>;
export declare const FLOORS: readonly ['core', 'model', 'queries', 'placement', 'controllers', 'api', 'sim.ts'];
export declare function forbiddenFor(layer: Layer): Layer[];
