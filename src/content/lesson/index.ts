export type * from './types';
export { LessonError } from './yaml';
export { parseLog } from './log';
export { parseDemo, parseIndex, parseLesson, splitText } from './parse';
export { checkLesson, evaluateNow, learnerCalls } from './checker';
export { collection } from '../collections';
