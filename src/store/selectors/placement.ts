import type { PlacementCandidate, PlacementDetailForm, PlacementRank, PlacementTrace } from '../../sim';
import { DEFAULT_LOCALE, translate, type MessageKey, type Params } from '../../i18n';

/**
 * One row of "Why here?": a candidate (a container instance, or for Fargate an Availability Zone),
 * what became of it, the rule that decided it, and that decision in words. The words come from the
 * locale files by the engine's filter codes, the forms of its details and its strategies' types and fields.
 */
export interface PlacementRow {
  candidate: string;
  zone: string;
  verdict: 'chosen' | 'rejected' | 'ranked out' | 'tied, not taken';
  rule: string;
  why: string;
}

/** Says a message of the locale files: the page's translator, or English. */
export type Say = (key: MessageKey, params?: Params) => string;
const ENGLISH: Say = (key, params) => translate(DEFAULT_LOCALE, key, params);

/** The filters and constraints of the placement pipeline, as the table names them, by the engine's code. */
const FILTERS: Record<string, MessageKey> = {
  INACTIVE: 'placement.filter.status',
  AGENT: 'placement.filter.agent',
  ATTRIBUTE: 'placement.filter.attribute',
  LOCATION: 'placement.filter.subnet',
  'RESOURCE:CPU': 'placement.filter.cpu',
  'RESOURCE:MEMORY': 'placement.filter.memory',
  'RESOURCE:GPU': 'placement.filter.gpu',
  'RESOURCE:PORTS': 'placement.filter.ports',
  'RESOURCE:ENI': 'placement.filter.eni',
  'MemberOf placement constraint unsatisfied.': 'placement.filter.memberOf',
  'DistinctInstance placement constraint unsatisfied.': 'placement.filter.distinctInstance',
};

/** A rejection's or a failure's detail in the page's language, from its form and values; a detail without a form (AWS's own words) is shown as it is. */
export function placementDetail(d: { detail?: string | undefined; detailForm?: PlacementDetailForm | undefined }, say: Say = ENGLISH): string {
  const form = d.detailForm;
  if (!form) return d.detail ?? '';
  const key: MessageKey = `placement.detail.${form.code}`;
  return say(key, form.values);
}

type Rank = PlacementRank;

/** What a strategy saw of a candidate, in words: "3 tasks of the group in us-east-1a". */
function seen(r: Rank, fargate: boolean, say: Say): string {
  if (r.type === 'binpack') return say(r.field === 'cpu' ? 'placement.seen.cpu' : 'placement.seen.memory', { value: String(r.value) });
  const count = Number(r.value);
  if (r.type === 'spread' && (r.field === 'instanceId' || r.field === 'host')) return say('placement.seen.instance', { count });
  if (r.bucket !== undefined) return say('placement.seen.bucket', { count, bucket: r.bucket });
  return say(fargate ? 'placement.seen.zone' : 'placement.seen.counted', { count });
}

/** What a strategy prefers, said after its figures. */
function prefers(type: string | undefined, say: Say): string {
  if (type === 'binpack') return say('placement.prefers.binpack');
  if (type === 'spread') return say('placement.prefers.spread');
  return say('placement.prefers.random');
}

function label(c: PlacementCandidate, fargate: boolean, say: Say): string {
  return fargate ? say('placement.fargateIn', { zone: c.availabilityZone }) : c.ec2InstanceId || c.containerInstanceArn.split('/').pop() || c.containerInstanceArn;
}

/** The best value each strategy kept, from the candidates it kept (all of them hold the same value). */
function keptValues(cands: PlacementCandidate[], n: number): (Rank | undefined)[] {
  return Array.from({ length: n }, (_, j) => cands.find((c) => c.ranks?.[j]?.kept)?.ranks?.[j]);
}

/** What one placement decision is, for the rows: its candidates, strategies and how its ties go. */
interface Decision {
  trace: PlacementTrace;
  fargate: boolean;
  best: (Rank | undefined)[];
  survivors: number;
  atRandom: number;
  tieBreak: string;
  say: Say;
}

