import { clearNotices, patch, type SandboxState, type Selection, type UiSlice } from '../store';
import { reason, type ActionTable } from '../registry';

const PANELS: { id: UiSlice['panel']; label: string }[] = [
  { id: 'console', label: 'Console' },
  { id: 'editor', label: 'Editor' },
  { id: 'charts', label: 'Charts' },
  { id: 'events', label: 'Event log' },
  { id: 'demo', label: 'Demos' },
];

const TABS: { id: UiSlice['inspectorTab']; label: string }[] = [
  { id: 'json', label: 'Describe' },
  { id: 'history', label: 'History' },
  { id: 'placement', label: 'Why here?' },
];

const inspecting = (s: SandboxState): true | string => (s.ui.selected ? true : reason('reason.nothingSelected'));

/** How this window shows the world: views, panels, the inspector, dialogs, messages. */
export const VIEW_ACTIONS = {
  'palette.toggle': {
    label: 'Command palette',
    group: 'View',
    keys: ['Mod+K'],
    scope: 'anywhere',
    palette: false,
    run: (st) => {
      patch(st, (s) => ({ ui: { dialog: s.ui.dialog === 'palette' ? null : 'palette' } }));
      // The lessons and demos join the palette's choices once loaded.
      if (st.getState().ui.dialog === 'palette' && !st.getState().lesson.catalog) void import('../lessons').then((m) => m.catalogIn(st));
    },
  },
  'keys.show': { label: 'Keyboard shortcuts', group: 'View', run: (st) => patch(st, { ui: { dialog: 'keys' } }) },
  'dialog.close': {
    label: 'Close the dialog',
    group: 'View',
    palette: false,
    // Named, it closes only that dialog: a late "closed" from one never shuts the next.
    run: (st, name?: UiSlice['dialog']) => patch(st, (s) => (name === undefined || s.ui.dialog === name ? { ui: { dialog: null, ...(s.ui.dialog === 'confirm' ? { confirm: null } : {}) } } : {})),
  },
  'present.toggle': {
    label: 'Presenter view',
    group: 'View',
    keys: ['P'],
    run: (st) => {
      // A first visit's "New here?" is for a learner, not an audience: presenting takes it away.
      if (!st.getState().ui.presenting) clearNotices(st, 'lesson:welcome');
      patch(st, (s) => ({ ui: { presenting: !s.ui.presenting } }));
    },
  },
  'view.toggle': { label: 'Switch between the canvas and the tables', group: 'View', keys: ['V'], run: (st) => patch(st, (s) => ({ ui: { view: s.ui.view === 'canvas' ? 'table' : 'canvas' } })) },
  'panel.show': {
    label: 'Show a tool',
    group: 'View',
    palette: { choices: () => PANELS.map((p) => ({ label: p.label, arg: p.id })) },
    run: (st, panel: UiSlice['panel']) => {
      if (PANELS.some((p) => p.id === panel)) patch(st, { ui: { panel } });
    },
  },
  'events.world': {
    label: "Show a pane's world in the event log",
    group: 'View',
    palette: false,
    run: (st, i: number) => patch(st, (s) => (Number.isInteger(i) && i >= 0 && i < s.world.variants.length ? { ui: { eventsWorld: i } } : {})),
  },
  select: { label: 'Inspect', group: 'View', palette: false, run: (st, arg: Selection | null) => patch(st, { ui: { selected: arg ?? null, inspectorTab: 'json' } }) },
  'inspector.tab': {
    label: 'Show in the inspector',
    group: 'View',
    enabled: inspecting,
    palette: { choices: (s) => TABS.filter((t) => t.id !== 'placement' || s.ui.selected?.kind === 'task').map((t) => ({ label: t.label, arg: t.id })) },
    run: (st, tab: UiSlice['inspectorTab']) => {
      if (TABS.some((t) => t.id === tab)) patch(st, { ui: { inspectorTab: tab } });
    },
  },
  'select.clear': {
    // In presenter view the same key clears the spotlight the presenter put on a node; with nothing
    // to close or clear, it hides the link field, else dismisses the newest message.
    label: 'Close the inspector, clear the spotlight, or dismiss the newest message or link',
    group: 'View',
    keys: ['Escape'],
    quiet: true,
    enabled: (s) => (s.present.spotlight || s.ui.shareUrl || s.ui.notices.length > 0 ? true : inspecting(s)),
    run: (st) => patch(st, (s) => (s.present.spotlight || s.ui.selected ? { ui: { selected: null }, present: { spotlight: null } } : s.ui.shareUrl ? { ui: { shareUrl: null } } : { ui: { notices: s.ui.notices.slice(0, -1) } })),
  },
  'share.hide': {
    label: 'Hide the link field',
    group: 'View',
    palette: false,
    run: (st) => patch(st, { ui: { shareUrl: null } }),
  },
  'notice.dismiss': {
    label: 'Dismiss a message',
    group: 'View',
    palette: false,
    run: (st, id: number) => patch(st, (s) => ({ ui: { notices: s.ui.notices.filter((n) => n.id !== id) } })),
  },
} satisfies ActionTable;

export { PANELS, TABS as INSPECTOR_TABS };
