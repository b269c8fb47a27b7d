import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Sim, parseImageRef, sha256Hex } from '../../../src/sim';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
/** The password `aws ecr get-login-password` prints: GetAuthorizationToken's token, decoded, after "AWS:". */
const password = (sim: Sim) => atob((sim.call('ecr.GetAuthorizationToken', {}).output as { authorizationData: { authorizationToken: string }[] }).authorizationData[0]!.authorizationToken).slice(4);
const manifest = (n: number) => JSON.stringify({ schemaVersion: 2, config: { digest: `sha256:${String(n).repeat(64).slice(0, 64)}` }, layers: [{ digest: 'sha256:aa', size: 1000 * n }] });

describe('image digests', () => {
  it('are SHA-256 as Node computes it, for ASCII, multi-byte text and block boundaries', () => {
    for (const s of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'forum 🐳 é', 'x'.repeat(1000)]) {
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
    }
  });

  it('of a pushed image are the same in every run, and differ between images', () => {
    const digestOf = (dockerfile: string) => {
      const sim = new Sim({ seed: 'd' });
      sim.call('docker.Build', { tag: 'forum:2', dockerfile });
      sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
      sim.call('docker.Login', { registry: REGISTRY, username: 'AWS', password: password(sim) });
      sim.call('docker.Tag', { source: 'forum:2', target: `${REGISTRY}/forum:2` });
      return (sim.call('docker.Push', { image: `${REGISTRY}/forum:2` }).output as { digest: string }).digest;
    };
    const a = digestOf('FROM node:20-alpine\nCMD ["node", "a.js"]\n');
    expect(a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(digestOf('FROM node:20-alpine\nCMD ["node", "a.js"]\n')).toBe(a);
    expect(digestOf('FROM node:20-alpine\nCMD ["node", "b.js"]\n')).not.toBe(a);
  });
});

describe('image references', () => {
  it('are read as Docker reads them: Docker Hub and library/ by default, a registry when the first part has a dot', () => {
    expect(parseImageRef('nginx')).toEqual({ registry: 'docker.io', repository: 'library/nginx' });
    expect(parseImageRef('nginx:1.27')).toEqual({ registry: 'docker.io', repository: 'library/nginx', tag: '1.27' });
    expect(parseImageRef('fluent/fluent-bit:3')).toEqual({ registry: 'docker.io', repository: 'fluent/fluent-bit', tag: '3' });
    expect(parseImageRef(`${REGISTRY}/kudos/front-end:latest`)).toEqual({ registry: REGISTRY, repository: 'kudos/front-end', tag: 'latest' });
    expect(parseImageRef('localhost:5000/app')).toEqual({ registry: 'localhost:5000', repository: 'app' });
    expect(parseImageRef(`app@sha256:${'a'.repeat(64)}`)).toEqual({ registry: 'docker.io', repository: 'library/app', digest: `sha256:${'a'.repeat(64)}` });
    expect(parseImageRef('Forum:2')).toBeUndefined();
    expect(parseImageRef('forum:')).toBeUndefined();
  });
});

