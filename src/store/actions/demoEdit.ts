import { message } from '../../i18n';
import { parseDuration } from '../../sim';
import { PRELOADED } from '../preloaded';
import { notify, patch, type SandboxState, type SandboxStore, type Selection } from '../store';
import type { DemoDraft, DemoStop, DraftCallout } from '../demoFile';
import { refOfSelection } from '../selectors/callouts';
import { selectWorldView } from '../selectors/world';
import { needsWorld, type ActionTable } from '../registry';
import { loadYaml, yamlLoaded } from '../yaml';

/**
 * The demo editor's answer choices and callouts: a choice is a label and a predicate typed as YAML or JSON
 * (read by the reader lessons' goals go through, so what it accepts a demo file accepts), a callout is text
 * from the moment it is added, pinned to a node picked on the canvas or from a list, or to the moment.
 */

/** Most choices a question has (the demo format's bound). */
export const MAX_CHOICES = 5;

/**
 * The lessons' predicate reader, which brings the scenario parser with it: the page loads it when the
 * first choice is added (the Demos tool has it by then), so it is not part of the first load; YAML, which
 * keeps a choice's predicate as the data it was typed as, loads with it.
 */
type Predicates = typeof import('../../content/lesson/predicate');
let predicates: Predicates | undefined = PRELOADED?.predicates;
const loadPredicates = (): Promise<Predicates> => Promise.all([import('../../content/lesson/predicate'), loadYaml()]).then(([m]) => (predicates = m));

const draftChange = (st: SandboxStore, f: (d: DemoDraft, s: SandboxState) => Partial<DemoDraft>) => patch(st, (s) => ({ present: { draft: { ...s.present.draft, ...f(s.present.draft, s) } } }));

const withStop = (d: DemoDraft, at: number, f: (x: DemoStop) => DemoStop): Partial<DemoDraft> => ({ stops: d.stops.map((x) => (x.at === at ? f(x) : x)) });

const withCallout = (d: DemoDraft, i: number, f: (x: DraftCallout) => DraftCallout): Partial<DemoDraft> => ({ callouts: d.callouts.map((x, j) => (j === i ? f(x) : x)) });

function addChoice(st: SandboxStore, c: { at: number; label: string; when: string }, p: Predicates): void {
  const stop = st.getState().present.draft.stops.find((x) => x.at === c?.at);
  const label = String(c?.label ?? '').trim();
  const read = p.parsePredicateText(String(c?.when ?? ''));
  const why = !stop ? message('demo.why.noQuestion') : (stop.choices?.length ?? 0) >= MAX_CHOICES ? message('demo.why.maxChoices', { count: MAX_CHOICES }) : !label ? message('demo.why.noLabel') : (read.problems[0] ?? '');
  if (why) return void notify(st, message('notice.demo.noChoice', { why }), 'warning', { cause: 'demo:choice' });
  // The predicate is kept as the data it was typed as: the file writes it back as such.
  const when = yamlLoaded().parseYaml(String(c.when)).data;
  draftChange(st, (d) => withStop(d, c.at, (x) => ({ ...x, choices: [...(x.choices ?? []), { label, when }] })));
}

export const DEMO_EDIT_ACTIONS = {
  'demo.addChoice': {
    label: 'Add an answer choice to a question',
    group: 'Demo',
    palette: false,
    run: (st, c: { at: number; label: string; when: string }) => (predicates ? addChoice(st, c, predicates) : loadPredicates().then((m) => addChoice(st, c, m))),
  },
  'demo.removeChoice': {
    label: 'Remove an answer choice',
    group: 'Demo',
    palette: false,
    run: (st, c: { at: number; index: number }) =>
      draftChange(st, (d) =>
        withStop(d, c.at, (x) => {
          const choices = (x.choices ?? []).filter((_, i) => i !== c.index);
          const { choices: _gone, ...rest } = x;
          return choices.length ? { ...rest, choices } : rest;
        }),
      ),
  },
  'demo.addCallout': {
    label: 'Add a callout at this moment',
    group: 'Demo',
    palette: false,
    enabled: needsWorld,
    run: (st, c: { text: string; until?: string; node?: string }) => {
      const text = String(c?.text ?? '').trim();
      const now = st.getState().world.now;
      const until = c?.until ? parseDuration(c.until) : undefined;
      const why = !text
        ? message('demo.why.noText')
        : text.length > 200
          ? message('demo.why.tooLong', { count: 200 })
          : c?.until && until === undefined
            ? message('demo.why.notATime', { raw: String(c.until) })
            : until !== undefined && until <= now
              ? message('demo.why.endsFirst')
              : '';
      if (why) return notify(st, message('notice.demo.noCallout', { why }), 'warning', { cause: 'demo:callout' });
      const callout: DraftCallout = { at: now, text, ...(until !== undefined ? { until } : {}), ...(c.node ? { node: c.node } : {}) };
      draftChange(st, (d) => ({ callouts: [...d.callouts, callout].sort((a, b) => a.at - b.at) }));
    },
  },
  'demo.removeCallout': {
    label: 'Remove a callout',
    group: 'Demo',
    palette: false,
    run: (st, i: number) => draftChange(st, (d) => ({ callouts: d.callouts.filter((_, j) => j !== i) })),
  },
  'demo.pinCallout': {
    label: 'Pin a callout to a node, or to its moment',
    group: 'Demo',
    palette: false,
    run: (st, c: { index: number; node: string | null }) =>
      draftChange(st, (d) =>
        withCallout(d, c.index, (x) => {
          const { node: _old, ...rest } = x;
          return c.node ? { ...rest, node: c.node } : rest;
        }),
      ),
  },
  'demo.pickNode': {
    label: 'Pick the node a callout is pinned to on the canvas',
    group: 'Demo',
    palette: false,
    run: (st, index: number | null) => patch(st, { present: { pinning: index } }),
  },
  'demo.pinClicked': {
    label: 'Pin the callout being placed to the node clicked',
    group: 'Demo',
    palette: false,
    run: (st, sel: Selection) => {
      const s = st.getState();
      const v = selectWorldView(s);
      const index = s.present.pinning;
      const node = v ? refOfSelection(v, sel) : null;
      patch(st, { present: { pinning: null } });
      if (index === null) return;
      if (!node) return notify(st, message('notice.demo.notANode'), 'warning', { cause: 'demo:callout' });
      draftChange(st, (d) => withCallout(d, index, (x) => ({ ...x, node })));
    },
  },
} satisfies ActionTable;
