import type { SimContext } from '../model/context';
import type { Operation } from './operation';
import { invalidParameter } from '../core/errors';
import { own, setOwn } from '../core/own';
import type { HookFunction } from '../model/types';

/**
 * Simulator operations for deployments: the certificate an HTTPS listener names, and the Lambda
 * functions lifecycle hooks invoke (each a named function with a verdict and a duration).
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

/**
 * sim.CreateHookFunction: a Lambda function for lifecycle hooks. Each time a hook invokes it, it
 * answers IN_PROGRESS (with its callBackDelay) until `durationSeconds` after the hook first invoked
 * it, then its verdict `hookStatus` (SUCCEEDED or FAILED). Creating it again replaces it.
 */
function createHookFunction(sim: SimContext, input: Record<string, unknown>): unknown {
  const name = input.FunctionName;
  if (typeof name !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(name)) throw invalidParameter('FunctionName must be 1 to 64 letters, numbers, hyphens or underscores.');
  const verdict = input.hookStatus ?? 'SUCCEEDED';
  if (verdict !== 'SUCCEEDED' && verdict !== 'FAILED') throw invalidParameter('hookStatus (the verdict) must be SUCCEEDED or FAILED.');
  const duration = input.durationSeconds ?? 0;
  if (typeof duration !== 'number' || !(duration >= 0)) throw invalidParameter('durationSeconds must be a number of at least 0.');
  const delay = input.callBackDelay;
  if (delay !== undefined && (typeof delay !== 'number' || !(delay >= 1))) throw invalidParameter('callBackDelay must be a number of seconds of at least 1.');
  const fn: HookFunction = {
    FunctionName: name,
    FunctionArn: `arn:aws:lambda:${sim.world.region}:${sim.world.account}:function:${name}`,
    hookStatus: verdict,
    durationSeconds: duration,
    ...(delay !== undefined ? { callBackDelaySeconds: delay as number } : {}),
    firstInvokedMs: own(sim.world.hookFunctions, name)?.firstInvokedMs ?? {},
  };
  setOwn(sim.world.hookFunctions, name, fn);
  return { FunctionName: name, FunctionArn: fn.FunctionArn, hookStatus: verdict, durationSeconds: duration, ...(delay !== undefined ? { callBackDelay: delay } : {}) };
}

export const DEPLOYMENT_SIM_OPERATIONS: Record<string, Operation> = {
  CreateCertificate: createCertificate,
  CreateHookFunction: createHookFunction,
};
