import { formatProblems, type Problem } from '../formats/problem';

/**
 * A scenario file that cannot run: every problem names the file, the line and the member. A module of
 * its own, so the page's store can tell a refused scenario from a fault without loading the parser.
 */
export class ScenarioError extends Error {
  constructor(readonly problems: Problem[]) {
    super(formatProblems(problems));
    this.name = 'ScenarioError';
  }
}
