/**
 * What every parser reports, and what travels up to the editor's markers as data: where the problem is (the
 * file, 1-based line and column; line 0 when it has no place in a text, such as a damaged saved workspace),
 * which member it is about, what is wrong, and whether it stops the file (error) or only warns.
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  member: string;
  message: string;
  severity: 'error' | 'warning';
}

/** An error at a place in a file. */
export function fileError(file: string, at: { line: number; column: number }, member: string, message: string): Problem {
  return { file, line: at.line, column: at.column, member, message, severity: 'error' };
}

/**
 * One line, as compilers print them: `file:line:column: [severity: ][member: ]message` (`file: …` without a
 * place, the message alone without a file). The severity is named for every problem with `severity: 'always'`
 * (the console and the runner print Compose and Copilot problems so), else for warnings only.
 */
export function formatProblem(p: Problem, opts: { severity?: 'always' | 'warnings' } = {}): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}: ` : p.file ? `${p.file}: ` : '';
  const severity = opts.severity === 'always' || p.severity === 'warning' ? `${p.severity}: ` : '';
  return `${where}${severity}${p.member ? `${p.member}: ` : ''}${p.message}`;
}

/** Problems one a line. */
export function formatProblems(problems: readonly Problem[], opts: { severity?: 'always' | 'warnings' } = {}): string {
  return problems.map((p) => formatProblem(p, opts)).join('\n');
}
