import { Sim } from '../sim';
import type { LearnerAction } from '../content/timeline';
import { HORIZON_DAYS, HORIZON_SECONDS, timeProblem } from '../content/bounds';
import { formatProblem, type Problem } from '../formats/problem';
import { message, type Message } from '../i18n';
import type { VariantDoc } from './variants';

/**
 * What the page keeps between visits: the scenario, its seed, the learner's actions and where the
 * clock stood, and the editor's files. Stored as versioned JSON; older versions are migrated. Storage,
 * an imported file and a share link are all untrusted: they are read member by member through own
 * members only, so a key such as "__proto__", "constructor" or "toString" is data, never a prototype.
 */
export interface Workspace {
  version: typeof WORKSPACE_VERSION;
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
  /** The demo being given, if any (its scenario is scenarioText): what reopens it (since version 3). */
  demo?: DemoRef;
  /** The demo's worlds side by side, each rebuilt from its own text and seed, the first the main world (since version 3). */
  variants?: VariantDoc[];
}

/** The workspace's version: 3 added the open demo and its variants; a version 2 workspace reads as one with neither. */
export const WORKSPACE_VERSION = 3;

/** Which demo a workspace reopens: a shipped demo (lessons/demos) by its id, or a demo file opened in the page by its name and text. */
export type DemoRef = { id: string } | { name: string; text: string };

export const STORE_KEY = 'ecs-sandbox.workspace';
export const LEGACY_KEY = 'ecs-sandbox.scenario';

const LIMITS = { actions: 10_000, text: 1_000_000, files: 50, line: 20_000, fileName: 200, variants: 5 };

/** A member of saved or shared data that cannot be read: a problem with no place in a text. */
const invalid = (member: string, message: string): Problem => ({ file: '', line: 0, column: 0, member, message, severity: 'error' });

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
/** An own member of untrusted data (never one inherited from Object.prototype). */
const own = (o: Rec, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.length <= LIMITS.text ? v : undefined);

/** Why a file name cannot be kept: too long, control characters, or a name every JavaScript object already has. */
function fileNameProblem(name: string): string | undefined {
  if (name.length === 0 || name.length > LIMITS.fileName) return `expected a file name of 1 to ${LIMITS.fileName} characters`;
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'a file name has no control characters';
  if (name === '__proto__' || Object.hasOwn(Object.prototype, name)) return `'${name}' cannot be a file name here (every object has a member of that name)`;
  return undefined;
}

/** Checks a learner-action list; returns the list or the problem, naming the member. */
export function validateActions(v: unknown): LearnerAction[] | Problem {
  const r = readActions(v);
  return r.problem ?? r.actions;
}

/** The actions that validate, in order, up to the first that does not (a replay cannot skip one), and that problem. */
function readActions(v: unknown): { actions: LearnerAction[]; problem?: Problem } {
  if (!Array.isArray(v)) return { actions: [], problem: invalid('actions', 'expected a list') };
  const out: LearnerAction[] = [];
  let last = 0;
  for (let i = 0; i < v.length; i++) {
    if (i >= LIMITS.actions) return { actions: out, problem: invalid('actions', `more than ${LIMITS.actions} actions`) };
    const r = readAction(v[i], `actions[${i}]`, last);
    if ('problem' in r) return { actions: out, problem: r.problem };
    out.push(r.action);
    last = r.action.at;
  }
  return { actions: out };
}

/** The label the Register button gave the engine call it once recorded: the AWS CLI command it stood for. */
const OLD_REGISTER = /^aws ecs register-task-definition --cli-input-json file:\/\/([\w./@%+=,-]+)$/;

/**
 * The Register button once recorded an engine call under the label of the command it stood for; replayed, the
 * call printed the engine's raw response (registeredAt in epoch seconds). Such an action is read as that command,
 * with the task definition it sent as the file the command reads, so that it replays through the console's AWS
 * CLI and prints what the CLI prints (ISO 8601 timestamps, the model's order of members), sending the same
 * request. Its line is the saved label; the editor's files are untouched.
 */
function savedRegister(at: number, call: string, input: Rec, label: unknown): LearnerAction | undefined {
  const file = call === 'ecs.RegisterTaskDefinition' && typeof label === 'string' ? OLD_REGISTER.exec(label)?.[1] : undefined;
  if (file === undefined || fileNameProblem(file)) return undefined;
  const json = text(JSON.stringify(input, null, 2));
  return json === undefined ? undefined : { at, kind: 'command', line: label as string, files: { [file]: json } };
}

