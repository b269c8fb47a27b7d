import empty from '../../docs/examples/empty-cluster.yaml?raw';
import { PRELOADED } from './preloaded';
import type { Workspace } from './workspace';

export interface BuiltInScenario {
  id: string;
  title: string;
  /**
   * Its YAML. The page's first load has the first view's alone: the others' arrive with `loadBuiltInTexts`
   * (Node, the tests and the dev server have them from the start).
   */
  text?: string;
}

/** The scenarios the sandbox's picker offers: start states to explore from. */
export const BUILT_IN_SCENARIOS: readonly BuiltInScenario[] = [
  { id: 'empty-cluster', title: 'Empty cluster: three instances, one per AZ', text: empty },
  { id: 'busy-cluster', title: 'Busy production-like cluster: ALB, auto scaling, Cloud Map, Fargate' },
  { id: 'binpack', title: 'Binpack: which instance does a task land on?' },
  { id: 'large-cluster', title: 'Large cluster: 200 instances, 2,000 tasks' },
];

function fill(texts: Record<string, string>): void {
  for (const b of BUILT_IN_SCENARIOS) b.text ??= texts[b.id];
}
if (PRELOADED) fill(PRELOADED.texts);

let loading: Promise<void> | undefined;

/** Brings every built-in scenario's text (once); a failed fetch is tried again by the next call. */
export function loadBuiltInTexts(): Promise<void> {
  loading ??= import('./scenarioTexts').then(
    (m) => fill(m.TEXTS),
    (e: unknown) => {
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** Whether every built-in scenario's text is here. */
export const builtInTextsLoaded = (): boolean => BUILT_IN_SCENARIOS.every((b) => b.text !== undefined);

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
  return {
    version: 3,
    scenarioId: BUILT_IN_SCENARIOS[0]!.id,
    scenarioText: empty,
    seed: '1',
    actions: [],
    time: 0,
    files: { ...DEFAULT_FILES, [SCENARIO_FILE]: empty },
    activeFile: TASKDEF_FILE,
  };
}
