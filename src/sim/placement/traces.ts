import type { PlacementCandidate, PlacementRank, PlacementTrace } from '../model/types';
import { MAX_TRACES, type WorldState } from '../model/world';
import { attrReader, CODES, detailOf } from './place';

/** Keeps a placement decision's trace in the world's ring of recent traces. */
export function recordTrace(w: WorldState, trace: PlacementTrace): void {
  const traces = w.traces;
  traces.push(trace);
  if (traces.length > MAX_TRACES) traces.splice(0, traces.length - MAX_TRACES);
}

/** How to expand a trace: `forms` adds each detail's form and each rank's strategy as data (for the page, never the API). */
export interface ExpandOptions {
  forms?: boolean;
}

/**
 * The readable form of a trace: one row per candidate instance with the filter that rejected it and
 * why, or `ranks` (what each strategy saw, with the bucket a spread strategy counted in, and whether
 * it kept the instance), as "why here / why PENDING" shows it. Without `forms` it is what
 * DescribePlacementTrace answers: the English only.
 */
export function expandTrace(w: WorldState, t: PlacementTrace, opts: ExpandOptions = {}): PlacementTrace {
  const { columns, ...rest } = t;
  const forms = opts.forms === true;
  const rows = columns ? rowsOf(w, t, columns, forms) : t.candidates;
  const out: PlacementTrace = { ...rest, ...(rows ? { candidates: forms ? rows.map((c) => withStrategies(c, t)) : rows.map(plainCandidate) } : {}) };
  if (!forms) {
    delete out.strategyForms;
    delete out.noteForm;
    if (out.failure) out.failure = plainFailure(out.failure);
  }
  return out;
}

/** The rows of an EC2 trace kept in columns. */
function rowsOf(w: WorldState, t: PlacementTrace, columns: NonNullable<PlacementTrace['columns']>, forms: boolean): PlacementCandidate[] {
  const S = t.strategies.length;
  const readers = t.strategies.map((name, j) => {
    const s = t.strategyForms?.[j];
    const field = s ? (s.type === 'spread' && s.field?.startsWith('attribute:') ? s.field.slice(10) : undefined) : /^spread\(attribute:(.+)\)$/.exec(name)?.[1];
    return field !== undefined ? attrReader(field) : undefined;
  });
  return columns.arns.map((arn, i) => {
    const ci = w.containerInstances[arn];
    const row: PlacementCandidate = { containerInstanceArn: arn, ec2InstanceId: ci?.ec2InstanceId ?? '', availabilityZone: ci?.availabilityZone ?? '' };
    const code = columns.codes[i]!;
    if (code) {
      const said = detailOf(t, code, columns.nums[i]!, ci);
      row.rejectedBy = CODES[code];
      row.detail = said?.detail;
      if (forms && said) row.detailForm = said.form;
      return row;
    }
    row.ranks = [];
    for (let j = 0; j < S; j++) {
      const v = columns.scores[i * S + j]!;
      if (Number.isNaN(v)) break;
      const name = t.strategies[j]!;
      const rank: PlacementRank = { strategy: name, value: name === 'random' ? '-' : v, kept: j < columns.kept[i]! };
      const read = readers[j];
      if (read && ci) rank.bucket = read(ci) ?? '(none)';
      row.ranks.push(rank);
    }
    if (arn === t.chosen) row.chosen = true;
    return row;
  });
}

/** A row with each rank's strategy as data: its type and field. */
function withStrategies(c: PlacementCandidate, t: PlacementTrace): PlacementCandidate {
  if (!c.ranks || !t.strategyForms) return c;
  return { ...c, ranks: c.ranks.map((r, j) => ({ ...r, ...strategyOf(t, j) })) };
}

function strategyOf(t: PlacementTrace, j: number): Pick<PlacementRank, 'type' | 'field'> {
  const s = t.strategyForms?.[j];
  if (!s) return {};
  return s.field !== undefined ? { type: s.type, field: s.field } : { type: s.type };
}

/** A row as the API says it: its detail in English only. */
function plainCandidate(c: PlacementCandidate): PlacementCandidate {
  if (!('detailForm' in c)) return c;
  const { detailForm: _, ...rest } = c;
  return rest;
}

function plainFailure(f: NonNullable<PlacementTrace['failure']>): NonNullable<PlacementTrace['failure']> {
  if (!('detailForm' in f)) return f;
  const { detailForm: _, ...rest } = f;
  return rest;
}
