import * as DynamoDbSdk from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Detector } from '../../detection/detector.ts';
import { IncidentTracker } from '../../incidents/incident-tracker.ts';
import type { TrackerOptions } from '../../incidents/incident-tracker.ts';
import type { VersionedStore } from '../../incidents/versioned-store.ts';
import { MemoryVersionedStore } from '../../incidents/versioned-store.ts';
import { issuedRootSession } from '../../detection/root-sessions.ts';
import { AssumeRootRecordSchema } from '../../schemas/assume-root-record.ts';
import type { Finding } from '../../schemas/finding.ts';
import { FindingSchema } from '../../schemas/finding.ts';
import { DynamoDbVersionedStore } from '../../adapters/dynamodb-versioned-store.ts';
import { FAST_RETRY } from '../helpers/aws-clients.ts';
import { createTable, startDynalite } from '../helpers/dynalite.ts';
import type { SampleRecord } from '../helpers/incident-findings.ts';
import { consoleCall, findingOf, keyCall, signIn } from '../helpers/incident-findings.ts';
import { sampleJson, sampleRecord } from '../helpers/records.ts';

let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let tables = 0;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => {
  await dynamo.stop();
});

/**
 * Every scenario runs over the store in memory (replay, scan) and over DynamoDB as deployed (a real
 * local implementation, dynalite): each test gets a fresh table, and each tracker built by
 * `newTracker` is a separate invocation with its own SDK client.
 */
const STORES: [string, () => Promise<() => VersionedStore>][] = [
  [
    'in memory',
    async () => {
      const store = new MemoryVersionedStore();
      return () => store;
    },
  ],
  [
    'in DynamoDB (dynalite)',
    async () => {
      tables += 1;
      const tableName = `incidents-${tables}`;
      await createTable(dynamo.client, tableName);
      return () =>
        new DynamoDbVersionedStore({
          sdk: DynamoDbSdk,
          client: dynamo.newClient(),
          tableName,
          retry: FAST_RETRY,
        });
    },
  ],
];

