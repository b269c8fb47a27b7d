import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCommand } from '../../src/ui/Markdown';
import { localizeDemo, parseDemo, parseIndex, parseLesson, parseLessonIn, type Files, type Lesson } from '../../src/content/lesson';

const root = resolve(import.meta.dirname, '../../lessons');
function read(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? read(join(dir, n)) : [join(dir, n)]));
}
const files: Files = Object.fromEntries(read(root).map((f) => [relative(root, f).split('\\').join('/'), readFileSync(f, 'utf8')]));
const index = parseIndex(files);
const ids = index.chapters.flatMap((c) => c.lessons);
const LOCALE = 'es';

/** Inline code or a code block's line that reads as a console command: a Run button's, or one with a placeholder (`… --placement-constraints …`). */
const looksLikeCommand = (code: string): boolean => isCommand(code) || /^(aws|docker|copilot|curl|traffic|process|sleep|sim|translate)\s+\S/.test(code.trim());

/** The commands a text offers, in order: each code block's command lines and each inline code that reads as a command. */
export function commandsIn(md: string): string[] {
  const out: string[] = [];
  const blocks = md.split(/^```.*$/m);
  blocks.forEach((part, i) => {
    if (i % 2 === 1)
      out.push(
        ...part
          .split('\n')
          .map((l) => l.trim())
          .filter(looksLikeCommand),
      );
    else out.push(...[...part.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim()).filter(looksLikeCommand));
  });
  return out;
}

/** A Steps section's numbered steps (a line starting `1. `, `2. ` …, with the lines under it), and the text before the first. */
export function stepsOf(steps: string): { before: string; steps: string[] } {
  const parts = steps.split(/^(?=\d+\. )/m);
  const numbered = /^\d+\. /.test(parts[0] ?? '') ? parts : parts.slice(1);
  return { before: /^\d+\. /.test(parts[0] ?? '') ? '' : (parts[0] ?? ''), steps: numbered };
}

/** A command as the learner completes it: a placeholder's words (`<its ARN>`, `<su ARN>`) are the text's language, the rest is typed as it is. */
const typed = (c: string) => c.replace(/<[^<>]*>/g, '<…>');
const count = (xs: string[]) => xs.map(typed).reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());

/** Where two texts' commands differ: each command one of them offers more often than the other. */
function commandDiff(where: string, en: string, tr: string, file: string, english = 'en.md'): string[] {
  const [e, t] = [count(commandsIn(en)), count(commandsIn(tr))];
  const out: string[] = [];
  for (const [c, n] of e) {
    const m = t.get(c) ?? 0;
    if (m === 0) out.push(`${where}: ${file} lacks the command \`${c}\``);
    else if (m !== n) out.push(`${where}: ${file} offers the command \`${c}\` ${m} times, ${english} ${n}`);
  }
  for (const [c, n] of t) if (!e.has(c)) out.push(`${where}: ${file} has the command \`${c}\` that ${english} has not${n > 1 ? ` (${n} times)` : ''}`);
  return out;
}

/** What a lesson's translated text changes of the commands of its English one, by section and numbered step, and whether it numbers as many steps. */
export function commandProblems(en: Lesson, tr: Lesson, locale: string): string[] {
  const file = `${locale}.md`;
  const out: string[] = [];
  const at = (where: string) => `${en.id} ${where}`;
  out.push(...commandDiff(at('briefing'), en.text.briefing, tr.text.briefing, file));
  const [es, ts] = [stepsOf(en.text.steps), stepsOf(tr.text.steps)];
  if (es.steps.length !== ts.steps.length) {
    out.push(`${at('steps')}: ${file} has ${ts.steps.length} numbered steps, en.md ${es.steps.length}`);
    out.push(...commandDiff(at('steps'), en.text.steps, tr.text.steps, file));
  } else {
    out.push(...commandDiff(at('steps, before step 1'), es.before, ts.before, file));
    es.steps.forEach((s, i) => out.push(...commandDiff(at(`step ${i + 1}`), s, ts.steps[i]!, file)));
  }
  en.text.hints.forEach((h, i) => out.push(...commandDiff(at(`hint ${i + 1}`), h, tr.text.hints[i] ?? '', file)));
  out.push(...commandDiff(at('debrief'), en.text.debrief, tr.text.debrief, file));
  return out;
}

