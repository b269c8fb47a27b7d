import { describe, expect, it } from 'vitest';
import { LessonError, parseIndex, parseLesson, splitText } from '../../../src/content/lesson';
import { lessonFiles } from '../../support/pins';

describe('reading a lesson', () => {
  const files = lessonFiles();
  it('refuses an allowed entry that begins no console command, naming its line', () => {
    const text = files['L2/lesson.yaml']!;
    const broken = { ...files, 'L2/lesson.yaml': text.replace(/allowed: \[/, 'allowed: [kubectl apply, ') };
    expect(() => parseLesson(broken, 'L2')).toThrow(LessonError);
    try {
      parseLesson(broken, 'L2');
    } catch (e) {
      expect((e as LessonError).problems).toEqual([expect.objectContaining({ file: 'L2/lesson.yaml', member: 'allowed[0]', message: expect.stringMatching(/^'kubectl apply' begins no console command/), severity: 'error' })]);
    }
  });

  it('refuses a solution action that does not say which numbered step it does, or names one the text lacks, at its line', () => {
    const text = files['L2/solution.yaml']!;
    const line = text.split('\n').findIndex((l) => l.includes('step: 3,')) + 1;
    expect(() => parseLesson({ ...files, 'L2/solution.yaml': text.replace('step: 3, ', '') }, 'L2')).toThrow(`L2/solution.yaml:${line}:5: actions[1].step: expected the numbered step of the lesson's text this action does (1 to 4)`);
    expect(() => parseLesson({ ...files, 'L2/solution.yaml': text.replace('step: 3,', 'step: 5,') }, 'L2')).toThrow(`L2/solution.yaml:${line}:`);
    expect(parseLesson(files, 'L2').solution.steps).toEqual([2, 3, 4]);
  });

  it('says which required text member is missing', () => {
    const broken = { ...files, 'L2/lesson.yaml': files['L2/lesson.yaml']!.replace(/^title: .*$/m, 'title: 3') };
    expect(() => parseLesson(broken, 'L2')).toThrow(/L2\/lesson\.yaml:\d+:\d+: title: expected a string/);
  });

  it("refuses a revealsAfter that names no prediction, and a labelBefore without one, at the member's line", () => {
    const text = files['L7/lesson.yaml']!;
    const typo = { ...files, 'L7/lesson.yaml': text.replace('revealsAfter: [where-forum]', 'revealsAfter: [where-form]') };
    expect(() => parseLesson(typo, 'L7')).toThrow(/L7\/lesson\.yaml:\d+:\d+: goals\[0\]\.revealsAfter\[0\]: no prediction 'where-form'/);
    const alone = { ...files, 'L7/lesson.yaml': text.replace('    revealsAfter: [where-forum]\n', '') };
    expect(() => parseLesson(alone, 'L7')).toThrow(/goals\[0\]: revealsAfter and labelBefore go together/);
  });
});

/** A small lesson folder X that reads: two goals, a diagnostic, a prediction, an editor file, a trap. */
const LESSON = `id: X
title: Two workers
chapter: Tests
summary: Run two tasks.
until: 2m
sampleEvery: 5s
allowed: [aws ecs]
focus: { kind: cluster, name: a }
goals:
  - { id: run, label: Two run, count: tasks, where: { lastStatus: RUNNING }, atLeast: 2, how: "run them" }
  - { id: calm, label: Nothing stops, count: tasks, where: { lastStatus: STOPPED }, atLeast: 1, never: true, broken: a task stopped }
diagnostics:
  - { id: none, message: "No tasks", when: { count: tasks, equals: 0 }, since: { type: ClusterCreated } }
predictions:
  - id: p
    prompt: "How many?"
    decided: { count: tasks, atLeast: 1 }
    choices:
      - { label: One, when: { count: tasks, equals: 1 } }
      - { label: Two, when: { count: tasks, equals: 2 } }
files: { task.json: files/task.json }
`;
const folder = (over: Record<string, string | undefined> = {}): Record<string, string> => {
  const files: Record<string, string | undefined> = {
    'X/lesson.yaml': LESSON,
    'X/start.yaml': 'name: start\nseed: 1\nactions:\n  - { call: ecs.CreateCluster, input: { clusterName: a } }\n',
    'X/solution.yaml': 'predictions: { p: 1 }\nactions:\n  - { step: 1, at: 5s, command: "aws ecs list-clusters" }\n',
    'X/traps/nothing.yaml': 'misconception: "Nothing needs to run"\ndiagnostic: none\nactions: []\n',
    'X/text/en.md': 'Brief.\n\n## Steps\n1. Run two tasks.\n\n## Hints\n- Use run-task.\n- Count two.\n\n## Debrief\nDone.\n',
    'X/files/task.json': '{ "family": "w" }',
    ...over,
  };
  return Object.fromEntries(Object.entries(files).filter((e): e is [string, string] => e[1] !== undefined));
};
const refusals = (files: Record<string, string>): string[] => {
  try {
    parseLesson(files, 'X');
    return [];
  } catch (e) {
    if (!(e instanceof LessonError)) throw e;
    return e.message.split('\n');
  }
};
const edit = (from: string, to: string) => folder({ 'X/lesson.yaml': LESSON.replace(from, to) });

describe('a small lesson folder', () => {
  it('reads every part of the lesson', () => {
    const l = parseLesson(folder(), 'X');
    expect(l).toMatchObject({ id: 'X', title: 'Two workers', chapter: 'Tests', summary: 'Run two tasks.', until: 120_000, sampleEvery: 5_000, allowed: ['aws ecs'], prerequisites: [], focus: { kind: 'cluster', name: 'a' } });
    expect(l.goals).toEqual([
      { id: 'run', label: 'Two run', check: { index: 0, count: 'tasks', where: { lastStatus: 'RUNNING' }, atLeast: 2 }, how: 'run them' },
      { id: 'calm', label: 'Nothing stops', check: { index: 1, count: 'tasks', where: { lastStatus: 'STOPPED' }, atLeast: 1 }, never: true, broken: 'a task stopped' },
    ]);
    expect(l.diagnostics).toEqual([{ id: 'none', message: 'No tasks', when: [{ index: 0, count: 'tasks', equals: 0 }], since: { type: 'ClusterCreated' } }]);
    expect(l.predictions).toEqual([
      {
        id: 'p',
        prompt: 'How many?',
        decided: { index: 0, count: 'tasks', atLeast: 1 },
        choices: [
          { label: 'One', when: { index: 0, count: 'tasks', equals: 1 } },
          { label: 'Two', when: { index: 1, count: 'tasks', equals: 2 } },
        ],
      },
    ]);
    expect(l.text).toEqual({ briefing: 'Brief.', steps: '1. Run two tasks.', hints: ['Use run-task.', 'Count two.'], debrief: 'Done.' });
    expect(l.solution).toEqual({ actions: [{ at: 5_000, kind: 'command', line: 'aws ecs list-clusters' }], predictions: { p: 1 }, steps: [1] });
    expect(l.traps).toEqual([{ name: 'nothing', misconception: 'Nothing needs to run', diagnostic: 'none', log: { actions: [], predictions: {} } }]);
    expect(l.files).toEqual({ 'task.json': '{ "family": "w" }' });
    expect(l.start.name).toBe('start');
    expect(l.startText).toContain('clusterName: a');
  });

  it('a lesson.yaml that is missing or broken is refused before the rest', () => {
    expect(refusals(folder({ 'X/lesson.yaml': undefined }))).toEqual(['X/lesson.yaml:1:1: the file is missing']);
  });

  it('refuses the lesson.yaml members at their lines', () => {
    expect(refusals(edit('id: X', 'id: Y'))).toEqual(["X/lesson.yaml:1:5: id: expected 'X' (the folder's name)"]);
    expect(refusals(edit('until: 2m', 'until: later'))).toEqual(['X/lesson.yaml:5:8: until: expected a duration such as 10m']);
    expect(refusals(edit('until: 2m', 'until: 500d'))).toEqual(["X/lesson.yaml:5:8: until: '500d' is beyond the horizon of simulated time, 400 days (34560000 s)"]);
    expect(refusals(edit('sampleEvery: 5s', 'colour: blue'))).toEqual(["X/lesson.yaml:6:9: colour: unknown member 'colour'"]);
    expect(refusals(edit('focus: { kind: cluster, name: a }', 'focus: { kind: pod }'))).toEqual(['X/lesson.yaml:8:8: focus.kind: expected one of local, cluster, service, loadBalancer']);
    expect(refusals(edit('files: { task.json: files/task.json }', 'files: { task.json: files/gone.json }'))).toEqual(['X/lesson.yaml:21:21: files.task.json: X/files/gone.json does not exist']);
  });

  it('refuses goals that are not a list, a goal without an id, and a once that cannot be', () => {
    expect(refusals(edit(/goals:\n[\s\S]*?diagnostics:/.exec(LESSON)![0], 'goals: []\ndiagnostics:'))).toEqual(['X/lesson.yaml:9:8: goals: expected a list of goals']);
    expect(refusals(edit('{ id: run, label: Two run,', '{ label: Two run,'))).toEqual(['X/lesson.yaml:10:5: goals[0]: a goal needs an id and a label']);
    expect(refusals(edit('how: "run them" }', 'how: "run them", once: [run, calm, gone] }'))).toEqual([
      'X/lesson.yaml:10:114: goals[0].once[0]: a goal cannot wait for itself',
      "X/lesson.yaml:10:119: goals[0].once[1]: 'calm' waits for other goals itself",
      "X/lesson.yaml:10:125: goals[0].once[2]: no goal 'gone'",
    ]);
    expect(refusals(edit('broken: a task stopped }', 'broken: a task stopped, once: [run] }'))).toEqual(['X/lesson.yaml:11:140: goals[1].once: a never goal is judged after every other goal already']);
    expect(refusals(edit('how: "run them" }', 'how: 3 }'))).toEqual(['X/lesson.yaml:10:95: goals[0].how: expected a string']);
  });

  it('refuses a diagnostic or a prediction without what it needs', () => {
    expect(refusals(edit('message: "No tasks", ', ''))).toEqual(['X/lesson.yaml:13:5: diagnostics[0]: a diagnostic needs id, message and when (a condition, or a list of conditions)']);
    expect(refusals(edit('since: { type: ClusterCreated }', 'since: ClusterCreated'))).toEqual(['X/lesson.yaml:13:80: diagnostics[0].since: expected an event condition']);
    expect(refusals(edit('    decided: { count: tasks, atLeast: 1 }\n', ''))).toEqual(['X/lesson.yaml:15:5: predictions[0].decided: a prediction says when its outcome is decided (a condition)']);
    expect(refusals(edit('{ label: One, when: { count: tasks, equals: 1 } }', '{ label: One, when: { count: tasks } }'))).toEqual(['X/lesson.yaml:19:9: predictions[0].choices[0].when: a count needs equals, atLeast or atMost']);
  });

  it('refuses the other files of the folder: the start, the text, the traps', () => {
    expect(refusals(folder({ 'X/start.yaml': undefined }))).toEqual(['X/start.yaml:1:1: the file is missing']);
    expect(refusals(folder({ 'X/text/en.md': '## Steps\n1. Run two tasks.\n' }))).toEqual(['X/text/en.md:1:1: the text needs a briefing (before the first heading) and a ## Debrief']);
    expect(refusals(folder({ 'X/text/en.md': '## Steps\n1. Run two tasks.\n## Debrief\nDone.\n' }))).toEqual(['X/text/en.md:1:1: the text needs a briefing (before the first heading) and a ## Debrief']);
    expect(refusals(folder({ 'X/traps/nothing.yaml': undefined }))).toEqual(['X/traps/:1:1: a lesson has at least one trap']);
    expect(refusals(folder({ 'X/traps/nothing.yaml': 'misconception: "m"\nactions: []\n' }))).toEqual(['X/traps/nothing.yaml:1:1: diagnostic: a trap names the misconception it encodes and the diagnostic it must fail with']);
    expect(refusals(folder({ 'X/traps/nothing.yaml': 'misconception: "m"\ndiagnostic: nope\nactions: []\n' }))).toEqual(["X/traps/nothing.yaml:2:13: diagnostic: no diagnostic 'nope' in X/lesson.yaml"]);
  });
});

describe('splitText', () => {
  it('splits at the `## ` headings, the text before them being the briefing, each hint a list item', () => {
    expect(splitText('Intro\n## Steps\n1. a\n## Hints\n- one\nnot a hint\n- two\n## Debrief\nEnd\n## Other\nx')).toEqual({ briefing: 'Intro', steps: '1. a', hints: ['one', 'two'], debrief: 'End' });
    expect(splitText('')).toEqual({ briefing: '', steps: '', hints: [], debrief: '' });
  });
});

describe('parseIndex', () => {
  it('is the chapters and demos of index.yaml', () => {
    expect(parseIndex({ 'index.yaml': 'chapters:\n  - { title: One, lessons: [L1] }\ndemos: [d]\n' })).toEqual({ chapters: [{ title: 'One', lessons: ['L1'] }], demos: ['d'] });
    expect(parseIndex({ 'index.yaml': 'chapters: []\n' })).toEqual({ chapters: [], demos: [] });
    expect(() => parseIndex({})).toThrow('index.yaml:1:1: the file is missing');
  });
});
