import { describe, expect, it } from 'vitest';
import { translateCommand } from '../../../../src/content/console/commands/translate';
import { newSession } from '../../../../src/content/console/session';
import type { ConsoleSession } from '../../../../src/content/console/types';
import type { Sim } from '../../../../src/sim';

const USAGE = 'usage: translate [compose.yaml] [--project NAME] [--profile NAME ...] [--single-task]';
const SHOP = [
  'name: shop',
  'services:',
  '  web:',
  '    image: nginx',
  '    ports: ["80:80"]',
  '    deploy:',
  '      resources:',
  '        limits:',
  '          cpus: "0.5"',
  '          memory: 1g',
  '  db:',
  '    image: postgres',
  '    volumes: ["./data:/var/lib/postgresql/data"]',
  '  debug:',
  '    image: busybox',
  '    profiles: [dev]',
  '',
].join('\n');

const parse = (...words: string[]) => translateCommand.parse(words, { files: {} });
/** Runs a translate line in `session` (translate reads and writes the editor's files only, never the world). */
function run(session: ConsoleSession, ...words: string[]) {
  const p = translateCommand.parse(words, { files: session.files });
  if (!p.ok) throw new Error(p.message);
  return translateCommand.run(p.args, { sim: {} as Sim, session });
}

describe('translate: its line', () => {
  it('takes a file, --project (or -p), --profile as often as needed, and --single-task', () => {
    expect(parse()).toEqual({ ok: true, args: { singleTask: false, profiles: [] } });
    expect(parse('c.yaml', '--project', 'x', '--profile', 'a', '--profile', 'b', '--single-task')).toEqual({ ok: true, args: { file: 'c.yaml', project: 'x', profiles: ['a', 'b'], singleTask: true } });
    expect(parse('-p', 'y')).toEqual({ ok: true, args: { project: 'y', singleTask: false, profiles: [] } });
  });

  it('refuses a second file or an option it does not know, with its usage', () => {
    expect(parse('a.yaml', 'b.yaml')).toEqual({ ok: false, message: `translate: unknown option b.yaml\n${USAGE}`, exitCode: 2 });
    expect(parse('--nope')).toEqual({ ok: false, message: `translate: unknown option --nope\n${USAGE}`, exitCode: 2 });
  });

  it("reads the file named and Compose's default files, not the values of its options", () => {
    expect(translateCommand.reads!(['stack.yaml', '--project', 'p', '--profile', 'dev', '-p', 'q'], { 'compose.yaml': '', 'docker-compose.yml': '', other: '' })).toEqual(['stack.yaml', 'compose.yaml', 'docker-compose.yml']);
  });

  it('offers its options to complete a word starting with -, each once but --profile', () => {
    expect(translateCommand.complete!([], '--')).toEqual(['--project', '--profile', '--single-task']);
    expect(translateCommand.complete!(['--single-task', '--profile', 'a', '--project', 'x'], '-')).toEqual(['--profile']);
    expect(translateCommand.complete!([], 'c')).toEqual([]);
  });
});

describe('translate: the task definitions', () => {
  it('writes one per service as ecs/<family>.json, says each one’s size, and what does not carry over', () => {
    const session = newSession({ 'compose.yaml': SHOP });
    expect(run(session)).toEqual({
      output: [
        'Wrote ecs/shop-web.json: shop-web (512 CPU, 1024 MiB, 1 container)',
        'Wrote ecs/shop-db.json: shop-db (256 CPU, 512 MiB, 1 container)',
        'Does not carry over:',
        '  - db: host path ./data cannot be mounted on Fargate; use a named volume (EFS).',
        '  - debug: not deployed: none of its profiles (dev) is active (docker compose --profile, or COMPOSE_PROFILES).',
      ].join('\n'),
      exitCode: 0,
    });
    expect(Object.keys(session.files)).toEqual(['compose.yaml', 'ecs/shop-web.json', 'ecs/shop-db.json']);
    const web = JSON.parse(session.files['ecs/shop-web.json']!) as Record<string, unknown>;
    expect(web).toMatchObject({ family: 'shop-web', cpu: '512', memory: '1024', networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'] });
    expect(session.files['ecs/shop-web.json']).toBe(`${JSON.stringify(web, null, 2)}\n`);
  });

  it('writes one task for the whole project with --single-task', () => {
    const session = newSession({ 'compose.yaml': SHOP });
    expect(run(session, '--single-task').output.split('\n')[0]).toBe('Wrote ecs/shop.json: shop (1024 CPU, 2048 MiB, 2 containers)');
    expect((JSON.parse(session.files['ecs/shop.json']!) as { containerDefinitions: { name: string }[] }).containerDefinitions.map((c) => c.name)).toEqual(['web', 'db']);
  });

  it('names the families after --project, and takes the services of the profiles named', () => {
    const session = newSession({ 'compose.yaml': SHOP });
    expect(run(session, '--project', 'other', '--profile', 'dev').output.split('\n').slice(0, 3)).toEqual([
      'Wrote ecs/other-web.json: other-web (512 CPU, 1024 MiB, 1 container)',
      'Wrote ecs/other-db.json: other-db (256 CPU, 512 MiB, 1 container)',
      'Wrote ecs/other-debug.json: other-debug (256 CPU, 512 MiB, 1 container)',
    ]);
  });

  it('reads the file named, else the first of the default names there is', () => {
    const session = newSession({ 'docker-compose.yml': 'name: old\nservices:\n  a:\n    image: x\n', 'stack.yaml': 'name: stack\nservices:\n  b:\n    image: x\n' });
    expect(run(session).output).toBe('Wrote ecs/old-a.json: old-a (256 CPU, 512 MiB, 1 container)');
    expect(run(session, 'stack.yaml').output).toBe('Wrote ecs/stack-b.json: stack-b (256 CPU, 512 MiB, 1 container)');
  });

  it('writes nothing when there is no file, the file does not read, or a service cannot be translated', () => {
    expect(run(newSession())).toEqual({ output: 'translate: compose.yaml: no such file', exitCode: 1 });
    expect(run(newSession({ 'compose.yaml': SHOP }), 'nope.yaml')).toEqual({ output: 'translate: nope.yaml: no such file', exitCode: 1 });
    const broken = newSession({ 'compose.yaml': 'services: [' });
    expect(run(broken)).toEqual({ output: 'compose.yaml:1:12: error: Flow sequence in block collection must be sufficiently indented and end with a ]', exitCode: 1 });
    const build = newSession({ 'compose.yaml': 'services:\n  web:\n    build: .\n' });
    expect(run(build)).toEqual({ output: 'compose.yaml:3:5: error: services.web.build: web: ECS runs images from a registry; build the image, push it (to ECR) and name it in image:', exitCode: 1 });
    expect(Object.keys(build.files)).toEqual(['compose.yaml']);
  });
});
