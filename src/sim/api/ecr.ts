import { ApiError } from '../core/errors';
import { own, setOwn } from '../core/own';
import { sha256Hex } from '../core/sha256';
import type { SimContext } from '../model/context';
import { TOKEN_LIFETIME_MS, base64, ecrTable, imageByTag, repositoryNotFound, type EcrImage, type EcrRepository, type TagMutability } from '../model/ecr';
import { ecrHost, manifestDigest } from '../model/registry';
import type { Operation } from './operation';
import { say } from '../model/narration';
import { ecrState, putImage } from './ecrImages';

/**
 * Amazon ECR (`ecr.`), the account's private registry in the scenario's region, from its API model:
 * repositories with their tag mutability, images by digest with their tags, sizes and push times, the
 * authorization token `docker login` takes, and the errors ECR gives with its wording.
 */

const registryId = (sim: SimContext) => sim.world.account;

/** The repository a request names in this account's registry, or ECR's RepositoryNotFoundException. */
export function repositoryOf(sim: SimContext, name: string, registry?: unknown): EcrRepository {
  const id = typeof registry === 'string' ? registry : registryId(sim);
  const repo = id === registryId(sim) ? own(ecrState(sim).repositories, name) : undefined;
  if (!repo) throw repositoryNotFound(name, id);
  return repo;
}

function describeRepository(sim: SimContext, r: EcrRepository) {
  return {
    repositoryArn: r.repositoryArn,
    registryId: r.registryId,
    repositoryName: r.repositoryName,
    repositoryUri: r.repositoryUri,
    createdAt: sim.ts(r.createdAtMs),
    imageTagMutability: r.imageTagMutability,
    ...(r.imageTagMutabilityExclusionFilters ? { imageTagMutabilityExclusionFilters: r.imageTagMutabilityExclusionFilters } : {}),
    imageScanningConfiguration: { scanOnPush: r.scanOnPush },
    encryptionConfiguration: { encryptionType: r.encryptionType, ...(r.kmsKey ? { kmsKey: r.kmsKey } : {}) },
  };
}

function describeImage(sim: SimContext, r: EcrRepository, i: EcrImage) {
  return {
    registryId: r.registryId,
    repositoryName: r.repositoryName,
    imageDigest: i.imageDigest,
    ...(i.imageTags.length ? { imageTags: [...i.imageTags] } : {}),
    imageSizeInBytes: i.imageSizeInBytes,
    imagePushedAt: sim.ts(i.imagePushedAtMs),
    imageManifestMediaType: i.imageManifestMediaType,
    artifactMediaType: 'application/vnd.docker.container.image.v1+json',
    ...(i.lastRecordedPullTimeMs !== undefined ? { lastRecordedPullTime: sim.ts(i.lastRecordedPullTimeMs) } : {}),
    imageStatus: 'ACTIVE',
  };
}

/** Pages a list by `maxResults` and an opaque `nextToken` (the offset of the next page). */
function page<T>(items: T[], input: { maxResults?: unknown; nextToken?: unknown }): { items: T[]; nextToken?: string } {
  const start = typeof input.nextToken === 'string' ? Number.parseInt(input.nextToken.replace(/^ecr-page-/, ''), 10) : 0;
  if (!Number.isInteger(start) || start < 0) throw new ApiError('InvalidParameterException', "Invalid parameter at 'nextToken' failed to satisfy constraint: 'the token is not valid'");
  const size = typeof input.maxResults === 'number' ? input.maxResults : items.length || 1;
  const out = items.slice(start, start + size);
  return { items: out, ...(start + size < items.length ? { nextToken: `ecr-page-${start + size}` } : {}) };
}

interface ImageId {
  imageDigest?: string;
  imageTag?: string;
}

/** The image an imageId names, or why not (as BatchGetImage and BatchDeleteImage report a failure). */
function findImage(r: EcrRepository, id: ImageId): EcrImage | { failureCode: string; failureReason: string } {
  if (id.imageDigest === undefined && id.imageTag === undefined) return { failureCode: 'MissingDigestAndTag', failureReason: 'Invalid request parameters: both tag and digest cannot be null' };
  if (id.imageDigest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(id.imageDigest))
    return { failureCode: 'InvalidImageDigest', failureReason: "Invalid request parameters: image digest should satisfy the regex '[a-zA-Z0-9-_+.]+:[a-fA-F0-9]+'" };
  const byDigest = id.imageDigest !== undefined ? own(r.images, id.imageDigest) : undefined;
  const image = id.imageDigest !== undefined ? byDigest : imageByTag(r, id.imageTag!);
  if (!image) return { failureCode: 'ImageNotFound', failureReason: 'Requested image not found' };
  if (id.imageTag !== undefined && !image.imageTags.includes(id.imageTag)) return { failureCode: 'ImageTagDoesNotMatchDigest', failureReason: 'Invalid request parameters: given tag does not map to the given digest' };
  return image;
}

const isImage = (x: EcrImage | { failureCode: string }): x is EcrImage => 'imageDigest' in x;