describe.each(STORES)('Incidents: one per root session, state %s', (_, storeFactory) => {
  let newStore: () => VersionedStore;
  const newTracker = (options: Partial<TrackerOptions> = {}) => new IncidentTracker(newStore(), options);
  beforeEach(async () => {
    newStore = await storeFactory();
  });
  const trackAll = async (findings: Finding[], tracker = newTracker()) => {
    const tracked: Finding[] = [];
    for (const one of findings) tracked.push(await tracker.track(one));
    return tracked;
  };
  const summary = (tracked: Finding[]) =>
    tracked.map((one) => `${one.eventId} ${one.incident?.id} ${one.incident?.alert}`);

  const session = () => [
    signIn('2026-11-29T10:00:00Z', 'Yes'),
    consoleCall('c1', '2026-11-29T10:01:00Z', '2026-11-29T10:00:01Z'),
    consoleCall('c2', '2026-11-29T10:02:00Z', '2026-11-29T10:00:01Z', 'CreateAccessKey'),
    consoleCall('c3', '2026-11-29T10:03:00Z', '2026-11-29T10:00:01Z', 'ListRoles'),
  ];

  it('joins a console session to the sign-in that opened it; pages first, then once more when it gets more severe', async () => {
    // Act
    const tracked = await trackAll(session());

    // Assess
    const id = 'sign-in:111122223333:sign-in-2026-11-29T10:00:00Z';
    expect(summary(tracked)).toStrictEqual([
      `sign-in-2026-11-29T10:00:00Z ${id} first`,
      `c1 ${id} update`,
      `c2 ${id} escalation`,
      `c3 ${id} update`,
    ]);
    expect(tracked[3]!.incident).toStrictEqual({
      id,
      count: 4,
      firstSeen: '2026-11-29T10:00:00Z',
      lastSeen: '2026-11-29T10:03:00Z',
      actions: ['signin:ConsoleLogin', 'iam:ListUsers', 'iam:CreateAccessKey', 'iam:ListRoles'],
      regions: ['us-east-1'],
      sourceIps: ['192.0.2.0'],
      alert: 'update',
    });
    for (const one of tracked) expect(FindingSchema.safeParse(one).success).toBe(true);
  });

  it('gives the same incident counts whatever the order, and counts a redelivered event once', async () => {
    // Prepare
    const [login, ...calls] = session();
    const shuffled = [login!, calls[2]!, calls[0]!, calls[2]!, calls[1]!, calls[0]!];

    // Act
    const tracked = await trackAll(shuffled);

    // Assess
    const last = tracked.at(-1)!.incident!;
    expect({
      count: last.count,
      firstSeen: last.firstSeen,
      lastSeen: last.lastSeen,
      actions: [...last.actions].sort(),
    }).toStrictEqual({
      count: 4,
      firstSeen: '2026-11-29T10:00:00Z',
      lastSeen: '2026-11-29T10:03:00Z',
      actions: ['iam:CreateAccessKey', 'iam:ListRoles', 'iam:ListUsers', 'signin:ConsoleLogin'],
    });
    expect(tracked.filter((one) => one.incident!.alert !== 'update').map((one) => one.eventId)).toStrictEqual(
      ['sign-in-2026-11-29T10:00:00Z', 'c2'],
    );
  });

  it('joins a console session seen before its sign-in when the sign-in arrives: one incident, whatever the order', async () => {
    // Prepare
    const [login, ...calls] = session();

    // Act
    const tracked = await trackAll([calls[1]!, calls[0]!, login!, calls[2]!]);

    // Assess
    expect(new Set(tracked.map((one) => one.incident!.id)).size).toBe(1);
    expect(tracked.at(-1)!.incident).toMatchObject({
      count: 4,
      firstSeen: '2026-11-29T10:00:00Z',
      lastSeen: '2026-11-29T10:03:00Z',
    });
    expect(tracked.filter((one) => one.incident!.alert !== 'update')).toHaveLength(1);
  });

  it('keeps a temporary key that no sign-in opened in an incident of its own', async () => {
    // Act
    const [alone] = await trackAll([
      consoleCall('x1', '2026-11-29T12:00:00Z', '2026-11-29T11:00:00Z', 'ListUsers', 'ASIAOTHERSESSION0001'),
    ]);

    // Assess
    expect(alone!.incident).toMatchObject({ id: 'temporary-key:ASIAOTHERSESSION0001', alert: 'first' });
  });

  it('counts the copy of an event delivered to another account once', async () => {
    // Prepare
    const first = keyCall('copy-a', '2026-11-29T10:00:00Z');
    const copy = {
      ...first,
      eventId: 'copy-b',
      recipientAccountId: '444455556666',
      sharedEventId: 'shared-1',
    };
    const original = { ...first, sharedEventId: 'shared-1' };

    // Act
    const tracked = await trackAll([original, copy]);

    // Assess
    expect(tracked.map((one) => [one.incident!.count, one.incident!.alert])).toStrictEqual([
      [1, 'first'],
      [1, 'update'],
    ]);
  });

  it('keeps a long-term key in one incident until it has been quiet for an hour', async () => {
    // Act
    const tracked = await trackAll([
      keyCall('k1', '2026-11-29T10:00:00Z'),
      keyCall('k2', '2026-11-29T10:50:00Z'),
      keyCall('k3', '2026-11-29T11:45:00Z'),
      keyCall('k4', '2026-11-29T13:00:00Z'),
    ]);

    // Assess
    expect(tracked.map((one) => one.incident!.alert)).toStrictEqual(['first', 'update', 'update', 'first']);
    expect(new Set(tracked.slice(0, 3).map((one) => one.incident!.id)).size).toBe(1);
    expect(tracked[3]!.incident!.id).not.toBe(tracked[0]!.incident!.id);
  });

  it('groups a burst of failed sign-ins from one address', async () => {
    // Prepare
    const failed = (id: string, time: string) => {
      const record = sampleRecord('sign-in/root-console-login-failed.json');
      Object.assign(record, { eventID: id, eventTime: time });
      return findingOf(record);
    };

    // Act
    const tracked = await trackAll([
      failed('f1', '2026-11-29T10:00:00Z'),
      failed('f2', '2026-11-29T10:00:05Z'),
      failed('f3', '2026-11-29T10:00:09Z'),
    ]);

    // Assess
    expect(tracked.map((one) => one.incident!.alert)).toStrictEqual(['first', 'update', 'update']);
    expect(tracked[2]!.incident!.count).toBe(3);
  });

  it('relabels the incident of a centralized-root session whose events came before its AssumeRoot record', async () => {
    // Prepare
    const tracker = newTracker();
    const records = (
      sampleJson('assumed-root/assume-root-task-create-login-profile.log.json') as { Records: SampleRecord[] }
    ).Records;
    const member = findingOf(records[0]!);
    const session = issuedRootSession(AssumeRootRecordSchema.parse(records[1]))!;

    // Act
    const before = await tracker.track(member);
    const relabelled = await tracker.learnRootSession(session);
    const detector = new Detector();
    detector.sessions.add((await tracker.rootSession(session.accessKeyId))!);
    const later = await tracker.track(
      (() => {
        const next = detector.detect({
          ...structuredClone(records[0]!),
          eventID: 'member-2',
          eventName: 'GetLoginProfile',
        });
        if (next.kind !== 'finding') throw new Error('no finding');
        return next.finding;
      })(),
    );

    // Assess
    expect(before.credential).toBe('session-token');
    expect(relabelled).toBe(before.incident!.id);
    expect(later).toMatchObject({
      credential: 'assumed-root',
      incident: { id: before.incident!.id, count: 2, alert: 'update' },
    });
  });

  it('pages exactly once and loses no count when many invocations track one incident at the same time', async () => {
    // Prepare
    const calls = Array.from({ length: 40 }, (_, index) =>
      keyCall(`p${index}`, `2026-11-29T10:${String(index).padStart(2, '0')}:00Z`),
    );

    // Act
    const tracked = await Promise.all(calls.map((call) => newTracker().track(call)));

    // Assess
    expect(tracked.filter((one) => one.incident!.alert === 'first')).toHaveLength(1);
    expect(new Set(tracked.map((one) => one.incident!.id)).size).toBe(1);
    expect(Math.max(...tracked.map((one) => one.incident!.count))).toBe(40);
  });

  it("pages again on Lambda's retry of an event whose alert was not sent, and not once it was", async () => {
    // Prepare
    let now = Date.parse('2026-11-29T10:05:00Z');
    const tracker = newTracker({ now: () => now });
    const [login, call] = [
      signIn('2026-11-29T10:00:00Z', 'Yes'),
      consoleCall('c1', '2026-11-29T10:01:00Z', '2026-11-29T10:00:01Z', 'CreateAccessKey'),
    ];
    const after = async (seconds: number, step: () => Promise<Finding>) => {
      now += seconds * 1000;
      return step();
    };

    // Act: the first alert fails; a redelivery while it is in flight; Lambda's retry a minute later.
    const firstTry = await tracker.track(login!);
    const redeliveredMeanwhile = await after(5, () => tracker.track(login!));
    const retry = await after(60, () => tracker.track(login!));
    await tracker.alertSent(retry);
    const retryAfterSent = await after(120, () => tracker.track(login!));
    const escalation = await tracker.track(call!);
    await tracker.alertSent(escalation);
    const escalationRetried = await after(60, () => tracker.track(call!));

    // Assess
    expect(
      [firstTry, redeliveredMeanwhile, retry, retryAfterSent, escalation, escalationRetried].map(
        (one) => `${one.incident!.alert} ${one.incident!.count}`,
      ),
    ).toStrictEqual(['first 1', 'update 1', 'first 1', 'update 1', 'escalation 2', 'update 2']);
  });

  it('keeps delivery and counts exact past the event keys one item holds: pages re-sent, redeliveries ignored', async () => {
    // Prepare: three keys an item, so that seven calls seal two items.
    let now = Date.parse('2026-11-29T10:05:00Z');
    const tracker = newTracker({ now: () => now, eventKeysPerItem: 3 });
    const login = signIn('2026-11-29T10:00:00Z', 'Yes');
    const calls = Array.from({ length: 7 }, (_, index) =>
      consoleCall(`c${index}`, `2026-11-29T10:0${index + 1}:00Z`, '2026-11-29T10:00:01Z'),
    );
    const escalation = consoleCall('e', '2026-11-29T10:09:00Z', '2026-11-29T10:00:01Z', 'CreateAccessKey');
    await trackAll([login, ...calls], tracker);

    // Act: the escalation's alert fails; Lambda's retry; redeliveries of sealed and open keys, and,
    // in another container, of the escalation once its alert went out.
    const escalated = await tracker.track(escalation);
    now += 60_000;
    const retried = await tracker.track(escalation);
    const redelivered = await trackAll([calls[0]!, calls[3]!, calls[6]!, login], tracker);
    await tracker.alertSent(retried);
    now += 60_000;
    const afterSent = await newTracker({ now: () => now, eventKeysPerItem: 3 }).track(escalation);

    // Assess
    expect(
      [escalated, retried, afterSent].map((one) => `${one.incident!.alert} ${one.incident!.count}`),
    ).toStrictEqual(['escalation 9', 'escalation 9', 'update 9']);
    expect(redelivered.map((one) => one.incident!.count)).toStrictEqual([9, 9, 9, 9]);
  });

  it('pages once when a retry and the first delivery of one event run at the same time', async () => {
    // Prepare
    const event = keyCall('retried', '2026-11-29T10:00:00Z');

    // Act
    const tracked = await Promise.all(Array.from({ length: 8 }, () => newTracker().track(event)));

    // Assess
    expect(tracked.map((one) => one.incident!.alert).sort()).toStrictEqual([
      'first',
      ...Array.from({ length: 7 }, () => 'update'),
    ]);
    expect(tracked.map((one) => one.incident!.count)).toStrictEqual(Array.from({ length: 8 }, () => 1));
  });
});

