import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Script } from 'node:vm';
import { defineConfig, runnerImport, type Connect, type Logger, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The page's Content-Security-Policy. The built page carries it as a meta tag, `vite preview` and the
 * dev server send it as a header, with the directives only a header can carry (HEADER_ONLY).
 */
const POLICY: Record<string, string[]> = {
  'default-src': ["'none'"],
  // Only the build's own module scripts: no inline script, no eval, no other origin.
  'script-src': ["'self'"],
  // Relaxed on purpose, for Monaco alone: it writes its theme and token colours into <style> elements
  // and renders the editor's lines as HTML with style attributes, and it has no nonce support, so
  // without 'unsafe-inline' the editor loses its colours and layout (hundreds of violations once it
  // opens). React and React Flow set styles through element.style, which CSP allows: the page raises
  // no violation under style-src 'self' until the editor opens.
  'style-src': ["'self'", "'unsafe-inline'"],
  // Monaco's stylesheet has a few small data: images (its diff and minimap decorations).
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  // Monaco's editor and JSON workers and the service worker, all files of the build.
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** Where `vite preview` and the dev server receive violation reports, which they print. */
const CSP_REPORT_PATH = '/__csp-report';
const HEADER_ONLY: Record<string, string[]> = { 'frame-ancestors': ["'none'"], 'report-uri': [CSP_REPORT_PATH] };

function contentSecurityPolicy(extra: Record<string, string[]> = {}): string {
  const all: Record<string, string[]> = { ...POLICY };
  for (const [k, v] of Object.entries(extra)) all[k] = [...(all[k] ?? []), ...v];
  return Object.entries(all)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');
}

const sha256 = (data: string | Buffer, encoding: 'hex' | 'base64' = 'hex') => createHash('sha256').update(data).digest(encoding);

/** Prints each violation a browser reports, one line each: what was blocked, by which directive, where. */
function reportReceiver(logger: Logger): Connect.NextHandleFunction {
  return (req, res, next) => {
    if (req.url !== CSP_REPORT_PATH || req.method !== 'POST') return next();
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      try {
        const r = (JSON.parse(body) as { 'csp-report'?: Record<string, unknown> })['csp-report'] ?? {};
        logger.warn(`CSP violation: ${String(r['effective-directive'] ?? r['violated-directive'])} blocked ${String(r['blocked-uri'])} in ${String(r['source-file'] ?? r['document-uri'])}:${String(r['line-number'] ?? '')}`);
      } catch {
        logger.warn(`CSP violation report that is not JSON: ${body.slice(0, 200)}`);
      }
      res.statusCode = 204;
      res.end();
    });
  };
}

function cspPlugin(): Plugin {
  return {
    name: 'sandbox:csp',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (ctx.server) return html;
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset)) throw new Error(`index.html: the CSP meta tag goes after ${charset}, which is missing`);
        return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}" />`);
      },
    },
    configurePreviewServer(server) {
      const header = contentSecurityPolicy(HEADER_ONLY);
      server.middlewares.use(reportReceiver(server.config.logger));
      server.middlewares.use((_req, res, next) => {
        res.setHeader('Content-Security-Policy', header);
        next();
      });
    },
    // The dev server sends the same policy, with the hashes of the inline scripts Vite's dev page has
    // (React Refresh's preamble) added to script-src; its HMR socket is same-origin, so 'self' covers it.
    configureServer(server) {
      let header: Promise<string> | undefined;
      const devHeader = async () => {
        const page = await server.transformIndexHtml('/', readFileSync(resolve(server.config.root, 'index.html'), 'utf8'));
        const inline = [...page.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${sha256(m[1]!, 'base64')}'`);
        return contentSecurityPolicy({ ...HEADER_ONLY, 'script-src': inline });
      };
      server.middlewares.use(reportReceiver(server.config.logger));
      server.middlewares.use((_req, res, next) => {
        header ??= devHeader();
        header.then((h) => {
          res.setHeader('Content-Security-Policy', h);
          next();
        }, next);
      });
    },
  };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

/** The line of public/sw.js that the build replaces with the build's file list. */
const BUILD_LINE = "const BUILD = { id: 'unbuilt', files: [] };";

/**
 * public/sw.js without its comments, which are whole lines there (a block from a line starting with /*
 * to its end, or a line starting with //): the page fetches the service worker's script at every start.
 * The result must still be a script that compiles, or the build fails.
 */
