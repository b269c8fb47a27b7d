import { useEffect, useRef } from 'react';
import { checkAgainstSchema, monaco } from './setup';
import type { Problem } from '../../formats/problem';

export interface MonacoEditorProps {
  file: string;
  value: string;
  /** The problems to mark, each message as the page says it. */
  problems: Problem[];
  onChange: (file: string, text: string) => void;
  /** The editor's keys (from the action registry: "Mod+Enter" runs the file's main action). */
  keys: { key: string; run: () => void }[];
  label: string;
  /** The page's theme, which the editor follows (vs, or vs-dark with legible comments). */
  theme: 'light' | 'dark';
}

const models = new Map<string, monaco.editor.ITextModel>();

/** Monaco's dark theme with comments in a green that reads on its background (4.5:1 or more; vs-dark's is 4.2:1). */
monaco.editor.defineTheme('sandbox-dark', { base: 'vs-dark', inherit: true, rules: [{ token: 'comment', foreground: '6A9955' }], colors: {} });
const themeName = (theme: 'light' | 'dark') => (theme === 'dark' ? 'sandbox-dark' : 'vs');

function modelFor(file: string, value: string): monaco.editor.ITextModel {
  let m = models.get(file);
  if (!m || m.isDisposed()) {
    const language = file.endsWith('.json') ? 'json' : /\.ya?ml$/.test(file) ? 'yaml' : 'plaintext';
    const uri = monaco.Uri.parse(`file:///${file}`);
    if (language === 'json') checkAgainstSchema(file, uri.toString());
    m = monaco.editor.createModel(value, language, uri);
    models.set(file, m);
  } else if (m.getValue() !== value) m.setValue(value);
  return m;
}

/** The code editor: one model per file (each keeps its own undo history), markers from the store's problems. */
/** A registry key spelling ("Mod+Shift+Enter") as a Monaco keybinding. */
function keybinding(key: string): number {
  const parts = key.split('+');
  const name = parts.pop()!;
  let k: number = /^[A-Z]$/.test(name) ? monaco.KeyCode[`Key${name}` as 'KeyA'] : monaco.KeyCode[name as 'Enter'];
  if (parts.includes('Mod')) k |= monaco.KeyMod.CtrlCmd;
  if (parts.includes('Shift')) k |= monaco.KeyMod.Shift;
  if (parts.includes('Alt')) k |= monaco.KeyMod.Alt;
  return k;
}

export default function MonacoEditor({ file, value, problems, onChange, keys, label, theme }: MonacoEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const current = useRef({ file, onChange, keys });
  current.current = { file, onChange, keys };

  useEffect(() => {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const e = monaco.editor.create(host.current!, {
      model: modelFor(file, value),
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      // The empty line after a file's last newline numbered like the others: Monaco's dimmed number is too faint to read.
      renderFinalNewline: 'on',
      tabSize: 2,
      ariaLabel: label,
      smoothScrolling: !reduce,
      cursorSmoothCaretAnimation: reduce ? 'off' : 'on',
      accessibilitySupport: 'auto',
      fixedOverflowWidgets: true,
      theme: themeName(theme),
    });
    editor.current = e;
    const sub = e.onDidChangeModelContent(() => current.current.onChange(current.current.file, e.getValue()));
    keys.forEach((k, i) => e.addCommand(keybinding(k.key), () => current.current.keys[i]?.run()));
    return () => {
      sub.dispose();
      e.dispose();
      editor.current = null;
    };
    // The editor is created once; file and value changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    // One theme for every editor on the page.
    monaco.editor.setTheme(themeName(theme));
  }, [theme]);

  useEffect(() => {
    const e = editor.current;
    if (!e) return;
    const m = modelFor(file, value);
    if (e.getModel() !== m) e.setModel(m);
    e.updateOptions({ ariaLabel: label });
  }, [file, value, label]);

  useEffect(() => {
    const m = models.get(file);
    if (!m) return;
    monaco.editor.setModelMarkers(
      m,
      'sandbox',
      problems
        .filter((p) => p.file === file)
        .map((p) => {
          const line = Math.min(Math.max(1, p.line), m.getLineCount());
          return {
            startLineNumber: line,
            startColumn: Math.max(1, p.column),
            endLineNumber: line,
            endColumn: m.getLineMaxColumn(line),
            message: p.member ? `${p.member}: ${p.message}` : p.message,
            severity: p.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
          };
        }),
    );
  }, [file, problems, value]);

  return <div ref={host} className="monaco-host" data-file={file} />;
}
