import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { scratchDir } from './archive.ts';

/** The environment that points the real AWS SDK at the local server (as a user would with AWS_ENDPOINT_URL). */
interface LocalS3 {
  endpoint: string;
  env: Record<string, string>;
  client: S3Client;
  stop(): Promise<void>;
}

/** Starts s3rver on a free loopback port, in a child process; `stop` ends that process and removes its files. */
const startLocalS3 = async (): Promise<LocalS3> => {
  const directory = scratchDir('s3rver');
  const child: ChildProcess = spawn(
    process.execPath,
    ['--openssl-legacy-provider', join(import.meta.dirname, 's3rver-process.mjs'), directory],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  const endpoint = `http://127.0.0.1:${chunk.toString().trim()}`;
  const env = {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    // s3rver's fixed credentials; not secrets.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  };
  const client = new S3Client({
    endpoint,
    region: env.AWS_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
    // s3rver predates the SDK's default request checksums.
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  return {
    endpoint,
    env,
    client,
    stop: async () => {
      client.destroy();
      child.kill('SIGTERM');
      if (child.exitCode === null) await once(child, 'exit');
      rmSync(directory, { recursive: true, force: true });
    },
  };
};

/** Creates `bucket` and puts every `[key, body]`. */
const fillBucket = async (s3: LocalS3, bucket: string, objects: ReadonlyArray<readonly [string, Buffer]>) => {
  await s3.client.send(new CreateBucketCommand({ Bucket: bucket }));
  for (const [key, body] of objects)
    await s3.client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
};

export { startLocalS3, fillBucket };
export type { LocalS3 };
