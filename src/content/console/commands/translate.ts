import { fileText, writeFile } from '../session';
import { formatProblem } from '../../../formats/problem';
import { composeToEcs, composeToSingleTask, parseCompose } from '../../../formats/compose';
import type { ConsoleCommand, ConsoleSession } from '../types';
import { parsed, refused } from '../types';
import { COMPOSE_FILES } from './dockerCompose';

interface TranslateArgs {
  file?: string;
  project?: string;
  singleTask: boolean;
  profiles: string[];
}

const USAGE = 'translate [compose.yaml] [--project NAME] [--profile NAME ...] [--single-task]';

/** The translation's task definitions, findings and errors (one task for the project, or one per service). */
function translation(project: NonNullable<ReturnType<typeof parseCompose>['project']>, singleTask: boolean) {
  if (singleTask) {
    const r = composeToSingleTask(project);
    return { defs: [r.taskDefinition], findings: r.findings, errors: r.errors };
  }
  const t = composeToEcs(project);
  return { defs: t.services.map((x) => x.taskDefinition), findings: t.findings, errors: t.errors };
}

function translate(session: ConsoleSession, p: TranslateArgs) {
  const file = p.file ?? COMPOSE_FILES.find((f) => fileText(session.files, f) !== undefined);
  if (!file || fileText(session.files, file) === undefined) return { output: `translate: ${file ?? 'compose.yaml'}: no such file`, exitCode: 1 };
  const { project, problems } = parseCompose(fileText(session.files, file)!, file, { ...(p.project ? { project: p.project } : {}), profiles: p.profiles });
  const shown = problems.map((q) => formatProblem(q, { severity: 'always' }));
  if (!project) return { output: shown.join('\n'), exitCode: 1 };
  const { defs, findings, errors } = translation(project, p.singleTask);
  const out = [...shown, ...errors.map((e) => formatProblem(e, { severity: 'always' }))];
  if (errors.length) return { output: out.join('\n'), exitCode: 1 };
  for (const d of defs) {
    const path = `ecs/${String(d.family)}.json`;
    writeFile(session.files, path, `${JSON.stringify(d, null, 2)}\n`);
    const n = (d.containerDefinitions as unknown[]).length;
    out.push(`Wrote ${path}: ${String(d.family)} (${String(d.cpu)} CPU, ${String(d.memory)} MiB, ${n} container${n === 1 ? '' : 's'})`);
  }
  if (findings.length) out.push('Does not carry over:', ...findings.map((f) => `  - ${f}`));
  return { output: out.join('\n'), exitCode: 0 };
}

/**
 * `translate [compose.yaml] [--project NAME] [--single-task]`: the Compose file as ECS task definitions to review.
 * Each is written to the editor's files as ecs/<family>.json, ready for
 * `aws ecs register-task-definition --cli-input-json file://ecs/<family>.json`.
 */
export const translateCommand: ConsoleCommand<TranslateArgs> = {
  name: 'translate',
  usage: [USAGE],
  help: 'Translates the Compose file in the editor into ECS task definitions to review (one per service, or with --single-task one task for the whole project), written to the editor as ecs/<family>.json, with what does not carry over.',
  time: 'none',
  reads: (words, files) => {
    const named = words.filter((w, i) => !w.startsWith('-') && words[i - 1] !== '--project' && words[i - 1] !== '-p' && words[i - 1] !== '--profile');
    return [...named, ...COMPOSE_FILES.filter((n) => n in files)];
  },
  complete: (before, word) => (word.startsWith('-') ? ['--project', '--profile', '--single-task'].filter((o) => o === '--profile' || !before.includes(o)) : []),
  parse: (words) => {
    const out: TranslateArgs = { singleTask: false, profiles: [] };
    for (let i = 0; i < words.length; i++) {
      const t = words[i]!;
      if (t === '--single-task') out.singleTask = true;
      else if (t === '--project' || t === '-p') out.project = words[++i];
      else if (t === '--profile') out.profiles.push(words[++i] ?? '');
      else if (!t.startsWith('-') && out.file === undefined) out.file = t;
      else return refused(`translate: unknown option ${t}\nusage: ${USAGE}`, 2);
    }
    return parsed(out);
  },
  run: (args, { session }) => translate(session, args),
};
