/**
 * EC2 instance types the simulator can launch. vCPU and memory are the published figures; `maxEni`
 * is the instance's ENI limit (the primary ENI included), `trunkEni` the limit with awsvpc ENI
 * trunking where the type supports it. `osMemoryMiB` is the memory the OS reports and the agent
 * registers (ecs-spec §2.1): the documented figures where AWS gives them (m4.large 7985, c4.large
 * 3768, c4.4xlarge 30158), otherwise 97.5 % of the nominal memory [INF].
 */
export interface InstanceType {
  name: string;
  vcpu: number;
  memoryMiB: number;
  osMemoryMiB: number;
  maxEni: number;
  trunkEni?: number;
  arch: 'x86_64' | 'arm64';
  gpus: number;
  /** On-demand price, USD per hour, us-east-1 (for the cost meter). */
  price: number;
}

type Row = [name: string, vcpu: number, memGiB: number, maxEni: number, trunkEni: number | 0, arch: 'x86_64' | 'arm64', gpus: number, price: number, osMemoryMiB?: number];

const rows: Row[] = [
  ['t2.micro', 1, 1, 2, 0, 'x86_64', 0, 0.0116],
  ['t2.small', 1, 2, 3, 0, 'x86_64', 0, 0.023],
  ['t2.medium', 2, 4, 3, 0, 'x86_64', 0, 0.0464],
  ['t2.large', 2, 8, 3, 0, 'x86_64', 0, 0.0928],
  ['t3.nano', 2, 0.5, 2, 0, 'x86_64', 0, 0.0052],
  ['t3.micro', 2, 1, 2, 0, 'x86_64', 0, 0.0104],
  ['t3.small', 2, 2, 3, 0, 'x86_64', 0, 0.0208],
  ['t3.medium', 2, 4, 3, 0, 'x86_64', 0, 0.0416],
  ['t3.large', 2, 8, 3, 0, 'x86_64', 0, 0.0832],
  ['t3.xlarge', 4, 16, 4, 0, 'x86_64', 0, 0.1664],
  ['t4g.small', 2, 2, 3, 0, 'arm64', 0, 0.0168],
  ['t4g.medium', 2, 4, 3, 0, 'arm64', 0, 0.0336],
  ['m4.large', 2, 8, 2, 0, 'x86_64', 0, 0.1, 7985],
  ['m4.xlarge', 4, 16, 4, 0, 'x86_64', 0, 0.2],
  ['m5.large', 2, 8, 3, 12, 'x86_64', 0, 0.096],
  ['m5.xlarge', 4, 16, 4, 18, 'x86_64', 0, 0.192],
  ['m5.2xlarge', 8, 32, 4, 38, 'x86_64', 0, 0.384],
  ['m5.4xlarge', 16, 64, 8, 60, 'x86_64', 0, 0.768],
  ['m5.8xlarge', 32, 128, 8, 60, 'x86_64', 0, 1.536],
  ['m5.12xlarge', 48, 192, 8, 60, 'x86_64', 0, 2.304],
  ['m6i.large', 2, 8, 3, 12, 'x86_64', 0, 0.096],
  ['m6g.large', 2, 8, 3, 12, 'arm64', 0, 0.077],
  ['c4.large', 2, 3.75, 3, 0, 'x86_64', 0, 0.1, 3768],
  ['c4.4xlarge', 16, 30, 8, 0, 'x86_64', 0, 0.796, 30158],
  ['c5.large', 2, 4, 3, 12, 'x86_64', 0, 0.085],
  ['c5.xlarge', 4, 8, 4, 18, 'x86_64', 0, 0.17],
  ['c5.2xlarge', 8, 16, 4, 38, 'x86_64', 0, 0.34],
  ['c5.4xlarge', 16, 32, 8, 60, 'x86_64', 0, 0.68],
  ['c5.9xlarge', 36, 72, 8, 60, 'x86_64', 0, 1.53],
  ['c6g.large', 2, 4, 3, 12, 'arm64', 0, 0.068],
  ['c6i.large', 2, 4, 3, 12, 'x86_64', 0, 0.085],
  ['r5.large', 2, 16, 3, 12, 'x86_64', 0, 0.126],
  ['r5.xlarge', 4, 32, 4, 18, 'x86_64', 0, 0.252],
  ['r5.2xlarge', 8, 64, 4, 38, 'x86_64', 0, 0.504],
  ['g4dn.xlarge', 4, 16, 3, 0, 'x86_64', 1, 0.526],
  ['p3.2xlarge', 8, 61, 4, 0, 'x86_64', 1, 3.06],
];

// A null-prototype table: an instance type named "constructor" or "__proto__" is simply unknown.
export const INSTANCE_TYPES: Readonly<Record<string, InstanceType>> = Object.freeze(Object.assign(Object.create(null) as Record<string, InstanceType>,
  Object.fromEntries(
    rows.map(([name, vcpu, memGiB, maxEni, trunkEni, arch, gpus, price, osMem]) => {
      const memoryMiB = Math.round(memGiB * 1024);
      const t: InstanceType = {
        name, vcpu, memoryMiB, maxEni, arch, gpus, price,
        osMemoryMiB: osMem ?? Math.floor(memoryMiB * 0.975),
        ...(trunkEni ? { trunkEni } : {}),
      };
      return [name, t];
    }),
  ),
));
