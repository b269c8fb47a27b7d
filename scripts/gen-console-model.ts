// Writes the console's model of the AWS CLI, derived from the botocore models:
//  - src/content/console/aws/model.generated.json: for each service the console runs, every operation's name (the
//    CLI's choices), and for the operations the engine has their input and output shapes (member order, types,
//    required members, enums, minimums, idempotency tokens), their paginators and the waiters that poll them;
//  - src/content/console/aws/help.generated.json: the documentation `aws help`, `aws <service> help` and
//    `aws <service> <operation> help` print, as plain text (loaded on demand, not with the page).
// A test fails when the committed files are out of date.
// Usage: npx tsx scripts/gen-console-model.ts [--corpus DIR] [--botocore DIR]
//   --corpus    the botocore models (default ../shared/corpus/schemas: botocore-<service>-service-2.json, …)
//   --botocore  the installed AWS CLI's botocore data (default /usr/lib/python3/dist-packages/awscli/botocore/data);
//               EC2's model comes from there, as the corpus has none.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { consoleModelSources, corpusPaths } from './consoleModelSource';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1]! : fallback;
};
const root = resolve(import.meta.dirname, '..');
const paths = corpusPaths(arg('--corpus', resolve(root, '../shared/corpus/schemas')), arg('--botocore', '/usr/lib/python3/dist-packages/awscli/botocore/data'));
const { model, help } = consoleModelSources(paths);
for (const [file, text] of [
  ['model.generated.json', model],
  ['help.generated.json', help],
] as const) {
  const out = resolve(root, 'src/content/console/aws', file);
  writeFileSync(out, text);
  console.log(`wrote ${out} (${text.length} bytes)`);
}
