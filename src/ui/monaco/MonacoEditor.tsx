import { useEffect, useRef } from 'react';
import { monaco } from './setup';
import type { EditorProblem } from '../../store/store';

export interface MonacoEditorProps {
  file: string;
  value: string;
  problems: EditorProblem[];
  onChange: (file: string, text: string) => void;
  /** Ctrl+Enter: the file's main action (register, compose up, deploy, apply). */
  onRun: () => void;
  label: string;
}

const models = new Map<string, monaco.editor.ITextModel>();

function modelFor(file: string, value: string): monaco.editor.ITextModel {
  let m = models.get(file);
  if (!m || m.isDisposed()) {
    const language = file.endsWith('.json') ? 'json' : /\.ya?ml$/.test(file) ? 'yaml' : 'plaintext';
    m = monaco.editor.createModel(value, language, monaco.Uri.parse(`file:///${file}`));
    models.set(file, m);
  } else if (m.getValue() !== value) m.setValue(value);
  return m;
}

/** The code editor: one model per file (each keeps its own undo history), markers from the store's problems. */
export default function MonacoEditor({ file, value, problems, onChange, onRun, label }: MonacoEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const current = useRef({ file, onChange, onRun });
  current.current = { file, onChange, onRun };

  useEffect(() => {
    const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    const e = monaco.editor.create(host.current!, {
      model: modelFor(file, value), automaticLayout: true, minimap: { enabled: false }, fontSize: 13, scrollBeyondLastLine: false,
      tabSize: 2, ariaLabel: label, smoothScrolling: !reduce, cursorSmoothCaretAnimation: reduce ? 'off' : 'on', accessibilitySupport: 'auto',
      fixedOverflowWidgets: true,
    });
    editor.current = e;
    const sub = e.onDidChangeModelContent(() => current.current.onChange(current.current.file, e.getValue()));
    e.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => current.current.onRun());
    return () => {
      sub.dispose();
      e.dispose();
      editor.current = null;
    };
    // The editor is created once; file and value changes are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

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
    monaco.editor.setModelMarkers(m, 'sandbox', problems.filter((p) => p.file === file).map((p) => {
      const line = Math.min(Math.max(1, p.line), m.getLineCount());
      return {
        startLineNumber: line, startColumn: Math.max(1, p.column), endLineNumber: line, endColumn: m.getLineMaxColumn(line),
        message: p.message, severity: /^warning/i.test(p.message) ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Error,
      };
    }));
  }, [file, problems, value]);

  return <div ref={host} className="monaco-host" data-file={file} />;
}
