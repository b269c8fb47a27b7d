import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { configDigestOf, DOCKER_HUB_OFFICIAL, ecrHost, ecrRegistryOf, imageManifest, layersOf, manifestDigest, manifestLayers, MANIFEST_MEDIA_TYPE, parseImageRef, publicConfigDigest, tagOf } from '../../../src/sim/model/registry';
import { sha256Hex } from '../../../src/sim/core/sha256';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

describe('image references, read as Docker reads them', () => {
  it('puts a single name under library/ on Docker Hub, and keeps a namespace, a registry host, a tag and a digest', () => {
    expect(parseImageRef('nginx')).toEqual({ registry: 'docker.io', repository: 'library/nginx' });
    expect(parseImageRef('nginx:1.27-alpine')).toEqual({ registry: 'docker.io', repository: 'library/nginx', tag: '1.27-alpine' });
    expect(parseImageRef('kudos/front-end:2')).toEqual({ registry: 'docker.io', repository: 'kudos/front-end', tag: '2' });
    expect(parseImageRef('123456789012.dkr.ecr.us-east-1.amazonaws.com/forum:3')).toEqual({ registry: '123456789012.dkr.ecr.us-east-1.amazonaws.com', repository: 'forum', tag: '3' });
    expect(parseImageRef('localhost:5000/app')).toEqual({ registry: 'localhost:5000', repository: 'app' });
    expect(parseImageRef('localhost/app')).toEqual({ registry: 'localhost', repository: 'app' });
    expect(parseImageRef(`public.ecr.aws/nginx/nginx@${DIGEST}`)).toEqual({ registry: 'public.ecr.aws', repository: 'nginx/nginx', digest: DIGEST });
    expect(parseImageRef(`app:1@${DIGEST}`)).toEqual({ registry: 'docker.io', repository: 'library/app', tag: '1', digest: DIGEST });
  });

  it('refuses what Docker refuses: capitals in a repository, a bad tag, a digest that is not sha256 hex', () => {
    for (const bad of ['Nginx', 'nginx:', 'nginx:-x', `nginx:${'a'.repeat(129)}`, 'nginx@sha256:abc', 'nginx@md5:00', 'a//b', '-app', 'app-', '', 'my app']) expect(parseImageRef(bad), bad).toBeUndefined();
    expect(parseImageRef(`nginx:${'a'.repeat(128)}`)?.tag).toHaveLength(128);
  });

  it('reads back what it is given: registry, repository, tag and digest, for any reference Docker accepts (property)', () => {
    const component = fc.stringMatching(/^[a-z0-9]{1,4}(?:[._-][a-z0-9]{1,3})?$/);
    const ref = fc.record({
      registry: fc.constantFrom('', 'localhost:5000/', 'public.ecr.aws/', '123456789012.dkr.ecr.us-east-1.amazonaws.com/'),
      path: fc.array(component, { minLength: 1, maxLength: 3 }),
      tag: fc.option(fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,10}$/), { nil: undefined }),
      digest: fc.option(fc.stringMatching(/^[0-9a-f]{64}$/), { nil: undefined }),
    });
    fc.assert(
      fc.property(ref, ({ registry, path, tag, digest }) => {
        // A first component with a dot names a registry host (as Docker reads it), so on Docker Hub a namespace has none.
        fc.pre(registry !== '' || path.length === 1 || !path[0]!.includes('.'));
        const text = `${registry}${path.join('/')}${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@sha256:${digest}` : ''}`;
        const r = parseImageRef(text);
        const hub = registry === '';
        expect(r, text).toEqual({
          registry: hub ? 'docker.io' : registry.slice(0, -1),
          repository: hub && path.length === 1 ? `library/${path[0]}` : path.join('/'),
          ...(tag !== undefined ? { tag } : {}),
          ...(digest !== undefined ? { digest: `sha256:${digest}` } : {}),
        });
      }),
    );
  });

  it('spells out the tag: latest when it names neither tag nor digest', () => {
    expect(tagOf(parseImageRef('nginx')!)).toBe('latest');
    expect(tagOf(parseImageRef('nginx:2')!)).toBe('2');
    expect(tagOf(parseImageRef(`nginx@${DIGEST}`)!)).toBeUndefined();
  });
});

describe('Amazon ECR registry hosts', () => {
  it("are <account>.dkr.ecr.<region>.amazonaws.com, read back to their account and region (the China partition's too)", () => {
    expect(ecrHost('123456789012', 'eu-west-1')).toBe('123456789012.dkr.ecr.eu-west-1.amazonaws.com');
    expect(ecrRegistryOf('123456789012.dkr.ecr.eu-west-1.amazonaws.com')).toEqual({ account: '123456789012', region: 'eu-west-1' });
    expect(ecrRegistryOf('123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn')).toEqual({ account: '123456789012', region: 'cn-north-1' });
    for (const other of ['docker.io', 'public.ecr.aws', '12345.dkr.ecr.us-east-1.amazonaws.com', '123456789012.dkr.ecr.us-east-1.amazonaws.com.evil']) expect(ecrRegistryOf(other), other).toBeUndefined();
  });

  it('knows the official Docker Hub images a learner meets', () => {
    for (const name of ['nginx', 'redis', 'postgres', 'busybox']) expect(DOCKER_HUB_OFFICIAL.has(name)).toBe(true);
    expect(DOCKER_HUB_OFFICIAL.has('forum')).toBe(false);
  });
});

describe('image manifests', () => {
  it("list two to five layers fixed by the image's digest, each 1-31 MB, with the config's digest", () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const config = `sha256:${sha256Hex(seed)}`;
        const layers = layersOf(config);
        expect(layers.length).toBeGreaterThanOrEqual(2);
        expect(layers.length).toBeLessThanOrEqual(5);
        for (const l of layers) {
          expect(l.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
          expect(l.size).toBeGreaterThanOrEqual(1_000_000);
          expect(l.size).toBeLessThan(31_000_000);
        }
        expect(layersOf(config)).toEqual(layers);
        const manifest = imageManifest(config);
        expect(manifestLayers(manifest)).toEqual(layers);
        expect(configDigestOf(manifest)).toBe(config);
        expect(JSON.parse(manifest)).toMatchObject({ schemaVersion: 2, mediaType: MANIFEST_MEDIA_TYPE, config: { mediaType: 'application/vnd.docker.container.image.v1+json', digest: config } });
      }),
      { numRuns: 30 },
    );
  });

  it('are addressed by the sha256 of their bytes, as registries address them', () => {
    const manifest = imageManifest(DIGEST);
    expect(manifestDigest(manifest)).toBe(`sha256:${sha256Hex(manifest)}`);
    expect(manifest.split('\n')[1]).toBe('   "schemaVersion": 2,'); // three-space indentation, as docker push uploads it
  });

  it('that are not JSON, or list no layers, have none and name no config', () => {
    expect(manifestLayers('not json')).toEqual([]);
    expect(manifestLayers('{"layers": [{"digest": 1}, null, {"digest": "d", "size": 2}]}')).toEqual([{ digest: 'd', size: 2 }]);
    expect(configDigestOf('not json')).toBeUndefined();
    expect(configDigestOf('{"config": {"digest": 5}}')).toBeUndefined();
  });

  it("of a public registry's image are fixed by the reference, the tag spelled out", () => {
    expect(publicConfigDigest(parseImageRef('nginx')!)).toBe(`sha256:${sha256Hex('docker.io/library/nginx:latest')}`);
    expect(publicConfigDigest(parseImageRef('nginx')!)).toBe(publicConfigDigest(parseImageRef('docker.io/library/nginx:latest')!));
    expect(publicConfigDigest(parseImageRef(`nginx@${DIGEST}`)!)).toBe(`sha256:${sha256Hex(`docker.io/library/nginx:${DIGEST}`)}`);
  });
});
