import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
    // The AWS SDK's warning that its 2027 releases need Node 22 (this machine runs Node 20; the
    // Lambda runtime is nodejs22.x), printed by every process and worker that builds a client.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
