import { Sim } from '../sim';
import type { LearnerAction } from '../content/timeline';
import { formatProblem, type Problem } from '../formats/problem';

/**
 * What the page keeps between visits: the scenario, its seed, the learner's actions and where the
 * clock stood, and the editor's files. Stored as versioned JSON; older versions are migrated and a
 * damaged store is recovered with a notice (the damaged text is kept aside, never thrown away).
 */
export interface Workspace {
  version: 2;
  /** Which built-in scenario the text came from (for the picker), or null when the learner's own. */
  scenarioId: string | null;
  scenarioText: string;
  seed: string;
  actions: LearnerAction[];
  /** Where the clock stood (ms). */
  time: number;
  files: Record<string, string>;
  activeFile: string;
  /** The lesson being taken, if any (its start state is scenarioText). */
  lessonId?: string | null;
}

export const STORE_KEY = 'ecs-sandbox.workspace';
export const LEGACY_KEY = 'ecs-sandbox.scenario';
export const DAMAGED_KEY = 'ecs-sandbox.workspace.damaged';

const LIMITS = { actions: 10_000, text: 1_000_000, files: 50, line: 20_000 };

export type Loaded = { workspace: Workspace; notice?: string };

/** A member of saved or shared data that cannot be read: a problem with no place in a text. */
const invalid = (member: string, message: string): Problem => ({ file: '', line: 0, column: 0, member, message, severity: 'error' });

/**
 * Checks untrusted data (storage, an imported file, a share link) member by member. Returns the
 * workspace or the first problem, named by its member.
 */
export function validateWorkspace(data: unknown, fallback: Workspace): { workspace?: Workspace; problem?: Problem } {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { problem: invalid('', 'it is not a JSON object') };
  const d = data as Record<string, unknown>;
  if (d.version !== 2) return { problem: invalid('version', `expected 2, found ${JSON.stringify(d.version)}`) };
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= LIMITS.text ? v : undefined);
  const scenarioText = text(d.scenarioText);
  if (scenarioText === undefined) return { problem: invalid('scenarioText', 'expected a string (at most 1 MB)') };
  if (typeof d.seed !== 'string' || d.seed.length > 200) return { problem: invalid('seed', 'expected a string') };
  if (d.scenarioId !== null && typeof d.scenarioId !== 'string') return { problem: invalid('scenarioId', 'expected a string or null') };
  if (typeof d.time !== 'number' || !Number.isFinite(d.time) || d.time < 0) return { problem: invalid('time', 'expected a number of milliseconds') };
  const actions = validateActions(d.actions);
  if (!Array.isArray(actions)) return { problem: actions };
  let files = fallback.files;
  if (d.files !== undefined) {
    if (d.files === null || typeof d.files !== 'object' || Array.isArray(d.files)) return { problem: invalid('files', 'expected an object of file texts') };
    const entries = Object.entries(d.files as Record<string, unknown>);
    if (entries.length > LIMITS.files) return { problem: invalid('files', `more than ${LIMITS.files} files`) };
    for (const [name, v] of entries) if (text(v) === undefined) return { problem: invalid(`files.${name}`, 'expected a string') };
    files = d.files as Record<string, string>;
  }
  const activeFile = typeof d.activeFile === 'string' && d.activeFile in files ? d.activeFile : Object.keys(files)[0] ?? fallback.activeFile;
  if (d.lessonId !== undefined && d.lessonId !== null && (typeof d.lessonId !== 'string' || !/^[\w-]{1,40}$/.test(d.lessonId))) return { problem: invalid('lessonId', 'expected a lesson id') };
  return {
    workspace: {
      version: 2, scenarioId: (d.scenarioId as string | null) ?? null, scenarioText, seed: d.seed, actions, time: Math.round(d.time), files, activeFile,
      ...(typeof d.lessonId === 'string' ? { lessonId: d.lessonId } : {}),
    },
  };
}

