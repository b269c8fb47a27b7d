import { parseYaml } from '../../formats/yamlDoc';
import type { Demo, Lesson, LessonIndex } from './types';
import type { Files } from './yaml';
import { parseLesson, splitText } from './parse';

/**
 * A lesson in another language: lessons/<id>/text/<locale>.md beside text/en.md (the same `## `
 * sections), and text/<locale>.yaml for the strings lesson.yaml holds, keyed by id so lesson.yaml
 * stays as it is:
 *
 *   title: …            chapter: …            summary: …
 *   goals: { <goal id>: label }
 *   labelsBefore: { <goal id>: label }   (a goal's labelBefore: shown until the predictions it names are answered)
 *   how: { <goal id>: what to do about it (the goal's `how`, its commands as in English) }
 *   broken: { <goal id>: what happened once a never goal was true (the goal's `broken`) }
 *   diagnostics: { <diagnostic id>: message }
 *   predictions: { <prediction id>: { prompt: …, choices: [label, …] } }
 *
 * The demos' strings are in demos/text/<locale>.yaml by demo id ({ title, summary, text, pauses:
 * [{ prompt, reveal, choices: [label, …] }], callouts: [text, …] } in the order of the demo's pauses); a chapter's title is the `chapter` of
 * its first lesson. Whatever a locale lacks stays English.
 */
export interface LessonStrings {
  title?: string;
  chapter?: string;
  summary?: string;
  goals?: Record<string, string>;
  labelsBefore?: Record<string, string>;
  /** Each goal's `how`, by goal id. */
  how?: Record<string, string>;
  /** Each never goal's `broken`, by goal id. */
  broken?: Record<string, string>;
  diagnostics?: Record<string, string>;
  predictions?: Record<string, { prompt?: string; choices?: string[] }>;
}

export interface DemoStrings {
  title?: string;
  summary?: string;
  text?: string;
  pauses?: { prompt?: string; reveal?: string; choices?: string[] }[];
  callouts?: string[];
  /** The labels of the demo's variants, in their order. */
  variants?: string[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const rec = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** A locale's YAML file as a mapping (an empty one when it is missing or cannot be read). */
export function localeYaml(files: Files, file: string): Record<string, unknown> {
  const text = files[file];
  if (text === undefined) return {};
  try {
    return rec(parseYaml(text, file).data);
  } catch {
    return {};
  }
}

/** The `## ` headings of the lesson texts in each locale, as the English section each one is. */
export const SECTION_NAMES: Record<string, Record<string, 'Steps' | 'Hints' | 'Debrief'>> = {
  es: { Pasos: 'Steps', Pistas: 'Hints', Recapitulación: 'Debrief' },
};

/** A locale's lesson text with its section headings named as in English, where splitText finds them. */
function englishHeadings(md: string, locale: string): string {
  const names = SECTION_NAMES[locale] ?? {};
  return md.replace(/^## (.+)$/gm, (line, h: string) => (names[h.trim()] ? `## ${names[h.trim()]}` : line));
}

/** The sections of a lesson text in a locale, by their English names (Briefing for the text before the first heading). */
export function sectionsOf(md: string, locale: string): string[] {
  const names = SECTION_NAMES[locale] ?? {};
  const body = md.split(/^## /m)[0]!.trim();
  return [...(body ? ['Briefing'] : []), ...headings(md).map((h) => (locale === 'en' ? h : (names[h] ?? h)))];
}

/** Reads a lesson (parseLesson) with its texts in a locale, English where the locale has none. */
export function parseLessonIn(files: Files, id: string, locale: string): Lesson {
  return localizeLesson(parseLesson(files, id), files, locale);
}

/** The lesson's texts in a locale, each falling back to the English one where the locale has none. */
export function localizeLesson(lesson: Lesson, files: Files, locale: string): Lesson {
  if (locale === 'en') return lesson;
  const dir = `${lesson.id}/text/`;
  const y = localeYaml(files, `${dir}${locale}.yaml`) as LessonStrings;
  const md = files[`${dir}${locale}.md`];
  const goals = rec(y.goals);
  const labelsBefore = rec(y.labelsBefore);
  const how = rec(y.how);
  const broken = rec(y.broken);
  const diagnostics = rec(y.diagnostics);
  const predictions = rec(y.predictions);
  return {
    ...lesson,
    title: str(y.title) ?? lesson.title,
    chapter: str(y.chapter) ?? lesson.chapter,
    summary: str(y.summary) ?? lesson.summary,
    text: md === undefined ? lesson.text : splitText(englishHeadings(md, locale)),
    goals: lesson.goals.map((g) => ({
      ...g,
      label: str(goals[g.id]) ?? g.label,
      ...(g.labelBefore ? { labelBefore: str(labelsBefore[g.id]) ?? g.labelBefore } : {}),
      ...(g.how !== undefined ? { how: str(how[g.id]) ?? g.how } : {}),
      ...(g.broken !== undefined ? { broken: str(broken[g.id]) ?? g.broken } : {}),
    })),
    diagnostics: lesson.diagnostics.map((d) => ({ ...d, message: str(diagnostics[d.id]) ?? d.message })),
    predictions: lesson.predictions.map((p) => {
      const tp = rec(predictions[p.id]);
      const choices = Array.isArray(tp.choices) ? tp.choices : [];
      return { ...p, prompt: str(tp.prompt) ?? p.prompt, choices: p.choices.map((c, i) => ({ ...c, label: str(choices[i]) ?? c.label })) };
    }),
  };
}

/** A demo's title, summary, presenter text and pause questions in a locale, else English. */
export function localizeDemo(demo: Demo, files: Files, locale: string): Demo {
  if (locale === 'en') return demo;
  const y = rec(localeYaml(files, `demos/text/${locale}.yaml`)[demo.id]) as DemoStrings;
  const pauses = Array.isArray(y.pauses) ? y.pauses : [];
  return {
    ...demo,
    title: str(y.title) ?? demo.title,
    summary: str(y.summary) ?? demo.summary,
    text: str(y.text) ?? demo.text,
    pauses: demo.pauses.map((p, i) => {
      const tp = rec(pauses[i]);
      const labels = Array.isArray(tp.choices) ? tp.choices : [];
      return { ...p, prompt: str(tp.prompt) ?? p.prompt, reveal: str(tp.reveal) ?? p.reveal, ...(p.choices ? { choices: p.choices.map((c, j) => ({ ...c, label: str(labels[j]) ?? c.label })) } : {}) };
    }),
    ...(demo.callouts ? { callouts: demo.callouts.map((c, i) => ({ ...c, text: str((Array.isArray(y.callouts) ? y.callouts : [])[i]) ?? c.text })) } : {}),
    variants: demo.variants.map((v, i) => ({ ...v, label: str(Array.isArray(y.variants) ? y.variants[i] : undefined) ?? v.label })),
  };
}

/** The chapters' titles in a locale (the `chapter` of their first lesson's text/<locale>.yaml), else English. */
export function localizeIndex(index: LessonIndex, files: Files, locale: string): LessonIndex {
  if (locale === 'en') return index;
  const title = (c: LessonIndex['chapters'][number]) => (c.lessons[0] ? str(localeYaml(files, `${c.lessons[0]}/text/${locale}.yaml`).chapter) : undefined);
  return { ...index, chapters: index.chapters.map((c) => ({ ...c, title: title(c) ?? c.title })) };
}

/** The `## ` headings of a lesson text, in order, as written. */
export function headings(md: string): string[] {
  return md
    .split('\n')
    .filter((l) => /^## /.test(l))
    .map((l) => l.slice(3).trim());
}
