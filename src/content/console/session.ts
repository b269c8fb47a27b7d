import type { ConsoleSession } from './types';

export function newSession(files: Record<string, string> = {}): ConsoleSession {
  return { files: { ...files }, copilot: { environments: {}, services: {}, calls: [] }, env: {}, regions: {} };
}

/** An editor file's text, by its own name only (a file named toString or __proto__ is just a name). */
export function fileText(files: Record<string, string>, name: string): string | undefined {
  return Object.hasOwn(files, name) ? files[name] : undefined;
}

/** Writes an editor file (any name, __proto__ too, as a file of that name). */
export function writeFile(files: Record<string, string>, name: string, text: string): void {
  Object.defineProperty(files, name, { value: text, enumerable: true, writable: true, configurable: true });
}
