import { createContext } from 'react';
import type { TaskView } from '../../store/selectors/world';

/** Whether the nodes drawn are in a pane of worlds side by side (tight, with larger small text: canvas.css's `.pane`). */
export const PaneContext = createContext(false);

/**
 * How task chips fill the rows of a node, worked out from their text alone (the layout places nodes
 * before anything is drawn). The sizes are canvas.css's `.chip` and `.chips`: 11 px text, 5 px of
 * padding and a 1 px border a side, at most 96 px wide, 3 px apart.
 */
const CHIP_MAX_W = 96;
const CHIP_GAP = 3;
/** Room for "+N more" after the last chip shown. */
const MORE_W = 64;
/** A character of 11 px text, taken as wide fonts set it, so that a row is never thought to hold more chips than it does. */
export const CHAR_W = 7;
/** The same for the 12 px text of a pane of worlds side by side. */
export const PANE_CHAR_W = 8;

/** The words a task's chip shows: the revision while a service runs two, else its service, else its family. */
export const chipText = (t: TaskView): string => t.revision ?? t.service ?? t.family;

const chipWidth = (t: TaskView, charW: number) => Math.min(CHIP_MAX_W, 12 + charW * chipText(t).length);

/** The rows `count` chips of these widths take in a row `width` wide, with room for "+N more" after them when `more`. */
function rowsFor(widths: number[], count: number, width: number, more: boolean): number {
  let rows = 1;
  let x = 0;
  const place = (w: number) => {
    if (x > 0 && x + w > width) {
      rows++;
      x = 0;
    }
    x += w + CHIP_GAP;
  };
  for (let i = 0; i < count; i++) place(widths[i]!);
  if (more) place(MORE_W);
  return rows;
}

/**
 * How many of `tasks`' chips show in rows `width` pixels wide (at most `most` of them, in at most
 * `maxRows` rows, the others said as "+N more"), and how many rows they take.
 */
export function chipFit(tasks: readonly TaskView[], width: number, maxRows: number, most: number, charW = CHAR_W): { rows: number; shown: number } {
  const widths = tasks.slice(0, most).map((t) => chipWidth(t, charW));
  for (let shown = widths.length; shown > 0; shown--) {
    const rows = rowsFor(widths, shown, width, shown < tasks.length);
    if (rows <= maxRows) return { rows, shown };
  }
  return { rows: 1, shown: 0 };
}

/** The width an instance node's chips have: the node's (layout.ts's INST_W) less its padding and border. */
export const INST_CHIPS_W = 216 - 18;
/** The most chips an instance node shows, and the most rows they take. */
export const INST_MAX_CHIPS = 12;
export const INST_MAX_ROWS = 4;

/** Each instance's fit, by its tasks' list (the world view keeps an unchanged instance's list) and the character width. */
const fits = new Map<number, WeakMap<readonly TaskView[], { rows: number; shown: number }>>();

/** How an instance node's chips fit (chipFit in its width, rows and count), worked out once for each list of tasks. */
export function instanceChips(tasks: readonly TaskView[], charW = CHAR_W): { rows: number; shown: number } {
  let byTasks = fits.get(charW);
  if (!byTasks) fits.set(charW, (byTasks = new WeakMap()));
  let fit = byTasks.get(tasks);
  if (!fit) byTasks.set(tasks, (fit = chipFit(tasks, INST_CHIPS_W, INST_MAX_ROWS, INST_MAX_CHIPS, charW)));
  return fit;
}
