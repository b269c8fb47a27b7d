import { describe, expect, it } from 'vitest';
import { newSession, readLine, runCommand, runLine } from '../../../../src/content/console';
import { Sim } from '../../../../src/sim';

const REGISTRY = '123456789012.dkr.ecr.us-east-1.amazonaws.com';
const DOCKERFILE = 'FROM node:20-alpine\nWORKDIR /srv\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n';

function world(files: Record<string, string> = {}) {
  const sim = new Sim({ seed: 'ecr' });
  const session = newSession(files);
  return { sim, session, run: (l: string) => runCommand(sim, l, session) };
}

describe('aws ecr and docker login, tag and push in the console', () => {
  it('get-login-password prints the password alone, as the AWS CLI does, and docker login takes it', () => {
    const { run } = world();
    const pw = run('aws ecr get-login-password');
    expect(pw.exitCode).toBe(0);
    expect(pw.output).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(run(`docker login --username AWS --password ${pw.output} ${REGISTRY}`).output).toBe('WARNING! Using --password via the CLI is insecure. Use --password-stdin.\nLogin Succeeded');
    expect(run(`docker login -u AWS -p nonsense ${REGISTRY}`)).toMatchObject({ exitCode: 1, output: expect.stringContaining(`login attempt to https://${REGISTRY}/v2/ failed with status: 400 Bad Request`) });
  });

  it('--password-stdin reads the password from standard input: what a pipe from get-login-password feeds it', () => {
    const { sim, session, run } = world();
    const password = run('aws ecr get-login-password').output;
    const login = readLine(`docker login --username AWS --password-stdin ${REGISTRY}`);
    expect(runLine(login, { sim, session, stdin: `${password}\n` })).toEqual({ output: 'Login Succeeded', exitCode: 0 });
    expect(runLine(login, { sim, session })).toEqual({ output: 'Error: Cannot perform an interactive login from a non TTY device', exitCode: 1 });
    expect(run(`docker login --password-stdin ${REGISTRY}`).output).toBe('Must provide --username with --password-stdin');
  });

  it("a create-repository, login, tag and push: Docker's lines, and the image in describe-images", () => {
    const { run } = world({ Dockerfile: DOCKERFILE });
    run('docker build -t forum:2 .');
    expect(JSON.parse(run('aws ecr create-repository --repository-name forum').output)).toMatchObject({ repository: { repositoryUri: `${REGISTRY}/forum`, imageTagMutability: 'MUTABLE' } });
    expect(run(`docker tag forum:2 ${REGISTRY}/forum:2`)).toEqual({ command: `docker tag forum:2 ${REGISTRY}/forum:2`, output: '', exitCode: 0 });
    expect(run(`docker push ${REGISTRY}/forum:2`)).toMatchObject({ exitCode: 1, output: expect.stringMatching(/: Preparing\nno basic auth credentials$/) });
    run(`docker login -u AWS -p ${run('aws ecr get-login-password').output} ${REGISTRY}`);
    const push = run(`docker push ${REGISTRY}/forum:2`);
    expect(push.output).toMatch(new RegExp(`^The push refers to repository \\[${REGISTRY.replace(/\./g, '\\.')}/forum\\]\\n([0-9a-f]{12}: Pushed\\n)+2: digest: (sha256:[0-9a-f]{64}) size: \\d+$`));
    const digest = /digest: (sha256:[0-9a-f]{64})/.exec(push.output)![1];
    const images = JSON.parse(run('aws ecr describe-images --repository-name forum').output) as { imageDetails: { imageDigest: string; imageTags: string[] }[] };
    expect(images.imageDetails).toEqual([expect.objectContaining({ imageDigest: digest, imageTags: ['2'] })]);
    expect(run('docker images').output).toContain(`${REGISTRY}/forum   2   `);
    expect(run('docker tag forum:9 x').output).toBe('Error response from daemon: No such image: forum:9');
  });

  it('docker run of an image never built pulls it, or says what Docker says', () => {
    const { run } = world();
    const nginx = run('docker run -d nginx');
    expect(nginx.output).toMatch(
      /^Unable to find image 'nginx:latest' locally\nlatest: Pulling from library\/nginx\n([0-9a-f]{12}: Pull complete\n)+Digest: sha256:[0-9a-f]{64}\nStatus: Downloaded newer image for nginx:latest\n[0-9a-f]{64}$/,
    );
    expect(run('docker run -d forum:2')).toEqual({
      command: 'docker run -d forum:2',
      exitCode: 125,
      output:
        "Unable to find image 'forum:2' locally\ndocker: Error response from daemon: pull access denied for forum, repository does not exist or may require 'docker login': denied: requested access to the resource is denied.\nSee 'docker run --help'.",
    });
    expect(run('docker pull nginx').output).toBe('Using default tag: latest\nStatus: Image is up to date for nginx:latest\ndocker.io/library/nginx:latest');
  });

  it("copilot svc deploy of an image.build manifest says it pushed to the service's ECR repository, and the repository is there", () => {
    const { run } = world({ 'copilot/api/manifest.yml': 'name: api\ntype: Backend Service\nimage:\n  build: Dockerfile\n  port: 8080\n' });
    run('copilot app init kudos');
    run('copilot env init --name test');
    run('copilot env deploy --name test');
    const deploy = run('copilot svc deploy --name api --env test');
    expect(deploy.output).toContain('  - ECR repository kudos/api, with the image built from Dockerfile pushed as kudos/api:latest');
    expect(JSON.parse(run('aws ecr describe-images --repository-name kudos/api').output)).toMatchObject({ imageDetails: [{ imageTags: ['latest'] }] });
    run('copilot env init --name prod');
    run('copilot env deploy --name prod');
    expect(run('copilot svc deploy --name api --env prod').exitCode).toBe(0);
    run('sleep 3m');
    expect(run('copilot svc status --name api --env prod').output).toContain('Running   1/1 desired tasks are running');
  });
});
