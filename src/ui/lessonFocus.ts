/**
 * A lesson the learner chose from the Lessons dialog: its pane takes the focus once it shows, so the keyboard is
 * where the lesson is, not back on the header's button that opened the dialog (some twenty Tabs away).
 */
let asked = false;

/** The next lesson pane to show takes the focus. */
export function focusLessonWhenOpen(): void {
  asked = true;
}

/** Whether the pane showing now was asked to take the focus; asked once. */
export function takeLessonFocus(): boolean {
  const a = asked;
  asked = false;
  return a;
}
