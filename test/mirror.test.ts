import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import ts from 'typescript';

/**
 * Tests mirror src: the test of src/a/b.ts is test/a/b.test.ts, for every module with behaviour of its own.
 * A module of types or re-exports only has none; the few modules whose behaviour is only composition (the
 * app's mount, Monaco's setup, which need a real browser) say here which tests cover them instead.
 */
const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

const COVERED_ELSEWHERE: Record<string, string> = {
  'app/App.tsx': 'composition of the page and its windows: test/browser/app.test.ts (share links, saving, keys, the clock), test/browser/presenter.test.ts (?audience, ?class)',
  'ui/demoCallouts.ts': "the callouts the canvas draws, this window's or the presenter's: test/ui/CalloutLayer.test.ts, test/browser/presenter.test.ts",
  'app/main.tsx': 'mounts the page after loading what the first view needs: test/browser/firstLoad.test.ts, test/browser/built.test.ts',
  'sim/controllers/tasks/index.ts': "wiring: registers the task controllers' handlers; the Sim refuses a pending kind without one (test/sim/composition.test.ts), and each handler has its own test",
  'ui/monaco/MonacoEditor.tsx': 'Monaco needs a real browser (workers, layout): test/browser/app.test.ts (markers at their lines, the JSON schema by file name), test/browser/i18n.test.ts',
  'ui/monaco/setup.ts': "Monaco's workers and schemas, in a real browser only: test/browser/app.test.ts (a task definition checked against RegisterTaskDefinition's input schema)",
};

function modules(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return modules(p);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [relative(src, p)] : [];
  });
}

/**
 * Whether a module has code that runs: a function, an arrow or a class once its types are gone (types,
 * re-exports and constant tables alone have none).
 */
function hasBehaviour(file: string): boolean {
  const js = ts.transpileModule(readFileSync(join(src, file), 'utf8'), { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, jsx: ts.JsxEmit.ReactJSX, removeComments: true } }).outputText;
  return /\bfunction\b|=>|\bclass\b/.test(js);
}
const mirrorOf = (file: string) => join('test', file.replace(/\.tsx?$/, '.test.ts'));

describe('tests mirror src', () => {
  const all = modules(src);

  it('every module with behaviour of its own has a test at its mirror path, or says which tests cover it', () => {
    const missing = all.filter((f) => hasBehaviour(f) && !existsSync(join(root, mirrorOf(f))) && !COVERED_ELSEWHERE[f]);
    expect(missing.map((f) => `src/${f} has no ${mirrorOf(f)}`)).toEqual([]);
  });

  it('what is said to be covered elsewhere exists, has behaviour, and still has no test of its own', () => {
    for (const f of Object.keys(COVERED_ELSEWHERE)) {
      expect(all, f).toContain(f);
      expect(hasBehaviour(f), f).toBe(true);
      expect(existsSync(join(root, mirrorOf(f))), `${mirrorOf(f)} exists: drop ${f} from the list`).toBe(false);
    }
  });

  it('helpers of the tests live in test/support: any other file under test is a test or recorded data', () => {
    const others = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) return name === 'support' || name === 'fixtures' ? [] : walk(p);
        return /\.(ts|tsx|js|mjs|py)$/.test(name) && !name.endsWith('.test.ts') ? [relative(root, p)] : [];
      });
    })(join(root, 'test'));
    expect(others).toEqual([]);
  });
});
