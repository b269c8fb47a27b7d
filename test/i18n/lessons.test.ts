import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCommand } from '../../src/ui/Markdown';
import { localeYaml, localizeDemo, localizeIndex, parseDemo, parseIndex, parseLesson, parseLessonIn, sectionsOf, splitText, type Files, type Lesson } from '../../src/content/lesson';

const root = resolve(import.meta.dirname, '../../lessons');
function read(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? read(join(dir, n)) : [join(dir, n)]));
}
const files: Files = Object.fromEntries(read(root).map((f) => [relative(root, f).split('\\').join('/'), readFileSync(f, 'utf8')]));
const index = parseIndex(files);
const ids = index.chapters.flatMap((c) => c.lessons);
const LOCALE = 'es';

const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** The inline code of a text: commands (those the page gives a Run button) and the names, values and flags a learner types. */
const codeIn = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
/** The CLI flags a text names outside its inline code (in a diagnostic's prose: `--force-new-deployment`). */
const flagsIn = (text: string): string[] => [...text.replace(/`[^`]*`/g, ' ').matchAll(/(?<![\w-])--[a-z][\w-]*/g)].map((m) => m[0]);
/** The names a text gives outside its inline code that hold a colon, a dot or a slash and a digit, colon or dot (an image, a revision, an address): forum-api:2, localhost:80. */
const namesIn = (text: string): string[] => [...text.replace(/`[^`]*`/g, ' ').matchAll(/[\w-]+(?:[:./][\w-]+)+/g)].map((m) => m[0]).filter((n) => /[\d:.]/.test(n) && !/^[\d.,:]+$/.test(n));
const sorted = (xs: string[]) => [...xs].sort();

