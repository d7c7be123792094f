import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../bench/corpus/random.ts';
import { AccountService } from './account-service.ts';
import { CloudTrailService } from './cloudtrail-service.ts';
import { EventsService } from './events-service.ts';
import { IamService } from './iam-service.ts';
import { LogsService } from './logs-service.ts';
import { SecurityHubService } from './security-hub-service.ts';
import { SnsService } from './sns-service.ts';
import { queryError, queryResponse, signedService, signingKey } from './query-protocol.ts';
import { ServiceError } from './service-error.ts';
import { accountOfKey, StsService } from './sts-service.ts';

/**
 * Faults the endpoint can inject. Before the request is stored: `throttle` (400 ThrottlingException),
 * `server-error` (500), `unavailable` (503), `partial` (PutEvents: some entries fail with a retryable
 * per-entry code while the rest are stored), `slow` (answers late, but within the client's timeout).
 * After it is stored: `lost-answer` (the connection is cut, no answer) and `timeout` (the answer
 * comes after the client has given up). The latter two are why delivery is at least once.
 * `hang`: the request is read and never answered, nothing stored (a service that accepts the
 * connection and then stalls); `hang-after-store`: stored, then never answered.
 */
type Fault =
  | 'throttle'
  | 'server-error'
  | 'unavailable'
  | 'partial'
  | 'slow'
  | 'lost-answer'
  | 'timeout'
  | 'hang'
  | 'hang-after-store';
const STORED_BEFORE: ReadonlySet<Fault> = new Set(['lost-answer', 'timeout', 'hang-after-store']);

interface FaultInjection {
  /** Probability of each fault per request (they add up to at most 1). */
  rates: Partial<Record<Fault, number>>;
  seed?: number;
  /** Operations (`PutLogEvents`, `PutEvents`, …) the faults apply to; all when absent. */
  operations?: string[];
  /** Delay of `slow` and `timeout`, in milliseconds. */
  delayMs?: number;
}

interface RequestRecord {
  operation: string;
  status: number | 'no answer';
  fault?: Fault;
}

const SERVICES = { Logs_20140328: 'logs', AWSEvents: 'events', CloudTrail_20131101: 'cloudtrail' } as const;
const ERROR_STATUS: Record<string, [string, number]> = {
  throttle: ['ThrottlingException', 400],
  'server-error': ['InternalFailure', 500],
  unavailable: ['ServiceUnavailableException', 503],
};

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const QUERY_NAMESPACES = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
  sns: 'http://sns.amazonaws.com/doc/2010-03-31/',
} as const;

/** The Region a SigV4 request is signed for: the third part of its credential scope. */
const signedRegion = (authorization: string): string =>
  /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(authorization)?.[1] ?? 'us-east-1';

/**
 * A local endpoint speaking the AWS JSON 1.1 protocol of CloudWatch Logs (`Logs_20140328.*`, reads
 * by FilterLogEvents included),
 * EventBridge (`AWSEvents.PutEvents`) and CloudTrail (DescribeTrails, GetTrailStatus,
 * GetEventSelectors), Account Management's REST JSON `ListRegions`, the AWS Query protocol of IAM, STS and SNS (`Publish`), and
 * Security Hub's REST JSON `BatchImportFindings` (`POST /findings/import`), on one port, so
 * that the real SDK clients (and the real Lambda bundle) run against it with `AWS_ENDPOINT_URL`. It
 * keeps what it receives, validates request shapes and limits like the services, requires
 * SigV4-signed requests, and injects faults. Requests signed with the default test key act in the
 * home account; credentials from `AssumeRole` act in the role's account.
 */
class LocalAwsEndpoint {
  readonly logs = new LogsService();
  readonly events = new EventsService();
  readonly iam = new IamService();
  readonly sts = new StsService();
  readonly sns = new SnsService();
  readonly securityHub = new SecurityHubService();
  readonly cloudtrail = new CloudTrailService();
  readonly account = new AccountService();
  homeAccount = '111122223333';
  readonly requests: RequestRecord[] = [];
  readonly #server: Server;
  readonly #queued = new Map<string, Fault[]>();
  #injection: (FaultInjection & { random: () => number }) | undefined;

