import type { MessageKey, Params } from '../../i18n';

/**
 * What the console says in its own words (help, "command not found", a lesson's refusal, what `traffic` and
 * `process` report) is kept as a message key and its values, so the page shows it in the learner's language
 * when it draws the line. A result's `output` stays the English text (what the headless runner prints and a
 * goal's text match reads); its `pieces` say which parts are the console's own words. Output of the AWS CLI,
 * docker, curl and Copilot imitates those tools, which speak English only, and stays plain text.
 */
export interface Said {
  key: MessageKey;
  params?: Params;
}

/** A part of a command's output: text as a tool prints it, or the console's own words. */
export type Piece = string | Said;
