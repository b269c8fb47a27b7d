import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64, ecrTable, imageByTag, newEcrState, repositoryNotFound, tagIsImmutable, TOKEN_LIFETIME_MS, type EcrImage, type EcrRepository } from '../../../src/sim/model/ecr';
import { ApiError } from '../../../src/sim/core/errors';

const repo = (imageTagMutability: EcrRepository['imageTagMutability'], filters: string[] = []): EcrRepository =>
  ({ repositoryName: 'forum', imageTagMutability, imageTagMutabilityExclusionFilters: filters.map((filter) => ({ filterType: 'WILDCARD', filter })), images: ecrTable<EcrImage>() }) as EcrRepository;

describe('tag mutability of a repository', () => {
  it('lets every tag be overwritten when MUTABLE, none when IMMUTABLE', () => {
    expect(tagIsImmutable(repo('MUTABLE'), 'latest')).toBe(false);
    expect(tagIsImmutable(repo('IMMUTABLE'), 'latest')).toBe(true);
  });

  it('turns the rule around for tags an exclusion filter matches, * standing for any characters and a dot for itself', () => {
    const immutable = repo('IMMUTABLE_WITH_EXCLUSION', ['latest', 'dev-*']);
    expect(['latest', 'dev-1', 'dev-'].map((t) => tagIsImmutable(immutable, t))).toEqual([false, false, false]);
    expect(['v1', 'xdev-1', 'latest2'].map((t) => tagIsImmutable(immutable, t))).toEqual([true, true, true]);
    const mutable = repo('MUTABLE_WITH_EXCLUSION', ['release.*']);
    expect(tagIsImmutable(mutable, 'release.1')).toBe(true);
    expect(tagIsImmutable(mutable, 'releaseX1')).toBe(false);
    expect(tagIsImmutable(mutable, 'dev')).toBe(false);
  });
});

describe('the images of a repository', () => {
  it('are found by any of their tags', () => {
    const r = repo('MUTABLE');
    const img = { imageDigest: 'sha256:1', imageTags: ['2', 'latest'] } as EcrImage;
    r.images['sha256:1'] = img;
    r.images['sha256:0'] = { imageDigest: 'sha256:0', imageTags: [] } as unknown as EcrImage;
    expect(imageByTag(r, 'latest')).toBe(img);
    expect(imageByTag(r, '2')).toBe(img);
    expect(imageByTag(r, '1')).toBeUndefined();
  });
});

describe('the registry state', () => {
  it('starts with no repositories and no passwords, in tables without a prototype', () => {
    const s = newEcrState();
    expect(Object.keys(s.repositories)).toEqual([]);
    expect(Object.getPrototypeOf(s.repositories)).toBeNull();
    expect(Object.getPrototypeOf(s.passwords)).toBeNull();
    expect(s.repositories['constructor']).toBeUndefined();
  });

  it('issues tokens valid for 12 hours, and says a repository is missing as ECR does', () => {
    expect(TOKEN_LIFETIME_MS).toBe(43_200_000);
    const e = repositoryNotFound('forum', '123456789012');
    expect(e).toBeInstanceOf(ApiError);
    expect({ code: e.code, message: e.message }).toEqual({ code: 'RepositoryNotFoundException', message: "The repository with name 'forum' does not exist in the registry with id '123456789012'" });
  });
});

describe('base64', () => {
  it("matches Node's Buffer for any text of single-byte characters, padding included (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 40 }), (text) => {
        expect(base64(text)).toBe(Buffer.from(text, 'latin1').toString('base64'));
      }),
    );
    expect(base64('AWS:password')).toBe('QVdTOnBhc3N3b3Jk');
    expect(base64('')).toBe('');
  });
});
