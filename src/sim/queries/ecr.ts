import { own } from '../core/own';
import type { SimContext } from '../model/context';
import { imageByTag, type EcrImage, type EcrRepository } from '../model/ecr';
import { ecrRegistryOf, parseImageRef, tagOf } from '../model/registry';

/**
 * Where the ECS agent (or Fargate) pulls an Amazon ECR image from: this account's registry in the scenario's
 * region. It pulls with the task execution role on Fargate and, on EC2, with the execution role or else the
 * container instance role (ecsInstanceRole, with AmazonEC2ContainerServiceforEC2Role) [DOC: ECR User Guide,
 * "Using Amazon ECR images with Amazon ECS"]. [SIM] The sandbox has no IAM: a role of this account is taken to
 * carry its managed policy, so a pull from this account's registry is allowed and the repository and the tag
 * decide; Fargate refuses an ECR image without an execution role when the task definition is registered.
 */

export type EcrPull =
  | { kind: 'not-ecr' }
  | { kind: 'found'; repository: EcrRepository; image: EcrImage }
  | { kind: 'not-found' }
  /** Another account's registry: nothing grants this account access to it. */
  | { kind: 'access-denied'; host: string; reference: string };

/** What the agent finds for an image reference in Amazon ECR. */
export function ecrPull(sim: SimContext, image: string): EcrPull {
  const r = parseImageRef(image);
  const e = r ? ecrRegistryOf(r.registry) : undefined;
  if (!r || !e) return { kind: 'not-ecr' };
  const reference = tagOf(r) ?? r.digest!;
  if (e.account !== sim.world.account) return { kind: 'access-denied', host: r.registry, reference };
  // [SIM] Only the scenario's region has a registry in the sandbox: another region's holds no repositories.
  const repository = e.region === sim.world.region ? own(sim.world.ecr?.repositories ?? {}, r.repository) : undefined;
  if (!repository) return { kind: 'not-found' };
  const found = r.digest !== undefined ? own(repository.images, r.digest) : imageByTag(repository, reference);
  return found ? { kind: 'found', repository, image: found } : { kind: 'not-found' };
}
