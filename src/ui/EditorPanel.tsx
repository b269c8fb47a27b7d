import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { parseCompose } from '../formats/compose';
import { parseManifest } from '../formats/copilot';
import { ScenarioError } from '../content/scenarioError';
import { loadParser, parseScenario } from '../store/parser';
import { loadConsole } from '../content/console/onDemand';
import { loadOperations } from '../sim';
import { COMPOSE_FILE, MANIFEST_FILE, SCENARIO_FILE, TASKDEF_FILE } from '../store/defaults';
import { ACTIONS } from '../store/actions';
import { formatProblemIn, problemText, type Problem } from '../formats/problem';
import { selectActiveTab, selectFileTabs } from '../store/selectors/editor';
import { ActionButton } from './ActionButton';
import { useRun, useSandbox } from './context';
import { themeOf } from '../store/actions/layout';
import { useT } from './i18n';
import { translate, translateMaybe, type Locale } from '../i18n';

// Its JSON schemas are made from the engine's ECS request tables, which arrive with the operations the page starts without.
const MonacoEditor = lazy(() => loadOperations().then(() => import('./monaco/MonacoEditor')));

/** The code editor's own keys, from the registry. */
const EDITOR_KEYS = ACTIONS.filter((a) => a.scope === 'editor').flatMap((a) => (a.keys ?? []).map((key) => ({ key, id: a.id })));

/** Said once: Copilot is out of support, and why the sandbox still teaches its manifests. */
function CopilotNote() {
  const run = useRun();
  const seenBefore = useSandbox((s) => s.ui.copilotNoteSeen);
  // Whether it was seen before this showing: it stays up while this tab is open.
  const [seen] = useState(seenBefore);
  const t = useT();
  useEffect(() => {
    if (!seen) run('editor.noteSeen');
  }, [seen, run]);
  if (seen) return null;
  return (
    <p className="note" role="note">
      {t('editor.copilotNote')}
    </p>
  );
}

/** What is wrong (without the place), in a locale: a marker's text, in English exactly the problem's message. */
export function problemTextIn(locale: Locale, p: Problem): string {
  const m = locale === 'en' ? p.message : problemText(p);
  return typeof m === 'string' ? m : translate(locale, m.key, m.params);
}

/** Checks a YAML file as the learner types (the same parsers the console and the runner use). */
/** What the note beside a file without an action of its own says reads it: docker build a Dockerfile, the console any other file. */
export function readNote(file: string): 'editor.read.dockerfile' | 'editor.read' {
  return /(^|\/)Dockerfile$/.test(file) ? 'editor.read.dockerfile' : 'editor.read';
}

export function checkFile(file: string, text: string): Problem[] {
  if (file === COMPOSE_FILE) return parseCompose(text, file).problems;
  if (file.endsWith('manifest.yml')) return parseManifest(text, file).problems;
  if (file === SCENARIO_FILE) {
    try {
      parseScenario(text, file);
      return [];
    } catch (e) {
      return e instanceof ScenarioError ? e.problems : [{ file, line: 1, column: 1, member: '', message: String(e), severity: 'error' }];
    }
  }
  return [];
}

/**
 * The editor: one tab per file, each with its action (register, compose up, deploy, apply). The
 * text is the learner's and is saved as they type; Monaco loads on first open, and until it has
 * loaded a plain text area edits the same text.
 */
export function EditorPanel() {
  const run = useRun();
  const files = useSandbox((s) => s.editor.files);
  const problems = useSandbox((s) => s.editor.problems);
  const tabs = useSandbox(selectFileTabs);
  const theme = useSandbox(themeOf);
  const def = useSandbox(selectActiveTab);
  const text = files[def.file] ?? '';
  const onChange = (file: string, t: string) => run('editor.edit', { file, text: t });
  useEffect(() => {
    // The editor's actions parse the learner's files and run their commands through the console.
    void loadParser();
    void loadConsole();
  }, []);
  useEffect(() => {
    // Live checks for the YAML files, a moment after typing stops.
    // The scenario parser loads with the editor, the first time it shows.
    let live = true;
    const h = setTimeout(() => {
      if (def.file === TASKDEF_FILE) return;
      void loadParser().then(() => {
        if (live) run('editor.problems', { file: def.file, problems: checkFile(def.file, text) });
      });
    }, 300);
    return () => {
      live = false;
      clearTimeout(h);
    };
  }, [def.file, text, run]);
  // The open file's tab in sight: where the tabs overflow (a lesson's Dockerfile, on a laptop), it may be past the edge.
  const tabList = useRef<HTMLDivElement>(null);
  useEffect(() => {
    tabList.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [def.file]);
  const t = useT();
  const tabLabel = (f: { file: string; label: string }) => translateMaybe(t.locale, `editor.tab.${f.file}`) ?? f.label;
  const mine = problems.filter((p) => p.file === def.file);
  // The markers say what is wrong in the page's language, as the list below the editor does.
  const said = useMemo(() => problems.map((p) => ({ ...p, message: problemTextIn(t.locale, p) })), [problems, t.locale]);
  return (
    <div className="editor">
      <div role="tablist" aria-label={t('editor.files')} className="tabs" ref={tabList}>
        {tabs.map((f) => (
          <button key={f.file} type="button" role="tab" aria-selected={f.file === def.file} aria-controls="editor-panel" id={`file-${f.file}`} onClick={() => run('editor.open', f.file)}>
            {tabLabel(f)}
            {f.label !== f.file && <span className="muted small"> {f.file}</span>}
          </button>
        ))}
      </div>
      <div className="editor-actions">
        {def.main && <ActionButton id={def.main} arg={def.file} className="primary" />}
        {def.extra?.map((id) => (
          <ActionButton key={id} id={id} arg={def.file} />
        ))}
        <ActionButton id="editor.restoreFile" arg={def.file} />
        {def.main ? <span className="muted small">{t('editor.main')}</span> : <span className="muted small">{t(readNote(def.file), { file: def.file })}</span>}
      </div>
      {def.file === MANIFEST_FILE && <CopilotNote />}
      <div role="tabpanel" id="editor-panel" aria-labelledby={`file-${def.file}`} className="editor-body">
        <Suspense fallback={<textarea aria-label={t('editor.loading', { label: tabLabel(def), file: def.file })} className="fallback" value={text} spellCheck={false} onChange={(e) => onChange(def.file, e.target.value)} />}>
          <MonacoEditor file={def.file} value={text} problems={said} onChange={onChange} keys={EDITOR_KEYS.map((k) => ({ key: k.key, run: () => run(k.id) }))} label={`${tabLabel(def)} (${def.file})`} theme={theme} />
        </Suspense>
      </div>
      <ul className="problems" aria-label={t('editor.problems', { file: def.file })} aria-live="polite">
        {mine.map((p, i) => (
          <li key={i} className={p.severity === 'warning' ? 'warn' : 'bad'}>
            {formatProblemIn(t.locale, p)}
          </li>
        ))}
      </ul>
    </div>
  );
}