describe('Amazon ECR requests', () => {
  it("are checked against the API model before they are sent, with botocore's wording", () => {
    const sim = new Sim();
    expect(sim.call('ecr.CreateRepository', {}).error).toEqual({ code: 'ParamValidationError', message: 'Parameter validation failed:\nMissing required parameter in input: "repositoryName"' });
    expect(sim.call('ecr.CreateRepository', { repositoryName: 'forum', name: 'x' }).error?.message).toContain('Unknown parameter in input: "name", must be one of: registryId, repositoryName, tags');
    expect(sim.call('ecr.DescribeRepositories', { repositoryNames: 'forum' }).error?.message).toContain("Invalid type for parameter repositoryNames, value: forum, type: <class 'str'>, valid types: <class 'list'>, <class 'tuple'>");
    expect(sim.call('ecr.CreateRepository', { repositoryName: 'forum', imageTagMutability: 'FROZEN' }).error).toEqual({
      code: 'InvalidParameterException',
      message: "1 validation error detected: Value 'FROZEN' at 'imageTagMutability' failed to satisfy constraint: Member must satisfy enum value set: [MUTABLE, IMMUTABLE, IMMUTABLE_WITH_EXCLUSION, MUTABLE_WITH_EXCLUSION]",
    });
    expect(sim.call('ecr.DescribeImages', { repositoryName: 'forum', maxResults: 0 }).error?.message).toContain('Invalid value for parameter maxResults, value: 0, valid min value: 1');
  });

  it("never find a learner-chosen name or digest among an object's own members", () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: '__proto__', imageManifest: manifest(1) });
    for (const name of ['constructor', 'tostring', 'valueof', 'hasownproperty']) {
      expect(sim.call('ecr.DescribeImages', { repositoryName: name }).error?.code).toBe('RepositoryNotFoundException');
    }
    const out = sim.call('ecr.BatchGetImage', { repositoryName: 'forum', imageIds: [{ imageDigest: 'constructor' }, { imageTag: 'constructor' }, { imageTag: '__proto__' }] }).output as {
      images: unknown[];
      failures: { failureCode: string }[];
    };
    expect(out.failures.map((f) => f.failureCode)).toEqual(['InvalidImageDigest', 'ImageNotFound']);
    expect(out.images).toHaveLength(1);
    expect(sim.call('docker.Login', { registry: REGISTRY, username: 'AWS', password: 'constructor' }).error?.message).toContain('400 Bad Request');
  });

  it('page DescribeImages and ListImages by maxResults and nextToken', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
    for (const n of [1, 2, 3]) sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: String(n), imageManifest: manifest(n) });
    const first = sim.call('ecr.ListImages', { repositoryName: 'forum', maxResults: 2 }).output as { imageIds: { imageTag: string }[]; nextToken: string };
    expect(first.imageIds.map((i) => i.imageTag)).toEqual(['1', '2']);
    const rest = sim.call('ecr.ListImages', { repositoryName: 'forum', maxResults: 2, nextToken: first.nextToken }).output as { imageIds: { imageTag: string }[]; nextToken?: string };
    expect(rest.imageIds.map((i) => i.imageTag)).toEqual(['3']);
    expect(rest.nextToken).toBeUndefined();
    const sizes = (sim.call('ecr.DescribeImages', { repositoryName: 'forum' }).output as { imageDetails: { imageSizeInBytes: number }[] }).imageDetails.map((d) => d.imageSizeInBytes);
    expect(sizes).toEqual([1000, 2000, 3000]);
  });

  it('IMMUTABLE_WITH_EXCLUSION keeps tags except those its wildcard filters name', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION', imageTagMutabilityExclusionFilters: [{ filterType: 'WILDCARD', filter: 'latest*' }] });
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'latest', imageManifest: manifest(1) });
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'v1', imageManifest: manifest(1) });
    expect(sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'latest', imageManifest: manifest(2) }).error).toBeUndefined();
    expect(sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'v1', imageManifest: manifest(3) }).error?.code).toBe('ImageTagAlreadyExistsException');
  });

  it('survive a snapshot and restore: the registry is part of the world', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
    const snap = sim.snapshot();
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: '1', imageManifest: manifest(1) });
    sim.call('ecr.CreateRepository', { repositoryName: 'other' });
    sim.restore(snap);
    expect((sim.call('ecr.DescribeRepositories', {}).output as { repositories: unknown[] }).repositories).toHaveLength(1);
    expect((sim.call('ecr.ListImages', { repositoryName: 'forum' }).output as { imageIds: unknown[] }).imageIds).toEqual([]);
  });
});

describe('repositories', () => {
  it('are created MUTABLE with AES256 encryption by default, with the URI docker pushes to', () => {
    const sim = new Sim();
    const r = (sim.call('ecr.CreateRepository', { repositoryName: 'kudos/front-end' }).output as { repository: Record<string, unknown> }).repository;
    expect(r).toMatchObject({
      repositoryArn: 'arn:aws:ecr:us-east-1:123456789012:repository/kudos/front-end',
      registryId: '123456789012',
      repositoryName: 'kudos/front-end',
      repositoryUri: `${REGISTRY}/kudos/front-end`,
      imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
  });

  it('refuse a name taken, another registry, and a repository that does not exist', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
    expect(sim.call('ecr.CreateRepository', { repositoryName: 'forum' }).error).toEqual({
      code: 'RepositoryAlreadyExistsException',
      message: "The repository with name 'forum' already exists in the registry with id '123456789012'",
    });
    expect(sim.call('ecr.DescribeRepositories', { repositoryNames: ['forum', 'ghost'] }).error?.code).toBe('RepositoryNotFoundException');
    expect(sim.call('ecr.DescribeRepositories', { registryId: '999999999999' }).output).toEqual({ repositories: [] });
    expect(sim.call('ecr.ListImages', { repositoryName: 'forum', registryId: '999999999999' }).error?.code).toBe('RepositoryNotFoundException');
  });

  it('are deleted empty, or with force when they hold images', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: '1', imageManifest: manifest(1) });
    expect(sim.call('ecr.DeleteRepository', { repositoryName: 'forum' }).error).toEqual({
      code: 'RepositoryNotEmptyException',
      message: "The repository with name 'forum' in registry with id '123456789012' cannot be deleted because it still contains images",
    });
    expect(sim.call('ecr.DeleteRepository', { repositoryName: 'forum', force: true }).error).toBeUndefined();
    expect(sim.call('ecr.DescribeRepositories', {}).output).toEqual({ repositories: [] });
  });
});

