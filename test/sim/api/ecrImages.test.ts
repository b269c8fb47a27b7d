import { describe, expect, it } from 'vitest';
import { Sim } from '../../../src/sim';
import { ecrState, putImage } from '../../../src/sim/api/ecrImages';

const manifest = (n: number) => JSON.stringify({ schemaVersion: 2, config: { digest: `sha256:${String(n).repeat(64).slice(0, 64)}` }, layers: [{ digest: 'sha256:aa', size: 1000 * n }] });

describe("the account's ECR registry as the Docker host reaches it", () => {
  it('is the world’s registry, made the first time it is needed', () => {
    const sim = new Sim();
    expect(ecrState(sim)).toBe(sim.world.ecr);
  });

  it('puts an image under a tag, moves a mutable tag to another image, and takes an unchanged push again', () => {
    const sim = new Sim();
    sim.call('ecr.CreateRepository', { repositoryName: 'forum' });
    const repo = ecrState(sim).repositories.forum!;
    const one = putImage(sim, repo, manifest(1), 'v1');
    expect(one.changed).toBe(true);
    expect(one.image.imageTags).toEqual(['v1']);
    expect(one.image.imageSizeInBytes).toBe(1000);
    expect(putImage(sim, repo, manifest(1), 'v1', true).changed).toBe(false);
    expect(() => putImage(sim, repo, manifest(1), 'v1')).toThrow(/already exists in the repository with name 'forum'/);
    const two = putImage(sim, repo, manifest(2), 'v1');
    expect(two.image.imageTags).toEqual(['v1']);
    expect(one.image.imageTags).toEqual([]);
    expect(sim.events.filter((e) => e.type === 'EcrImageAction')).toHaveLength(2);
  });
});
