import { DEFAULT_LOCALE, translate, type Locale, type Message, type MessageKey, type MessageList } from '../i18n';

/**
 * What every parser reports, and what travels up to the editor's markers as data: where the problem is (the
 * file, 1-based line and column; line 0 when it has no place in a text, such as a damaged saved workspace),
 * which member it is about, what is wrong, and whether it stops the file (error) or only warns.
 *
 * `message` is the English, which the console, the runner and `sim serve` print. A problem the sandbox says
 * in its own words also has a `form`: the locale key of its template and the values in its slots, from
 * which the page says it in the learner's language. The form is not enumerable: it is the page's, so the
 * record stays what it was for everything that prints, compares or sends it as JSON.
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  member: string;
  message: string;
  severity: 'error' | 'warning';
  readonly form?: ProblemForm;
}

/** A diagnostic's template (a locale key) and the values in its slots, each a text as the English says it or a form said within it. */
export interface ProblemForm {
  key: MessageKey;
  values: Readonly<Record<string, string | ProblemForm>>;
}

/** A diagnostic said: its English and its form. */
export interface Said {
  message: string;
  form: ProblemForm;
}

/** Values for a template's slots: a number is written as `${n}` writes it; a said text is said within it, in the same language. */
export type SaidValues = Readonly<Record<string, string | number | Said>>;

/** A form as a message of the locale files, its inner forms messages too. */
function formMessage(form: ProblemForm): Message {
  const params = Object.fromEntries(Object.entries(form.values).map(([k, v]) => [k, typeof v === 'string' ? v : formMessage(v)]));
  return { text: translate(DEFAULT_LOCALE, form.key, params), key: form.key, params };
}

/**
 * The diagnostic of template `key` (a key of the English locale, whose text is the one wording there is)
 * with `values` in its slots: the English and the form.
 */
export function said(key: MessageKey, values: SaidValues = {}): Said {
  const kept: Record<string, string | ProblemForm> = {};
  for (const [k, v] of Object.entries(values)) kept[k] = typeof v === 'object' ? v.form : String(v);
  const form: ProblemForm = { key, values: kept };
  return { message: formMessage(form).text, form };
}

/** `p` with `form` beside its English (not enumerable, see Problem); `p` as it is without one. */
export function withForm<P extends { message: string }>(p: P, form: ProblemForm | undefined): P {
  if (form) Object.defineProperty(p, 'form', { value: form, enumerable: false, configurable: true });
  return p;
}

/** A problem at a place in a file: its message the English, or a diagnostic said with its form. */
export function problemAt(file: string, at: { line: number; column: number }, member: string, message: string | Said, severity: Problem['severity'] = 'error'): Problem {
  const text = typeof message === 'string' ? message : message.message;
  return withForm({ file, line: at.line, column: at.column, member, message: text, severity }, typeof message === 'string' ? undefined : message.form);
}

/** An error at a place in a file. */
export function fileError(file: string, at: { line: number; column: number }, member: string, message: string | Said): Problem {
  return problemAt(file, at, member, message);
}

/**
 * One line, as compilers print them: `file:line:column: [severity: ][member: ]message` (`file: …` without a
 * place, the message alone without a file). The severity is named for every problem with `severity: 'always'`
 * (the console and the runner print Compose and Copilot problems so), else for warnings only.
 */
export function formatProblem(p: Problem, opts: { severity?: 'always' | 'warnings' } = {}): string {
  return `${where(p)}${severity(p, opts) ? `${p.severity}: ` : ''}${p.member ? `${p.member}: ` : ''}${p.message}`;
}

const where = (p: Problem) => (p.line > 0 ? `${p.file}:${p.line}:${p.column}: ` : p.file ? `${p.file}: ` : '');
const severity = (p: Problem, opts: { severity?: 'always' | 'warnings' }) => opts.severity === 'always' || p.severity === 'warning';

/** Problems one a line. */
export function formatProblems(problems: readonly Problem[], opts: { severity?: 'always' | 'warnings' } = {}): string {
  return problems.map((p) => formatProblem(p, opts)).join('\n');
}

/**
 * What is wrong, as a message of the locale files: the form's, else the English as it is (words that are not
 * the sandbox's). A form's English is there: `said` made it from it, in this page (a form is never sent).
 */
export function problemText(p: Problem): Message | string {
  return p.form ? formMessage(p.form) : p.message;
}

/** formatProblem's line as a message (a notice's): the places, members and values as they are, the words in the page's language. */
export function problemMessage(p: Problem, opts: { severity?: 'always' | 'warnings' } = {}): Message {
  const params = { where: where(p), severity: severity(p, opts) ? { text: `${p.severity}: `, key: `problem.severity.${p.severity}` as const } : '', member: p.member ? `${p.member}: ` : '', text: problemText(p) };
  return { text: formatProblem(p, opts), key: 'problem.line', params };
}

/** Problems one a line (`join`), as a message. */
export function problemList(problems: readonly Problem[], join = '\n'): MessageList {
  return { join, items: problems.map((p) => problemMessage(p)) };
}

/** formatProblem in a locale: in English exactly its line. */
export function formatProblemIn(locale: Locale, p: Problem, opts: { severity?: 'always' | 'warnings' } = {}): string {
  if (locale === DEFAULT_LOCALE) return formatProblem(p, opts);
  const m = problemMessage(p, opts);
  return translate(locale, m.key, m.params);
}
