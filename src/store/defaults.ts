import binpack from '../../docs/examples/binpack.yaml?raw';
import empty from '../../docs/examples/empty-cluster.yaml?raw';
import busy from '../../docs/examples/busy-cluster.yaml?raw';
import large from '../../docs/examples/large-cluster.yaml?raw';
import type { Workspace } from './workspace';

/** The scenarios the sandbox's picker offers: start states to explore from. */
export const BUILT_IN_SCENARIOS: { id: string; title: string; text: string }[] = [
  { id: 'empty-cluster', title: 'Empty cluster: three instances, one per AZ', text: empty },
  { id: 'busy-cluster', title: 'Busy production-like cluster: ALB, auto scaling, Cloud Map, Fargate', text: busy },
  { id: 'binpack', title: 'Binpack: which instance does a task land on?', text: binpack },
  { id: 'large-cluster', title: 'Large cluster: 200 instances, 2,000 tasks', text: large },
];

export const TASKDEF_FILE = 'taskdef.json';
export const COMPOSE_FILE = 'compose.yaml';
export const MANIFEST_FILE = 'copilot/web/manifest.yml';
export const SCENARIO_FILE = 'scenario.yaml';

export const DEFAULT_FILES: Record<string, string> = {
  [TASKDEF_FILE]: `{
  "family": "web",
  "containerDefinitions": [
    {
      "name": "web",
      "image": "nginx:1.27",
      "cpu": 256,
      "memory": 512,
      "essential": true,
      "portMappings": [{ "containerPort": 80, "hostPort": 80 }]
    }
  ]
}
`,
  [COMPOSE_FILE]: `# Run it on the local Docker host: "Compose up", then watch the api start before the database is ready.
services:
  api:
    image: "forum:2"
    ports: ["8080:3000"]
    environment:
      DB_HOST: db
    depends_on:
      - db
  db:
    image: "postgres:16"
`,
  [MANIFEST_FILE]: `# The whole service as one file: an ALB in front, two to six tasks on Fargate.
name: web
type: Load Balanced Web Service
image:
  location: nginx:1.27
  port: 80
http:
  path: '/'
  healthcheck: '/'
cpu: 256
memory: 512
count:
  range: 2-6
  cpu_percentage: 60
`,
};

export function defaultWorkspace(): Workspace {
  const first = BUILT_IN_SCENARIOS[0]!;
  return {
    version: 3,
    scenarioId: first.id,
    scenarioText: first.text,
    seed: '1',
    actions: [],
    time: 0,
    files: { ...DEFAULT_FILES, [SCENARIO_FILE]: first.text },
    activeFile: TASKDEF_FILE,
  };
}
