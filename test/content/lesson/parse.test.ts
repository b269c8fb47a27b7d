import { describe, expect, it } from 'vitest';
import { LessonError, parseLesson } from '../../../src/content/lesson';
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
