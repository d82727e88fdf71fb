/**
 * Access follows signing (issue 6): a pupil signed in through the gateway who has not signed what
 * their year group requires is filtered under the school's guests group until they sign, then
 * under their key stage's group; withdrawing puts them back; under the school's sign-first rule every
 * request gets the page that links to signing. R000-053, R000-081, R001-062, R001-084, R002-036,
 * R003-048.
 */
import { createHash, randomBytes } from 'node:crypto';
import { filter } from '@haven/core';
import { beforeAll, expect, it } from 'vitest';
import { hashPassword } from '../../src/auth/passwords.ts';
import { createDemoSchool, type DemoResult } from '../../src/demo/demo-school.ts';
import { EMPTY_LIST_LOOKUP } from '../../src/haven.ts';
import { type Account, createAccount } from '../../src/repositories/accounts.ts';
import { getUnsignedRule, setUnsignedRule } from '../../src/repositories/agreements.ts';
import { createGateway } from '../../src/repositories/gateways.ts';
import { createPerson, getPerson } from '../../src/repositories/people.ts';
import { requiredFor, withdrawAgreement } from '../../src/services/agreement-service.ts';
import { filterSnapshot } from '../../src/services/filter-service.ts';
import { gatewaySignIn } from '../../src/services/gateway-service.ts';
import { signEverything } from '../helpers/agreements.ts';
import { forEachHaven } from '../helpers/havens.ts';

const PASSWORD = 'copper lantern orchard breeze';
const ADDRESS = '10.20.3.44';

forEachHaven('agreements: access follows signing at the gateway', (t) => {
  let demo: DemoResult;
  let account: Account;

  const preparedNow = async () => new filter.PreparedFilter(await filterSnapshot(t.haven, demo.school.id));
  const groupAt = async (address: string) => {
    const prepared = new filter.PreparedFilter(await filterSnapshot(t.haven, demo.school.id));
    return prepared.identify(address, t.clock.now().getTime());
  };

  beforeAll(async () => {
    demo = await createDemoSchool(t.haven, 'milford-haven', { pupils: 2 });
    const pupil = await createPerson(t.haven.db, {
      schoolId: demo.school.id,
      kind: 'pupil',
      givenName: 'Bea',
      familyName: 'Unsigned',
      displayName: 'Bea Unsigned',
      yearGroup: 'Year 9',
    });
    account = await createAccount(t.haven.db, {
      schoolId: demo.school.id,
      personId: pupil.id,
      email: 'bea.unsigned@milford-haven.example',
      displayName: 'Bea Unsigned',
      passwordHash: await hashPassword(PASSWORD),
      grants: ['pupil'],
    });
    const gateway = await createGateway(t.haven.db, {
      schoolId: demo.school.id,
      name: 'Test gateway',
      site: null,
      credentialHash: createHash('sha256').update(randomBytes(32)).digest('hex'),
      createdAt: t.clock.now().toISOString(),
    });
    const signedIn = await gatewaySignIn(t.haven, gateway, {
      username: account.email,
      password: PASSWORD,
      client: ADDRESS,
    });
    // Unsigned: the sign-in's own answer is the guests' group too, so a gateway caching it agrees.
    expect(signedIn.group).toBe('guests');
  });

  it("an unsigned pupil's traffic follows the school's unsigned rule (guests) until they sign", async () => {
    expect(await getUnsignedRule(t.haven.db, demo.school.id)).toBe('guest-rules');
    expect(
      await requiredFor(t.haven, demo.school, (await getPerson(t.haven.db, account.personId!))!),
    ).toMatchObject([{ agreement: 'secondary-pupil', signed: false, signer: 'self' }]);
    expect(await groupAt(ADDRESS)).toEqual({ group: 'guests', user: account.email });

    await signEverything(t.haven, account.id);
    expect(await groupAt(ADDRESS)).toEqual({ group: 'ks3', user: account.email });

    await withdrawAgreement(
      t.haven,
      { accountId: account.id, label: account.email, schoolId: demo.school.id, grants: ['pupil'], ip: null },
      demo.school.id,
      'secondary-pupil',
      {},
      { ip: null, userAgent: null },
    );
    expect(await groupAt(ADDRESS)).toEqual({ group: 'guests', user: account.email });
  });

  it("with the school's rule 'sign-first', every request is answered by a page linking to where they sign", async () => {
    await setUnsignedRule(t.haven.db, demo.school.id, 'sign-first', 'test', t.clock.now().toISOString());
    // The link needs Haven's public address; without one the guests' rules apply instead.
    const config = t.haven.config as { publicUrl?: string };
    const before = config.publicUrl;
    config.publicUrl = 'https://haven.milford-haven.example';
    try {
      const prepared = await preparedNow();
      const who = prepared.identify(ADDRESS, t.clock.now().getTime());
      expect(who).toEqual({ group: 'guests', user: account.email });
      const ask = (host: string) =>
        filter.decide(prepared, EMPTY_LIST_LOOKUP, { ...who, at: t.clock.now(), host });
      const blocked = ask('www.bbc.co.uk');
      expect(blocked).toMatchObject({ action: 'block', kind: 'sign-first' });
      const page = filter.blockPageFor(prepared, blocked, null, '/__haven/review', 'REF1');
      expect(page).toMatchObject({
        signUrl: 'https://haven.milford-haven.example/agreements',
        reviewUrl: null,
      });
      const html = filter.renderBlockPage(page);
      expect(html).toContain('<h1>Sign your agreement first</h1>');
      expect(html).toContain('href="https://haven.milford-haven.example/agreements"');
      // Haven itself stays reachable, so they can sign.
      expect(ask('haven.milford-haven.example').kind).not.toBe('sign-first');

      await signEverything(t.haven, account.id);
      const after = await preparedNow();
      const signed = after.identify(ADDRESS, t.clock.now().getTime());
      expect(signed.group).toBe('ks3');
      expect(
        filter.decide(after, EMPTY_LIST_LOOKUP, { ...signed, at: t.clock.now(), host: 'www.bbc.co.uk' }).kind,
      ).not.toBe('sign-first');
    } finally {
      config.publicUrl = before;
      await setUnsignedRule(t.haven.db, demo.school.id, 'guest-rules', 'test', t.clock.now().toISOString());
    }
  });
});
