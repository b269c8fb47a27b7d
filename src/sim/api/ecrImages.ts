import { ApiError } from '../core/errors';
import { own, setOwn } from '../core/own';
import type { SimContext } from '../model/context';
import { imageByTag, newEcrState, tagIsImmutable, type EcrImage, type EcrRepository, type EcrState } from '../model/ecr';
import { MANIFEST_MEDIA_TYPE, manifestDigest, manifestLayers } from '../model/registry';
import { say } from '../model/narration';

/**
 * The account's ECR registry as the Docker host reaches it (a pull from it, a push to it, api/dockerRegistry.ts),
 * apart from ECR's own operations (api/ecr.ts): the page's first load has the Docker host's build, which can
 * pull, and not the ECR API.
 */

export function ecrState(sim: SimContext): EcrState {
  return (sim.world.ecr ??= newEcrState());
}

/**
 * Puts a manifest into a repository under a tag, as PutImage does (and a `docker push` ends with): a new image,
 * or the tag added to the image with the same digest, or moved to it from another image when the tag is
 * mutable. `push` is Docker's push, for which pushing an unchanged image again is not an error.
 */
export function putImage(sim: SimContext, r: EcrRepository, manifest: string, tag: string | undefined, push = false): { image: EcrImage; changed: boolean } {
  const digest = manifestDigest(manifest);
  const existing = own(r.images, digest);
  if (tag !== undefined && existing?.imageTags.includes(tag)) {
    if (push) return { image: existing, changed: false };
    throw new ApiError('ImageAlreadyExistsException', `Image with digest '${digest}' and tag '${tag}' already exists in the repository with name '${r.repositoryName}' in registry with id '${r.registryId}'`);
  }
  if (tag === undefined && existing) {
    if (push) return { image: existing, changed: false };
    throw new ApiError('ImageAlreadyExistsException', `Image with digest '${digest}' already exists in the repository with name '${r.repositoryName}' in registry with id '${r.registryId}'`);
  }
  const holder = tag !== undefined ? imageByTag(r, tag) : undefined;
  if (holder && tagIsImmutable(r, tag!)) {
    throw new ApiError('ImageTagAlreadyExistsException', `The image tag '${tag!}' already exists in the '${r.repositoryName}' repository and cannot be overwritten because the repository is immutable.`);
  }
  if (holder) holder.imageTags = holder.imageTags.filter((t) => t !== tag);
  const image =
    existing ??
    setOwn(r.images, digest, {
      imageDigest: digest,
      imageTags: [],
      imagePushedAtMs: sim.now,
      imageManifest: manifest,
      imageManifestMediaType: MANIFEST_MEDIA_TYPE,
      imageSizeInBytes: manifestLayers(manifest).reduce((a, l) => a + l.size, 0),
    });
  if (tag !== undefined) image.imageTags.push(tag);
  sim.emit('EcrImageAction', say('EcrImageAction.pushed', { image: `${r.repositoryUri}${tag !== undefined ? `:${tag}` : ''}`, digest: digest.slice(0, 19) }), {
    actionType: 'PUSH',
    repositoryName: r.repositoryName,
    imageDigest: digest,
    ...(tag !== undefined ? { imageTag: tag } : {}),
  });
  return { image, changed: true };
}
