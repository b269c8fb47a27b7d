// The console's model of the AWS CLI, derived from the botocore models (see gen-console-model.ts). Shared by the
// generator and the test that checks the committed files are up to date.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Sim } from '../src/sim';

type Json = Record<string, any>;

/** The AWS CLI's service names the console runs, with the engine's namespace and botocore's model name. */
const SERVICES: [cli: string, ns: string][] = [
  ['ecs', 'ecs'],
  ['application-autoscaling', 'applicationautoscaling'],
  ['elbv2', 'elbv2'],
  ['servicediscovery', 'servicediscovery'],
  ['cloudwatch', 'cloudwatch'],
  ['events', 'events'],
  ['autoscaling', 'autoscaling'],
  ['ec2', 'ec2'],
  ['ecr', 'ecr'],
];

export interface ModelPaths {
  corpus: string;
  botocore: string;
}

export const corpusPaths = (corpus: string, botocore: string): ModelPaths => ({ corpus, botocore });

/** Whether the models the files derive from are on this machine. */
export function sourcesAvailable(p: ModelPaths): boolean {
  return existsSync(join(p.corpus, 'botocore-ecs-service-2.json')) && existsSync(join(p.botocore, 'ec2'));
}

function installed(p: ModelPaths, service: string, file: string): Json | undefined {
  const dir = join(p.botocore, service);
  if (!existsSync(dir)) return undefined;
  const version = readdirSync(dir).sort().pop()!;
  const f = join(dir, version, file);
  return existsSync(f) ? JSON.parse(readFileSync(f, 'utf8')) : undefined;
}

/** The newest model of a service: the corpus's, else (EC2) the installed CLI's. */
function load(p: ModelPaths, service: string, kind: 'service-2' | 'paginators-1' | 'waiters-2'): Json | undefined {
  const f = join(p.corpus, `botocore-${service}-${kind}.json`);
  if (existsSync(f)) return JSON.parse(readFileSync(f, 'utf8'));
  return service === 'ec2' ? installed(p, service, `${kind}.json`) : undefined;
}

/**
 * botocore's shape facts the console reads, compactly: a scalar member is a string (its type's letter and its
 * minimum: "s", "s1", "i0", "b", "T"), any other shape a number, its index in the service's shape table:
 * structures { t: "S", m: members in model order, r: required, tok: idempotency tokens, doc: document, u: union },
 * lists { t: "L", e, min, n: a scalar element's shape name }, maps { t: "M", k, v }. Enums go with the help (completion and help read them).
 */
const LETTER: Record<string, string> = { string: 's', integer: 'i', long: 'l', boolean: 'b', double: 'd', float: 'f', timestamp: 'T', blob: 'B' };

class ShapeTable {
  readonly list: Json[] = [];
  private readonly index = new Map<string, number>();
  readonly enums: Json = {};
  constructor(private readonly model: Json) {}

  ref(name: string): string | number {
    const s = this.model.shapes[name];
    if (LETTER[s.type]) return `${LETTER[s.type]}${s.min ?? ''}`;
    const known = this.index.get(name);
    if (known !== undefined) return known;
    const i = this.list.length;
    this.index.set(name, i);
    const c: Json = {};
    this.list.push(c);
    if (s.type === 'structure') this.structure(s, i, c);
    else if (s.type === 'list') {
      c.t = 'L';
      c.e = this.ref(s.member.shape);
      // A sample output names a list's scalar elements by their shape (botocore's ArgumentGenerator).
      if (typeof c.e === 'string') c.n = s.member.shape;
      if (s.min !== undefined) c.min = s.min;
      this.enumOf(`${i}[]`, s.member.shape);
    } else {
      c.t = 'M';
      c.k = this.ref(s.key.shape);
      c.v = this.ref(s.value.shape);
    }
    return i;
  }

  private structure(s: Json, i: number, c: Json): void {
    c.t = 'S';
    c.m = {};
    const tokens: string[] = [];
    for (const [k, v] of Object.entries<Json>(s.members)) {
      c.m[k] = this.ref(v.shape);
      if (v.idempotencyToken) tokens.push(k);
      this.enumOf(`${i}.${k}`, v.shape);
    }
    if (s.required?.length) c.r = s.required;
    if (tokens.length) c.tok = tokens;
    if (s.document) c.doc = 1;
    if (s.union) c.u = 1;
  }

  /** The enum of a member (or of a list member's elements), keyed by where it is. */
  private enumOf(key: string, shape: string): void {
    const s = this.model.shapes[shape];
    const e = s.enum ?? (s.type === 'list' ? this.model.shapes[s.member.shape].enum : undefined);
    if (e) this.enums[key] = e;
  }