  private constructor() {
    this.#server = createServer((request, response) => {
      this.#serve(request, response).catch((error: unknown) => {
        response.writeHead(500).end(String(error));
      });
    });
  }

  static async start(): Promise<LocalAwsEndpoint> {
    const endpoint = new LocalAwsEndpoint();
    await new Promise<void>((resolve) => endpoint.#server.listen(0, '127.0.0.1', resolve));
    return endpoint;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}`;
  }

  /** The next requests of `operation` meet these faults, in order. */
  queueFaults(operation: string, ...faults: Fault[]): void {
    this.#queued.set(operation, [...(this.#queued.get(operation) ?? []), ...faults]);
  }

  /** Every request from now on may meet a fault, drawn with a seeded PRNG. */
  injectFaults(injection: FaultInjection): void {
    this.#injection = { ...injection, random: seededRandom(injection.seed ?? 1) };
  }

  clearFaults(): void {
    this.#queued.clear();
    this.#injection = undefined;
  }

  async stop(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  /** Notes a request that will never be answered, and leaves its response open (`stop` closes it). */
  #hang(operation: string, fault: Fault): void {
    this.requests.push({ operation, status: 'no answer', fault });
  }

  #faultFor(operation: string): Fault | undefined {
    const queued = this.#queued.get(operation);
    if (queued?.length) return queued.shift();
    const injection = this.#injection;
    if (!injection || (injection.operations && !injection.operations.includes(operation))) return undefined;
    let draw = injection.random();
    for (const [fault, rate] of Object.entries(injection.rates) as [Fault, number][]) {
      if (draw < rate) return fault === 'partial' && operation !== 'PutEvents' ? 'throttle' : fault;
      draw -= rate;
    }
    return undefined;
  }

  async #serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (request.url?.split('?')[0] === '/findings/import') return this.#serveRest(request, response, body);
    if (request.url?.split('?')[0] === '/listRegions') return this.#serveAccount(request, response, body);
    if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return this.#serveQuery(request, response, body);
    }
    // `<service target>.<operation>`; the service target may itself hold dots.
    const target = String(request.headers['x-amz-target'] ?? '');
    const prefix = target.slice(0, Math.max(0, target.lastIndexOf('.')));
    const operation = target.slice(target.lastIndexOf('.') + 1);
    const service = SERVICES[prefix as keyof typeof SERVICES];
    const answer = (status: number, payload: unknown, fault?: Fault) => {
      this.requests.push({ operation, status, ...(fault ? { fault } : {}) });
      response
        .writeHead(status, { 'content-type': 'application/x-amz-json-1.1' })
        .end(JSON.stringify(payload));
    };
    const fail = (error: ServiceError, fault?: Fault) =>
      answer(error.status, { __type: error.type, message: error.message }, fault);

    if (request.method !== 'POST' || !service)
      return fail(new ServiceError('UnknownOperationException', `unknown target ${prefix}.${operation}`));
    if (!String(request.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
      return fail(
        new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403),
      );
    }
    let input: Record<string, unknown>;
    try {
      input = JSON.parse(body || '{}') as Record<string, unknown>;
    } catch {
      return fail(new ServiceError('SerializationException', 'body is not JSON'));
    }

    const fault = this.#faultFor(operation);
    const delayMs = this.#injection?.delayMs ?? 200;
    const error = fault && ERROR_STATUS[fault];
    if (error) return fail(new ServiceError(error[0], `injected ${fault}`, error[1]), fault);
    if (fault === 'hang') return this.#hang(operation, fault);
    if (fault === 'slow') await wait(delayMs);

    let result: unknown;
    try {
      result =
        service === 'logs'
          ? this.logs.handle(operation, input)
          : service === 'cloudtrail'
            ? this.cloudtrail.handle(operation, input, signedRegion(String(request.headers.authorization)))
            : this.events.handle(
                operation,
                input,
                fault === 'partial'
                  ? (index) => (index % 2 === 0 ? 'ThrottlingException' : undefined)
                  : undefined,
              );
    } catch (caught) {
      if (caught instanceof ServiceError) return fail(caught, fault);
      throw caught;
    }
    if (fault && STORED_BEFORE.has(fault)) {
      this.requests.push({ operation, status: 'no answer', fault });
      if (fault === 'lost-answer') return void response.socket?.destroy();
      if (fault === 'hang-after-store') return;
      await wait(delayMs);
      if (!response.socket?.destroyed) response.writeHead(200).end(JSON.stringify(result));
      return;
    }
    answer(200, result, fault);
  }

  #serveQuery(request: IncomingMessage, response: ServerResponse, body: string): void {
    const params = new URLSearchParams(body);
    const operation = params.get('Action') ?? '';
    const authorization = String(request.headers.authorization ?? '');
    const service = signedService(authorization);
    const answer = (status: number, xml: string, fault?: Fault) => {
      this.requests.push({ operation, status, ...(fault ? { fault } : {}) });
      response.writeHead(status, { 'content-type': 'text/xml' }).end(xml);
    };
    if (!authorization.startsWith('AWS4-HMAC-SHA256 '))
      return answer(403, queryError('MissingAuthenticationToken', 'Missing Authentication Token'));
    if (service !== 'iam' && service !== 'sts' && service !== 'sns')
      return answer(400, queryError('InvalidAction', `no ${service} here`));
    const fault = this.#faultFor(operation);
    const error = fault && ERROR_STATUS[fault];
    if (error)
      return answer(
        error[1],
        queryError(error[0] === 'ThrottlingException' ? 'Throttling' : error[0], `injected ${fault}`),
        fault,
      );
    if (fault === 'hang') return this.#hang(operation, fault);
    try {
      const result =
        service === 'iam'
          ? this.iam.handle(accountOfKey(signingKey(authorization), this.homeAccount), operation, params)
          : service === 'sns'
            ? this.sns.handle(operation, params)
            : this.sts.handle(operation, params, accountOfKey(signingKey(authorization), this.homeAccount));
      if (fault === 'hang-after-store') return this.#hang(operation, fault);
      answer(200, queryResponse(operation, QUERY_NAMESPACES[service], result), fault);
    } catch (caught) {
      if (!(caught instanceof ServiceError)) throw caught;
      answer(caught.status, queryError(caught.type, caught.message), fault);
    }
  }

  /** Account Management's REST JSON `ListRegions`: errors carry their type in `x-amzn-errortype`. */
  #serveAccount(request: IncomingMessage, response: ServerResponse, body: string): void {
    const operation = 'ListRegions';
    const authorization = String(request.headers.authorization ?? '');
    const answer = (status: number, payload: unknown, type?: string, fault?: Fault) => {
      this.requests.push({ operation, status, ...(fault ? { fault } : {}) });
      response
        .writeHead(status, { 'content-type': 'application/json', ...(type && { 'x-amzn-errortype': type }) })
        .end(JSON.stringify(payload));
    };
    if (request.method !== 'POST' || signedService(authorization) !== 'account')
      return answer(403, { message: 'not a signed Account Management request' }, 'AccessDeniedException');
    const fault = this.#faultFor(operation);
    const error = fault && ERROR_STATUS[fault];
    if (error) return answer(error[1], { message: `injected ${fault}` }, error[0], fault);
    try {
      const caller = accountOfKey(signingKey(authorization), this.homeAccount);
      answer(200, this.account.listRegions(caller, JSON.parse(body || '{}') as Record<string, unknown>));
    } catch (caught) {
      if (!(caught instanceof ServiceError)) throw caught;
      answer(caught.status, { message: caught.message }, caught.type);
    }
  }

  /** Security Hub's REST JSON protocol: errors carry their type in `x-amzn-errortype`. */
  async #serveRest(request: IncomingMessage, response: ServerResponse, body: string): Promise<void> {
    const operation = 'BatchImportFindings';
    const authorization = String(request.headers.authorization ?? '');
    const answer = (status: number, payload: unknown, fault?: Fault, type?: string) => {
      this.requests.push({ operation, status, ...(fault ? { fault } : {}) });
      response
        .writeHead(status, { 'content-type': 'application/json', ...(type && { 'x-amzn-errortype': type }) })
        .end(JSON.stringify(payload));
    };
    const fail = (error: ServiceError, fault?: Fault) =>
      answer(error.status, { message: error.message }, fault, error.type);
    if (request.method !== 'POST' || signedService(authorization) !== 'securityhub') {
      return fail(new ServiceError('InvalidAccessException', 'not a signed Security Hub request', 401));
    }
    const fault = this.#faultFor(operation);
    const error = fault && ERROR_STATUS[fault];
    if (error) {
      return fault === 'throttle'
        ? fail(new ServiceError('TooManyRequestsException', 'injected throttle', 429), fault)
        : fail(new ServiceError(error[0], `injected ${fault}`, error[1]), fault);
    }
    if (fault === 'hang') return this.#hang(operation, fault);
    if (fault === 'slow') await wait(this.#injection?.delayMs ?? 200);
    let input: unknown;
    try {
      input = JSON.parse(body || '{}');
    } catch {
      return fail(new ServiceError('InvalidInputException', 'body is not JSON'), fault);
    }
    try {
      const account = accountOfKey(signingKey(authorization), this.homeAccount);
      const result = this.securityHub.import(account, signedRegion(authorization), input);
      if (fault && STORED_BEFORE.has(fault)) {
        this.requests.push({ operation, status: 'no answer', fault });
        if (fault === 'lost-answer') return void response.socket?.destroy();
        if (fault === 'hang-after-store') return;
        await wait(this.#injection?.delayMs ?? 200);
        if (!response.socket?.destroyed) response.writeHead(200).end(JSON.stringify(result));
        return;
      }
      answer(200, result, fault);
    } catch (caught) {
      if (caught instanceof ServiceError) return fail(caught, fault);
      throw caught;
    }
  }
}

export { LocalAwsEndpoint };
export type { Fault, FaultInjection, RequestRecord };
