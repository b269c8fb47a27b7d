import { parseScenario, ScenarioError } from '../content/scenario';
import { formatReport, runScenario } from '../content/runner';
import { parseDuration } from '../sim';

/**
 * The headless runner: `sim run <scenario> [--seed N] [--until T] [--json]`.
 * Exit 0 when every expectation held, 1 when one failed, 2 when the scenario itself is invalid.
 */
const USAGE = 'usage: sim run <scenario.yaml> [--seed N] [--until T] [--json]';

/** Runs the CLI with injectable I/O (tests call it in-process); returns the exit status. */
export function cli(argv: string[], io: { out: (s: string) => void; err: (s: string) => void; read: (file: string) => string }): number {
  const [cmd, ...rest] = argv;
  if (cmd !== 'run') {
    io.err(`${USAGE}\n`);
    return 2;
  }
  let file: string | undefined;
  let seed: string | undefined;
  let until: number | undefined;
  let json = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--seed') seed = rest[++i];
    else if (a === '--until') {
      until = parseDuration(rest[++i]);
      if (until === undefined) {
        io.err(`--until: '${rest[i]}' is not a time\n`);
        return 2;
      }
    } else if (!a.startsWith('--') && !file) file = a;
    else {
      io.err(`unknown option ${a}\n${USAGE}\n`);
      return 2;
    }
  }
  if (!file) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = io.read(file);
  } catch (e) {
    io.err(`${file}: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    const sc = parseScenario(text, file);
    const report = runScenario(sc, { ...(seed !== undefined ? { seed } : {}), ...(until !== undefined ? { until } : {}) });
    io.out(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    return report.passed ? 0 : 1;
  } catch (e) {
    if (e instanceof ScenarioError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
