// Derives src/cli/serve/shapes.json: for each AWS service the engine simulates, the protocol facts
// (JSON target prefix, query API version, XML namespace) and the input and output shapes of the
// operations the engine has, with what the wire formats need (member types, locationName, queryName,
// flattened lists, timestamp formats). The served world speaks these shapes to the AWS CLI and SDKs.
// Also derives test/cli/differential/cliModelGaps.json: the output members of those operations that the
// newest model has and the installed AWS CLI's model does not (the CLI drops them when it parses a
// response), so that a comparison with the console can leave out exactly those.
// Usage: npx tsx scripts/gen-serve-shapes.ts [--corpus DIR] [--botocore DIR]
//   --corpus    the botocore models (default ../shared/corpus/schemas: botocore-<service>-service-2.json)
//   --botocore  the installed AWS CLI's botocore data (default /usr/lib/python3/dist-packages/awscli/botocore/data);
//               EC2's model comes from there, as the corpus has none.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Sim } from '../src/sim';

type Json = Record<string, any>;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const corpus = arg('--corpus', '../shared/corpus/schemas');
const botocore = arg('--botocore', '/usr/lib/python3/dist-packages/awscli/botocore/data');

/** The engine's namespace for each botocore service name. */
const SERVICES: Record<string, string> = {
  ecs: 'ecs',
  'application-autoscaling': 'applicationautoscaling',
  servicediscovery: 'servicediscovery',
  events: 'events',
  elbv2: 'elbv2',
  cloudwatch: 'cloudwatch',
  autoscaling: 'autoscaling',
  ec2: 'ec2',
  ecr: 'ecr',
};

function installed(service: string): Json {
  const dir = join(botocore, service);
  const version = readdirSync(dir).sort().pop()!;
  return JSON.parse(readFileSync(join(dir, version, 'service-2.json'), 'utf8'));
}

function newest(service: string): Json {
  if (service === 'ec2') return installed(service);
  return JSON.parse(readFileSync(join(corpus, `botocore-${service}-service-2.json`), 'utf8'));
}

/** The serialization facts of a member reference: locationName, queryName, flattened, timestampFormat. */
function memberRef(ref: Json): string | Json {
  const extra: Json = {};
  if (ref.locationName) extra.n = ref.locationName;
  if (ref.queryName) extra.q = ref.queryName;
  if (ref.flattened) extra.f = true;
  if (ref.timestampFormat) extra.tf = ref.timestampFormat;
  return Object.keys(extra).length ? { s: ref.shape, ...extra } : ref.shape;
}

function compact(model: Json, name: string, out: Json): void {
  if (out[name]) return;
  const s = model.shapes[name];
  const c: Json = { t: s.type };
  out[name] = c;
  if (s.type === 'structure') {
    c.m = {};
    for (const [k, v] of Object.entries<Json>(s.members)) {
      c.m[k] = memberRef(v);
      compact(model, v.shape, out);
    }
    if (s.document) c.doc = true;
  } else if (s.type === 'list') {
    c.e = s.member.shape;
    if (s.member.locationName) c.n = s.member.locationName;
    compact(model, s.member.shape, out);
  } else if (s.type === 'map') {
    c.k = s.key.shape;
    c.v = s.value.shape;
    if (s.key.locationName) c.kn = s.key.locationName;
    if (s.value.locationName) c.vn = s.value.locationName;
    compact(model, s.key.shape, out);
    compact(model, s.value.shape, out);
  }
  if (s.flattened) c.f = true;
  if (s.timestampFormat) c.tf = s.timestampFormat;
}

/** Members of output shapes reachable from `root` that `older` lacks, by shape name. */
function gaps(model: Json, older: Json, root: string, out: Record<string, string[]>, seen: Set<string>): void {
  if (seen.has(root)) return;
  seen.add(root);
  const s = model.shapes[root];
  const o = older.shapes[root];
  if (s.type === 'structure') {
    const missing = Object.keys(s.members).filter((m) => !o || o.type !== 'structure' || !o.members[m]);
    if (missing.length && o) out[root] = missing;
    for (const [m, v] of Object.entries<Json>(s.members)) if (o?.members?.[m]) gaps(model, older, v.shape, out, seen);
  } else if (s.type === 'list') gaps(model, older, s.member.shape, out, seen);
  else if (s.type === 'map') gaps(model, older, s.value.shape, out, seen);
}

const engineOps = Sim.operations();
const shapesOut: Json = {};
const gapsOut: Json = {};
for (const [service, ns] of Object.entries(SERVICES)) {
  const model = newest(service);
  const older = installed(service);
  const m = model.metadata;
  const protocols: string[] = m.protocols ?? [m.protocol];
  const ops = engineOps.filter((o) => o.startsWith(`${ns}.`)).map((o) => o.slice(o.indexOf('.') + 1));
  const operations: Json = {};
  const shapes: Json = {};
  const serviceGaps: Record<string, string[]> = {};
  const seen = new Set<string>();
  for (const op of ops) {
    const o = model.operations[op];
    if (!o) throw new Error(`${service}: the engine has ${op}, the model does not`);
    const entry: Json = {};
    if (o.input) {
      entry.i = o.input.shape;
      compact(model, o.input.shape, shapes);
    }
    if (o.output) {
      entry.o = o.output.shape;
      if (o.output.resultWrapper) entry.w = o.output.resultWrapper;
      compact(model, o.output.shape, shapes);
      if (older.operations[op]?.output) gaps(model, older, o.output.shape, serviceGaps, seen);
    }
    operations[op] = entry;
  }
  const query = protocols.includes('query') || protocols.includes('ec2');
  shapesOut[service] = {
    namespace: ns,
    protocols: protocols.filter((p) => p === 'json' || p === 'query' || p === 'ec2'),
    apiVersion: m.apiVersion,
    signingName: m.signingName ?? m.endpointPrefix,
    ...(m.targetPrefix && protocols.includes('json') ? { targetPrefix: m.targetPrefix, jsonVersion: m.jsonVersion } : {}),
    ...(query ? { xmlNamespace: m.xmlNamespace } : {}),
    ...(m.awsQueryCompatible ? { queryCompatible: true } : {}),
    operations,
    shapes,
  };
  if (Object.keys(serviceGaps).length) gapsOut[service] = serviceGaps;
}

const header = 'Generated by scripts/gen-serve-shapes.ts from the botocore models; do not edit.';
writeFileSync('src/cli/serve/shapes.json', `${JSON.stringify({ generated: header, services: shapesOut })}\n`);
writeFileSync('test/cli/differential/cliModelGaps.json', `${JSON.stringify({ generated: header, cli: 'the installed AWS CLI (Debian awscli)', members: gapsOut }, null, 1)}\n`);
for (const [s, v] of Object.entries<Json>(shapesOut)) console.log(s, Object.keys(v.operations).length, 'operations,', Object.keys(v.shapes).length, 'shapes');
