import type { Demo } from '../content/lesson';
import { formatProblems, problemList } from '../formats/problem';
import type { MessageList } from '../i18n';
import { eventHash } from '../content/report';
import type { DemoState, SandboxState } from './store';
import type { DemoDraft } from './types';
import { fromBase64Url, pipe, toBase64Url } from './workspace';
import { memoSelector } from './selectors/memo';
import { yamlLoaded } from './yaml';

/**
 * Demos an instructor writes in the page: what they did in the world (their console commands and
 * editor actions, recorded at their times) becomes the requests of a demo file, with the questions
 * they placed; the file is a scenario with a `presenter` block, as lessons/demos are, and opens from
 * a file or a link. Whatever comes in is untrusted: it is read as a lesson's demo is, member by member.
 */

export type { DemoDraft, DemoStop, DraftCallout } from './types';

export const EMPTY_DRAFT: DemoDraft = { title: '', summary: '', notes: '', focus: '', stops: [], speeds: [], panes: [], callouts: [], variants: [] };

/** An open demo as the draft that writes it again. */
export function draftOf(d: DemoState): DemoDraft {
  const f = d.def.focus;
  return {
    title: d.def.title,
    summary: d.def.summary,
    notes: d.def.text.trim(),
    focus: f ? `${f.kind}:${f.name ?? ''}` : '',
    stops: d.def.pauses.map((p) => ({
      at: p.at,
      ...(p.revealAt !== undefined ? { revealAt: p.revealAt } : {}),
      prompt: p.prompt,
      reveal: p.reveal,
      ...(p.choices ? { choices: p.choices.map((c) => ({ label: c.label, when: c.when })) } : {}),
    })),
    speeds: d.speeds.slice(),
    panes: d.panes.filter((p) => p.cluster !== undefined),
    callouts: (d.def.callouts ?? []).map((c) => ({ ...c })),
    variants: d.def.variants.map((v) => v.spec),
  };
}

/** The focus member a draft's focus names. */
function focusOf(focus: string): { kind: string; name?: string } | undefined {
  if (!focus) return undefined;
  const [kind, ...rest] = focus.split(':');
  const name = rest.join(':');
  return { kind: kind!, ...(name ? { name } : {}) };
}

/** A duration as demo files write it (90s, 2.5s). */
const seconds = (ms: number) => `${Math.round(ms) / 1000}s`;

/**
 * The demo file for the world as it is now: its scenario (any presenter block replaced), the
 * recorded actions as the requests they made at their times, and the draft's presenter block. YAML
 * has loaded first (withYaml).
 */
export function demoText(s: SandboxState, d: DemoDraft): string {
  const t = s.world.timeline;
  const { parseDocument, isSeq } = yamlLoaded();
  const doc = parseDocument(s.world.scenarioText);
  doc.set('name', d.title.trim() || 'A demo of my own');
  doc.set('seed', s.world.seed);
  if (!isSeq(doc.get('actions'))) doc.set('actions', doc.createNode([]));
  const actions = doc.get('actions') as { add(v: unknown): void };
  for (const o of t?.transcript ?? []) {
    for (const c of o.calls ?? []) {
      const node = doc.createNode({ at: `${c.at}s`, call: c.call, input: c.input }, { flow: true });
      // A request that failed stays (showing an error may be the point), marked so the author sees it did.
      if (c.error) node.commentBefore = ` failed when recorded: ${c.error.code}: ${c.error.message.replace(/\s+/g, ' ')}`;
      actions.add(node);
    }
  }
  const stops = d.stops.slice().sort((a, b) => a.at - b.at);
  const end = Math.max(t?.now ?? 0, ...stops.map((x) => Math.max(x.at, x.revealAt ?? 0) + 1000));
  doc.set('until', seconds(end));
  doc.delete('presenter');
  const focus = focusOf(d.focus);
  doc.set(
    'presenter',
    doc.createNode({
      ...(focus ? { focus } : {}),
      summary: d.summary.trim(),
      ...(d.notes.trim() ? { text: `${d.notes.trim()}\n` } : {}),
      ...(d.panes.length ? { panes: d.panes } : {}),
      ...(d.variants.length ? { variants: d.variants } : {}),
      ...(d.speeds.length ? { speeds: d.speeds.map((x) => ({ at: seconds(x.at), speed: x.speed })) } : {}),
      pauses: stops.map((x) => ({ at: seconds(x.at), ...(x.revealAt !== undefined ? { revealAt: seconds(x.revealAt) } : {}), prompt: x.prompt, reveal: x.reveal, ...(x.choices?.length ? { choices: x.choices } : {}) })),
      ...(d.callouts.length ? { callouts: d.callouts.map((c) => ({ at: seconds(c.at), ...(c.until !== undefined ? { until: seconds(c.until) } : {}), ...(c.node ? { node: c.node } : {}), text: c.text })) } : {}),
    }),
  );
  return doc.toString({ lineWidth: 0 });
}

