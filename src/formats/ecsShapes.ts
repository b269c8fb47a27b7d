import docs from './ecsShapeDocs.json';
import { ecsShape } from '../sim';

/** Member names, shapes and one-line documentation of an ECS API shape (editor completion and hover). */
export function shapeMembers(shapeName: string): { name: string; shape: string; doc?: string }[] {
  const s = ecsShape(shapeName);
  if (!s?.m) return [];
  const d = (docs as Record<string, Record<string, string>>)[shapeName] ?? {};
  return Object.entries(s.m).map(([name, shape]) => ({ name, shape, ...(d[name] ? { doc: d[name] } : {}) }));
}
