import { describe, expect, it } from 'vitest';
import { focusLessonWhenOpen, takeLessonFocus } from '../../src/ui/lessonFocus';

describe('the focus a chosen lesson takes', () => {
  it('is asked once: the pane that shows next takes it, the one after does not', () => {
    expect(takeLessonFocus()).toBe(false);
    focusLessonWhenOpen();
    expect(takeLessonFocus()).toBe(true);
    expect(takeLessonFocus()).toBe(false);
  });
});