function withoutCommentLines(source: string): string {
  const out = source.replace(/^[ \t]*\/\*[\s\S]*?\*\/[ \t]*\n/gm, '').replace(/^[ \t]*\/\/.*\n/gm, '');
  new Script(out, { filename: 'sw.js' });
  return out;
}

/**
 * Writes outDir/sw.js: the service worker of public/sw.js with the list of every other file in the
 * build folder (the entry, lazy chunks, Monaco and its workers, CSS, fonts, the page, the manifest
 * and icons), each with a revision (the start of its SHA-256), and an id for the build made of them.
 */
function writeServiceWorker(outDir: string, source: string): void {
  if (!source.includes(BUILD_LINE)) throw new Error(`public/sw.js: the line ${BUILD_LINE} is missing`);
  const files = filesUnder(outDir)
    .map((f) => relative(outDir, f).split(sep).join('/'))
    .filter((p) => p !== 'sw.js')
    .sort()
    .map((path) => ({ path, revision: sha256(readFileSync(join(outDir, path))).slice(0, 16) }));
  const build = { id: sha256(JSON.stringify(files)).slice(0, 16), files };
  writeFileSync(join(outDir, 'sw.js'), withoutCommentLines(source).replace(BUILD_LINE, `const BUILD = ${JSON.stringify(build)};`));
}

function serviceWorkerPlugin(): Plugin {
  let publicDir = '';
  return {
    name: 'sandbox:service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    writeBundle(options) {
      writeServiceWorker(options.dir!, readFileSync(join(publicDir, 'sw.js'), 'utf8'));
    },
  };
}

/**
 * Fills src/store/prebuilt.ts in the production build with each built-in scenario (src/store/defaults.ts)
 * as the page's own parser and validator make it, run here at build time, so the page opens a built-in
 * scenario without loading the parser. The first view's scenario is in the first load; the others are a
 * chunk of their own that `loadPrebuilt` adds, with the engine's other operations they call in any case
 * (src/store/parser.ts, loadBuiltIn). A built-in scenario that does not parse, or whose parse is not plain
 * data that JSON carries unchanged, fails the build.
 */
function prebuiltScenariosPlugin(): Plugin {
  const later = '\0sandbox:prebuilt-later';
  let root = '';
  let tables: Promise<{ first: Record<string, unknown>; rest: Record<string, unknown> }> | undefined;
  const parseAll = async () => {
    const inline = { root, configFile: false as const, logLevel: 'silent' as const };
    type Parser = typeof import('./src/content/scenario');
    type Defaults = typeof import('./src/store/defaults');
    const [{ module: parser }, { module: defaults }] = await Promise.all([runnerImport<Parser>('/src/content/scenario.ts', inline), runnerImport<Defaults>('/src/store/defaults.ts', inline)]);
    const firstId = defaults.defaultWorkspace().scenarioId;
    const first: Record<string, unknown> = {};
    const rest: Record<string, unknown> = {};
    for (const b of defaults.BUILT_IN_SCENARIOS) {
      if (b.text === undefined) throw new Error(`built-in scenario ${b.id} has no text`);
      const sc = parser.parseScenario(b.text, defaults.SCENARIO_FILE);
      const json: unknown = JSON.parse(JSON.stringify(sc));
      if (!isDeepStrictEqual(json, sc)) throw new Error(`built-in scenario ${b.id}: its parse does not survive JSON unchanged`);
      (b.id === firstId ? first : rest)[b.id] = json;
    }
    return { first, rest };
  };
  const data = (v: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(v))})`;
  return {
    name: 'sandbox:prebuilt-scenarios',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    resolveId(source) {
      return source === later ? later : null;
    },
    async load(id) {
      if (id === later) return `export const PARSES = ${data((await (tables ??= parseAll())).rest)};\n`;
      if (resolve(id) !== resolve(root, 'src/store/prebuilt.ts')) return null;
      const { first, rest } = await (tables ??= parseAll());
      return [
        `export const PREBUILT = ${data(first)};`,
        `export const LATER = ${JSON.stringify(Object.keys(rest))};`,
        `export function loadPrebuilt() { return import(${JSON.stringify(later)}).then((m) => { Object.assign(PREBUILT, m.PARSES); }); }`,
        '',
      ].join('\n');
    },
  };
}

/**
 * In the production build, the modules that hand the page the scenario parser, the lessons' checker, the
 * console and demo files' reader and writer already loaded (src/store/preloaded.ts,
 * src/content/console/preloaded.ts, src/store/demoPreloaded.ts) hold nothing, so none of these is in the
 * first load: the page loads each when first needed (src/store/parser.ts, src/store/tracking.ts,
 * src/content/console/onDemand.ts, src/store/actions/demo.ts). The dev server, the tests and Node keep them.
 */
function onDemandPlugin(): Plugin {
  let modules: string[] = [];
  return {
    name: 'sandbox:on-demand',
    apply: 'build',
    configResolved(config) {
      modules = ['src/store/preloaded.ts', 'src/content/console/preloaded.ts', 'src/store/demoPreloaded.ts'].map((p) => resolve(config.root, p));
    },
    load(id) {
      return modules.includes(resolve(id)) ? 'export const PRELOADED = undefined;\n' : null;
    },
  };
}

/**
 * In the production build, src/sim/api/deferred.ts holds the names of every namespace's operations and the
 * request shapes of the operations the engine starts with (src/sim/api/first.ts), read here, at build time,
 * from the tables themselves, and not the tables: the engine starts without them and the page loads them
 * with src/sim/sim.ts's loadOperations (src/sim/api/deferredParts.ts, a chunk of its own). Node, the tests
 * and the dev server have them loaded from the start.
 */
function deferredOperationsPlugin(): Plugin {
  let root = '';
  return {
    name: 'sandbox:deferred-operations',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async load(id) {
      if (resolve(id) !== resolve(root, 'src/sim/api/deferred.ts')) return null;
      type Deferred = typeof import('./src/sim/api/deferred');
      type First = typeof import('./src/sim/api/first');
      const inline = { root, configFile: false as const, logLevel: 'silent' as const };
      const [{ module }, { module: first }] = await Promise.all([runnerImport<Deferred>('/src/sim/api/deferred.ts', inline), runnerImport<First>('/src/sim/api/first.ts', inline)]);
      const data = (v: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(v))})`;
      return `export const LOADED = undefined;\nexport const NAMES = ${data(module.NAMES)};\nexport const FIRST_MODELS = ${data(module.modelsFor(first.FIRST_OPERATIONS))};\n`;
    },
  };
}

