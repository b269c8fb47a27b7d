import { AwsDriver, SpawnedCli, awsCliAvailable } from './awsCli';
import { figures, runScript, writeKnown, type Outcome } from './differential';
import { allScripts } from './differentialLessons';

/**
 * `npm run --silent differential [-- --verbose] [-- --write]`: runs the differential corpus through the real
 * AWS CLI against `sim serve` and through the console, and prints the figures (tried, identical, different by
 * kind); --verbose lists each difference, --write records them in test/cli/differential/known-differences.yaml,
 * --spawn starts /usr/bin/aws for each command instead of running its entry point in one driver process.
 */
async function main(): Promise<number> {
  if (!awsCliAvailable('differential')) return 1;
  const verbose = process.argv.includes('--verbose');
  const spawned = process.argv.includes('--spawn');
  const driver = spawned ? new SpawnedCli() : new AwsDriver();
  const started = Date.now();
  const outcomes: Outcome[] = [];
  try {
    for (const script of allScripts()) outcomes.push(...(await runScript(script, driver)));
  } finally {
    if (driver instanceof AwsDriver) driver.close();
  }
  const f = figures(outcomes);
  const pct = (n: number) => `${((100 * n) / Math.max(1, f.tried)).toFixed(1)} %`;
  const by = (origin: string) => outcomes.filter((o) => o.origin === origin);
  const fromPages = by('page');
  console.log(`commands tried      ${f.tried} (${fromPages.length} from the CLI's example pages, ${by('lesson').length} from the lessons' solutions, ${by('own').length} of the corpus's own)`);
  console.log(`identical           ${f.identical} (${pct(f.identical)})`);
  console.log(`different           ${f.different} (${pct(f.different)})`);
  for (const [kind, n] of Object.entries(f.byKind).sort((a, b) => b[1] - a[1])) console.log(`  ${kind.padEnd(36)}${n}`);
  console.log(`example pages       ${fromPages.filter((o) => o.identical).length} of ${fromPages.length} identical`);
  console.log(`lessons             ${by('lesson').filter((o) => o.identical).length} of ${by('lesson').length} identical`);
  console.log(`left out as newer than the installed CLI's model: ${f.normalised.join(', ') || 'none'}`);
  console.log(`time                ${((Date.now() - started) / 1000).toFixed(1)} s (${spawned ? '/usr/bin/aws started for each command' : "the CLI's entry point in one driver process"})`);
  if (verbose) {
    for (const o of outcomes.filter((x) => !x.identical)) console.log(`\n[${o.script}] ${o.line}\n  ${o.kind}: ${o.detail}`);
  }
  if (process.argv.includes('--write')) writeKnown(outcomes);
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
