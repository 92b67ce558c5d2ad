import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, exportJWK, generateKeyPair } from 'jose';

// Execution orders (ESAS fullbyrdelsesordre 1.2) for tests, and signing keys of a test sender.

export interface OrderSpec {
  nationalId: string;
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  caseNumber?: string;
  /** The convicted person's post town: decides the responsible facility (Oslo → prison A, Bergen → prison B). */
  postTown?: string;
  court?: string;
  judgmentDate?: string;
  finalDate?: string;
  reactions?: Record<string, unknown>;
  messageId?: string;
}

let caseSeq = 1;

/** A valid execution order, by default for 8 months of unconditional prison. */
export function orderMessage(spec: OrderSpec) {
  const id = () => randomUUID();
  return {
    forsendelse: {
      meldingsId: spec.messageId ?? id(),
      sendtTid: '2026-11-20T09:30:00Z',
      avsender: {
        organisasjon: { organisasjonsnummer: '974760673', navn: 'Oslo politidistrikt' },
        person: { navn: { fornavn: 'Pål', etternavn: 'Påtale' }, tittel: 'Konsulent' },
      },
      kontakt: { beskrivelse: 'Sentralbord', telefonnummer: '02800' },
      mottakerOrganisasjon: { organisasjonsnummer: '911830868', navn: 'Kriminalomsorgen' },
    },
    under18: false,
    fullbyrdelsesordre: {
      anmodningsId: id(),
      paataleansvarlig: { navn: { fornavn: 'Pia', etternavn: 'Politiadvokat' }, tittel: 'Politiadvokat' },
      besluttetAv: { navn: { fornavn: 'Pia', etternavn: 'Politiadvokat' }, tittel: 'Politiadvokat' },
      domfelte: {
        person: {
          personForetakRef: id(),
          navn: { fornavn: spec.givenName ?? 'Ola', etternavn: spec.familyName ?? 'Domfelt' },
          foedselsdato: spec.birthDate ?? '1985-06-15',
          statsborgerskap: [{ kode: 'NOR', navn: 'Norge' }],
          identitetsnummer: { idType: 'FOEDSELSNUMMER', verdi: spec.nationalId },
          tilleggsId: [],
        },
        personAdresse: {
          adresse: {
            adresselinjer: ['Storgata 1'],
            postnummer: '0155',
            poststed: spec.postTown ?? 'Oslo',
            land: { kode: 'NOR', navn: 'Norge' },
          },
        },
        verger: [],
      },
      avgjoerelse: {
        domstol: { organisasjonsnummer: '926725939', navn: spec.court ?? 'Oslo tingrett' },
        avgjoerelseId: id(),
        saksnummer: spec.caseNumber ?? `26-${String(200000 + caseSeq++)}ENE-OTIR/01`,
        avsagtDato: spec.judgmentDate ?? '2026-09-01',
        reaksjoner: spec.reactions ?? { fengsel: { straff: { antallMaaneder: 8 } } },
        straffbareForhold: [
          {
            basissakId: 'basis-12345',
            lovbudKombinert: {
              lovbud: [{ lovbudStreng: 'Straffeloven § 321', gjengivelse: 'Tyveri', strafferamme: 24 }],
            },
            straffesak: {
              straffesaksnummer: '15234567',
              statistikkgruppe: { kode: '0910', navn: 'Tyveri' },
            },
            fornaermede: [
              {
                person: {
                  personForetakRef: id(),
                  navn: { fornavn: 'Kari', etternavn: 'Fornærmet' },
                  foedselsdato: '1970-03-03',
                  kjoenn: 'KVINNE',
                  statsborgerskap: [],
                },
                verger: [],
              },
            ],
          },
        ],
      },
      foregrepetSoning: false,
      rettskraftigFraOgMed: spec.finalDate ?? '2026-10-01',
    },
    beskrivelse: 'Ingen merknader.',
    hovedStraffesaksnummer: '15234567',
    dokumenter: [
      {
        dokumentRef: id(),
        overskrift: 'Dom',
        skrevetDato: '2026-09-01',
        forsendelse: { mimeType: 'application/pdf', uri: 'sftp://justishub/dom.pdf', sjekksum: 'abc123' },
      },
    ],
  };
}

export interface TestSigner {
  kid: string;
  jwksPath: string;
  sign(payload: string | object, kid?: string): Promise<string>;
}

/** A sender's key pair; the public half is written to a JWKS file for ESAS_JWKS_PATH. */
export async function testSigner(kid = 'politiet-test-1'): Promise<TestSigner> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const dir = mkdtempSync(join(tmpdir(), 'varde-jwks-'));
  const jwksPath = join(dir, 'jwks.json');
  writeFileSync(jwksPath, JSON.stringify({ keys: [jwk] }));
  return {
    kid,
    jwksPath,
    sign: (payload, headerKid = kid) =>
      new CompactSign(
        new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload)),
      )
        .setProtectedHeader({ alg: 'RS256', kid: headerKid })
        .sign(privateKey),
  };
}
