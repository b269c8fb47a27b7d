import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { canonicalRef } from '../../../src/sim/api/dockerRegistry';
import { ok, refused } from '../../support/simapiWorld';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const IMAGE = `${REGISTRY}/forum:1`;
const password = (sim: Sim) => atob(ok(sim, 'ecr.GetAuthorizationToken').authorizationData[0].authorizationToken).slice(4);

/** An image forum:1 built on the host and tagged for this account's ECR repository `forum`. */
function tagged(): Sim {
  const sim = new Sim();
  ok(sim, 'docker.Build', { tag: 'forum:1', dockerfile: 'FROM node:20-alpine\n' });
  ok(sim, 'docker.Tag', { source: 'forum:1', target: IMAGE });
  return sim;
}
const pushRefusal = (sim: Sim) => refused(sim, 'docker.Push', { image: IMAGE }).message.split('\n').at(-1);

describe('docker push to Amazon ECR', () => {
  it('needs a login with the ECR password and a repository, then pushes every layer and prints the digest', () => {
    const sim = tagged();
    expect(pushRefusal(sim)).toBe('no basic auth credentials');
    expect(refused(sim, 'docker.Login', { registry: REGISTRY, username: 'AWS', password: 'wrong' }).message).toBe(`Error response from daemon: login attempt to https://${REGISTRY}/v2/ failed with status: 400 Bad Request`);
    expect(ok(sim, 'docker.Login', { registry: REGISTRY, username: 'AWS', password: password(sim) })).toEqual({ registry: REGISTRY, status: 'Login Succeeded' });
    expect(pushRefusal(sim)).toBe("name unknown: The repository with name 'forum' does not exist in the registry with id '123456789012'");
    ok(sim, 'ecr.CreateRepository', { repositoryName: 'forum' });
    const pushed = ok(sim, 'docker.Push', { image: IMAGE });
    expect(pushed.lines[0]).toBe(`The push refers to repository [${REGISTRY}/forum]`);
    expect(pushed.lines.at(-1)).toBe(`1: digest: ${pushed.digest} size: ${pushed.size}`);
    expect(ok(sim, 'ecr.ListImages', { repositoryName: 'forum' }).imageIds).toEqual([{ imageDigest: pushed.digest, imageTag: '1' }]);
  });

  it('is refused once the login is older than the 12 hours its token lasts', () => {
    const sim = tagged();
    ok(sim, 'ecr.CreateRepository', { repositoryName: 'forum' });
    ok(sim, 'docker.Login', { registry: REGISTRY, username: 'AWS', password: password(sim) });
    sim.runUntil(13 * 3600_000);
    expect(pushRefusal(sim)).toBe('denied: Your authorization token has expired. Reauthenticate and try again.');
  });

  it('refuses an image the host does not have, and a tag an IMMUTABLE repository holds', () => {
    const sim = tagged();
    ok(sim, 'ecr.CreateRepository', { repositoryName: 'forum', imageTagMutability: 'IMMUTABLE' });
    ok(sim, 'docker.Login', { registry: REGISTRY, username: 'AWS', password: password(sim) });
    expect(refused(sim, 'docker.Push', { image: `${REGISTRY}/forum:2` }).message).toBe(`An image does not exist locally with the tag: ${REGISTRY}/forum:2`);
    ok(sim, 'docker.Push', { image: IMAGE });
    ok(sim, 'docker.Build', { tag: 'forum:1', dockerfile: 'FROM node:20-alpine\nENV V=2\n' });
    ok(sim, 'docker.Tag', { source: 'forum:1', target: IMAGE });
    expect(pushRefusal(sim)).toBe("tag invalid: The image tag '1' already exists in the 'forum' repository and cannot be overwritten because the repository is immutable.");
  });
});

describe('docker tag and docker pull', () => {
  it('refuse an image that is not on the host and a reference with capitals', () => {
    const sim = tagged();
    expect(refused(sim, 'docker.Tag', { source: 'forum:9', target: IMAGE }).message).toBe('Error response from daemon: No such image: forum:9');
    expect(refused(sim, 'docker.Tag', { source: 'forum:1', target: `${REGISTRY}/Forum:1` }).message).toBe(`Error parsing reference: "${REGISTRY}/Forum:1" is not a valid repository/tag: invalid reference format`);
    expect(refused(sim, 'docker.Pull', { image: 'Nginx' }).message).toBe('invalid reference format: repository name (Nginx) must be lowercase');
  });

  it('pull from Docker Hub with the default tag once, then find the image up to date', () => {
    const sim = new Sim();
    const first = ok(sim, 'docker.Pull', { image: 'nginx' });
    expect(first.status).toBe('Downloaded newer image for nginx:latest');
    expect(first.lines[0]).toBe('Using default tag: latest');
    expect(first.lines.at(-1)).toBe('docker.io/library/nginx:latest');
    expect(ok(sim, 'docker.Pull', { image: 'nginx' }).lines).toEqual(['Using default tag: latest', 'Status: Image is up to date for nginx:latest', 'docker.io/library/nginx:latest']);
  });

  it("say which manifest this account's ECR lacks", () => {
    const sim = tagged();
    ok(sim, 'ecr.CreateRepository', { repositoryName: 'forum' });
    ok(sim, 'docker.Login', { registry: REGISTRY, username: 'AWS', password: password(sim) });
    expect(refused(sim, 'docker.Pull', { image: `${REGISTRY}/forum:2` }).message).toBe(`Error response from daemon: manifest for ${REGISTRY}/forum:2 not found: manifest unknown: Requested image not found`);
  });
});

describe('canonicalRef', () => {
  it('names an image as Docker prints it in full', () => {
    expect(canonicalRef('nginx')).toBe('docker.io/library/nginx:latest');
    expect(canonicalRef('me/app:2')).toBe('docker.io/me/app:2');
    expect(canonicalRef(IMAGE)).toBe(IMAGE);
  });
});
