/**
 * `npm run bench`: one `name value unit` line per figure (DESIGN.md budgets in the comments).
 * Wall-clock timing lives here, never in tests and never in src/sim.
 *
 *   npm run bench                        every section but the scale series
 *   npm run bench -- day page            only these sections
 *   npm run bench -- day scale           the day, then the same day at 1,000, 2,000 and 5,000 instances
 *   npm run bench -- snapshotparts       what each member of the 2,000-task world costs to snapshot
 *   npm run bench -- --save FILE         also writes the run to FILE
 *   npm run bench -- --compare FILE      each line also says its ratio to FILE's figure (`×0.48 (was 8.74 s)`)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { compared, parseRun, readRun } from './compare';

/** The scale series beyond the 500-instance day: 1,000, 2,000 and 5,000 instances (`scale` names all three). */
const SCALE = ['day1000', 'day2000', 'day5000'];
const DEFAULT = ['hold', 'mmc', 'placement', 'runtask', 'snapshot', 'day', 'page'];
/** Sections run only when named: what each member of the 2,000-task world costs to snapshot. */
const EXTRA = ['snapshotparts'];
const SECTIONS = [...DEFAULT, ...SCALE, ...EXTRA];

async function section(name: string): Promise<void> {
  if (name === 'page') return (await import('./page')).pageBench();
  if (name === 'snapshot') return (await import('./snapshot')).snapshot();
  if (name === 'snapshotparts') return (await import('./snapshot')).snapshotParts();
  if (name.startsWith('day')) return void (await import('./day')).day(name === 'day' ? 1 : Number(name.slice(3)) / 500);
  const engine = await import('./engine');
  (({ hold: engine.hold, mmc: engine.mmc, placement: engine.placement, runtask: engine.runtask }) as Record<string, () => void>)[name]!();
}

/** Each doubling's cost in the scale series: the day's wall time against the day of half as many instances. */
function scaleRatios(out: string): string[] {
  const wall = new Map(
    [...parseRun(out).values()].flatMap((f) => {
      const m = /^day_(\d+)_instances_\d+_services_wall$/.exec(f.name);
      return m ? [[Number(m[1]), f.value] as const] : [];
    }),
  );
  const sizes = [...wall.keys()].sort((a, b) => a - b);
  const lines: string[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1]!, sizes[i]!];
    // Per doubling: 2,000 → 5,000 is 2.32 doublings.
    const perDoubling = Math.pow(wall.get(b)! / wall.get(a)!, 1 / Math.log2(b / a));
    lines.push(`day_scale_${a}_to_${b}_time_per_doubling ${Number(perDoubling.toPrecision(3))} x`);
  }
  return lines;
}

function parseArgs(argv: string[]) {
  const opts = { sections: [] as string[], save: '', compare: '' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--save' || a === '--compare') opts[a.slice(2) as 'save' | 'compare'] = argv[++i] ?? '';
    else if (a === 'scale') opts.sections.push(...SCALE);
    else opts.sections.push(a);
  }
  return opts;
}

// Each section runs in a process of its own, so one benchmark's garbage (or peak memory) does not touch the next.
if (process.env.BENCH_SECTION) {
  await section(process.env.BENCH_SECTION);
} else {
  const opts = parseArgs(process.argv.slice(2));
  const unknown = opts.sections.filter((s) => !SECTIONS.includes(s));
  if (unknown.length || (process.argv.includes('--save') && !opts.save) || (process.argv.includes('--compare') && !opts.compare)) {
    console.error(`usage: npm run bench -- [${[...SECTIONS, 'scale'].join('|')}]... [--save FILE] [--compare FILE]${unknown.length ? `\nunknown section '${unknown[0]}'` : ''}`);
    process.exit(2);
  }
  const saved = opts.compare ? readRun(opts.compare) : undefined;
  let out = '';
  const print = (text: string) => {
    out += text;
    for (const l of text.split('\n').filter(Boolean)) console.log(saved ? compared(l, saved) : l);
  };
  for (const name of opts.sections.length ? opts.sections : DEFAULT) {
    print(execFileSync(process.execPath, [...process.execArgv, process.argv[1]!], { encoding: 'utf8', env: { ...process.env, BENCH_SECTION: name }, stdio: ['ignore', 'pipe', 'inherit'] }));
  }
  print(
    scaleRatios(out)
      .map((l) => `${l}\n`)
      .join(''),
  );
  if (opts.save) writeFileSync(opts.save, out);
}
