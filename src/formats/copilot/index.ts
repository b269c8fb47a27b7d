/**
 * AWS Copilot manifests (ecs-spec §10): parse and validate the workload types that run on ECS, apply
 * environment overrides, and translate a manifest into what `copilot svc deploy` creates — shown to the
 * learner as a list, and as the requests the engine accepts. Copilot reached end of support in June
 * 2026; the sandbox teaches it as "the whole architecture as one manifest".
 */
export { WORKLOAD_TYPES, parseManifest, scheduleExpression, withEnvironment, type Manifest, type WorkloadType } from './manifest';
export { planDeployment, type CopilotPlan } from './plan';
export { deployRequests, environmentRequests, pushedBy, workloadRequests, type EnvironmentState, type PlanRequest, type Registry } from './requests';
