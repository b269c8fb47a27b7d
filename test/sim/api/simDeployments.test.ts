import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ok, refused } from '../../support/simapiWorld';

describe('sim.CreateCertificate', () => {
  it('gives a certificate ARN for a domain (a wildcard too), the same one for the same domain again', () => {
    const sim = new Sim();
    const a = ok(sim, 'sim.CreateCertificate', { DomainName: 'app.example.com' }).CertificateArn;
    expect(a).toMatch(/^arn:aws:acm:us-east-1:123456789012:certificate\/[0-9a-f-]{36}$/);
    expect(ok(sim, 'sim.CreateCertificate', { DomainName: 'app.example.com' }).CertificateArn).toBe(a);
    expect(ok(sim, 'sim.CreateCertificate', { DomainName: '*.example.com' }).CertificateArn).not.toBe(a);
  });

  it.each(['localhost', 'app..example.com', 'a b.com'])('refuses %j, which is not a domain name', (DomainName) => {
    expect(refused(new Sim(), 'sim.CreateCertificate', { DomainName })).toEqual({ code: 'InvalidParameterException', message: 'DomainName must be a domain name such as app.example.com.' });
  });
});

describe('sim.CreateHookFunction', () => {
  it('creates a Lambda function ARN with its verdict and duration (SUCCEEDED at once by default); creating it again replaces it', () => {
    const sim = new Sim();
    expect(ok(sim, 'sim.CreateHookFunction', { FunctionName: 'check' })).toEqual({ FunctionName: 'check', FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:check', hookStatus: 'SUCCEEDED', durationSeconds: 0 });
    expect(ok(sim, 'sim.CreateHookFunction', { FunctionName: 'check', hookStatus: 'FAILED', durationSeconds: 30, callBackDelay: 5 })).toEqual({
      FunctionName: 'check',
      FunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:check',
      hookStatus: 'FAILED',
      durationSeconds: 30,
      callBackDelay: 5,
    });
  });

  it.each([
    ['a name with a dot', { FunctionName: 'a.b' }, 'FunctionName must be 1 to 64 letters, numbers, hyphens or underscores.'],
    [
      'a verdict other than SUCCEEDED or FAILED',
      { FunctionName: 'f', hookStatus: 'IN_PROGRESS' },
      "1 validation error detected: Value 'IN_PROGRESS' at 'hookStatus' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, FAILED]",
    ],
    ['a call-back delay under a second', { FunctionName: 'f', callBackDelay: 0.5 }, 'callBackDelay must be a number of seconds of at least 1.'],
  ])('refuses %s', (_, input, message) => {
    expect(refused(new Sim(), 'sim.CreateHookFunction', input)).toEqual({ code: 'InvalidParameterException', message });
  });
});
