import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { invalidParameter } from '../core/errors';

/**
 * Simulator operations for deployments: the certificate an HTTPS listener names.
 */

/** sim.CreateCertificate: a certificate for a domain, as ACM would issue it, for HTTPS listeners. */
function createCertificate(sim: SimContext, input: Record<string, unknown>): unknown {
  const domain = input.DomainName;
  if (typeof domain !== 'string' || !/^(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(domain)) throw invalidParameter('DomainName must be a domain name such as app.example.com.');
  const existing = Object.values(sim.world.certificates).find((c) => c.DomainName === domain);
  if (existing) return { CertificateArn: existing.CertificateArn };
  const arn = `arn:aws:acm:${sim.world.region}:${sim.world.account}:certificate/${sim.uuid()}`;
  sim.world.certificates[arn] = { CertificateArn: arn, DomainName: domain, CreatedMs: sim.now };
  return { CertificateArn: arn };
}

export const DEPLOYMENT_SIM_OPERATIONS: Record<string, Operation> = {
  CreateCertificate: createCertificate,
};
