import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The page reads the store through selectors and changes it only through registered actions:
// nothing under src/ui or src/app calls setState or getState, or imports the store's own writers.
const root = resolve(import.meta.dirname, '../..');
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) ? [p] : [];
  });
}
const WRITERS = ['patch', 'notify', 'touched', 'act', 'loadScenario', 'setLesson', 'showPanel', 'openLesson', 'openDemo', 'checkWork', 'saveProgress', 'saveWorkspace'];

/** What a source does to the store behind the registry's back. */
function offences(text: string): string[] {
  const src = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  if (/\bsetState\s*\(/.test(src)) out.push('calls setState');
  if (/\bgetState\s*\(/.test(src)) out.push('calls getState');
  for (const m of src.matchAll(/import\s+\{([^}]*)\}\s+from\s+['"]([^'"]*store\/[^'"]+)['"]/g)) {
    const names = m[1]!
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n && !n.startsWith('type '));
    for (const w of WRITERS) if (names.includes(w)) out.push(`imports ${w} from ${m[2]}`);
  }
  return out;
}

describe('the page changes the store only through actions', () => {
  const all = [...files(resolve(root, 'src/ui')), ...files(resolve(root, 'src/app'))];
  it('finds the page’s sources', () => expect(all.length).toBeGreaterThan(15));
  for (const f of all) {
    it(`${relative(root, f)} neither sets nor reads the store's state directly`, () => {
      expect(offences(readFileSync(f, 'utf8'))).toEqual([]);
    });
  }

  it('names each offence of a component that does', () => {
    const bad = "import { notify, type Notice } from '../store/store';\nstore.setState({ ui: {} });\nconst s = store.getState();\n// store.setState() in a comment is fine";
    expect(offences(bad)).toEqual(['calls setState', 'calls getState', 'imports notify from ../store/store']);
  });
});

/**
 * Whether a source listens for the page's keys: a keydown, keyup or keypress listener on the window or the
 * document (src/app/keyboard.ts alone does, feeding the action registry). A component's own onKeyDown on its
 * element (the separator's arrows, the palette's list keys, the console line) is not the page's keys.
 */
function listensForPageKeys(text: string): boolean {
  const src = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return /\b(?:window|document|globalThis|self)\s*\.\s*(?:addEventListener\s*\(\s*['"`]key(?:down|up|press)['"`]|onkey(?:down|up|press)\s*=)/.test(src);
}

describe('only src/app/keyboard.ts listens for the page’s keys', () => {
  const all = [...files(resolve(root, 'src/ui')), ...files(resolve(root, 'src/app'))];
  it('finds the one listener where it belongs', () => expect(all.filter((f) => listensForPageKeys(readFileSync(f, 'utf8'))).map((f) => relative(root, f))).toEqual(['src/app/keyboard.ts']));

  it('tells a page listener from a component’s own keys', () => {
    expect(listensForPageKeys("useEffect(() => { window.addEventListener('keydown', onKey); }, []);")).toBe(true);
    expect(listensForPageKeys('document.addEventListener("keyup", f);')).toBe(true);
    expect(listensForPageKeys('document.onkeydown = f;')).toBe(true);
    expect(listensForPageKeys('<div role="separator" onKeyDown={onArrow} />')).toBe(false);
    expect(listensForPageKeys("window.addEventListener('resize', f);\n// window.addEventListener('keydown', g)")).toBe(false);
  });
});
