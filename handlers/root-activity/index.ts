// Placeholder entry point so that `npm run bundle` produces the artifact the CDK stack deploys;
// the handler itself lands with issue 3.
export const handler = async (): Promise<never> => {
  throw new Error('rootwatch handler: not implemented yet');
};