/**
 * In the production build the English locale leaves out its `event.*` entries. The page never reads them: an
 * event said in English is its own message (src/ui/eventText.ts), and every other locale has each event key
 * (a test holds the locales to the same keys). They are the engine's narration (src/sim/model/narration.ts),
 * which the first load has in any case; the build checks each is, word for word, and fails if one is not.
 * So with its `action.*` entries, each the label of an action in the registry (src/store/actions.ts), which
 * the first load has and the page says where its locale has no word of its own (src/ui/i18n.ts, actionLabel).
 * The messages of the views that load on demand (src/i18n/later.ts, LATER_PREFIXES) are a chunk of their
 * own, which those views load with their code; the build fails if the first load's code names one of them.
 */
function englishLocalePlugin(): Plugin {
  const laterId = '\0sandbox:english-later';
  let root = '';
  type Later = typeof import('./src/i18n/later');
  let laterModule: Promise<Later> | undefined;
  const readLater = async () => (await runnerImport<Later>('/src/i18n/later.ts', { root, configFile: false, logLevel: 'silent' })).module;
  let prefixes: Promise<readonly string[]> | undefined;
  const readPrefixes = async () => (await (laterModule ??= readLater())).LATER_PREFIXES;
  let isLater: Later['isLater'] = () => {
    throw new Error('src/i18n/later.ts has not been read');
  };
  const english = () => JSON.parse(readFileSync(resolve(root, 'src/i18n/locales/en.json'), 'utf8')) as Record<string, string>;
  return {
    name: 'sandbox:english-locale',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async buildStart() {
      isLater = (await (laterModule ??= readLater())).isLater;
    },
    resolveId(source) {
      return source === laterId ? laterId : null;
    },
    async load(id) {
      if (id === laterId) {
        const later = await (prefixes ??= readPrefixes());
        const messages = Object.fromEntries(Object.entries(english()).filter(([k]) => isLater(k, later)));
        return `export const MESSAGES = JSON.parse(${JSON.stringify(JSON.stringify(messages))});\n`;
      }
      if (resolve(id) === resolve(root, 'src/i18n/later.ts')) {
        const later = await (prefixes ??= readPrefixes());
        return `export const LATER_PREFIXES = ${JSON.stringify(later)};\nexport function loadLater() { return import(${JSON.stringify(laterId)}).then((m) => m.MESSAGES); }\n`;
      }
      if (resolve(id) !== resolve(root, 'src/i18n/locales/en.json')) return null;
      type Narration = typeof import('./src/sim/model/narration');
      const { module } = await runnerImport<Narration>('/src/sim/model/narration.ts', { root, configFile: false, logLevel: 'silent' });
      const narration: Record<string, string> = module.NARRATION;
      type Actions = typeof import('./src/store/actions');
      const { module: actions } = await runnerImport<Actions>('/src/store/actions.ts', { root, configFile: false, logLevel: 'silent' });
      const labels = new Map<string, string>(actions.ACTIONS.map((a) => [a.id, a.label]));
      const later = await (prefixes ??= readPrefixes());
      const kept: Record<string, string> = {};
      for (const [k, v] of Object.entries(english())) {
        if (k.startsWith('event.')) {
          if (narration[k.slice('event.'.length)] !== v) throw new Error(`src/i18n/locales/en.json: ${k} is not the engine's narration of ${k.slice('event.'.length)}`);
        } else if (k.startsWith('action.')) {
          if (labels.get(k.slice('action.'.length)) !== v) throw new Error(`src/i18n/locales/en.json: ${k} is not the label of the action ${k.slice('action.'.length)} in src/store/actions.ts`);
        } else if (!isLater(k, later)) kept[k] = v;
      }
      return JSON.stringify(kept);
    },
    async generateBundle(_options, bundle) {
      const later = await (prefixes ??= readPrefixes());
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || chunk.name !== 'boot') continue;
        // An entry is a key, its plural forms and the keys under it: the code must quote none of them (an
        // entry that is no key of its own, such as a view's name, may be quoted).
        const keys = english();
        const named = later.filter((p) => ['"', "'", '`'].some((q) => ['.', '#', ...(p in keys ? [q] : [])].some((after) => chunk.code.includes(`${q}${p}${after}`))));
        if (named.length) throw new Error(`the first load's code names English messages it leaves out (src/i18n/later.ts): ${named.join(', ')}`);
      }
    },
  };
}

