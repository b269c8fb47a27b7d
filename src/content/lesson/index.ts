export type * from './types';
export { LessonError, type Files } from './yaml';
export { parseLog } from './log';
export { parseDemo, parseIndex, parseLesson, splitText } from './parse';
export { checkLesson, type CheckOptions } from './checker';
export { GoalTracker, learnerCalls, stopTracking, trackerFor } from './tracker';
export { judge, type Verdict } from './judge';
export { collection } from '../collections';
export { localizeDemo, localizeIndex, localizeLesson, parseLessonIn, sectionsOf, headings, localeYaml, SECTION_NAMES } from './locale';
