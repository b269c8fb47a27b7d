import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ok, refused } from '../../support/simapiWorld';

describe('docker.Build', () => {
  it('builds an image from its Dockerfile on a pulled base, the same image for the same Dockerfile', () => {
    const dockerfile = 'FROM node:20-alpine\nEXPOSE 3000\nENV PORT=3000\nCMD ["node","server.js"]\n';
    const one = ok(new Sim(), 'docker.Build', { tag: 'forum:1', dockerfile });
    expect(one.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(one.tag).toBe('forum:1');
    const sim = new Sim();
    expect(ok(sim, 'docker.Build', { tag: 'forum:1', dockerfile }).id).toBe(one.id);
    expect(ok(sim, 'docker.Images').images.map((i: { Repository: string; Tag: string }) => `${i.Repository}:${i.Tag}`)).toEqual(['node:20-alpine', 'forum:1']);
  });

  it.each([
    ['a tag with capitals', { tag: 'Forum', dockerfile: 'FROM node:20' }, 'invalid tag "Forum": repository name must be lowercase'],
    ['no Dockerfile', { tag: 'forum' }, 'failed to read dockerfile: open Dockerfile: no such file or directory'],
    ['a Dockerfile without FROM', { tag: 'forum', dockerfile: 'EXPOSE 3000\n' }, 'Dockerfile: no FROM instruction: a build starts from a base image'],
    ['an unknown instruction', { tag: 'forum', dockerfile: 'FROM node:20-alpine\nBOGUS x\n' }, 'Dockerfile:2: unknown instruction: BOGUS'],
    ['an EXPOSE of no port', { tag: 'forum', dockerfile: 'FROM node:20-alpine\nEXPOSE http\n' }, "Dockerfile:2: EXPOSE: invalid port 'http'"],
    ['a CMD exec form that is not JSON', { tag: 'forum', dockerfile: 'FROM node:20-alpine\nCMD ["node", server.js]\n' }, 'Dockerfile:2: CMD: the exec form must be a JSON array'],
    [
      'a base no registry has',
      { tag: 'forum', dockerfile: 'FROM nosuchimage-xyz:1\n' },
      'ERROR: failed to solve: nosuchimage-xyz:1: failed to resolve source metadata for docker.io/library/nosuchimage-xyz:1: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    ],
  ])('refuses %s as Docker does', (_, input, message) => {
    expect(refused(new Sim(), 'docker.Build', input)).toEqual({ code: 'DockerError', message });
  });
});