/** What a translated text changes of what the learner types: a command of its Run buttons, other inline code, a flag; or the English left as it is. */
function typedProblems(where: string, en: string, tr: string): string[] {
  const out: string[] = [];
  const [enCode, trCode] = [codeIn(en), codeIn(tr)];
  const [enRun, trRun] = [enCode.filter(isCommand), trCode.filter(isCommand)];
  for (const c of enRun) if (!trRun.includes(c)) out.push(`${where} lacks the command \`${c}\` of lesson.yaml's text`);
  for (const c of trRun) if (!enRun.includes(c)) out.push(`${where} has the command \`${c}\` that lesson.yaml's text has not`);
  if (!out.length && sorted(enRun).join('\n') !== sorted(trRun).join('\n')) out.push(`${where} offers its commands ${trRun.length} times, lesson.yaml's text ${enRun.length}`);
  for (const c of enCode) if (!isCommand(c) && !trCode.includes(c)) out.push(`${where} lacks \`${c}\` of lesson.yaml's text`);
  for (const f of flagsIn(en)) if (!flagsIn(tr).includes(f)) out.push(`${where} lacks the flag ${f} of lesson.yaml's text`);
  for (const n of namesIn(en)) if (!namesIn(tr).includes(n)) out.push(`${where} lacks the name ${n} of lesson.yaml's text`);
  if (tr === en && (en.replace(/`[^`]*`/g, ' ').match(/[a-z]{3,}/gi) ?? []).length >= 3) out.push(`${where} is the English text`);
  return out;
}

/** Every text of lesson.yaml a learner reads, by where text/<locale>.yaml gives it, with the English text. */
function learnerTexts(lesson: Lesson): { member: string; en: string }[] {
  return [
    { member: 'title', en: lesson.title },
    { member: 'chapter', en: lesson.chapter },
    { member: 'summary', en: lesson.summary },
    ...lesson.goals.map((g) => ({ member: `goals.${g.id}`, en: g.label })),
    ...lesson.goals.flatMap((g) => (g.labelBefore === undefined ? [] : [{ member: `labelsBefore.${g.id}`, en: g.labelBefore }])),
    ...lesson.goals.flatMap((g) => (g.how === undefined ? [] : [{ member: `how.${g.id}`, en: g.how }])),
    ...lesson.goals.flatMap((g) => (g.broken === undefined ? [] : [{ member: `broken.${g.id}`, en: g.broken }])),
    ...lesson.diagnostics.map((d) => ({ member: `diagnostics.${d.id}`, en: d.message })),
    ...lesson.predictions.flatMap((p) => [{ member: `predictions.${p.id}.prompt`, en: p.prompt }, ...p.choices.map((c, i) => ({ member: `predictions.${p.id}.choices[${i}]`, en: c.label }))]),
  ];
}

/** A member of text/<locale>.yaml by its dotted path (choices[i] for a choice). */
function memberOf(y: Record<string, unknown>, member: string): unknown {
  const [top, id, ...rest] = member.split('.');
  let v: unknown = rec(y[top!]);
  if (id === undefined) return y[top!];
  v = rec(v)[id];
  for (const part of rest.join('.').split('.').filter(Boolean)) {
    const choice = /^choices\[(\d+)\]$/.exec(part);
    v = choice ? (Array.isArray(rec(v).choices) ? (rec(v).choices as unknown[])[Number(choice[1])] : undefined) : rec(v)[part];
  }
  return v;
}

/** What a lesson's text/<locale>.md lacks or has too much of: sections and hints. */
function textProblems(f: Files, lesson: Lesson, locale: string): string[] {
  const out: string[] = [];
  const dir = `${lesson.id}/text/`;
  const en = f[`${dir}en.md`] ?? '';
  const md = f[`${dir}${locale}.md`];
  if (md === undefined) return [`${dir}${locale}.md is missing`];
  const want = sectionsOf(en, 'en');
  const have = sectionsOf(md, locale);
  for (const s of want) if (!have.includes(s)) out.push(`${dir}${locale}.md has no section ${s}`);
  for (const s of have) if (!want.includes(s)) out.push(`${dir}${locale}.md has a section ${s} that ${dir}en.md has not`);
  const hints = [splitText(en).hints.length, splitText(md.replace(/^## Pistas$/m, '## Hints')).hints.length];
  if (hints[0] !== hints[1]) out.push(`${dir}${locale}.md has ${hints[1]} hints, en.md ${hints[0]}`);
  return out;
}

/**
 * What a lesson's translation lacks or has too much of: sections, hints, and every learner-visible text of lesson.yaml by id
 * (title, chapter, summary, goals' labels, labels before their predictions are answered and hows, diagnostics, predictions' prompts and choices), with the commands as in English.
 */
export function translationProblems(f: Files, lesson: Lesson, locale: string): string[] {
  const out = textProblems(f, lesson, locale);
  if (out.length === 1 && out[0]!.endsWith('is missing')) return out;
  const file = `${lesson.id}/text/${locale}.yaml`;
  const y = localeYaml(f, file);
  for (const { member, en } of learnerTexts(lesson)) {
    const tr = memberOf(y, member);
    if (typeof tr !== 'string' || !tr.trim()) out.push(`${file}: ${member} is missing (lesson.yaml has "${en}")`);
    else out.push(...typedProblems(`${file}: ${member}`, en, tr));
  }
  const ids = {
    goals: lesson.goals.map((g) => g.id),
    labelsBefore: lesson.goals.filter((g) => g.labelBefore !== undefined).map((g) => g.id),
    how: lesson.goals.filter((g) => g.how !== undefined).map((g) => g.id),
    broken: lesson.goals.filter((g) => g.broken !== undefined).map((g) => g.id),
    diagnostics: lesson.diagnostics.map((d) => d.id),
    predictions: lesson.predictions.map((p) => p.id),
  };
  for (const [member, wanted] of Object.entries(ids)) for (const id of Object.keys(rec(y[member]))) if (!wanted.includes(id)) out.push(`${file}: ${member}.${id} is not in lesson.yaml`);
  for (const p of lesson.predictions) {
    const choices = rec(rec(y.predictions)[p.id]).choices;
    const n = Array.isArray(choices) ? choices.length : 0;
    if (n > p.choices.length) out.push(`${file}: predictions.${p.id} has ${n} choices, lesson.yaml ${p.choices.length}`);
  }
  return out;
}

describe('the lessons in Spanish', () => {
  it.each(ids)('%s has every section, hint, goal, diagnostic and prediction of its English text', (id) => {
    expect(translationProblems(files, parseLesson(files, id), LOCALE)).toEqual([]);
  });

  it('are told apart when a section, a goal label or a hint is missing, a command or a name differs, or a text is left in English', () => {
    const broken = { ...files, 'L1/text/es.md': files['L1/text/es.md']!.replace(/## Recapitulación[\s\S]*$/, '') };
    const y = files['L1/text/es.yaml']!.replace(/^ {2}crashed: .*\n/m, '')
      .replace(/^ {2}threads: "envía.*\n/m, '')
      .replace('`curl localhost:3000/api/posts`', '`curl localhost:3000/api/post`')
      .replace(/^ {2}recovered: "vuelve.*$/m, '  recovered: "start the process again (process restart forum) and keep the clock running for 30 s; `traffic stats 3000` counts the last 30 s"');
    expect(translationProblems({ ...broken, 'L1/text/es.yaml': y }, parseLesson(files, 'L1'), LOCALE)).toEqual([
      'L1/text/es.md has no section Debrief',
      'L1/text/es.yaml: goals.crashed is missing (lesson.yaml has "Watch what happens to the process at 2:00")',
      'L1/text/es.yaml: how.threads is missing (lesson.yaml has "send one: `curl localhost:3000/api/threads`")',
      "L1/text/es.yaml: how.posts lacks the command `curl localhost:3000/api/posts` of lesson.yaml's text",
      "L1/text/es.yaml: how.posts has the command `curl localhost:3000/api/post` that lesson.yaml's text has not",
      "L1/text/es.yaml: how.recovered lacks the command `process restart forum` of lesson.yaml's text",
    ]);
    // A hint for a goal that has none, and one left exactly as in English.
    const extra = files['L3/text/es.yaml']!.replace(/^how:\n/m, 'how:\n  nobody: "haz algo"\n').replace(/^ {2}no-refused: "un arranque.*$/m, '  no-refused: "a cold start is `docker compose down`, then Compose up"');
    expect(translationProblems({ ...files, 'L3/text/es.yaml': extra }, parseLesson(files, 'L3'), LOCALE)).toEqual(['L3/text/es.yaml: how.no-refused is the English text', 'L3/text/es.yaml: how.nobody is not in lesson.yaml']);
    // A name the learner types, outside inline code: L5's image in its repository.
    const image = files['L5/text/es.yaml']!.replace('(imagen 123456789012.dkr.ecr.us-east-1.amazonaws.com/forum:3)', '(imagen forum:3)');
    expect(translationProblems({ ...files, 'L5/text/es.yaml': image }, parseLesson(files, 'L5'), LOCALE)).toEqual([
      "L5/text/es.yaml: how.revision-2 lacks the name 123456789012.dkr.ecr.us-east-1.amazonaws.com/forum:3 of lesson.yaml's text",
    ]);
  });

  it('read in Spanish, and fall back to English for what a locale lacks', () => {
    const es = parseLessonIn(files, 'L1', LOCALE);
    expect(es.title).toBe('Conoce el monolito');
    expect(es.text.debrief).toMatch(/^Un proceso significa un solo dominio de fallo/);
    expect(es.goals.find((g) => g.id === 'crashed')!.label).toBe('Observa qué le pasa al proceso a las 2:00');
    // What to do about a goal, in Spanish, with the command its Run button types exactly as in English.
    expect(es.goals.find((g) => g.id === 'users')!.how).toBe('envía una: `curl localhost:3000/api/users`');
    // A goal without a how gets none in Spanish either.
    expect(parseLessonIn(files, 'L5', LOCALE).goals.find((g) => g.id === 'never-below')!.how).toBeUndefined();
    // The checks are the English lesson's: only the words change.
    expect(es.goals.map((g) => g.check)).toEqual(parseLesson(files, 'L1').goals.map((g) => g.check));
    const fr = parseLessonIn(files, 'L1', 'fr');
    expect(fr.text).toEqual(parseLesson(files, 'L1').text);
    expect(fr.goals).toEqual(parseLesson(files, 'L1').goals);
  });

  it('name every chapter, and every demo with all its pauses, answer choices and callouts', () => {
    const chapters = localizeIndex(index, files, LOCALE).chapters;
    chapters.forEach((c, i) => expect(c.title, index.chapters[i]!.title).not.toBe(index.chapters[i]!.title));
    // Every lesson of a chapter names it alike.
    for (const [i, c] of index.chapters.entries()) for (const id of c.lessons) expect(localeYaml(files, `${id}/text/${LOCALE}.yaml`).chapter, id).toBe(chapters[i]!.title);
    const demos = rec(localeYaml(files, `demos/text/${LOCALE}.yaml`));
    expect(Object.keys(demos).sort()).toEqual([...index.demos].sort());
    for (const id of index.demos) {
      const d = parseDemo(files, id);
      const es = localizeDemo(d, files, LOCALE);
      const y = rec(demos[id]);
      expect(Array.isArray(y.pauses) ? y.pauses.length : 0, id).toBe(d.pauses.length);
      expect(es.title, id).not.toBe(d.title);
      expect(es.summary, id).not.toBe(d.summary);
      expect(es.text, id).not.toBe(d.text);
      es.pauses.forEach((p, i) => {
        expect(p.prompt, `${id} pause ${i}`).not.toBe(d.pauses[i]!.prompt);
        expect(p.reveal, `${id} pause ${i}`).not.toBe(d.pauses[i]!.reveal);
        expect(p.at).toBe(d.pauses[i]!.at);
        // Every answer choice is in the locale too, in the demo's order.
        expect(p.choices?.length ?? 0, `${id} pause ${i} choices`).toBe(d.pauses[i]!.choices?.length ?? 0);
        p.choices?.forEach((c, j) => expect(c.label, `${id} pause ${i} choice ${j}`).not.toBe(d.pauses[i]!.choices![j]!.label));
      });
      expect(Array.isArray(y.callouts) ? y.callouts.length : 0, `${id} callouts`).toBe(d.callouts?.length ?? 0);
      es.callouts?.forEach((c, i) => expect(c.text, `${id} callout ${i}`).not.toBe(d.callouts![i]!.text));
    }
  });
});
