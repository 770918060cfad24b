// `amparo person add`: a person in a case by pseudonym and role. The protected identity comes only as one
// JSON object on standard input (`--identity-stdin`), never in argv, where the process list and shell
// history would keep it; errors about it never repeat its text.
import { AmparoError } from '../../../shared/errors';
import { EMPTY_IDENTITY, ProtectedIdentity } from '../../../shared/schemas/people';
import { PARTY_ROLES, type PartyRole } from '../../../shared/schemas/parties';
import { withUnlockedVault } from '../core-client';
import { toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import type { StdinText } from '../stdin';
import { flag, text, type Command } from './types';

async function identityFrom(stdin: StdinText): Promise<ProtectedIdentity> {
  const raw = (await stdin.rest()).trim();
  if (!raw) throw new UsageError('--identity-stdin: no JSON object on standard input');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new UsageError('--identity-stdin: standard input is not one JSON object');
  }
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new UsageError('--identity-stdin: standard input is not one JSON object');
  const known = Object.keys(EMPTY_IDENTITY);
  const unknown = Object.keys(data).filter((k) => !known.includes(k));
  if (unknown.length)
    throw new UsageError(
      `--identity-stdin: unknown field(s) ${unknown.join(', ')}; known: ${known.join(', ')}`,
    );
  const parsed = ProtectedIdentity.safeParse({ ...EMPTY_IDENTITY, ...data });
  if (!parsed.success)
    // Field names and the rule broken, never the values.
    throw new AmparoError('VALIDATION_FAILED', 'The identity is not valid', {
      issues: parsed.error.issues.map((i) => ({ path: `identity.${i.path.join('.')}`, message: i.message })),
    });
  return parsed.data;
}

export const personAdd: Command = {
  name: 'person add',
  usage: `person add <dir> --case REF --role ROLE --pseudonym P [--identity-stdin]
               [--classification public|restricted|confidential] [--family-of PERSON-ID] [--relationship R] [--json]
                                     Add a person to a case; the protected identity as one JSON object on
                                     stdin (after the passphrase line): legalName, aliases, dateOfBirth,
                                     idNumbers, phones, addresses, notes. Roles: ${PARTY_ROLES.join(', ')}`,
  options: {
    'passphrase-stdin': { type: 'boolean' },
    'identity-stdin': { type: 'boolean' },
    case: { type: 'string' },
    role: { type: 'string' },
    pseudonym: { type: 'string' },
    classification: { type: 'string' },
    'family-of': { type: 'string' },
    relationship: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const { values } = ctx;
    const ref = text(values, 'case');
    const role = text(values, 'role');
    const pseudonym = text(values, 'pseudonym');
    if (!ref || !role || !pseudonym) throw new UsageError('person add needs --case, --role and --pseudonym');
    if (!(PARTY_ROLES as readonly string[]).includes(role))
      throw new UsageError(`--role must be one of ${PARTY_ROLES.join(', ')}`);
    return withUnlockedVault(ctx, async (core) => {
      // Read after the passphrase line: standard input carries it first.
      const identity = flag(values, 'identity-stdin') ? await identityFrom(ctx.stdin) : undefined;
      const matter = await core.call('matters:find', { ref });
      const person = await core.call('people:create', {
        pseudonym,
        classification: (text(values, 'classification') ?? 'restricted') as 'restricted',
        ...(identity ? { identity } : {}),
      });
      const familyOf = text(values, 'family-of');
      await core.call('parties:add', {
        matterId: matter.id,
        role: role as PartyRole,
        personId: person.id,
        ...(familyOf ? { familyOf } : {}),
        relationship: text(values, 'relationship') ?? '',
      });
      ctx.out(flag(values, 'json') ? toTerminalJson(person) : person.id);
      return EXIT.ok;
    });
  },
};
