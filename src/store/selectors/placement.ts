import type { PlacementCandidate, PlacementTrace } from '../../sim';

/**
 * One row of "Why here?": a candidate (a container instance, or for Fargate an Availability Zone),
 * what became of it, the rule that decided it, and that decision in words.
 */
export interface PlacementRow {
  candidate: string;
  zone: string;
  verdict: 'chosen' | 'rejected' | 'ranked out' | 'tied, not taken';
  rule: string;
  why: string;
}

/** The filters and constraints of the placement pipeline, as the table names them. */
const FILTERS: Record<string, string> = {
  INACTIVE: 'status filter', AGENT: 'agent filter', ATTRIBUTE: 'attribute filter', LOCATION: 'subnet filter',
  'RESOURCE:CPU': 'CPU filter', 'RESOURCE:MEMORY': 'memory filter', 'RESOURCE:GPU': 'GPU filter', 'RESOURCE:PORTS': 'port filter', 'RESOURCE:ENI': 'network filter',
  'MemberOf placement constraint unsatisfied.': 'memberOf constraint', 'DistinctInstance placement constraint unsatisfied.': 'distinctInstance constraint',
};

type Rank = NonNullable<PlacementCandidate['ranks']>[number];

/** What a strategy saw of a candidate, in words: "3 tasks of the group in us-east-1a". */
function seen(r: Rank, fargate: boolean): string {
  const binpack = /^binpack\((\w+)\)$/.exec(r.strategy);
  if (binpack) return binpack[1] === 'cpu' ? `${r.value} CPU units left` : `${r.value} MiB of memory left`;
  const n = Number(r.value);
  const tasks = `${n} task${n === 1 ? '' : 's'} of the group`;
  if (/^spread\((instanceId|host)\)$/.test(r.strategy)) return `${tasks} on this instance`;
  if (r.bucket !== undefined) return `${tasks} in ${r.bucket}`;
  return fargate ? `${tasks} in this zone` : `${tasks} where it counts`;
}

/** What a strategy prefers, said after its figures. */
function prefers(strategy: string): string {
  if (strategy.startsWith('binpack')) return 'binpack keeps the instances with the least left';
  if (strategy.startsWith('spread')) return 'spread keeps those with the fewest';
  return 'random keeps one';
}

function label(c: PlacementCandidate, fargate: boolean): string {
  return fargate ? `Fargate in ${c.availabilityZone}` : c.ec2InstanceId || c.containerInstanceArn.split('/').pop() || c.containerInstanceArn;
}

/** The best value each strategy kept, from the candidates it kept (all of them hold the same value). */
function keptValues(cands: PlacementCandidate[], n: number): (Rank | undefined)[] {
  return Array.from({ length: n }, (_, j) => cands.find((c) => c.ranks?.[j]?.kept)?.ranks?.[j]);
}

/** Every candidate of a placement decision with the rule that decided it; ties are said in words. */
export function placementRows(trace: PlacementTrace): PlacementRow[] {
  const cands = trace.candidates ?? [];
  const fargate = cands.length > 0 && cands.every((c) => !c.containerInstanceArn);
  const S = trace.strategies.length;
  const best = keptValues(cands, S);
  const survivors = cands.filter((c) => !c.rejectedBy && (c.ranks?.length ?? 0) === S && (c.ranks ?? []).every((r) => r.kept)).length;
  const atRandom = cands.filter((x) => x.ranks?.some((r) => r.strategy === 'random')).length;
  const tieBreak = fargate ? 'the sandbox takes the zone of the first subnet listed' : 'the sandbox takes the instance registered first';
  return cands.map((c): PlacementRow => {
    const base = { candidate: label(c, fargate), zone: c.availabilityZone };
    if (c.rejectedBy) return { ...base, verdict: 'rejected', rule: FILTERS[c.rejectedBy] ?? c.rejectedBy, why: c.detail ? `${cap(c.detail)}.` : `${c.rejectedBy}.` };
    const ranks = c.ranks ?? [];
    const ranked = ranks.filter((r) => r.strategy !== 'random');
    const kept = ranked.length === 0 ? 'Passed every filter' : `Kept by ${ranked.length === 1 ? 'the strategy' : 'every strategy'} (${ranked.map((r) => `${r.strategy}: ${seen(r, fargate)}`).join('; ')})`;
    const out = ranks.findIndex((r) => !r.kept);
    const r = ranks[out];
    if (r && r.strategy !== 'random') {
      const b = best[out];
      return { ...base, verdict: 'ranked out', rule: `strategy ${out + 1}: ${r.strategy}`, why: `${cap(seen(r, fargate))}; the ones kept had ${b ? seen(b, fargate) : 'less'} (${prefers(r.strategy)}).` };
    }
    if (ranked.length < ranks.length) {
      const from = `the ${atRandom} instance${atRandom === 1 ? '' : 's'} left`;
      return c.chosen
        ? { ...base, verdict: 'chosen', rule: 'strategy: random', why: `${kept}; random picked it from ${from}.` }
        : { ...base, verdict: 'ranked out', rule: 'strategy: random', why: `${kept}; random picked another of ${from}.` };
    }
    if (!c.chosen) return { ...base, verdict: 'tied, not taken', rule: 'tie-break', why: `${kept}, as the chosen one was: a tie, and ${tieBreak}; this one came later.` };
    if (survivors > 1) {
      const others = `${survivors - 1} other${survivors === 2 ? '' : 's'}`;
      return { ...base, verdict: 'chosen', rule: 'tie-break', why: `${kept}${S === 0 ? ' with no strategy to rank them' : ''}, it tied with ${others}; ${tieBreak}.` };
    }
    return { ...base, verdict: 'chosen', rule: S ? `strategy ${S}: ${trace.strategies[S - 1]}` : 'filters', why: `${kept}${S ? '' : ', the only one'}.` };
  });
}

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
