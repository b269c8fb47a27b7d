/**
 * EC2 instance types the simulator can launch, by family: general purpose (m), compute (c), memory
 * (r), burstable (t) and accelerated (g, p, inf), Intel, AMD and Graviton (arm64). Figures:
 * - vCPU, memory and GPUs are the published figures of the Amazon EC2 instance types pages
 *   (docs.aws.amazon.com/ec2/latest/instancetypes/: gp, co, mo, ac);
 * - `maxEni` is the type's network interface limit, the primary ENI included (the same pages'
 *   "Network specifications" tables);
 * - `trunkEni` is the limit with awsvpc ENI trunking (ecs-spec §2.4: c5.large 12 ⇒ 10 tasks), for the
 *   types the ECS Developer Guide lists as supporting it (eni-trunking-supported-instance-types); the
 *   other current Nitro m, c and r sizes take the m5 figure of the same size [INF]; burstable,
 *   previous-generation, medium and accelerated sizes have none;
 * - `price` is the Linux on-demand price in us-east-1, USD per hour (aws.amazon.com/ec2/pricing/on-demand/);
 * - `osMemoryMiB` is the memory the OS reports and the agent registers (ecs-spec §2.1): the documented
 *   figures where AWS gives them (m4.large 7985, c4.large 3768, c4.4xlarge 30158), otherwise 97.5 % of
 *   the nominal memory [INF].
 */
export interface InstanceType {
  name: string;
  family: string;
  vcpu: number;
  memoryMiB: number;
  osMemoryMiB: number;
  maxEni: number;
  trunkEni?: number;
  arch: 'x86_64' | 'arm64';
  /** NVIDIA GPUs: what the ECS GPU-optimized AMI registers as the GPU resource. */
  gpus: number;
  /** On-demand price, USD per hour, us-east-1 (for the cost meter). */
  price: number;
  category: 'general' | 'compute' | 'memory' | 'burstable' | 'accelerated';
  cpuManufacturer: 'intel' | 'amd' | 'amazon-web-services';
  generation: 'current' | 'previous';
  /** Accelerators (GPUs or inference chips), as attribute-based instance selection names them. */
  accelerator?: { type: 'gpu' | 'inference'; manufacturer: 'nvidia' | 'amazon-web-services'; name: string; count: number };
}

type Family = Pick<InstanceType, 'category' | 'cpuManufacturer' | 'generation' | 'arch'> & { accelerator?: Omit<NonNullable<InstanceType['accelerator']>, 'count'> };

const intel = (category: InstanceType['category'], generation: InstanceType['generation'] = 'current'): Family => ({ category, cpuManufacturer: 'intel', generation, arch: 'x86_64' });
const graviton = (category: InstanceType['category']): Family => ({ category, cpuManufacturer: 'amazon-web-services', generation: 'current', arch: 'arm64' });
const nvidia = (name: string, generation: InstanceType['generation'] = 'current'): Family => ({ ...intel('accelerated', generation), accelerator: { type: 'gpu', manufacturer: 'nvidia', name } });

/** What every size of a family shares. [INF] generations: m4, c4 and g2 count as previous generation. */
const FAMILIES: Record<string, Family> = {
  t2: intel('burstable'),
  t3: intel('burstable'),
  t4g: graviton('burstable'),
  m4: intel('general', 'previous'),
  m5: intel('general'),
  m6i: intel('general'),
  m7i: intel('general'),
  m6g: graviton('general'),
  m7g: graviton('general'),
  c4: intel('compute', 'previous'),
  c5: intel('compute'),
  c6i: intel('compute'),
  c7i: intel('compute'),
  c6g: graviton('compute'),
  c7g: graviton('compute'),
  r5: intel('memory'),
  r6i: intel('memory'),
  r7i: intel('memory'),
  r6g: graviton('memory'),
  r7g: graviton('memory'),
  g2: nvidia('k520', 'previous'),
  g4dn: nvidia('t4'),
  g5: nvidia('a10g'),
  g6: nvidia('l4'),
  p3: nvidia('v100'),
  p4d: nvidia('a100'),
  inf2: { ...intel('accelerated'), accelerator: { type: 'inference', manufacturer: 'amazon-web-services', name: 'inferentia2' } },
};

