import { message } from '../../i18n';
import { problemList } from '../../formats/problem';
import { loadScenario, notify, patch, workspaceOf, type SandboxStore } from '../store';
import { withParser } from '../parser';
import type { ActionTable } from '../registry';
import { defaultWorkspace } from '../defaults';
import { UNKEPT, refusedMessage, deleteDamaged, keepDamaged, readDamaged, recoverWorkspace, releaseUnkept, unkeptCopy } from '../workspace';

/** The text of a copy: one kept in a slot, or the one this page holds because it could not be kept. */
function copyText(st: SandboxStore, slot: string): string | null {
  if (slot === UNKEPT) return unkeptCopy(st.port)?.raw ?? null;
  return readDamaged(st.port.storage, slot);
}

function download(st: SandboxStore, slot: string): void {
  const raw = copyText(st, slot);
  if (raw === null) return notify(st, message('notice.damaged.gone'), 'warning');
  st.port.download(`workspace-damaged-${slot === UNKEPT ? 'unkept' : slot.split('.').pop()}.json`, raw, 'application/json');
  if (slot === UNKEPT) {
    releaseUnkept(st.port);
    notify(st, message('notice.damaged.downloaded'));
  }
}

/**
 * Opens a damaged copy, recovering what validates member by member. The workspace open until now is kept first,
 * among the copies, so a restore can itself be undone; if it cannot be kept, nothing is restored.
 */
function restore(st: SandboxStore, slot: string): void {
  const raw = copyText(st, slot);
  if (raw === null) return notify(st, message('notice.damaged.gone'), 'warning');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    return notify(st, message('notice.damaged.notJson', { error: (e as Error).message }), 'error', { action: { label: 'Download it', id: 'damaged.download', arg: slot } });
  }
  const { world, editor } = st.getState();
  const aside = keepDamaged(st.port.storage, JSON.stringify(workspaceOf(world, editor)), 'the workspace that was open when a damaged copy was restored', Date.now());
  if ('refused' in aside) {
    return notify(st, message('notice.damaged.notAside', { why: refusedMessage(aside.refused) }), 'error');
  }
  const { workspace: w, problems } = recoverWorkspace(data, defaultWorkspace());
  if (slot === UNKEPT) releaseUnkept(st.port);
  patch(st, { editor: { files: w.files, activeFile: w.activeFile }, ui: { dialog: null } });
  const runs = loadScenario(st, w.scenarioText, w.seed, w.scenarioId, w.actions, w.time);
  const left = problems.length ? message('notice.damaged.leftOut', { problems: problemList(problems, '; ') }) : '';
  notify(st, message(runs ? 'notice.damaged.restored' : 'notice.damaged.restoredBroken', { left }), runs && !left ? 'info' : 'warning');
}

/** The damaged copies of the saved workspace: the list, and what can be done with each. */
export const DAMAGED_ACTIONS = {
  'damaged.show': { label: 'Damaged copies of the saved workspace', group: 'Workspace', run: (st) => patch(st, { ui: { dialog: 'damaged' } }) },
  'damaged.download': { label: 'Download a damaged copy', group: 'Workspace', palette: false, run: (st, slot: string) => download(st, slot) },
  // A damaged copy is untrusted input: its scenario goes through the parser, loaded first.
  'damaged.restore': {
    label: 'Restore a damaged copy',
    group: 'Workspace',
    palette: false,
    run: (st, slot: string) => withParser(() => restore(st, slot)),
  },
  'damaged.delete': {
    label: 'Delete a damaged copy',
    group: 'Workspace',
    palette: false,
    run: (st, slot: string) => {
      if (slot === UNKEPT) {
        releaseUnkept(st.port);
        notify(st, message('notice.damaged.letGo'));
      } else if (deleteDamaged(st.port.storage, slot)) notify(st, message('notice.damaged.deleted'));
      else notify(st, message('notice.damaged.notDeleted'), 'warning');
    },
  },
} satisfies ActionTable;
