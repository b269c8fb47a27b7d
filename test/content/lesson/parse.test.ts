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