/** [name, vCPU, memory GiB, max ENIs, trunk ENIs (0: none), accelerators, USD per hour, registered MiB when documented]. */
type Row = [name: string, vcpu: number, memGiB: number, maxEni: number, trunkEni: number, accelerators: number, price: number, osMemoryMiB?: number];

const rows: Row[] = [
  // burstable
  ['t2.micro', 1, 1, 2, 0, 0, 0.0116],
  ['t2.small', 1, 2, 3, 0, 0, 0.023],
  ['t2.medium', 2, 4, 3, 0, 0, 0.0464],
  ['t2.large', 2, 8, 3, 0, 0, 0.0928],
  ['t2.xlarge', 4, 16, 3, 0, 0, 0.1856],
  ['t3.nano', 2, 0.5, 2, 0, 0, 0.0052],
  ['t3.micro', 2, 1, 2, 0, 0, 0.0104],
  ['t3.small', 2, 2, 3, 0, 0, 0.0208],
  ['t3.medium', 2, 4, 3, 0, 0, 0.0416],
  ['t3.large', 2, 8, 3, 0, 0, 0.0832],
  ['t3.xlarge', 4, 16, 4, 0, 0, 0.1664],
  ['t3.2xlarge', 8, 32, 4, 0, 0, 0.3328],
  ['t4g.nano', 2, 0.5, 2, 0, 0, 0.0042],
  ['t4g.micro', 2, 1, 2, 0, 0, 0.0084],
  ['t4g.small', 2, 2, 3, 0, 0, 0.0168],
  ['t4g.medium', 2, 4, 3, 0, 0, 0.0336],
  ['t4g.large', 2, 8, 3, 0, 0, 0.0672],
  ['t4g.xlarge', 4, 16, 4, 0, 0, 0.1344],
  ['t4g.2xlarge', 8, 32, 4, 0, 0, 0.2688],
  // general purpose
  ['m4.large', 2, 8, 2, 0, 0, 0.1, 7985],
  ['m4.xlarge', 4, 16, 4, 0, 0, 0.2],
  ['m5.large', 2, 8, 3, 12, 0, 0.096],
  ['m5.xlarge', 4, 16, 4, 18, 0, 0.192],
  ['m5.2xlarge', 8, 32, 4, 38, 0, 0.384],
  ['m5.4xlarge', 16, 64, 8, 60, 0, 0.768],
  ['m5.8xlarge', 32, 128, 8, 60, 0, 1.536],
  ['m5.12xlarge', 48, 192, 8, 60, 0, 2.304],
  ['m5.16xlarge', 64, 256, 15, 60, 0, 3.072],
  ['m5.24xlarge', 96, 384, 15, 60, 0, 4.608],
  ['m6i.large', 2, 8, 3, 12, 0, 0.096],
  ['m6i.xlarge', 4, 16, 4, 18, 0, 0.192],
  ['m6i.2xlarge', 8, 32, 4, 38, 0, 0.384],
  ['m6i.4xlarge', 16, 64, 8, 60, 0, 0.768],
  ['m6i.8xlarge', 32, 128, 8, 60, 0, 1.536],
  ['m7i.large', 2, 8, 3, 12, 0, 0.1008],
  ['m7i.xlarge', 4, 16, 4, 18, 0, 0.2016],
  ['m7i.2xlarge', 8, 32, 4, 38, 0, 0.4032],
  ['m7i.4xlarge', 16, 64, 8, 60, 0, 0.8064],
  ['m7i.8xlarge', 32, 128, 8, 60, 0, 1.6128],
  ['m6g.medium', 1, 4, 2, 0, 0, 0.0385],
  ['m6g.large', 2, 8, 3, 12, 0, 0.077],
  ['m6g.xlarge', 4, 16, 4, 18, 0, 0.154],
  ['m6g.2xlarge', 8, 32, 4, 38, 0, 0.308],
  ['m6g.4xlarge', 16, 64, 8, 60, 0, 0.616],
  ['m7g.medium', 1, 4, 2, 0, 0, 0.0408],
  ['m7g.large', 2, 8, 3, 12, 0, 0.0816],
  ['m7g.xlarge', 4, 16, 4, 18, 0, 0.1632],
  ['m7g.2xlarge', 8, 32, 4, 38, 0, 0.3264],
  ['m7g.4xlarge', 16, 64, 8, 60, 0, 0.6528],
  ['m7g.8xlarge', 32, 128, 8, 60, 0, 1.3056],
  // compute optimized
  ['c4.large', 2, 3.75, 3, 0, 0, 0.1, 3768],
  ['c4.4xlarge', 16, 30, 8, 0, 0, 0.796, 30158],
  ['c5.large', 2, 4, 3, 12, 0, 0.085],
  ['c5.xlarge', 4, 8, 4, 18, 0, 0.17],
  ['c5.2xlarge', 8, 16, 4, 38, 0, 0.34],
  ['c5.4xlarge', 16, 32, 8, 60, 0, 0.68],
  ['c5.9xlarge', 36, 72, 8, 60, 0, 1.53],
  ['c5.12xlarge', 48, 96, 8, 60, 0, 2.04],
  ['c5.18xlarge', 72, 144, 15, 60, 0, 3.06],
  ['c6i.large', 2, 4, 3, 12, 0, 0.085],
  ['c6i.xlarge', 4, 8, 4, 18, 0, 0.17],
  ['c6i.2xlarge', 8, 16, 4, 38, 0, 0.34],
  ['c6i.4xlarge', 16, 32, 8, 60, 0, 0.68],
  ['c7i.large', 2, 4, 3, 12, 0, 0.08925],
  ['c7i.xlarge', 4, 8, 4, 18, 0, 0.1785],
  ['c7i.2xlarge', 8, 16, 4, 38, 0, 0.357],
  ['c7i.4xlarge', 16, 32, 8, 60, 0, 0.714],
  ['c6g.medium', 1, 2, 2, 0, 0, 0.034],
  ['c6g.large', 2, 4, 3, 12, 0, 0.068],
  ['c6g.xlarge', 4, 8, 4, 18, 0, 0.136],
  ['c6g.2xlarge', 8, 16, 4, 38, 0, 0.272],
  ['c7g.medium', 1, 2, 2, 0, 0, 0.0363],
  ['c7g.large', 2, 4, 3, 12, 0, 0.0725],
  ['c7g.xlarge', 4, 8, 4, 18, 0, 0.145],
  ['c7g.2xlarge', 8, 16, 4, 38, 0, 0.29],
  ['c7g.4xlarge', 16, 32, 8, 60, 0, 0.58],
  // memory optimized
  ['r5.large', 2, 16, 3, 12, 0, 0.126],
  ['r5.xlarge', 4, 32, 4, 18, 0, 0.252],
  ['r5.2xlarge', 8, 64, 4, 38, 0, 0.504],
  ['r5.4xlarge', 16, 128, 8, 60, 0, 1.008],
  ['r6i.large', 2, 16, 3, 12, 0, 0.126],
  ['r6i.xlarge', 4, 32, 4, 18, 0, 0.252],
  ['r6i.2xlarge', 8, 64, 4, 38, 0, 0.504],
  ['r6i.4xlarge', 16, 128, 8, 60, 0, 1.008],
  ['r7i.large', 2, 16, 3, 12, 0, 0.1323],
  ['r7i.xlarge', 4, 32, 4, 18, 0, 0.2646],
  ['r7i.2xlarge', 8, 64, 4, 38, 0, 0.5292],
  ['r7i.4xlarge', 16, 128, 8, 60, 0, 1.0584],
  ['r6g.large', 2, 16, 3, 12, 0, 0.1008],
  ['r6g.xlarge', 4, 32, 4, 18, 0, 0.2016],
  ['r6g.2xlarge', 8, 64, 4, 38, 0, 0.4032],
  ['r7g.medium', 1, 8, 2, 0, 0, 0.0536],
  ['r7g.large', 2, 16, 3, 12, 0, 0.1071],
  ['r7g.xlarge', 4, 32, 4, 18, 0, 0.2142],
  ['r7g.2xlarge', 8, 64, 4, 38, 0, 0.4284],
  ['r7g.4xlarge', 16, 128, 8, 60, 0, 0.8568],
  // accelerated computing
  ['g2.2xlarge', 8, 15, 4, 0, 1, 0.65],
  ['g2.8xlarge', 32, 60, 8, 0, 4, 2.6],
  ['g4dn.xlarge', 4, 16, 3, 0, 1, 0.526],
  ['g4dn.2xlarge', 8, 32, 3, 0, 1, 0.752],
  ['g4dn.4xlarge', 16, 64, 3, 0, 1, 1.204],
  ['g4dn.8xlarge', 32, 128, 4, 0, 1, 2.176],
  ['g4dn.12xlarge', 48, 192, 8, 0, 4, 3.912],
  ['g5.xlarge', 4, 16, 4, 0, 1, 1.006],
  ['g5.2xlarge', 8, 32, 4, 0, 1, 1.212],
  ['g5.4xlarge', 16, 64, 8, 0, 1, 1.624],
  ['g5.8xlarge', 32, 128, 8, 0, 1, 2.448],
  ['g5.12xlarge', 48, 192, 15, 0, 4, 5.672],
  ['g6.xlarge', 4, 16, 4, 0, 1, 0.8048],
  ['g6.2xlarge', 8, 32, 4, 0, 1, 0.9776],
  ['g6.4xlarge', 16, 64, 8, 0, 1, 1.3232],
  ['g6.12xlarge', 48, 192, 8, 0, 4, 4.6016],
  ['p3.2xlarge', 8, 61, 4, 0, 1, 3.06],
  ['p3.8xlarge', 32, 244, 8, 0, 4, 12.24],
  ['p4d.24xlarge', 96, 1152, 60, 0, 8, 32.7726],
  ['inf2.xlarge', 4, 16, 4, 0, 1, 0.7582],
  ['inf2.8xlarge', 32, 128, 4, 0, 1, 1.9679],
  ['inf2.24xlarge', 96, 384, 15, 0, 6, 6.4906],
  ['inf2.48xlarge', 192, 768, 15, 0, 12, 12.9813],
];