describe('the lessons in Spanish offer the commands of their English text', () => {
  it.each(ids)('%s has the same commands in every section and numbered step, and as many steps', (id) => {
    expect(commandProblems(parseLesson(files, id), parseLessonIn(files, id, LOCALE), LOCALE)).toEqual([]);
  });

  it('are told apart when a step lacks a command, has one the English has not, changes its quotes or numbers fewer steps', () => {
    const en = parseLesson(files, 'L7');
    const lesson = (md: string) => parseLessonIn({ ...files, 'L7/text/es.md': md }, 'L7', LOCALE);
    const es = files['L7/text/es.md']!;
    const dropped = es.replace(' (o en `events` de `aws ecs describe-services --cluster forum --services legacy`)', '');
    expect(dropped).not.toBe(es);
    expect(commandProblems(en, lesson(dropped), LOCALE)).toEqual(['L7 step 3: es.md lacks the command `aws ecs describe-services --cluster forum --services legacy`']);
    const added = es.replace('y haz clic', 'ejecuta `aws ecs describe-tasks --cluster forum --tasks t-1` y haz clic');
    expect(added).not.toBe(es);
    expect(commandProblems(en, lesson(added), LOCALE)).toEqual(['L7 step 3: es.md has the command `aws ecs describe-tasks --cluster forum --tasks t-1` that en.md has not']);
    const merged = es.replace(/\n2\. /, '\n   ');
    expect(commandProblems(en, lesson(merged), LOCALE)).toEqual(['L7 steps: es.md has 2 numbered steps, en.md 3']);
    const twice = es.replace(/(`aws ecs update-service --cluster forum --service legacy --placement-constraints …`)/, '$1 (de nuevo: $1)');
    expect(commandProblems(en, lesson(twice), LOCALE)).toEqual(['L7 step 3: es.md offers the command `aws ecs update-service --cluster forum --service legacy --placement-constraints …` 2 times, en.md 1']);
  });

  it('reads commands from inline code and from code blocks, not from names, flags or prose', () => {
    const md = 'Run `aws ecs list-tasks --cluster forum`, read `forum-api:2` and `--force-new-deployment`, then:\n\n```sh\ncurl localhost:3000/api/users\n# a comment\n```\n\nand `traffic stats 3000`; aws ecs in prose is not one.';
    expect(commandsIn(md)).toEqual(['aws ecs list-tasks --cluster forum', 'curl localhost:3000/api/users', 'traffic stats 3000']);
    const L12 = files['L12/text/en.md']!;
    const q = /`(aws ecs create-capacity-provider [^`]*)`/.exec(L12)?.[1];
    expect(q, 'L12 offers create-capacity-provider').toMatch(/'/);
    // The argument's quotes are part of the command a Run button types: without them it is another command.
    const en = parseLesson(files, 'L12');
    const tr = parseLessonIn({ ...files, 'L12/text/es.md': files['L12/text/es.md']!.replace(q!, q!.replace(/'/g, '')) }, 'L12', LOCALE);
    expect(commandProblems(en, tr, LOCALE)).toEqual([`L12 step 1: es.md lacks the command \`${q}\``, `L12 step 1: es.md has the command \`${q!.replace(/'/g, '')}\` that en.md has not`]);
  });

  it('the demos in Spanish offer the commands of their English notes, questions and callouts', () => {
    for (const id of index.demos) {
      const d = parseDemo(files, id);
      const es = localizeDemo(d, files, LOCALE);
      const texts: [string, string, string][] = [
        ['text', d.text, es.text],
        ['summary', d.summary, es.summary],
        ...d.pauses.flatMap((p, i): [string, string, string][] => [
          [`pause ${i + 1} prompt`, p.prompt, es.pauses[i]!.prompt],
          [`pause ${i + 1} reveal`, p.reveal ?? '', es.pauses[i]!.reveal ?? ''],
        ]),
        ...(d.callouts ?? []).map((c, i): [string, string, string] => [`callout ${i + 1}`, c.text, es.callouts![i]!.text]),
      ];
      for (const [where, en, tr] of texts) expect(commandDiff(`${id} ${where}`, en, tr, 'demos/text/es.yaml', 'the demo'), id).toEqual([]);
    }
  });
});