  /** The structures' shape names, by index (the help's member documentation is keyed by index). */
  names(): string[] {
    return [...this.index.keys()];
  }
}

/** botocore's xform_name(name, '-'): ListClusters → list-clusters, DescribeTargetGroupARNs → describe-target-group-arns. */
export function xform(name: string): string {
  let n = name;
  const special = /[A-Z]{2,}s$/.exec(n);
  if (special) n = `${n.slice(0, -special[0].length)}-${special[0].toLowerCase()}`;
  return n
    .replace(/(.)([A-Z][a-z]+)/g, '$1-$2')
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase();
}

/** The botocore documentation HTML as the plain paragraphs the help prints ("* " before list items). */
export function docText(html: string | undefined): string {
  if (!html) return '';
  const text = html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li>\s*/gi, '\n\n* ')
    .replace(/<\/?(p|ul|ol|note|important|dl|dt|dd|li|div|h\d)\b[^>]*>/gi, '\n\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&');
  return text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Paginator facts: input and output tokens, the limit key, result keys, more-results and non-aggregate keys. */
function paginator(cfg: Json): Json {
  const out: Json = { it: cfg.input_token, ot: cfg.output_token, rk: cfg.result_key };
  if (cfg.limit_key) out.lk = cfg.limit_key;
  if (cfg.more_results) out.mr = cfg.more_results;
  if (cfg.non_aggregate_keys) out.nak = cfg.non_aggregate_keys;
  return out;
}

interface ServiceParts {
  model: Json;
  help: Json;
}

function serviceParts(p: ModelPaths, cli: string, ns: string, simOps: Set<string>): ServiceParts {
  const m = load(p, cli, 'service-2')!;
  const pag = load(p, cli, 'paginators-1')?.pagination ?? {};
  const waiters = load(p, cli, 'waiters-2')?.waiters ?? {};
  const table = new ShapeTable(m);
  const ops: Json = {};
  const help: Json = { title: m.metadata.serviceFullName, doc: docText(m.documentation), ops: {}, members: {}, enums: table.enums };
  // EC2's model has hundreds of operations the sandbox does not have: its choices are the sandbox's.
  const operations = Object.keys(m.operations).filter((op) => cli !== 'ec2' || simOps.has(op));
  for (const op of operations) {
    const o = m.operations[op];
    help.ops[op] = docText(o.documentation);
    if (!simOps.has(op)) continue;
    ops[op] = { i: o.input ? table.ref(o.input.shape) : -1, o: o.output ? table.ref(o.output.shape) : -1, ...(pag[op] ? { p: paginator(pag[op]) } : {}) };
  }
  // Every member's documentation, for the options and nested members help prints.
  table.names().forEach((name, i) => {
    const s = m.shapes[name];
    if (s.type !== 'structure') return;
    const docs: Json = {};
    for (const [k, v] of Object.entries<Json>(s.members)) {
      const d = docText(v.documentation ?? m.shapes[v.shape]?.documentation);
      if (d) docs[k] = d;
    }
    if (Object.keys(docs).length) help.members[i] = docs;
  });
  const waiting: Json = {};
  for (const [name, w] of Object.entries<Json>(waiters)) {
    waiting[name] = simOps.has(w.operation) ? { op: w.operation, delay: w.delay, max: w.maxAttempts, acceptors: w.acceptors } : { op: w.operation };
    if (w.description) help.waiters = { ...help.waiters, [name]: w.description };
  }
  return { model: { ns, protocol: m.metadata.protocol, operations, ops, shapes: table.list, waiters: waiting }, help };
}

/** Both files' text: the model the console parses and prints by, and the help it loads on demand. */
export function consoleModelSources(p: ModelPaths): { model: string; help: string } {
  const model: Json = { _generated: 'by scripts/gen-console-model.ts from the botocore models; do not edit', services: {} };
  const help: Json = { _generated: 'by scripts/gen-console-model.ts from the botocore models; do not edit', services: {} };
  for (const [cli, ns] of SERVICES) {
    const simOps = new Set(
      Sim.operations()
        .filter((o) => o.startsWith(`${ns}.`))
        .map((o) => o.slice(ns.length + 1)),
    );
    const parts = serviceParts(p, cli, ns, simOps);
    model.services[cli] = parts.model;
    help.services[cli] = parts.help;
  }
  return { model: `${JSON.stringify(model)}\n`, help: `${JSON.stringify(help)}\n` };
}
