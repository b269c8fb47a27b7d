import { describe, expect, it } from 'vitest';
import { headings, localeYaml, localizeDemo, localizeIndex, localizeLesson, parseLessonIn, sectionsOf } from '../../../src/content/lesson/locale';
import { parseLesson } from '../../../src/content/lesson/parse';
import type { Demo, Goal } from '../../../src/content/lesson/types';
import { bareLesson } from '../../support/contentLesson';
import { lessonFiles } from '../../support/pins';

const check = { index: 0, count: 'tasks', atLeast: 1 };
const goals: Goal[] = [
  { id: 'a', label: 'A runs', check, how: 'run a', labelBefore: 'Something runs' },
  { id: 'b', label: 'B runs', check, never: true, broken: 'b stopped' },
  { id: 'c', label: 'C runs', check },
];
const english = bareLesson(goals, {
  title: 'Title',
  chapter: 'Chapter',
  summary: 'Summary',
  diagnostics: [
    { id: 'd1', message: 'Message one', when: [] },
    { id: 'd2', message: 'Message two', when: [] },
  ],
  predictions: [
    {
      id: 'p',
      prompt: 'Prompt?',
      decided: check,
      choices: [
        { label: 'Yes', when: check },
        { label: 'No', when: check },
      ],
    },
  ],
  text: { briefing: 'Brief', steps: '1. step', hints: ['hint'], debrief: 'Done' },
});

describe('localizeLesson', () => {
  it('takes each string the locale has, by id, and keeps English for the rest', () => {
    const files = {
      'T/text/es.yaml': [
        'title: Título',
        'summary: "  "',
        'goals: { a: A corre, c: "" }',
        'labelsBefore: { a: Algo corre }',
        'how: { a: corre a }',
        'broken: { b: b se detuvo }',
        'diagnostics: { d2: Mensaje dos }',
        'predictions: { p: { prompt: ¿Pregunta?, choices: [Sí] } }',
      ].join('\n'),
    };
    const es = localizeLesson(english, files, 'es');
    expect([es.title, es.chapter, es.summary]).toEqual(['Título', 'Chapter', 'Summary']);
    expect(es.goals).toEqual([
      { id: 'a', label: 'A corre', check, how: 'corre a', labelBefore: 'Algo corre' },
      { id: 'b', label: 'B runs', check, never: true, broken: 'b se detuvo' },
      { id: 'c', label: 'C runs', check },
    ]);
    expect(es.diagnostics.map((d) => d.message)).toEqual(['Message one', 'Mensaje dos']);
    expect(es.predictions[0]!.prompt).toBe('¿Pregunta?');
    expect(es.predictions[0]!.choices.map((c) => c.label)).toEqual(['Sí', 'No']);
    // No text/es.md: the English text.
    expect(es.text).toBe(english.text);
    // The lesson's conditions are the same objects: only the words change.
    expect(es.predictions[0]!.decided).toBe(check);
  });

  it('reads the locale’s text with its headings as the English sections', () => {
    const files = { 'T/text/es.md': 'Resumen\n\n## Pasos\n1. uno\n2. dos\n\n## Pistas\n- una pista\n\n## Recapitulación\nFin\n' };
    expect(localizeLesson(english, files, 'es').text).toEqual({ briefing: 'Resumen', steps: '1. uno\n2. dos', hints: ['una pista'], debrief: 'Fin' });
  });

  it('is the lesson itself in English, and English for a locale without files or with a file that is not a mapping', () => {
    expect(localizeLesson(english, {}, 'en')).toBe(english);
    expect(localizeLesson(english, {}, 'fr')).toEqual(english);
    expect(localizeLesson(english, { 'T/text/es.yaml': '- a list\n' }, 'es')).toEqual(english);
    expect(localizeLesson(english, { 'T/text/es.yaml': 'title: [broken\n' }, 'es')).toEqual(english);
  });
});

describe('localeYaml', () => {
  it('is the file’s mapping, or an empty one when it is missing, broken or not a mapping', () => {
    expect(localeYaml({ 'x.yaml': 'a: 1\n' }, 'x.yaml')).toEqual({ a: 1 });
    expect(localeYaml({}, 'x.yaml')).toEqual({});
    expect(localeYaml({ 'x.yaml': 'a: [\n' }, 'x.yaml')).toEqual({});
    expect(localeYaml({ 'x.yaml': '42\n' }, 'x.yaml')).toEqual({});
  });
});

