import type { ConsoleSession } from './types';

export function newSession(files: Record<string, string> = {}): ConsoleSession {
  return { files: { ...files }, copilot: { environments: {}, services: {}, calls: [] }, env: {}, regions: {} };
}
