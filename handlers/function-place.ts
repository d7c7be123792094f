/** Account and region from the invoked function's ARN (`arn:aws:lambda:<region>:<account>:function:<name>`). */
const functionPlace = (functionArn: string | undefined): { account: string; region: string } => {
  const [, , , region = 'us-east-1', account = 'unknown'] = (functionArn ?? '').split(':');
  return { account, region };
};

export { functionPlace };
