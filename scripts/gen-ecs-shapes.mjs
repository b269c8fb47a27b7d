// Derives src/sim/api/ecsShapes.json (member names, types, required members, bounds) from the
// published ECS API model, so that requests are checked the way the AWS SDKs and CLI check them,
// and src/formats/ecsShapeDocs.json (one sentence per member, for editor hover and completion).
// Usage: node scripts/gen-ecs-shapes.mjs <path to botocore ecs service-2.json>
import { readFileSync, writeFileSync } from 'node:fs';

const model = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = { operations: {}, shapes: {} };
const docs = {};
const seen = new Set();
function firstSentence(doc) {
  if (!doc) return undefined;
  const text = doc.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  const m = /^(.{20,300}?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text.slice(0, 300);
}
// Amazon ECS Managed Instances providers are not simulated: their configuration is kept opaque
// (any JSON object passes the SDK-level check) and the simulator says so when it meets one.
const OPAQUE = new Set(['CreateManagedInstancesProviderConfiguration', 'UpdateManagedInstancesProviderConfiguration']);
function visit(name) {
  if (seen.has(name)) return;
  seen.add(name);
  if (OPAQUE.has(name)) {
    out.shapes[name] = { t: 'opaque' };
    return;
  }
  const s = model.shapes[name];
  const c = { t: s.type };
  if (s.type === 'structure') {
    c.m = {};
    const d = {};
    for (const [k, v] of Object.entries(s.members)) {
      c.m[k] = v.shape;
      const sentence = firstSentence(v.documentation);
      if (sentence) d[k] = sentence;
      visit(v.shape);
    }
    if (Object.keys(d).length) docs[name] = d;
    if (s.required) c.r = s.required;
  } else if (s.type === 'list') {
    c.e = s.member.shape;
    visit(s.member.shape);
  } else if (s.type === 'map') {
    c.k = s.key.shape;
    c.v = s.value.shape;
    visit(s.key.shape);
    visit(s.value.shape);
  }
  if (s.enum) c.enum = s.enum;
  if (s.min !== undefined) c.min = s.min;
  if (s.max !== undefined) c.max = s.max;
  out.shapes[name] = c;
}
for (const [op, o] of Object.entries(model.operations)) {
  if (!o.input) continue;
  out.operations[op] = o.input.shape;
  visit(o.input.shape);
}
writeFileSync('src/sim/api/ecsShapes.json', JSON.stringify(out));
writeFileSync('src/formats/ecsShapeDocs.json', JSON.stringify(docs));
console.log(Object.keys(out.operations).length, 'operations,', Object.keys(out.shapes).length, 'shapes');