function readAction(a: unknown, m: string, last: number): { action: LearnerAction } | { problem: Problem } {
  if (!isRecord(a)) return { problem: invalid(m, 'expected an object') };
  const at = own(a, 'at');
  if (typeof at !== 'number' || !Number.isFinite(at) || at < last) return { problem: invalid(`${m}.at`, 'expected a time in ms, not before the previous action') };
  const tooLate = timeProblem(at);
  if (tooLate) return { problem: invalid(`${m}.at`, tooLate) };
  const kind = own(a, 'kind');
  if (kind === 'call') {
    const call = own(a, 'call');
    const input = own(a, 'input');
    const label = own(a, 'label');
    if (typeof call !== 'string' || !Sim.hasOperation(call)) return { problem: invalid(`${m}.call`, `unknown operation ${JSON.stringify(call) ?? String(call)}`) };
    if (!isRecord(input)) return { problem: invalid(`${m}.input`, 'expected an object') };
    const register = savedRegister(at, call, input, label);
    if (register) return { action: register };
    return { action: { at, kind: 'call', call, input, ...(typeof label === 'string' && label.length <= LIMITS.line ? { label } : {}) } };
  }
  if (kind === 'command') {
    const line = own(a, 'line');
    if (typeof line !== 'string' || line.length > LIMITS.line) return { problem: invalid(`${m}.line`, 'expected a command line') };
    const filesIn = own(a, 'files');
    if (filesIn === undefined) return { action: { at, kind: 'command', line } };
    const files = readFiles(filesIn, `${m}.files`);
    if (files.problems.length) return { problem: files.problems[0]! };
    return { action: { at, kind: 'command', line, files: files.files } };
  }
  return { problem: invalid(`${m}.kind`, 'expected "call" or "command"') };
}

/** The files that validate, one by one, and a problem for each that does not. */
function readFiles(v: unknown, member: string): { files: Record<string, string>; problems: Problem[] } {
  const files: Record<string, string> = {};
  if (!isRecord(v)) return { files, problems: [invalid(member, 'expected an object of file texts')] };
  const problems: Problem[] = [];
  for (const [name, t] of Object.entries(v)) {
    const bad = fileNameProblem(name);
    if (bad) problems.push(invalid(`${member}.${name}`, bad));
    else if (Object.keys(files).length >= LIMITS.files) problems.push(invalid(`${member}.${name}`, `more than ${LIMITS.files} files`));
    else if (text(t) === undefined) problems.push(invalid(`${member}.${name}`, 'expected a string (at most 1 MB)'));
    else files[name] = t as string;
  }
  return { files, problems };
}

/** The demo a workspace names: a shipped demo's id, or a file's name and text. */
function readDemoRef(v: unknown): DemoRef | undefined {
  if (!isRecord(v)) return undefined;
  const id = own(v, 'id');
  if (typeof id === 'string') return /^[\w-]{1,60}$/.test(id) ? { id } : undefined;
  const name = own(v, 'name');
  const t = text(own(v, 'text'));
  return typeof name === 'string' && !fileNameProblem(name) && t !== undefined ? { name, text: t } : undefined;
}

/** A demo's worlds side by side: two to five, each a label, a seed and a scenario text. */
function readVariants(v: unknown): VariantDoc[] | undefined {
  if (!Array.isArray(v) || v.length < 2 || v.length > LIMITS.variants) return undefined;
  const out: VariantDoc[] = [];
  for (const d of v) {
    if (!isRecord(d)) return undefined;
    const label = own(d, 'label');
    const seed = own(d, 'seed');
    const t = text(own(d, 'text'));
    if (typeof label !== 'string' || label.length > 200 || typeof seed !== 'string' || seed.length > 200 || t === undefined) return undefined;
    out.push({ label, seed, text: t });
  }
  return out;
}

/** The open demo and its variants, each kept only when it reads (none, in a version 2 workspace). */
function readDemo(data: Rec, problems: Problem[]): Pick<Workspace, 'demo' | 'variants'> {
  const out: Pick<Workspace, 'demo' | 'variants'> = {};
  const demoIn = own(data, 'demo');
  const demo = demoIn === undefined ? undefined : readDemoRef(demoIn);
  if (demoIn !== undefined && !demo) problems.push(invalid('demo', 'expected a demo id, or a demo file name and text'));
  if (demo) out.demo = demo;
  const variantsIn = own(data, 'variants');
  const variants = variantsIn === undefined ? undefined : readVariants(variantsIn);
  if (variantsIn !== undefined && !variants) problems.push(invalid('variants', `expected 2 to ${LIMITS.variants} worlds, each a label, a seed and a scenario text`));
  if (variants) out.variants = variants;
  return out;
}

