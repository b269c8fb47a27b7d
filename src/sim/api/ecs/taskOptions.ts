import { invalidParameter } from '../../core/errors';
import type { SimContext } from '../../model/context';
import type { EbsVolumeAttachment, TaskDefinition } from '../../model/types';
import type * as Ecs from './inputs.generated';

/**
 * What RunTask and StartTask check of a task's own options before it launches: the overrides (each
 * names a container of the task definition; ephemeral storage 21-200 GiB), and the EBS volume
 * configured at launch (ecs-spec §13.3, DG:specify-ebs-config). Messages marked [INF] are ours where
 * AWS's wording is not documented.
 */

/** A container override must name a container of the task definition (the text AWS answers with). */
export function checkOverrides(td: TaskDefinition, overrides: Ecs.TaskOverride | undefined): void {
  for (const o of overrides?.containerOverrides ?? []) {
    if (o.name !== undefined && !td.containerDefinitions.some((c) => c.name === o.name)) {
      throw invalidParameter(`Override for container named ${o.name} is not a container in the TaskDefinition.`);
    }
  }
  const size = overrides?.ephemeralStorage?.sizeInGiB;
  if (size !== undefined && (size < 21 || size > 200)) {
    // [INF] wording.
    throw invalidParameter(`Invalid 'ephemeralStorage.sizeInGiB' override: ${size}. The minimum supported value is 21 GiB and the maximum supported value is 200 GiB.`);
  }
}

/** Sizes each EBS volume type allows, GiB (Amazon EBS volume types). */
const EBS_SIZES: Record<string, [number, number]> = {
  gp2: [1, 16384],
  gp3: [1, 16384],
  io1: [4, 16384],
  io2: [4, 65536],
  st1: [125, 16384],
  sc1: [125, 16384],
  standard: [1, 1024],
};

/**
 * The EBS volumes a launch creates: one per volume configuration, which must name the task definition's
 * volume configured at launch; a task definition with such a volume needs its configuration [INF].
 */
export function ebsVolumesFor(sim: SimContext, td: TaskDefinition, configs: Ecs.TaskVolumeConfiguration[] | undefined): EbsVolumeAttachment[] {
  const atLaunch = (td.volumes as { name?: string; configuredAtLaunch?: boolean }[]).filter((v) => v.configuredAtLaunch === true);
  const out: EbsVolumeAttachment[] = [];
  for (const c of configs ?? []) {
    if (!atLaunch.some((v) => v.name === c.name)) {
      throw invalidParameter(`The volume '${c.name}' in volumeConfigurations does not match a volume of the task definition that is configured at launch.`);
    }
    const ebs = c.managedEBSVolume;
    if (!ebs) throw invalidParameter(`The volume configuration '${c.name}' needs a managedEBSVolume.`);
    const type = ebs.volumeType ?? 'gp3';
    const range = Object.hasOwn(EBS_SIZES, type) ? EBS_SIZES[type]! : undefined;
    if (!range) throw invalidParameter(`Invalid volumeType '${type}'. Valid values are gp2, gp3, io1, io2, st1, sc1 and standard.`);
    if (ebs.sizeInGiB === undefined && ebs.snapshotId === undefined) throw invalidParameter(`The volume configuration '${c.name}' needs a sizeInGiB or a snapshotId.`);
    const size = ebs.sizeInGiB ?? range[0];
    if (size < range[0] || size > range[1]) throw invalidParameter(`Invalid sizeInGiB ${size} for a ${type} volume: it must be between ${range[0]} and ${range[1]} GiB.`);
    out.push({
      id: sim.uuid(),
      volumeName: c.name,
      volumeId: `vol-${sim.hex(17)}`,
      roleArn: ebs.roleArn,
      sizeInGiB: size,
      volumeType: type,
      deleteOnTermination: ebs.terminationPolicy?.deleteOnTermination ?? true,
    });
  }
  for (const v of atLaunch) {
    if (!out.some((x) => x.volumeName === v.name)) {
      throw invalidParameter(`The task definition's volume '${String(v.name)}' is configured at launch: the request needs a volumeConfigurations entry for it.`);
    }
  }
  return out;
}
