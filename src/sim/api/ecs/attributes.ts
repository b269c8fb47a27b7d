import { ApiError, invalidParameter } from '../../core/errors';
import { findContainerInstance } from '../../queries/lookups';
import type { EcsOperations } from './operation';
import { ecsPage } from './paging';
import { say } from '../../model/narration';

/** Custom attributes of container instances (what memberOf constraints match). */
export const ATTRIBUTE_OPERATIONS = {
  PutAttributes(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const attrs = input.attributes;
    if (attrs.length > 10) throw invalidParameter('At most 10 attributes can be put in one call.');
    for (const a of attrs) {
      if (!/^[A-Za-z0-9_./\\-]{1,128}$/.test(a.name)) throw invalidParameter(`Invalid attribute name '${a.name}': up to 128 letters, numbers, hyphens, underscores, forward slashes, back slashes, or periods.`);
      if (a.value !== undefined && (!/^[A-Za-z0-9_.@/\\: -]{1,128}$/.test(a.value) || a.value !== a.value.trim())) {
        throw invalidParameter(`Invalid attribute value '${a.value}': up to 128 letters, numbers, hyphens, underscores, periods, at signs (@), forward slashes, back slashes, colons, or spaces, without leading or trailing whitespace.`);
      }
      // [INF] the ecs. namespace holds the attributes ECS sets itself; learners add their own names.
      if (a.name.startsWith('ecs.')) throw invalidParameter(`Attribute names starting with 'ecs.' are reserved for Amazon ECS: '${a.name}'.`);
      if (!a.targetId) throw invalidParameter('targetId is required to put an attribute on a container instance.');
      if (a.targetType !== undefined && a.targetType !== 'container-instance') throw invalidParameter(`Invalid targetType '${a.targetType}'.`);
    }
    for (const a of attrs) {
      const ci = findContainerInstance(sim, cluster.clusterArn, a.targetId!);
      if (!ci || ci.status === 'INACTIVE') throw new ApiError('TargetNotFoundException', `Could not find ${a.targetId}.`);
    }
    for (const a of attrs) {
      const ci = findContainerInstance(sim, cluster.clusterArn, a.targetId!)!;
      ci.attributes = ci.attributes.filter((x) => x.name !== a.name);
      ci.attributes.push(a.value !== undefined ? { name: a.name, value: a.value } : { name: a.name });
      ci.version++;
      sim.emit('AttributesChanged', a.value !== undefined ? say('AttributesChanged.putValue', { name: a.name, value: a.value, instance: ci.ec2InstanceId }) : say('AttributesChanged.put', { name: a.name, instance: ci.ec2InstanceId }), {
        containerInstanceArn: ci.containerInstanceArn,
        name: a.name,
        value: a.value,
      });
    }
    sim.notices.emit('clusterChanged', cluster.clusterArn);
    return { attributes: attrs.map((a) => ({ ...a, targetType: 'container-instance' })) };
  },

  DeleteAttributes(sim, input) {
    const cluster = sim.cluster(input.cluster);
    const attrs = input.attributes;
    for (const a of attrs) {
      if (a.name.startsWith('ecs.')) throw invalidParameter(`Attribute names starting with 'ecs.' are reserved for Amazon ECS: '${a.name}'.`);
    }
    for (const a of attrs) {
      const ci = a.targetId ? findContainerInstance(sim, cluster.clusterArn, a.targetId) : undefined;
      if (!ci) throw new ApiError('TargetNotFoundException', `Could not find ${a.targetId ?? 'the target'}.`);
      ci.attributes = ci.attributes.filter((x) => x.name !== a.name);
      ci.version++;
    }
    sim.notices.emit('clusterChanged', cluster.clusterArn);
    return { attributes: attrs };
  },

  ListAttributes(sim, input) {
    const cluster = sim.cluster(input.cluster);
    if (input.targetType !== 'container-instance') throw invalidParameter("targetType must be 'container-instance'.");
    const out: unknown[] = [];
    for (const a of cluster.instanceArns) {
      const ci = sim.world.containerInstances[a]!;
      for (const at of ci.attributes) {
        if (input.attributeName && at.name !== input.attributeName) continue;
        if (input.attributeValue && at.value !== input.attributeValue) continue;
        out.push({ name: at.name, ...(at.value !== undefined ? { value: at.value } : {}), targetType: 'container-instance', targetId: ci.containerInstanceArn });
      }
    }
    return ecsPage(out as { name: string; targetId: string }[], input, 'attributes', (a) => `${a.targetId} ${a.name}`);
  },
} satisfies EcsOperations;
