import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NARRATION } from '../../src/sim/model/narration';

const dir = resolve(import.meta.dirname, '../../src/i18n/locales');
const messages = (l: string): Record<string, string> => JSON.parse(readFileSync(resolve(dir, `${l}.json`), 'utf8')) as Record<string, string>;
const slots = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));

/**
 * The engine's narration table and the locale files' event.* keys, read as one text: the English entry of
 * each form is its template, each form has a Spanish entry with every value the English says, and no
 * event.* key names a form the engine no longer has.
 */
export function narrationProblems(table: Record<string, string>, en: Record<string, string>, es: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [form, text] of Object.entries(table)) {
    const key = `event.${form}`;
    if (en[key] !== text) out.push(`${form}: the English locale says ${JSON.stringify(en[key])}, the engine ${JSON.stringify(text)}`);
    if (es[key] === undefined) out.push(`${form} has no Spanish`);
    else for (const s of slots(text)) if (!slots(es[key]).has(s)) out.push(`${form}: the Spanish drops {${s}}`);
  }
  for (const key of Object.keys(en)) if (key.startsWith('event.') && !Object.hasOwn(table, key.slice(6))) out.push(`${key} names no form of the engine`);
  return out;
}

describe("the engine's narration and the locale files", () => {
  it('are one text: every form is its English entry and has a Spanish entry with every value', () => {
    expect(narrationProblems(NARRATION, messages('en'), messages('es'))).toEqual([]);
  });

  it('are told apart naming the form when the English differs, the Spanish is missing or drops a value, or a key is stale', () => {
    const table = { 'A.x': 'Task {id} is {status}.', 'A.y': 'Gone {id}.' };
    const en = { 'event.A.x': 'Task {id} is {status}', 'event.A.y': 'Gone {id}.', 'event.B.z': 'Old.' };
    const es = { 'event.A.x': 'La tarea {id} está.' };
    expect(narrationProblems(table, en, es)).toEqual([
      'A.x: the English locale says "Task {id} is {status}", the engine "Task {id} is {status}."',
      'A.x: the Spanish drops {status}',
      'A.y has no Spanish',
      'event.B.z names no form of the engine',
    ]);
  });
});
