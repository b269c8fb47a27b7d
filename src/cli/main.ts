import { readFileSync } from 'node:fs';
import { parseScenario, ScenarioError } from '../content/scenario';
import { formatReport, runScenario } from '../content/runner';
import { parseDuration } from '../sim';

/**
 * The headless runner: `sim run <scenario> [--seed N] [--until T] [--json]`.
 * Exit 0 when every expectation held, 1 when one failed, 2 when the scenario itself is invalid.
 */
const USAGE = 'usage: sim run <scenario.yaml> [--seed N] [--until T] [--json]';

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd !== 'run') {
    process.stderr.write(`${USAGE}\n`);
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
        process.stderr.write(`--until: '${rest[i]}' is not a time\n`);
        return 2;
      }
    } else if (!a.startsWith('--') && !file) file = a;
    else {
      process.stderr.write(`unknown option ${a}\n${USAGE}\n`);
      return 2;
    }
  }
  if (!file) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: ${(e as Error).message}\n`);
    return 2;
  }
  try {
    const sc = parseScenario(text, file);
    const report = runScenario(sc, { ...(seed !== undefined ? { seed } : {}), ...(until !== undefined ? { until } : {}) });
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    return report.passed ? 0 : 1;
  } catch (e) {
    if (e instanceof ScenarioError) {
      process.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = main(process.argv.slice(2));