function instanceType([name, vcpu, memGiB, maxEni, trunkEni, accelerators, price, osMem]: Row): InstanceType {
  const family = name.slice(0, name.indexOf('.'));
  const f = FAMILIES[family]!;
  const memoryMiB = Math.round(memGiB * 1024);
  const { accelerator, ...shared } = f;
  return {
    name,
    family,
    vcpu,
    memoryMiB,
    maxEni,
    price,
    ...shared,
    gpus: accelerator?.type === 'gpu' ? accelerators : 0,
    osMemoryMiB: osMem ?? Math.floor(memoryMiB * 0.975),
    ...(trunkEni ? { trunkEni } : {}),
    ...(accelerator ? { accelerator: { ...accelerator, count: accelerators } } : {}),
  };
}

/** The catalogue by name; a null-prototype record, so a learner's type name is never an inherited key. */
export const INSTANCE_TYPES: Readonly<Record<string, InstanceType>> = Object.freeze(Object.assign(Object.create(null) as Record<string, InstanceType>, Object.fromEntries(rows.map((r) => [r[0], instanceType(r)]))));

/** The catalogue's type names, in catalogue order (what a refusal of an unknown type lists). */
export const INSTANCE_TYPE_NAMES: readonly string[] = rows.map((r) => r[0]);