/** Reads each member of a workspace on its own: what validates is kept, the rest falls back, each with its problem. */
export function recoverWorkspace(data: unknown, fallback: Workspace): { workspace: Workspace; problems: Problem[] } {
  if (!isRecord(data)) return { workspace: fallback, problems: [invalid('', 'it is not a JSON object')] };
  const problems: Problem[] = [];
  const version = own(data, 'version');
  if (version !== 2 && version !== WORKSPACE_VERSION) problems.push(invalid('version', `expected ${WORKSPACE_VERSION} (or 2), found ${JSON.stringify(version) ?? String(version)}`));
  const member = <T>(name: string, read: (v: unknown) => T | undefined, message: string, dflt: T): T => {
    const v = own(data, name);
    const r = read(v);
    if (r !== undefined) return r;
    problems.push(invalid(name, message));
    return dflt;
  };
  const filesIn = own(data, 'files');
  const f = filesIn === undefined ? { files: fallback.files, problems: [] } : readFiles(filesIn, 'files');
  problems.push(...f.problems);
  const scenarioText = member('scenarioText', text, 'expected a string (at most 1 MB)', fallback.scenarioText);
  // A file missing or not kept gives way to the sandbox's own text for it; the fallback's draft of its scenario
  // gives way to the scenario read here, so the editor shows what runs.
  const defaults = Object.fromEntries(Object.entries(fallback.files).map(([k, v]) => [k, v === fallback.scenarioText ? scenarioText : v]));
  const files = { ...defaults, ...f.files };
  const seed = member('seed', (v) => (typeof v === 'string' && v.length <= 200 ? v : undefined), 'expected a string', fallback.seed);
  const scenarioId = member<string | null>('scenarioId', (v) => (v === null || (typeof v === 'string' && v.length <= 200) ? v : undefined), 'expected a string or null', null);
  const acts = readActions(own(data, 'actions'));
  if (acts.problem) problems.push(acts.problem);
  const lastAt = acts.actions.length ? acts.actions[acts.actions.length - 1]!.at : 0;
  const rawTime = own(data, 'time');
  const timeWrong = typeof rawTime !== 'number' ? 'expected a number of milliseconds' : timeProblem(rawTime);
  if (timeWrong) problems.push(invalid('time', timeWrong));
  const time = timeWrong ? lastAt : Math.max(Math.round(rawTime as number), 0);
  const activeIn = own(data, 'activeFile');
  const activeFile = typeof activeIn === 'string' && Object.hasOwn(files, activeIn) ? activeIn : (Object.keys(files)[0] ?? fallback.activeFile);
  const lessonIn = own(data, 'lessonId');
  const lessonOk = lessonIn === undefined || lessonIn === null || (typeof lessonIn === 'string' && /^[\w-]{1,40}$/.test(lessonIn));
  if (!lessonOk) problems.push(invalid('lessonId', 'expected a lesson id'));
  return {
    workspace: {
      version: WORKSPACE_VERSION,
      scenarioId,
      scenarioText,
      seed,
      actions: acts.actions,
      time,
      files,
      activeFile,
      ...(lessonOk && typeof lessonIn === 'string' ? { lessonId: lessonIn } : {}),
      ...readDemo(data, problems),
    },
    problems,
  };
}

/**
 * Checks untrusted data (an imported file, a share link) member by member. Returns the workspace or the first
 * problem, named by its member: such data is refused whole, and the learner's own workspace stays.
 */
export function validateWorkspace(data: unknown, fallback: Workspace): { workspace?: Workspace; problem?: Problem } {
  const { workspace, problems } = recoverWorkspace(data, fallback);
  return problems.length ? { problem: problems[0]! } : { workspace };
}

/** What loading found: the workspace to start from, a notice for each member that could not be kept, and the damaged text. */
export interface Loaded {
  workspace: Workspace;
  /** The first notice's English words (one line), kept for callers that show one. */
  notice?: string;
  /** Each notice as a message, for the page to say in its language. */
  notices: Message[];
  /** The stored text when it was damaged, so it can be kept aside or downloaded before anything overwrites it. */
  damaged?: { raw: string; why: string };
}