describe('headings and sectionsOf', () => {
  const md = 'Intro\n\n## Pasos\n1. x\n## Pistas\n- y\n## Otra\n';
  it('lists the `## ` headings as written, and the sections as their English names (Briefing for the text before)', () => {
    expect(headings(md)).toEqual(['Pasos', 'Pistas', 'Otra']);
    expect(sectionsOf(md, 'es')).toEqual(['Briefing', 'Steps', 'Hints', 'Otra']);
    expect(sectionsOf('## Steps\n1. x\n', 'en')).toEqual(['Steps']);
    // In English a heading is its own name, even one another locale would translate.
    expect(sectionsOf('## Pasos\n', 'en')).toEqual(['Pasos']);
  });
});

describe('parseLessonIn', () => {
  it('reads L1 in Spanish: its title, goal labels and steps from text/es.*, its goals’ conditions as in English', () => {
    const files = lessonFiles();
    const en = parseLesson(files, 'L1');
    const es = parseLessonIn(files, 'L1', 'es');
    expect(es.title).toBe('Conoce el monolito');
    expect(es.goals.find((g) => g.id === 'users')!.label).toBe('Enviaste una solicitud a /api/users y respondió 200');
    expect(es.goals.map((g) => g.check)).toEqual(en.goals.map((g) => g.check));
    expect(es.text.steps).not.toBe('');
    expect(es.text.steps).not.toBe(en.text.steps);
    expect(es.text.hints.length).toBe(en.text.hints.length);
    expect(parseLessonIn(files, 'L1', 'en')).toEqual(en);
  });
});

describe('localizeDemo', () => {
  const demo = {
    id: 'd',
    title: 'Demo',
    summary: 'About',
    scenario: {} as Demo['scenario'],
    text: 'Presenter text',
    pauses: [
      {
        at: 1000,
        prompt: 'Q1?',
        reveal: 'R1',
        choices: [
          { label: 'One', predicate: goals[2]!, when: {} },
          { label: 'Two', predicate: goals[2]!, when: {} },
        ],
      },
      { at: 2000, prompt: 'Q2?', reveal: 'R2' },
    ],
    callouts: [
      { at: 0, text: 'Look' },
      { at: 5, text: 'There' },
    ],
    variants: [{ label: 'Left' }, { label: 'Right' }] as Demo['variants'],
  } satisfies Demo;

  it('takes the demo’s strings by demo id and by position, English where the locale has none', () => {
    const files = { 'demos/text/es.yaml': 'd:\n  title: Demostración\n  pauses:\n    - { prompt: ¿P1?, choices: [Uno] }\n    - { reveal: R2 es }\n  callouts: [Mira]\n  variants: [Izquierda]\nother: { title: Otra }\n' };
    const es = localizeDemo(demo, files, 'es');
    expect([es.title, es.summary, es.text]).toEqual(['Demostración', 'About', 'Presenter text']);
    expect(es.pauses.map((p) => [p.prompt, p.reveal, p.choices?.map((c) => c.label)])).toEqual([
      ['¿P1?', 'R1', ['Uno', 'Two']],
      ['Q2?', 'R2 es', undefined],
    ]);
    expect(es.callouts!.map((c) => c.text)).toEqual(['Mira', 'There']);
    expect(es.variants.map((v) => v.label)).toEqual(['Izquierda', 'Right']);
    expect(localizeDemo(demo, files, 'en')).toBe(demo);
    expect(localizeDemo(demo, {}, 'es')).toEqual(demo);
  });
});

describe('localizeIndex', () => {
  it('names each chapter by the `chapter` of its first lesson in the locale, else English', () => {
    const index = {
      chapters: [
        { title: 'One', lessons: ['L1', 'L2'] },
        { title: 'Two', lessons: ['L3'] },
        { title: 'Empty', lessons: [] },
      ],
      demos: ['d'],
    };
    const files = { 'L1/text/es.yaml': 'chapter: Uno\n', 'L2/text/es.yaml': 'chapter: Dos\n' };
    expect(localizeIndex(index, files, 'es')).toEqual({
      chapters: [
        { title: 'Uno', lessons: ['L1', 'L2'] },
        { title: 'Two', lessons: ['L3'] },
        { title: 'Empty', lessons: [] },
      ],
      demos: ['d'],
    });
    expect(localizeIndex(index, files, 'en')).toBe(index);
  });
});
