import { ApiError } from '../core/errors';

/**
 * Amazon ECR as plain data: the account's private registry in the scenario's region, its repositories and
 * the images in them (by digest, with their tags), and the authorization tokens GetAuthorizationToken
 * issued. Repository names and tags are learner-chosen: the tables are read and written through the
 * own-key helpers.
 */

export type TagMutability = 'MUTABLE' | 'IMMUTABLE' | 'IMMUTABLE_WITH_EXCLUSION' | 'MUTABLE_WITH_EXCLUSION';

export interface EcrImage {
  imageDigest: string;
  imageTags: string[];
  imageSizeInBytes: number;
  imagePushedAtMs: number;
  imageManifest: string;
  imageManifestMediaType: string;
  /** When ECS (or `docker pull`) last pulled it. */
  lastRecordedPullTimeMs?: number;
}

export interface EcrRepository {
  repositoryName: string;
  repositoryArn: string;
  registryId: string;
  repositoryUri: string;
  createdAtMs: number;
  imageTagMutability: TagMutability;
  imageTagMutabilityExclusionFilters?: { filterType: 'WILDCARD'; filter: string }[];
  scanOnPush: boolean;
  encryptionType: string;
  kmsKey?: string;
  tags: { Key: string; Value: string }[];
  /** Images by digest, in push order. */
  images: Record<string, EcrImage>;
}

export interface EcrState {
  repositories: Record<string, EcrRepository>;
  /** Passwords GetAuthorizationToken issued (what `docker login` is given), with when each expires. */
  passwords: Record<string, number>;
}

/** A table keyed by learner-chosen names (repositories, digests, passwords): a record with no prototype. */
export const ecrTable = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

export const newEcrState = (): EcrState => ({ repositories: ecrTable(), passwords: ecrTable() });

/** An authorization token is valid for 12 hours [DOC: API GetAuthorizationToken]. */
export const TOKEN_LIFETIME_MS = 12 * 3600 * 1000;

const ecrError = (code: string, message: string) => new ApiError(code, message);

export const repositoryNotFound = (name: string, registryId: string) => ecrError('RepositoryNotFoundException', `The repository with name '${name}' does not exist in the registry with id '${registryId}'`);

/** Whether a tag may be overwritten in this repository (its mutability, with the exclusion filters' wildcards). */
export function tagIsImmutable(repo: EcrRepository, tag: string): boolean {
  const matches = (repo.imageTagMutabilityExclusionFilters ?? []).some((f) => new RegExp(`^${f.filter.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`).test(tag));
  switch (repo.imageTagMutability) {
    case 'IMMUTABLE':
      return true;
    case 'IMMUTABLE_WITH_EXCLUSION':
      return !matches;
    case 'MUTABLE_WITH_EXCLUSION':
      return matches;
    default:
      return false;
  }
}

/** The image a tag names in a repository, if any. */
export function imageByTag(repo: EcrRepository, tag: string): EcrImage | undefined {
  return Object.values(repo.images).find((i) => i.imageTags.includes(tag));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of an ASCII string (the tokens are ASCII). */
export function base64(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 3) {
    const a = text.charCodeAt(i);
    const b = i + 1 < text.length ? text.charCodeAt(i + 1) : NaN;
    const c = i + 2 < text.length ? text.charCodeAt(i + 2) : NaN;
    const n = (a << 16) | ((Number.isNaN(b) ? 0 : b) << 8) | (Number.isNaN(c) ? 0 : c);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (Number.isNaN(b) ? '=' : B64[(n >> 6) & 63]!) + (Number.isNaN(c) ? '=' : B64[n & 63]!);
  }
  return out;
}
