// Invokes a Lambda bundle the way Lambda does: one import (the cold start, which parses the
// configuration from the environment), then handler(event, context) for each event of the JSON array
// on stdin. Prints one `RESULT <json>` line per invocation (the handler's own logs share stdout, as in Lambda). Plain JavaScript, so it needs no TypeScript loader.
import { Buffer } from 'node:buffer';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const events = JSON.parse(Buffer.concat(chunks).toString('utf8') || '[]');

const { handler } = await import(process.argv[2]);
const functionArn = 'arn:aws:lambda:us-east-1:111122223333:function:rootwatch-root-activity';
for (const [index, event] of events.entries()) {
  try {
    // As Lambda's context: the time left of a 30 s function timeout.
    const deadline = Date.now() + 30_000;
    const context = {
      awsRequestId: `bundle-${index}`,
      invokedFunctionArn: functionArn,
      getRemainingTimeInMillis: () => deadline - Date.now(),
    };
    const result = await handler(event, context);
    process.stdout.write(`RESULT ${JSON.stringify({ ok: true, result })}\n`);
  } catch (error) {
    process.stdout.write(
      `RESULT ${JSON.stringify({ ok: false, error: error.name, message: error.message })}\n`,
    );
  }
}