describe('PutImage', () => {
  it('moves a tag of a MUTABLE repository to the new image and adds tags to an image of the same digest', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'latest', imageManifest: manifest(1) });
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'v1', imageManifest: manifest(1) });
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'latest', imageManifest: manifest(2) });
    const ids = (sim.call('ecr.ListImages', { repositoryName: 'forum' }).output as { imageIds: { imageTag: string; imageDigest: string }[] }).imageIds;
    expect(ids.map((i) => i.imageTag)).toEqual(['v1', 'latest']);
    expect(ids[0]!.imageDigest).not.toBe(ids[1]!.imageDigest);
  });

  it('refuses the same image under the same tag, a tag of an IMMUTABLE repository, a digest that does not match, and a manifest that is not JSON', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum', imageTagMutability: 'IMMUTABLE' });
    const first = sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'v1', imageManifest: manifest(1) }).output as { image: { imageId: { imageDigest: string } } };
    const digest = first.image.imageId.imageDigest;
    expect(sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'v1', imageManifest: manifest(1) }).error).toEqual({
      code: 'ImageAlreadyExistsException',
      message: `Image with digest '${digest}' and tag 'v1' already exists in the repository with name 'forum' in registry with id '123456789012'`,
    });
    expect(sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'v1', imageManifest: manifest(2) }).error).toEqual({
      code: 'ImageTagAlreadyExistsException',
      message: "The image tag 'v1' already exists in the 'forum' repository and cannot be overwritten because the repository is immutable.",
    });
    expect(sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'v2', imageManifest: manifest(2), imageDigest: digest }).error?.code).toBe('ImageDigestDoesNotMatchException');
    expect(sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'v2', imageManifest: '{nope' }).error).toEqual({
      code: 'InvalidParameterException',
      message: "Invalid parameter at 'imageManifest' failed to satisfy constraint: 'Invalid JSON syntax'",
    });
  });
});

describe('BatchDeleteImage and BatchGetImage', () => {
  it('a tag alone removes that tag, the last tag or a digest deletes the image; what they cannot find is a failure with its code', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'a', imageManifest: manifest(1) });
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: 'b', imageManifest: manifest(1) });
    const untag = sim.call('ecr.BatchDeleteImage', { repositoryName: 'forum', imageIds: [{ imageTag: 'a' }, { imageTag: 'zzz' }] }).output as { imageIds: { imageTag: string }[]; failures: { failureCode: string }[] };
    expect(untag.imageIds.map((i) => i.imageTag)).toEqual(['a']);
    expect(untag.failures.map((f) => f.failureCode)).toEqual(['ImageNotFound']);
    const got = sim.call('ecr.BatchGetImage', { repositoryName: 'forum', imageIds: [{ imageTag: 'b' }, {}] }).output as { images: { imageId: { imageTag: string } }[]; failures: { failureCode: string; failureReason: string }[] };
    expect(got.images.map((i) => i.imageId.imageTag)).toEqual(['b']);
    expect(got.failures).toEqual([{ imageId: {}, failureCode: 'MissingDigestAndTag', failureReason: 'Invalid request parameters: both tag and digest cannot be null' }]);
    sim.call('ecr.BatchDeleteImage', { repositoryName: 'forum', imageIds: [{ imageTag: 'b' }] });
    expect((sim.call('ecr.ListImages', { repositoryName: 'forum' }).output as { imageIds: unknown[] }).imageIds).toEqual([]);
  });

  it('report a tag that names another image than the digest given', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
    const one = (sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: '1', imageManifest: manifest(1) }).output as { image: { imageId: { imageDigest: string } } }).image.imageId.imageDigest;
    sim.call('ecr.PutImage', { repositoryName: 'forum', imageTag: '2', imageManifest: manifest(2) });
    const r = sim.call('ecr.BatchGetImage', { repositoryName: 'forum', imageIds: [{ imageDigest: one, imageTag: '2' }] }).output as { failures: { failureCode: string }[] };
    expect(r.failures.map((f) => f.failureCode)).toEqual(['ImageTagDoesNotMatchDigest']);
  });
});

describe('GetAuthorizationToken', () => {
  it('gives a token for user AWS valid 12 hours, for the registry of the account', () => {
    const sim = new Sim();
    const d = (sim.call('ecr.GetAuthorizationToken', {}).output as { authorizationData: { authorizationToken: string; expiresAt: number; proxyEndpoint: string }[] }).authorizationData[0]!;
    expect(atob(d.authorizationToken).startsWith('AWS:')).toBe(true);
    expect(d.proxyEndpoint).toBe(`https://${REGISTRY}`);
    expect(d.expiresAt - sim.world.epochSeconds).toBe(12 * 3600);
  });
});
