// The fuzz script's worker entry: Node 20 workers take no --import, so this registers tsx and loads fuzz.ts.
import { register } from 'tsx/esm/api';

register();
await import('./fuzz.ts');
