import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
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

/** What a lesson's translation lacks or has too much of: sections, hints, and the strings of lesson.yaml by id. */
export function translationProblems(f: Files, lesson: Lesson, locale: string): string[] {
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
  const y = localeYaml(f, `${dir}${locale}.yaml`);
  for (const k of ['title', 'chapter', 'summary']) if (typeof y[k] !== 'string' || !(y[k] as string).trim()) out.push(`${dir}${locale}.yaml has no ${k}`);
  const keyed = (member: string, wanted: string[]) => {
    const got = rec(y[member]);
    for (const id of wanted) if (got[id] === undefined) out.push(`${dir}${locale}.yaml: ${member}.${id} has no label`);
    for (const id of Object.keys(got)) if (!wanted.includes(id)) out.push(`${dir}${locale}.yaml: ${member}.${id} is not in lesson.yaml`);
  };
  keyed(
    'goals',
    lesson.goals.map((g) => g.id),
  );
  keyed(
    'diagnostics',
    lesson.diagnostics.map((d) => d.id),
  );
  keyed(
    'predictions',
    lesson.predictions.map((p) => p.id),
  );
  for (const p of lesson.predictions) {
    const tp = rec(rec(y.predictions)[p.id]);
    const choices = Array.isArray(tp.choices) ? tp.choices : [];
    if (typeof tp.prompt !== 'string') out.push(`${dir}${locale}.yaml: predictions.${p.id} has no prompt`);
    if (choices.length !== p.choices.length) out.push(`${dir}${locale}.yaml: predictions.${p.id} has ${choices.length} choices, lesson.yaml ${p.choices.length}`);
  }
  return out;
}

describe('the lessons in Spanish', () => {
  it.each(ids)('%s has every section, hint, goal, diagnostic and prediction of its English text', (id) => {
    expect(translationProblems(files, parseLesson(files, id), LOCALE)).toEqual([]);
  });

  it('are told apart when a section or a goal label is missing', () => {
    const broken = { ...files, 'L1/text/es.md': files['L1/text/es.md']!.replace(/## Recapitulación[\s\S]*$/, '') };
    const y = files['L1/text/es.yaml']!.replace(/^ {2}crashed: .*\n/m, '');
    expect(translationProblems({ ...broken, 'L1/text/es.yaml': y }, parseLesson(files, 'L1'), LOCALE)).toEqual(['L1/text/es.md has no section Debrief', 'L1/text/es.yaml: goals.crashed has no label']);
  });

  it('read in Spanish, and fall back to English for what a locale lacks', () => {
    const es = parseLessonIn(files, 'L1', LOCALE);
    expect(es.title).toBe('Conoce el monolito');
    expect(es.text.debrief).toMatch(/^Un proceso significa un solo dominio de fallo/);
    expect(es.goals.find((g) => g.id === 'crashed')!.label).toBe('Observa qué le pasa al proceso a las 2:00');
    // The checks are the English lesson's: only the words change.
    expect(es.goals.map((g) => g.check)).toEqual(parseLesson(files, 'L1').goals.map((g) => g.check));
    const fr = parseLessonIn(files, 'L1', 'fr');
    expect(fr.text).toEqual(parseLesson(files, 'L1').text);
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
