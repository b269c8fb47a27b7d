import { message, withEnglishLater } from '../../i18n';
import { notify, patch, type Selection } from '../store';
import { audienceUrl } from '../present';
import type { ClassRow } from '../classroom';
import { reason, type ActionTable } from '../registry';

/** The instructor's actions: the audience's window, the spotlight on what the presenter points at, the class table's CSV. */
export const PRESENT_ACTIONS = {
  'present.audience': {
    label: 'Open the audience window',
    group: 'Demo',
    run: (st) => {
      // This window becomes the presenter's: notes, questions and controls; the new one shows the room the world.
      patch(st, { ui: { presenting: true } });
      const url = audienceUrl(st.port.location().pathname);
      if (st.port.openWindow?.(url, 'ecs-sandbox-audience') !== true) {
        notify(st, message('notice.audienceBlocked', { url: `${st.port.location().origin}${url}` }), 'warning', { cause: 'present:audience', sticky: true });
      }
    },
  },
  'class.export': {
    label: 'Export the class table as CSV',
    group: 'Lesson',
    palette: false,
    // In the page's language, as the table is (the Class page says so beside the button). The class page's
    // code, which has already loaded, writes it: the first load leaves it out.
    run: (st, rows: ClassRow[]) => withEnglishLater(() => import('../classroom'))().then(({ classCsv }) => st.port.download('class-progress.csv', classCsv(rows, st.getState().ui.language), 'text/csv')),
  },
  'spotlight.set': {
    label: 'Spotlight a node for the room',
    group: 'Demo',
    palette: false,
    run: (st, target: Selection) => patch(st, { present: { spotlight: target } }),
  },
  'spotlight.clear': {
    label: 'Clear the spotlight',
    group: 'Demo',
    enabled: (s) => (s.present.spotlight ? true : reason('reason.noSpotlight')),
    run: (st) => patch(st, { present: { spotlight: null } }),
  },
} satisfies ActionTable;
