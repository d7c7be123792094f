// A real S3 server (s3rver) in a process of its own, for the S3 tests: prints its port, serves until
// killed. s3rver encrypts continuation tokens with DES, which OpenSSL 3 only offers through its
// legacy provider: the tests start this file with `node --openssl-legacy-provider`.
import S3rver from 's3rver';

const server = new S3rver({ address: '127.0.0.1', port: 0, directory: process.argv[2], silent: true });
const { port } = await server.run();
process.stdout.write(`${port}\n`);
process.on('SIGTERM', () => server.close().then(() => process.exit(0)));