/** A password for `docker login`, valid 12 hours. [SIM] Its text is fixed by the account, region and time it was issued. */
function issuePassword(sim: SimContext): { password: string; expiresAtMs: number } {
  const s = ecrState(sim);
  const expiresAtMs = sim.now + TOKEN_LIFETIME_MS;
  const seed = `${sim.world.account}|${sim.world.region}|${sim.now}`;
  const password = base64(JSON.stringify({ payload: sha256Hex(`${seed}|payload`), datakey: sha256Hex(`${seed}|datakey`), version: '2', type: 'DATA_KEY', expiration: sim.ts(expiresAtMs) }));
  for (const [p, exp] of Object.entries(s.passwords)) if (exp <= sim.now) delete s.passwords[p];
  setOwn(s.passwords, password, expiresAtMs);
  return { password, expiresAtMs };
}

/** Requests reach these checked against the ECR API model (api/params.ts, api/service.ts). */
export const ECR_OPERATIONS: Record<string, Operation> = {
  CreateRepository(sim, input) {
    const name = input.repositoryName as string;
    const s = ecrState(sim);
    if (input.registryId !== undefined && input.registryId !== registryId(sim)) throw repositoryNotFound(name, String(input.registryId));
    if (own(s.repositories, name)) throw new ApiError('RepositoryAlreadyExistsException', `The repository with name '${name}' already exists in the registry with id '${registryId(sim)}'`);
    const enc = input.encryptionConfiguration as { encryptionType: string; kmsKey?: string } | undefined;
    const repo: EcrRepository = {
      repositoryName: name,
      registryId: registryId(sim),
      repositoryArn: `arn:aws:ecr:${sim.world.region}:${registryId(sim)}:repository/${name}`,
      repositoryUri: `${ecrHost(registryId(sim), sim.world.region)}/${name}`,
      createdAtMs: sim.now,
      imageTagMutability: (input.imageTagMutability as TagMutability | undefined) ?? 'MUTABLE',
      ...(input.imageTagMutabilityExclusionFilters ? { imageTagMutabilityExclusionFilters: input.imageTagMutabilityExclusionFilters as EcrRepository['imageTagMutabilityExclusionFilters'] } : {}),
      scanOnPush: (input.imageScanningConfiguration as { scanOnPush?: boolean } | undefined)?.scanOnPush ?? false,
      encryptionType: enc?.encryptionType ?? 'AES256',
      ...(enc?.kmsKey ? { kmsKey: enc.kmsKey } : {}),
      tags: (input.tags as EcrRepository['tags'] | undefined) ?? [],
      images: ecrTable(),
    };
    setOwn(s.repositories, name, repo);
    return { repository: describeRepository(sim, repo) };
  },
  DescribeRepositories(sim, input) {
    const names = input.repositoryNames as string[] | undefined;
    const all = names ? names.map((n) => repositoryOf(sim, n, input.registryId)) : input.registryId !== undefined && input.registryId !== registryId(sim) ? [] : Object.values(ecrState(sim).repositories);
    const p = page(all, input);
    return { repositories: p.items.map((r) => describeRepository(sim, r)), ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
  },
  DeleteRepository(sim, input) {
    const r = repositoryOf(sim, input.repositoryName as string, input.registryId);
    if (Object.keys(r.images).length > 0 && input.force !== true) {
      throw new ApiError('RepositoryNotEmptyException', `The repository with name '${r.repositoryName}' in registry with id '${r.registryId}' cannot be deleted because it still contains images`);
    }
    delete ecrState(sim).repositories[r.repositoryName];
    return { repository: describeRepository(sim, r) };
  },
  DescribeImages(sim, input) {
    const r = repositoryOf(sim, input.repositoryName as string, input.registryId);
    const ids = input.imageIds as ImageId[] | undefined;
    let images: EcrImage[];
    if (ids) {
      images = ids.map((id) => {
        const found = findImage(r, id);
        if (!isImage(found)) {
          throw new ApiError(
            'ImageNotFoundException',
            `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${r.repositoryName}' in the registry with id '${r.registryId}'`,
          );
        }
        return found;
      });
    } else {
      const status = (input.filter as { tagStatus?: string } | undefined)?.tagStatus ?? 'ANY';
      images = Object.values(r.images).filter((i) => status === 'ANY' || (status === 'TAGGED') === i.imageTags.length > 0);
    }
    const p = page(images, input);
    return { imageDetails: p.items.map((i) => describeImage(sim, r, i)), ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
  },
  ListImages(sim, input) {
    const r = repositoryOf(sim, input.repositoryName as string, input.registryId);
    const status = (input.filter as { tagStatus?: string } | undefined)?.tagStatus ?? 'ANY';
    const ids = Object.values(r.images).flatMap((i) =>
      i.imageTags.length ? (status === 'UNTAGGED' ? [] : i.imageTags.map((t) => ({ imageDigest: i.imageDigest, imageTag: t }))) : status === 'TAGGED' ? [] : [{ imageDigest: i.imageDigest }],
    );
    const p = page(ids, input);
    return { imageIds: p.items, ...(p.nextToken ? { nextToken: p.nextToken } : {}) };
  },
  BatchDeleteImage(sim, input) {
    const r = repositoryOf(sim, input.repositoryName as string, input.registryId);
    const deleted: ImageId[] = [];
    const failures: { imageId: ImageId; failureCode: string; failureReason: string }[] = [];
    for (const id of input.imageIds as ImageId[]) {
      const found = findImage(r, id);
      if (!isImage(found)) {
        failures.push({ imageId: id, ...found });
        continue;
      }
      // A tag alone removes that tag; the last tag removed, or a digest, deletes the image [DOC: API BatchDeleteImage].
      const removed = id.imageDigest !== undefined ? [...found.imageTags] : [id.imageTag!];
      found.imageTags = found.imageTags.filter((t) => !removed.includes(t));
      if (id.imageDigest !== undefined || found.imageTags.length === 0) delete r.images[found.imageDigest];
      deleted.push(...(removed.length ? removed.map((t) => ({ imageDigest: found.imageDigest, imageTag: t })) : [{ imageDigest: found.imageDigest }]));
      sim.emit(
        'EcrImageAction',
        own(r.images, found.imageDigest)
          ? say('EcrImageAction.untagged', { repository: r.repositoryName, digest: found.imageDigest.slice(0, 19), tags: removed.join(', ') })
          : say('EcrImageAction.deleted', { repository: r.repositoryName, digest: found.imageDigest.slice(0, 19) }),
        {
          actionType: 'DELETE',
          repositoryName: r.repositoryName,
          imageDigest: found.imageDigest,
          ...(removed.length === 1 ? { imageTag: removed[0]! } : {}),
        },
      );
    }
    return { imageIds: deleted, failures };
  },
  BatchGetImage(sim, input) {
    const r = repositoryOf(sim, input.repositoryName as string, input.registryId);
    const images: unknown[] = [];
    const failures: unknown[] = [];
    for (const id of input.imageIds as ImageId[]) {
      const found = findImage(r, id);
      if (!isImage(found)) failures.push({ imageId: id, ...found });
      else
        images.push({
          registryId: r.registryId,
          repositoryName: r.repositoryName,
          imageId: { imageDigest: found.imageDigest, ...(id.imageTag !== undefined ? { imageTag: id.imageTag } : {}) },
          imageManifest: found.imageManifest,
          imageManifestMediaType: found.imageManifestMediaType,
        });
    }
    return { images, failures };
  },
  PutImage(sim, input) {
    const r = repositoryOf(sim, input.repositoryName as string, input.registryId);
    const manifest = input.imageManifest as string;
    try {
      JSON.parse(manifest);
    } catch {
      throw new ApiError('InvalidParameterException', "Invalid parameter at 'imageManifest' failed to satisfy constraint: 'Invalid JSON syntax'");
    }
    const digest = manifestDigest(manifest);
    if (input.imageDigest !== undefined && input.imageDigest !== digest) {
      throw new ApiError('ImageDigestDoesNotMatchException', `Provided image digest '${String(input.imageDigest)}' does not match the digest '${digest}' that Amazon ECR calculated for the image.`);
    }
    const tag = input.imageTag as string | undefined;
    const { image } = putImage(sim, r, manifest, tag);
    return {
      image: {
        registryId: r.registryId,
        repositoryName: r.repositoryName,
        imageId: { imageDigest: image.imageDigest, ...(tag !== undefined ? { imageTag: tag } : {}) },
        imageManifest: image.imageManifest,
        imageManifestMediaType: image.imageManifestMediaType,
      },
    };
  },
  PutImageTagMutability(sim, input) {
    const r = repositoryOf(sim, input.repositoryName as string, input.registryId);
    r.imageTagMutability = input.imageTagMutability as TagMutability;
    const filters = input.imageTagMutabilityExclusionFilters as EcrRepository['imageTagMutabilityExclusionFilters'];
    if (filters && r.imageTagMutability.endsWith('_WITH_EXCLUSION')) r.imageTagMutabilityExclusionFilters = filters;
    else delete r.imageTagMutabilityExclusionFilters;
    return {
      registryId: r.registryId,
      repositoryName: r.repositoryName,
      imageTagMutability: r.imageTagMutability,
      ...(r.imageTagMutabilityExclusionFilters ? { imageTagMutabilityExclusionFilters: r.imageTagMutabilityExclusionFilters } : {}),
    };
  },
  GetAuthorizationToken(sim, input) {
    const ids = (input.registryIds as string[] | undefined) ?? [registryId(sim)];
    const { password, expiresAtMs } = issuePassword(sim);
    return {
      authorizationData: ids.map((id) => ({
        authorizationToken: base64(`AWS:${password}`),
        expiresAt: sim.ts(expiresAtMs),
        proxyEndpoint: `https://${ecrHost(id, sim.world.region)}`,
      })),
    };
  },
};