/** Reads the stored workspace: the current version, a migrated older one, or what can be recovered with a notice per member. */
export function loadWorkspace(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined, fallback: Workspace): Loaded {
  const done = (workspace: Workspace, notices: Message[] = [], damaged?: Loaded['damaged']): Loaded => ({ workspace, notices, ...(notices.length ? { notice: notices[0]!.text } : {}), ...(damaged ? { damaged } : {}) });
  if (!storage) return done(fallback);
  let raw: string | null = null;
  try {
    raw = storage.getItem(STORE_KEY);
  } catch {
    return done(fallback, [message('notice.workspace.noStorage')]);
  }
  if (raw === null) {
    // Version 1 kept only the scenario text.
    let legacy: string | null = null;
    try {
      legacy = storage.getItem(LEGACY_KEY);
    } catch {
      legacy = null;
    }
    if (legacy === null) return done(fallback);
    return done({ ...fallback, scenarioId: null, scenarioText: legacy }, [message('notice.workspace.earlier')]);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    const why = message('workspace.notJson', { error: (e as Error).message });
    return done(fallback, [message('notice.workspace.unread', { why })], { raw, why: why.text });
  }
  const r = recoverWorkspace(data, fallback);
  if (!r.problems.length) return done(r.workspace);
  const why = r.problems.map((p) => formatProblem(p)).join('; ');
  const notices = r.problems.map((p) => message(p.member ? 'notice.workspace.member' : 'notice.workspace.whole', { member: p.member, why: p.message, then: consequence(p.member, r.workspace) }));
  return done(r.workspace, notices, { raw, why });
}

/** What the sandbox did about a member it could not read (the end of that member's notice). */
function consequence(member: string, w: Workspace): Message {
  if (member === '') return message('workspace.then.afresh');
  if (member.startsWith('files')) return message('workspace.then.file');
  if (member.startsWith('actions')) return w.actions.length ? message('workspace.then.actions', { count: w.actions.length }) : message('workspace.then.noActions');
  if (member === 'time') return message('workspace.then.time', { days: String(HORIZON_DAYS), seconds: String(HORIZON_SECONDS) });
  return message('workspace.then.member');
}

/** Stores the workspace; says why when the browser refuses it. */
export function saveWorkspace(storage: Pick<Storage, 'setItem'> | undefined, w: Workspace): Message | undefined {
  if (!storage) return undefined;
  try {
    storage.setItem(STORE_KEY, JSON.stringify(w));
    return undefined;
  } catch {
    return message('notice.workspace.refused');
  }
}

export { DAMAGED_INDEX_KEY, DAMAGED_KEY, DAMAGED_SLOTS, UNKEPT, refusedMessage, deleteDamaged, holdUnkept, keepDamaged, listDamaged, readDamaged, releaseUnkept, unkeptCopy, type DamagedCopy } from './damaged';
// ---- share links ----

/** The most a share link may carry, encoded (so it fits in any address bar and chat message). */
export const SHARE_LIMIT = 64_000;
const SHARE_MAX_JSON = 4_000_000;

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(s: string): Uint8Array {
  const b = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b.charCodeAt(i);
  return out;
}

export async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, max: number): Promise<Uint8Array> {
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
  const json = JSON.stringify({ version: WORKSPACE_VERSION, scenarioId: w.scenarioId, scenarioText: w.scenarioText, seed: w.seed, actions: w.actions, time: w.time, ...(w.lessonId ? { lessonId: w.lessonId } : {}) });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream('deflate-raw'), SHARE_MAX_JSON * 2);
  const s = toBase64Url(packed);
  if (s.length > SHARE_LIMIT) {
    const said = message('share.tooLarge', { size: String(s.length), limit: String(SHARE_LIMIT) });
    throw Object.assign(new Error(said.text), { said });
  }
  return s;
}

/** Reads a share-link payload as untrusted input; the problem says what is wrong with it (a member's problem in the validator's English words). */
export async function decodeShare(payload: string, fallback: Workspace): Promise<{ workspace?: Workspace; problem?: Message | string }> {
  if (payload.length > SHARE_LIMIT) return { problem: message('share.tooLong', { limit: String(SHARE_LIMIT) }) };
  if (!/^[A-Za-z0-9_-]*$/.test(payload)) return { problem: message('share.badCharacters') };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), SHARE_MAX_JSON));
  } catch (e) {
    return { problem: message('share.unpack', { error: e instanceof Error ? e.message : String(e) }) };
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return { problem: message('share.notWorkspace') };
  }
  if (!isRecord(data)) return { problem: message('share.notWorkspace') };
  // A link carries no files: the learner's own stay. Its members are copied as own data, whatever their names.
  const shared: Rec = Object.fromEntries(Object.entries(data).filter(([k]) => k !== 'files' && k !== 'activeFile'));
  const r = validateWorkspace({ ...shared, files: fallback.files, activeFile: fallback.activeFile }, fallback);
  return r.workspace ? { workspace: r.workspace } : { problem: formatProblem(r.problem!) };
}
