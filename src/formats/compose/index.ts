/**
 * Docker Compose files (ecs-spec §11): read with anchors, merge keys, `x-*` extensions and variable
 * interpolation; checked for the mistakes Compose itself refuses (unknown members, the v1 layout, volumes
 * as a string, dependency cycles); and translated to ECS as a reviewable plan with the mapping of the retired
 * Docker ECS integration: one task definition and one service per Compose service, Fargate sizes, rolling
 * update limits, load balancer type, Cloud Map names, and findings for what does not carry over.
 */
export { parseCompose, type ComposeProject, type ComposeService } from './parse';
export { bytes, interpolate, parsePorts, type PortMapping } from './values';
export { composeRequests, composeToEcs, composeToSingleTask, fargateSize, rollingUpdateLimits, type EcsTranslation } from './ecs';