/** Checks a learner-action list; returns the list or the problem, naming the member. */
export function validateActions(v: unknown): LearnerAction[] | Problem {
  if (!Array.isArray(v)) return invalid('actions', 'expected a list');
  if (v.length > LIMITS.actions) return invalid('actions', `more than ${LIMITS.actions} actions`);
  const out: LearnerAction[] = [];
  let last = 0;
  for (let i = 0; i < v.length; i++) {
    const a = v[i] as Record<string, unknown> | null;
    const m = `actions[${i}]`;
    if (a === null || typeof a !== 'object') return invalid(m, 'expected an object');
    if (typeof a.at !== 'number' || !Number.isFinite(a.at) || a.at < last) return invalid(`${m}.at`, 'expected a time in ms, not before the previous action');
    last = a.at;
    if (a.kind === 'call') {
      if (typeof a.call !== 'string' || !Sim.hasOperation(a.call)) return invalid(`${m}.call`, `unknown operation ${JSON.stringify(a.call)}`);
      if (a.input === null || typeof a.input !== 'object' || Array.isArray(a.input)) return invalid(`${m}.input`, 'expected an object');
      out.push({ at: a.at, kind: 'call', call: a.call, input: a.input as Record<string, unknown>, ...(typeof a.label === 'string' ? { label: a.label } : {}) });
    } else if (a.kind === 'command') {
      if (typeof a.line !== 'string' || a.line.length > LIMITS.line) return invalid(`${m}.line`, 'expected a command line');
      let files: Record<string, string> | undefined;
      if (a.files !== undefined) {
        if (a.files === null || typeof a.files !== 'object' || Array.isArray(a.files)) return invalid(`${m}.files`, 'expected an object of file texts');
        for (const [k, f] of Object.entries(a.files)) if (typeof f !== 'string' || f.length > LIMITS.text) return invalid(`${m}.files.${k}`, 'expected a string');
        files = a.files as Record<string, string>;
      }
      out.push({ at: a.at, kind: 'command', line: a.line, ...(files ? { files } : {}) });
    } else return invalid(`${m}.kind`, 'expected "call" or "command"');
  }
  return out;
}

/** Reads the stored workspace: the current version, a migrated older one, or the fallback with a notice. */
export function loadWorkspace(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, fallback: Workspace): Loaded {
  if (!storage) return { workspace: fallback };
  let raw: string | null = null;
  try {
    raw = storage.getItem(STORE_KEY);
  } catch {
    return { workspace: fallback, notice: 'This browser does not let the page use local storage, so work will not be kept after a reload.' };
  }
  if (raw === null) {
    // Version 1 kept only the scenario text.
    let legacy: string | null = null;
    try {
      legacy = storage.getItem(LEGACY_KEY);
    } catch {
      legacy = null;
    }
    if (legacy === null) return { workspace: fallback };
    return { workspace: { ...fallback, scenarioId: null, scenarioText: legacy }, notice: 'Your scenario from an earlier version of the sandbox was brought over.' };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return damaged(storage, raw, fallback, `it is not valid JSON (${(e as Error).message})`);
  }
  const r = validateWorkspace(data, fallback);
  if (!r.workspace) return damaged(storage, raw, fallback, formatProblem(r.problem!));
  return { workspace: r.workspace };
}

function damaged(storage: Pick<Storage, 'setItem'>, raw: string, fallback: Workspace, why: string): Loaded {
  try {
    storage.setItem(DAMAGED_KEY, raw);
  } catch {
    // Nothing more can be done; the notice still says what happened.
  }
  return {
    workspace: fallback,
    notice: `The saved workspace could not be read (${why}), so the sandbox started afresh. The damaged copy is kept in local storage under "${DAMAGED_KEY}".`,
  };
}

export function saveWorkspace(storage: Pick<Storage, 'setItem'> | undefined, w: Workspace): string | undefined {
  if (!storage) return undefined;
  try {
    storage.setItem(STORE_KEY, JSON.stringify(w));
    return undefined;
  } catch {
    return 'The browser refused to store the workspace (storage full or disabled); export it to keep it.';
  }
}

// ---- share links ----

/** The most a share link may carry, encoded (so it fits in any address bar and chat message). */
export const SHARE_LIMIT = 64_000;
const SHARE_MAX_JSON = 4_000_000;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, max: number): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > max) {
      await reader.cancel();
      throw new Error('it expands to more than a workspace can hold');
    }
    chunks.push(value);
  }
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** The share-link payload (after `#share=`): scenario, seed, actions and time, compressed. */
export async function encodeShare(w: Workspace): Promise<string> {
  const json = JSON.stringify({ version: 2, scenarioId: w.scenarioId, scenarioText: w.scenarioText, seed: w.seed, actions: w.actions, time: w.time, ...(w.lessonId ? { lessonId: w.lessonId } : {}) });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), SHARE_MAX_JSON * 2);
  const s = toBase64Url(packed);
  if (s.length > SHARE_LIMIT) throw new Error(`the workspace is too large for a link (${s.length} characters after compression; the limit is ${SHARE_LIMIT}). Export it as a file instead.`);
  return s;
}

/** Reads a share-link payload as untrusted input; the problem says what is wrong with it. */
export async function decodeShare(payload: string, fallback: Workspace): Promise<{ workspace?: Workspace; problem?: string }> {
  if (payload.length > SHARE_LIMIT) return { problem: `the link is longer than ${SHARE_LIMIT} characters` };
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return { problem: 'the link contains characters a share link never has' };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), SHARE_MAX_JSON));
  } catch (e) {
    return { problem: `it cannot be unpacked (${e instanceof Error ? e.message : String(e)}); it may have been cut short when copied` };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { problem: 'it does not hold a workspace' };
  }
  const r = validateWorkspace({ ...(data as object), files: fallback.files, activeFile: fallback.activeFile }, fallback);
  return r.workspace ? { workspace: r.workspace } : { problem: formatProblem(r.problem!) };
}