/** One candidate's row: rejected by a filter, ranked out by a strategy, picked at random, tied, or chosen. */
function row(c: PlacementCandidate, d: Decision): PlacementRow {
  const { say, fargate, trace } = d;
  const S = trace.strategies.length;
  const base = { candidate: label(c, fargate, say), zone: c.availabilityZone };
  if (c.rejectedBy) {
    const rule = FILTERS[c.rejectedBy];
    return { ...base, verdict: 'rejected', rule: rule ? say(rule) : c.rejectedBy, why: c.detail ? `${cap(placementDetail(c, say))}.` : `${c.rejectedBy}.` };
  }
  const ranks = c.ranks ?? [];
  const ranked = ranks.filter((r) => !isRandom(r));
  const list = ranked.map((r) => `${r.strategy}: ${seen(r, fargate, say)}`).join('; ');
  const kept = ranked.length === 0 ? say('placement.kept.filters') : say(ranked.length === 1 ? 'placement.kept.strategy' : 'placement.kept.every', { list });
  const out = ranks.findIndex((r) => !r.kept);
  const r = ranks[out];
  if (r && !isRandom(r)) {
    const b = d.best[out];
    return {
      ...base,
      verdict: 'ranked out',
      rule: say('placement.rule.strategy', { n: out + 1, name: r.strategy }),
      why: say('placement.why.rankedOut', { seen: cap(seen(r, fargate, say)), best: b ? seen(b, fargate, say) : say('placement.less'), prefers: prefers(r.type, say) }),
    };
  }
  if (ranked.length < ranks.length) {
    const from = say('placement.left', { count: d.atRandom });
    const rule = say('placement.rule.random');
    return c.chosen ? { ...base, verdict: 'chosen', rule, why: say('placement.why.randomChosen', { kept, from }) } : { ...base, verdict: 'ranked out', rule, why: say('placement.why.randomOther', { kept, from }) };
  }
  if (!c.chosen) return { ...base, verdict: 'tied, not taken', rule: say('placement.rule.tieBreak'), why: say('placement.why.tied', { kept, tieBreak: d.tieBreak }) };
  if (d.survivors > 1) {
    const why = say(S === 0 ? 'placement.why.tieNoStrategy' : 'placement.why.tie', { kept, count: d.survivors - 1, tieBreak: d.tieBreak });
    return { ...base, verdict: 'chosen', rule: say('placement.rule.tieBreak'), why };
  }
  return { ...base, verdict: 'chosen', rule: S ? say('placement.rule.strategy', { n: S, name: trace.strategies[S - 1]! }) : say('placement.rule.filters'), why: say(S ? 'placement.why.chosen' : 'placement.why.only', { kept }) };
}

/**
 * Every candidate of a placement decision with the rule that decided it; ties are said in words (English unless `say` is given).
 * The trace is one expanded with its forms (`expandTrace(w, t, { forms: true })`): the words come from its details' forms and its ranks' strategies.
 */
export function placementRows(trace: PlacementTrace, say: Say = ENGLISH): PlacementRow[] {
  const cands = trace.candidates ?? [];
  const fargate = cands.length > 0 && cands.every((c) => !c.containerInstanceArn);
  const S = trace.strategies.length;
  const d: Decision = {
    trace,
    fargate,
    say,
    best: keptValues(cands, S),
    survivors: cands.filter((c) => !c.rejectedBy && (c.ranks?.length ?? 0) === S && (c.ranks ?? []).every((r) => r.kept)).length,
    atRandom: cands.filter((x) => x.ranks?.some(isRandom)).length,
    tieBreak: say(fargate ? 'placement.tieBreak.zone' : 'placement.tieBreak.instance'),
  };
  return cands.map((c) => row(c, d));
}

/** Whether a strategy picked at random (it ranks nothing). */
const isRandom = (r: Rank) => r.type === 'random';

const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
