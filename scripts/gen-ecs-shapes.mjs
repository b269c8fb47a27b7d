// Derives src/sim/api/ecsShapes.json (member names, types, required members, bounds) from the
// published ECS API model, so that requests are checked the way the AWS SDKs and CLI check them.
// Usage: node scripts/gen-ecs-shapes.mjs <path to botocore ecs service-2.json>
import { readFileSync, writeFileSync } from 'node:fs';

const model = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const out = { operations: {}, shapes: {} };
const seen = new Set();
function firstSentence(doc) {
  if (!doc) return undefined;
  const text = doc.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  const m = /^(.{20,300}?[.!?])(\s|$)/.exec(text);
  return m ? m[1] : text.slice(0, 300);
}
function visit(name) {
  if (seen.has(name)) return;
  seen.add(name);
  const s = model.shapes[name];
  const c = { t: s.type };
  if (s.type === 'structure') {
    c.m = {};
    c.d = {};
    for (const [k, v] of Object.entries(s.members)) {
      c.m[k] = v.shape;
      const d = firstSentence(v.documentation);
      if (d) c.d[k] = d;
      visit(v.shape);
    }
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
console.log(Object.keys(out.operations).length, 'operations,', Object.keys(out.shapes).length, 'shapes');