/**
 * The engine draws only from seedrandom's Alea generator (src/sim/core/rng.ts, `seedrandom.alea`): in the
 * production build its import of the package is that generator alone, not the package's index, which
 * brings ARC4 and five more generators into the first load. The same code makes the same numbers; Node,
 * the tests and the dev server import the package as it is.
 */
function aleaOnlyPlugin(): Plugin {
  const id = '\0sandbox:seedrandom-alea';
  return {
    name: 'sandbox:seedrandom-alea',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === 'seedrandom' ? id : null;
    },
    load(i) {
      return i === id ? "import alea from 'seedrandom/lib/alea.js';\nexport default { alea };\n" : null;
    },
  };
}

/**
 * Every module the page's entry imports statically (src/app/main.tsx and all it imports, the dependencies
 * included) is loaded before the first paint in any case. Left to itself the bundler spreads those a lazy
 * chunk also imports into small chunks of their own (twenty at the first load), each compressed apart
 * and naming what it exports to the others: this puts them in one chunk. What loads on demand is untouched.
 */
function firstLoadChunk(): (id: string, ctx: { getModuleInfo(id: string): { importedIds: readonly string[] } | null }) => string | null {
  let first: Set<string> | undefined;
  return (id, ctx) => {
    if (!first) {
      first = new Set();
      const todo = [resolve(import.meta.dirname, 'src/app/main.tsx')];
      for (let m = todo.pop(); m !== undefined; m = todo.pop()) {
        if (first.has(m)) continue;
        first.add(m);
        todo.push(...(ctx.getModuleInfo(m)?.importedIds ?? []));
      }
    }
    return first.has(id) ? 'boot' : null;
  };
}

export default defineConfig({
  // Relative: the build folder works from any path (a sub-path of a school's server, a USB stick).
  base: './',
  plugins: [react(), cspPlugin(), serviceWorkerPlugin(), prebuiltScenariosPlugin(), onDemandPlugin(), deferredOperationsPlugin(), englishLocalePlugin(), aleaOnlyPlugin()],
  // Monaco's core chunk is 2.7 MB; it loads only when the editor first opens.
  build: { chunkSizeWarningLimit: 4000, rolldownOptions: { output: { codeSplitting: { groups: [{ name: firstLoadChunk() }] } } } },
  worker: { format: 'es' },
});