describe('Incidents: past 5,000 events in one incident (the store in memory)', () => {
  it('re-sends a failed escalation page on retry, and counts no redelivery twice', async () => {
    // Prepare
    let now = Date.parse('2026-11-29T12:00:00Z');
    const tracker = new IncidentTracker(new MemoryVersionedStore(), { now: () => now });
    const login = signIn('2026-11-29T10:00:00Z', 'Yes');
    const calls = Array.from({ length: 5_100 }, (_, index) =>
      consoleCall(`call-${index}`, '2026-11-29T10:30:00Z', '2026-11-29T10:00:01Z'),
    );
    const escalation = consoleCall(
      'escalation',
      '2026-11-29T11:00:00Z',
      '2026-11-29T10:00:01Z',
      'CreateAccessKey',
    );
    await tracker.track(login);
    for (const call of calls) await tracker.track(call);

    // Act: the escalation's alert fails; Lambda's retry after the page lease; redeliveries.
    const escalated = await tracker.track(escalation);
    now += 60_000;
    const retried = await tracker.track(escalation);
    const redelivered = [await tracker.track(calls[0]!), await tracker.track(calls[5_050]!)];

    // Assess
    expect([escalated, retried].map((one) => `${one.incident!.alert} ${one.incident!.count}`)).toStrictEqual([
      'escalation 5102',
      'escalation 5102',
    ]);
    expect(redelivered.map((one) => `${one.incident!.alert} ${one.incident!.count}`)).toStrictEqual([
      'update 5102',
      'update 5102',
    ]);
  });
});