/** A demo file's id from its name ("my-demo.yaml" → my-demo). */
export function demoId(name: string): string {
  return (
    name
      .replace(/^.*[\\/]/, '')
      .replace(/\.ya?ml$/i, '')
      .replace(/[^\w-]+/g, '-')
      .slice(0, 60) || 'demo'
  );
}

/**
 * Reads a demo file as untrusted input: the demo, or every problem as file:line:column: member: message
 * (`said`: the same for the page to say in its language).
 * The lesson parser it takes loads with the first demo file read.
 */
export async function readDemoFile(name: string, text: string): Promise<{ demo?: Demo; problems?: string; said?: MessageList }> {
  const id = demoId(name);
  const { parseDemo, LessonError } = await import('../content/lesson');
  try {
    return { demo: parseDemo({ [`demos/${id}.yaml`]: text }, id) };
  } catch (e) {
    return e instanceof LessonError ? { problems: formatProblems(e.problems), said: problemList(e.problems) } : { problems: String(e) };
  }
}

/** Longest demo a link carries (characters after #demo=). */
const LINK_LIMIT = 64_000;

/** A link that opens a demo file (#demo=<the file, compressed>). */
export async function demoLink(origin: string, pathname: string, name: string, text: string): Promise<string> {
  const packed = await pipe(new TextEncoder().encode(JSON.stringify({ name, text })), new CompressionStream('deflate-raw'), 4_000_000);
  const s = toBase64Url(packed);
  if (s.length > LINK_LIMIT) throw new Error(`the demo is too large for a link (${s.length} characters); save it as a file instead`);
  return `${origin}${pathname}#demo=${s}`;
}

/** The demo file a #demo= link carries, or why it cannot be read. */
export async function readDemoLink(payload: string): Promise<{ name?: string; text?: string; problem?: string }> {
  if (payload.length > LINK_LIMIT || !/^[A-Za-z0-9_-]*$/.test(payload)) return { problem: 'the link is not a demo link (too long, or characters a demo link never has)' };
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromBase64Url(payload), new DecompressionStream('deflate-raw'), 4_000_000));
    const d = JSON.parse(json) as { name?: unknown; text?: unknown };
    if (typeof d.name !== 'string' || typeof d.text !== 'string') return { problem: 'the link does not hold a demo file' };
    return { name: d.name, text: d.text };
  } catch (e) {
    return { problem: `it cannot be unpacked (${e instanceof Error ? e.message : String(e)}); it may have been cut short when copied` };
  }
}

/** The world's fingerprint: the hash of its events so far (the same demo replays to the same one). */
export const selectEventHash: (s: SandboxState) => string = memoSelector(
  (s: SandboxState) => [s.world.timeline, s.world.version, s.world.timeline?.sim.events.length ?? 0] as const,
  ([t]) => (t ? eventHash(t.sim.events) : ''),
);
