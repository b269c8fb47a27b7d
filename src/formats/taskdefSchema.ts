import { ecsInputShape, ecsShape } from '../sim';

/**
 * Short explanations of the task definition members a learner meets first, shown on hover and in
 * completion. The member list itself comes from the ECS API model, so the schema never drifts.
 */
const DOCS: Record<string, string> = {
  family: 'The name shared by every revision of this task definition. Registering again with the same family adds revision N+1.',
  taskRoleArn: "The IAM role the containers call AWS with (your application's permissions).",
  executionRoleArn: "The IAM role the ECS agent / Fargate uses to pull images from ECR and write logs (not your app's permissions).",
  networkMode: "bridge (EC2 default: Docker's bridge, host ports mapped), host, awsvpc (each task gets its own ENI and IP; required on Fargate) or none.",
  containerDefinitions: 'The containers of the task: at least one, and at least one of them essential.',
  requiresCompatibilities: 'Launch types this definition must be valid for: EC2, FARGATE, EXTERNAL. FARGATE checks task-level cpu/memory and awsvpc.',
  cpu: 'Task-level CPU in units (1024 = 1 vCPU) or vCPU ("0.5 vCPU"). Required on Fargate, where cpu and memory must be a supported pair.',
  memory: 'Task-level memory in MiB (or "1 GB"). Required on Fargate. On EC2, the hard limit for the whole task.',
  placementConstraints: 'memberOf constraints (cluster query language) every task of this definition must satisfy.',
  volumes: 'Volumes the containers can mount (bind mounts, Docker volumes, EFS).',
  runtimePlatform: 'Operating system family and CPU architecture (X86_64 or ARM64).',
  ephemeralStorage: 'Fargate ephemeral storage in GiB (21-200; 20 is included).',
  pidMode: 'host or task: share the process namespace.',
  ipcMode: 'host, task or none: share the IPC namespace.',
  tags: 'Key-value tags on the task definition.',
  name: "The container's name: unique in the task, used by dependsOn, links and load balancer settings.",
  image: 'The image to run: repository:tag or repository@digest. An image built only on your own machine cannot be pulled.',
  memoryReservation: 'Soft limit in MiB: what placement reserves on the instance. The container may use more, up to memory.',
  essential: 'If an essential container stops, the whole task stops. Default true.',
  portMappings: 'containerPort (and on bridge/host networking hostPort; 0 or absent = dynamic port on bridge). In awsvpc, hostPort must equal containerPort.',
  containerPort: 'The port the process inside the container listens on.',
  hostPort: 'The port on the host. bridge: 0/absent gives a dynamic port (32768-61000) so many copies fit on one instance; a fixed port allows one task per instance.',
  protocol: 'tcp or udp.',
  environment: 'Environment variables as a list of { name, value }.',
  secrets: 'Environment variables filled from Secrets Manager or SSM Parameter Store at start.',
  healthCheck: 'A command Docker runs in the container: { command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], interval, timeout, retries, startPeriod }.',
  dependsOn: 'Start order inside the task: wait for another container to START, COMPLETE, SUCCESS or be HEALTHY.',
  condition: 'START, COMPLETE, SUCCESS or HEALTHY (HEALTHY needs a healthCheck on that container).',
  containerName: 'The container this entry refers to.',
  command: "Overrides the image's CMD.",
  entryPoint: "Overrides the image's ENTRYPOINT.",
  logConfiguration: "Where the container's output goes (awslogs sends it to CloudWatch Logs).",
  links: 'Legacy Docker links (bridge mode only).',
  stopTimeout: 'Seconds between SIGTERM and SIGKILL when the task stops.',
  startTimeout: 'Seconds to wait for a dependency before giving up on this container.',
  interval: 'Seconds between health checks (5-300, default 30).',
  timeout: 'Seconds a health check may take (2-60, default 5).',
  retries: 'Consecutive failures before UNHEALTHY (1-10, default 3).',
  startPeriod: 'Grace period in seconds during which failures do not count (0-300).',
};

type Schema = Record<string, unknown>;

function toSchema(shapeName: string, seen: Set<string>, depth: number): Schema {
  const s = ecsShape(shapeName);
  if (!s) return {};
  switch (s.t) {
    case 'structure': {
      if (seen.has(shapeName) || depth > 8) return { type: 'object' };
      const next = new Set(seen).add(shapeName);
      const properties: Record<string, Schema> = {};
      for (const [k, v] of Object.entries(s.m ?? {})) {
        const sub = toSchema(v, next, depth + 1);
        properties[k] = DOCS[k] ? { ...sub, description: DOCS[k] } : sub;
      }
      return { type: 'object', properties, additionalProperties: false, ...(s.r?.length ? { required: s.r } : {}) };
    }
    case 'list':
      return { type: 'array', items: toSchema(s.e!, seen, depth + 1), ...(s.min !== undefined ? { minItems: s.min } : {}) };
    case 'map':
      return { type: 'object', additionalProperties: toSchema(s.v!, seen, depth + 1) };
    case 'string':
      return { type: 'string', ...(s.enum ? { enum: s.enum } : {}) };
    case 'integer':
    case 'long':
      return { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    case 'double':
    case 'float':
      return { type: 'number' };
    default:
      return {};
  }
}

/** A JSON Schema for an ECS operation's input, as `--cli-input-json` reads it (the editor's completion, hover and markers). */
export function inputSchema(operation: string, title: string): Schema {
  const root = toSchema(ecsInputShape(operation)!, new Set(), 0);
  return { $schema: 'http://json-schema.org/draft-07/schema#', title, ...root };
}

/** A JSON Schema for RegisterTaskDefinition's input. */
export function taskDefinitionSchema(): Schema {
  return inputSchema('RegisterTaskDefinition', 'ECS task definition (RegisterTaskDefinition input)');
}

/**
 * Which editor files each schema checks, by name: a task definition (the editor's own taskdef.json, or a
 * file named for one) is RegisterTaskDefinition's input, a service file CreateService's. Any other JSON
 * file is checked as JSON only: the editor cannot tell which command's input it is.
 */
export const EDITOR_SCHEMAS: readonly { operation: string; title: string; files: readonly RegExp[] }[] = [
  { operation: 'RegisterTaskDefinition', title: 'ECS task definition (RegisterTaskDefinition input)', files: [/(^|\/)[^/]*task-?def[^/]*\.json$/i, /(^|\/)[^/]*task-definition[^/]*\.json$/i] },
  { operation: 'CreateService', title: 'ECS service (CreateService input)', files: [/(^|\/)[^/]*service[^/]*\.json$/i] },
];

/** The operation whose input schema checks an editor file, or undefined for none. */
export function schemaOperationFor(file: string): string | undefined {
  return EDITOR_SCHEMAS.find((x) => x.files.some((re) => re.test(file)))?.operation;
}
