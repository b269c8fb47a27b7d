import { describe, expect, it } from 'vitest';
import { ecrPull } from '../../../src/sim/queries/ecr';
import type { EcrImage, EcrRepository } from '../../../src/sim/model/ecr';
import { ecrTable } from '../../../src/sim/model/ecr';
import { demoSim } from '../../support/simcoreRecords';

const HOST = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const DIGEST = `sha256:${'ab'.repeat(32)}`;

function withRepository() {
  const { sim } = demoSim();
  const img: EcrImage = { imageDigest: DIGEST, imageTags: ['2', 'latest'], imageSizeInBytes: 1, imagePushedAtMs: 0, imageManifest: '{}', imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json' };
  const images = ecrTable<EcrImage>();
  images[DIGEST] = img;
  const repo = { repositoryName: 'forum', images } as EcrRepository;
  sim.world.ecr.repositories['forum'] = repo;
  return { sim, repo, img };
}

describe('what the agent finds for an image in Amazon ECR', () => {
  it("finds an image of this account's registry in this region by tag (latest when none is given) or by digest", () => {
    const { sim, repo, img } = withRepository();
    for (const ref of [`${HOST}/forum:2`, `${HOST}/forum`, `${HOST}/forum@${DIGEST}`]) expect(ecrPull(sim, ref), ref).toEqual({ kind: 'found', repository: repo, image: img });
  });

  it('finds nothing for a tag, digest or repository the registry does not have, nor in another region', () => {
    const { sim } = withRepository();
    for (const ref of [`${HOST}/forum:3`, `${HOST}/forum@sha256:${'cd'.repeat(32)}`, `${HOST}/kudos:1`, '123456789012.dkr.ecr.eu-west-1.amazonaws.com/forum:2', `${HOST}/constructor:1`])
      expect(ecrPull(sim, ref), ref).toEqual({ kind: 'not-found' });
  });

  it("is refused another account's registry, and has nothing to say of other registries", () => {
    const { sim } = withRepository();
    expect(ecrPull(sim, '999999999999.dkr.ecr.us-east-1.amazonaws.com/forum:2')).toEqual({ kind: 'access-denied', host: '999999999999.dkr.ecr.us-east-1.amazonaws.com', reference: '2' });
    for (const ref of ['nginx', 'public.ecr.aws/nginx/nginx:1', 'ghcr.io/org/app:1', 'Not A Ref']) expect(ecrPull(sim, ref), ref).toEqual({ kind: 'not-ecr' });
  });
});
